"""Transliterate a stream of names, a batch at a time, with an answer for every name.

Why a module of its own: ``cut -f1 names.tsv | toolkit translit --json`` must give one
answer per input line, in input order, even when some lines are not names (too long, no
letters): a bad line gets its own error and the others keep their candidates. The model
is fastest a batch at a time (it decodes the distinct words of a batch together), so the
names are sent in batches, and a batch the engine refuses is redone name by name to find
the bad one. Batches can be shared among forked worker processes
(:func:`toolkit.parallel.map_batches`); the answers still come back in input order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Literal

from ..normalize.script import ARABIC_CLASS
from ..parallel import map_batches
from . import Candidate, TranslitError, Transliterator, default_transliterator, romanize

Target = Literal["latin", "arabic"]

_ARABIC_CHAR = re.compile(f"[{ARABIC_CLASS}]")


@dataclass(frozen=True)
class BatchParams:
    """How a stream of names is cut up."""

    #: Names per batch. 512 keeps a batch's distinct words in one model call while the
    #: first answers of a long stream still come within a second (chosen with
    #: benchmarks/translit.py, batch speed with ``--cli-workers``).
    names_per_batch: int = 512


BATCH = BatchParams()


@dataclass(frozen=True)
class Request:
    """What every name of the stream is asked for (the options of ``toolkit translit``)."""

    to: Target | None = None  # None: the other script than the name's own
    top: int = 5
    scheme: str | None = None
    region: str | None = None
    style: str = "press"  # Arabic → Latin: press | official | scholarly (styles.py)


@dataclass(frozen=True)
class Answer:
    """One name's answer: its candidates, or the reason it has none."""

    name: str
    candidates: list[Candidate] = field(default_factory=list)
    #: Why the engine refused this name (too long, ...); ``candidates`` is then empty.
    error: str | None = None
    #: What a standard scheme says about its output (e.g. "input has no short vowels").
    note: str = ""


def target_of(name: str, to: Target | None = None) -> Target:
    """The script to write ``name`` in: ``to`` when given, else the other script than
    the name's. Any character of an Arabic block counts, not only letters, so that
    Arabic-Indic digits alone (``٢٠٢٤``) are written in Latin (``2024``)."""
    if to is not None:
        return to
    return "latin" if _ARABIC_CHAR.search(name) else "arabic"


def engine_for(model_dir: Path | None = None, beams: int | None = None) -> Transliterator:
    """The process-wide transliterator, or a new one over ``model_dir`` / with ``beams``."""
    if model_dir is not None or beams is not None:
        return Transliterator(model_dir=model_dir, beams=beams or 5)
    return default_transliterator()


def answer_batch(engine: Transliterator, names: Sequence[str], request: Request) -> list[Answer]:
    """An answer for each name, in order; one model call per target script.

    When the engine refuses the batch (one bad name fails the whole call), every name is
    asked again on its own, so only the bad ones go without candidates.
    """
    names = list(names)
    try:
        results: list[list[Candidate]] = [[] for _ in names]
        for direction in ("latin", "arabic"):
            idx = [i for i, name in enumerate(names) if target_of(name, request.to) == direction]
            if idx:
                got = engine.transliterate_many([names[i] for i in idx], direction, request.top,
                                                request.scheme, request.region, request.style)
                for i, candidates in zip(idx, got):
                    results[i] = candidates
        return [_answer(name, candidates, request) for name, candidates in zip(names, results)]
    except TranslitError:
        return [_answer_alone(engine, name, request) for name in names]


def _answer_alone(engine: Transliterator, name: str, request: Request) -> Answer:
    try:
        candidates = engine.transliterate_many([name], target_of(name, request.to), request.top,
                                               request.scheme, request.region, request.style)[0]
    except TranslitError as exc:
        return Answer(name, [], str(exc))
    return _answer(name, candidates, request)


def _answer(name: str, candidates: list[Candidate], request: Request) -> Answer:
    return Answer(name, candidates, None, scheme_note(name, request))


def scheme_note(name: str, request: Request) -> str:
    """What the requested scheme says about its output for ``name`` ("" when nothing,
    or when no scheme is asked for or the scheme cannot write this name at all)."""
    if request.scheme is None or not name:
        return ""
    try:
        return romanize(name, request.scheme, target_of(name, request.to)).note
    except ValueError:  # a one-way scheme asked to go back: the engine's error says so
        return ""


def answer_batches(
    engine: Transliterator,
    batches: Iterable[Sequence[str]],
    request: Request,
    workers: int = 1,
    params: BatchParams = BATCH,
) -> Iterator[list[Answer]]:
    """The answers of every batch of names, a batch at a time, in input order.

    ``workers`` > 1 shares the batches among forked processes (the first batch is done
    here, which loads the model that the workers then inherit). A batch shorter than
    ``params.names_per_batch`` means the input is arriving slowly, and its answers are
    handed out before the next batch is awaited. A worker that dies raises
    ``concurrent.futures.process.BrokenProcessPool``.
    """
    work = partial(answer_batch, engine, request=request)
    for _, answers in map_batches(work, batches, workers, params.names_per_batch):
        yield answers
