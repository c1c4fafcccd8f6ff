"""The shipped pieces wired together: the lexicon lookup with the transliteration model.

Why a module of its own: :mod:`toolkit.lexicon` and :mod:`toolkit.translit` are sibling
layers and never import each other, yet a Latin query against an Arabic-only list is
answered best when the model's Arabic spellings of it are looked up too (and an Arabic
query against a Latin-only list with its Latin ones). This layer, above both, builds the
:class:`~toolkit.lexicon.speller.Speller` from the model and hands it to the lexicon;
``toolkit.lookup``, ``toolkit.Lexicon`` and the CLI use what is wired here.

Nothing heavy is imported until a lookup needs the model: :func:`speller` returns at
once, and the transliterator (its tables and numpy weights) loads on the first query
without a sure match.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from .lexicon import Lexicon as _BareLexicon
from .lexicon import Match
from .lexicon.params import DEFAULT_PARAMS, LookupParams
from .lexicon.speller import EngineSpeller, Speller, Spellings, Target

__all__ = ["Lexicon", "default_lexicon", "lexicon_from", "lookup", "speller"]


class _ModelSpeller:
    """The shipped model as a speller, loaded on its first call (thread-safe), once
    per process: every lexicon of the process shares it, and forked workers inherit it.

    The engine is ``Transliterator(use_lexicon=False)``: the lookup already searches the
    lexicons, and the shipped lexicons' whole-name hits must not stand in for the
    model's reading of a query (the spellings, and so the lookup answers, would change).
    """

    def __init__(self) -> None:
        self._inner: EngineSpeller | None = None
        self._lock = threading.Lock()

    def __call__(self, queries: Sequence[str], target: Target, top: int) -> list[Spellings]:
        if self._inner is None:
            with self._lock:
                if self._inner is None:
                    from .translit import TranslitError, Transliterator

                    self._inner = EngineSpeller(Transliterator(use_lexicon=False), refused=(TranslitError,))
        return self._inner(queries, target, top)


_SPELLER = _ModelSpeller()


def speller() -> Speller:
    """The process-wide speller over the shipped transliteration model (lazy)."""
    return _SPELLER


class Lexicon(_BareLexicon):
    """:class:`toolkit.lexicon.Lexicon` with the shipped model as its speller unless
    another is given: what ``toolkit.Lexicon`` is, so ``Lexicon.from_paths(...)`` and
    ``Lexicon.default()`` look Latin queries up with their Arabic spellings as before."""

    def __init__(
        self,
        db: Path,
        sources: Sequence[Path] = (),
        speller: Speller | None = None,
        params: LookupParams = DEFAULT_PARAMS,
    ) -> None:
        super().__init__(db, sources, speller=speller if speller is not None else _SPELLER, params=params)


def lexicon_from(
    paths: Iterable[str | Path] = (),
    with_shipped: bool | None = None,
    translit: bool = True,
    cache: Path | None = None,
) -> _BareLexicon:
    """The lexicon of ``paths`` (user lexicons: TSV, CSV, JSONL), plus the shipped ones
    when ``with_shipped``; no paths: the shipped ones (``with_shipped=None`` means
    "only when no paths are given"). ``translit=False``: no model spellings at all."""
    paths = list(paths)
    shipped = (not paths) if with_shipped is None else (with_shipped or not paths)
    return _BareLexicon.from_paths(paths, with_shipped=shipped, cache=cache, speller=_SPELLER if translit else None)


def default_lexicon() -> _BareLexicon:
    """The shipped lexicons with the shipped model, compiled once per process."""
    return _cached_lexicon((), True)


_OPEN: dict[tuple[tuple[str, ...], bool], _BareLexicon] = {}
_OPEN_LOCK = threading.Lock()


def _cached_lexicon(paths: tuple[str, ...], shipped: bool) -> _BareLexicon:
    key = (paths, shipped)
    lex = _OPEN.get(key)
    if lex is None:
        with _OPEN_LOCK:
            lex = _OPEN.get(key)
            if lex is None:
                lex = _OPEN[key] = lexicon_from(paths, with_shipped=shipped)
    return lex


def lookup(
    query: str,
    top: int = 5,
    lexicons: Iterable[str | Path] | None = None,
    with_shipped: bool | None = None,
    type: str | None = None,
    translit: bool = True,
) -> list[Match]:
    """Look ``query`` up in the shipped lexicons, or in ``lexicons`` (plus the shipped
    ones when ``with_shipped``). The compiled lexicon is kept for the next call.
    ``translit=False`` leaves the learned model out (see :meth:`Lexicon.lookup`).
    A ``query`` that is not a string is a ``TypeError``, before any lexicon is opened."""
    if not isinstance(query, str):
        raise TypeError(f"query must be a str, got {query.__class__.__name__}")
    paths = tuple(str(Path(p).resolve()) for p in (lexicons or ()))
    shipped = (not paths) if with_shipped is None else (with_shipped or not paths)
    return _cached_lexicon(paths, shipped).lookup(query, top=top, type=type, translit=translit)
