"""Lookups of a long stream of queries on several processes, answers in input order.

:meth:`Lexicon.lookup_many` is CPU-bound Python, so one process answers about a thousand
fuzzy queries a second; a stream of tens of thousands (``cat names.txt | toolkit lookup
--json``) goes nearly twice as fast on two cores. The pool is :func:`toolkit.parallel.map_batches`:
the first batch loads the part vocabulary and the name rows in the calling process, and
forked workers inherit them, each reopening its own SQLite connection (one must not
cross a fork). The speller (the lexicon's, or the one given) is inherited the same way:
a model the first batch loaded is not loaded again in every worker.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import partial

from ..parallel import map_batches
from .lexicon import Lexicon, Match
from .speller import Speller


def lookup_batches(
    lex: Lexicon,
    batches: Iterable[Sequence[str]],
    top: int = 5,
    type: str | None = None,
    workers: int = 1,
    drain_below: int = 0,
    translit: bool = True,
    speller: Speller | None = None,
) -> Iterator[tuple[list[str], list[list[Match]]]]:
    """Every batch of queries with its matches (one list per query), in input order.
    ``speller``: asked instead of the lexicon's own (see :meth:`Lexicon.lookup_many`)."""
    work = partial(lex.lookup_many, top=top, type=type, translit=translit, speller=speller)
    return map_batches(work, batches, workers=workers, drain_below=drain_below, after_fork=lex.reconnect)
