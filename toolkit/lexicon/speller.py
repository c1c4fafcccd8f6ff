"""The speller a lookup asks for a query's spellings in the other script.

Why injected: the learned transliteration model reads foreign names (Reza / رضا,
Thomas / توماس) better than the phonetic key, which is built for Arabic names, so an
unsure Latin query is helped by its Arabic spellings (and an Arabic query by its Latin
ones). But :mod:`toolkit.translit` is a sibling layer of this package: the lexicon must
not import it. So a :class:`~toolkit.lexicon.Lexicon` takes any :class:`Speller`, and
:mod:`toolkit.defaults` (the layer above both) wires the shipped model in. Without a
speller a lookup is what it is with ``translit=False``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, Protocol

#: The script a spelling is asked in: ``ar`` (for Latin queries) or ``en`` (for Arabic ones).
Target = Literal["ar", "en"]

#: A query's spellings in the target script with the speller's confidence, best first.
Spellings = list[tuple[str, float]]


class Speller(Protocol):
    """``speller(queries, target, top)``: at most ``top`` (spelling, score in [0, 1]) of
    each query in the ``target`` script, best first, one list per query (empty when it
    has none)."""

    def __call__(self, queries: Sequence[str], target: Target, top: int) -> list[Spellings]: ...


class EngineSpeller:
    """A :class:`Speller` over a transliteration engine: any object with
    ``transliterate_many(names, to, top)`` returning, per name, candidates with ``text``
    and ``score`` (:class:`toolkit.translit.Transliterator` is one). Duck-typed so this
    package need not import the engine's.

    ``refused``: the exceptions by which the engine declines a batch (bad input); then
    every query of it gets no spellings, and lookup answers as without the model. The
    refusal is logged, never silent.
    """

    def __init__(self, engine: Any, refused: tuple[type[BaseException], ...] = ()) -> None:
        self.engine = engine
        self.refused = refused

    def __call__(self, queries: Sequence[str], target: Target, top: int) -> list[Spellings]:
        if not queries:
            return []
        to = "arabic" if target == "ar" else "latin"
        try:
            lists = self.engine.transliterate_many(list(queries), to, top=top)
        except self.refused as exc:
            import logging  # here, not at import: a cold lookup must not pay for it

            logging.getLogger(__name__).info("the transliterator declined %d lookup queries (%s); looked up without it", len(queries), exc)
            return [[] for _ in queries]
        return [[(c.text, c.score) for c in cands] for cands in lists]
