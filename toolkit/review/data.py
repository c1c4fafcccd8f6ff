"""What a review page shows, gathered from one run of the entity pipeline.

Why the pipeline's own :class:`~toolkit.entities.Document` rather than
:func:`toolkit.entities.extract_entities` and a second split: the sentence links index
the aligner's sentences, and mention offsets point into the texts as the pipeline read
them (swapped back when the two were given the wrong way round). Running the same
components once and keeping the document gives the page exactly those sentences and
texts, so every highlight sits where the entity list says it is.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..entities import Document, EntityList, build_pipeline
from ..entities.document import Pair, Sent
from ..entities.model import Entity
from ..extract.model import non_overlapping
from ..entities.pipeline import gazetteer_from
from ..entities.texts import CheckTexts

if TYPE_CHECKING:
    from ..align import Encoder


#: Lone surrogates (text decoded with ``surrogateescape``): the page cannot be written
#: as UTF-8 with them, and the NER tagger fails on them. One code point each, so the
#: replacement keeps every offset.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def writable(text: str | None) -> str | None:
    return None if text is None else LONE_SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True, slots=True)
class Span:
    """A highlight: ``[start, end)`` of a report, the mention of entity ``entity``
    (an index into :attr:`Review.entities`)."""

    start: int
    end: int
    entity: int


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the page: aligned sentence groups (either side may be empty: a 1-0
    or 0-1 link, or a sentence the aligner left out) and the link's score (None when
    the sentences were not aligned at all)."""

    en: tuple[int, ...]
    ar: tuple[int, ...]
    score: float | None


@dataclass(slots=True)
class Review:
    """Everything the page renders; :func:`toolkit.review.render.render` writes it."""

    en_name: str
    ar_name: str
    en_text: str
    ar_text: str
    en_sents: list[Sent]
    ar_sents: list[Sent]
    rows: list[Row]
    result: EntityList
    version: str
    #: sentence index -> highlights in it, per language
    spans: dict[str, dict[int, list[Span]]] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)

    @property
    def entities(self) -> tuple[Entity, ...]:
        return self.result.entities


def toolkit_version() -> str:
    """The version the package root declares.

    Read from ``sys.modules`` rather than imported: the package root stands above
    every layer (tests/test_architecture.py), and it is always imported before any of
    its submodules, so it is there to read.
    """
    root = sys.modules.get(__name__.split(".")[0])
    return str(getattr(root, "__version__", "unknown"))


def run_pipeline(en_text: str, ar_text: str | None, *, presplit: bool = False,
                 encoder: Encoder | str | None = None, lexicon: object | None = None) -> Document:
    """The entity pipeline over the pair, the document kept (see the module docstring)."""
    doc = Document(en_text, ar_text)
    CheckTexts()(doc)
    if doc.usable:
        build_pipeline(gazetteer_from(lexicon), presplit=presplit, encoder=encoder)(doc)
    return doc


def rows_of(pairs: Sequence[Pair], n_en: int, n_ar: int) -> list[Row]:
    """The page's rows: the aligner's links in its order, and every sentence no link
    names placed just after the row of the sentence before it.

    Why placed and not appended: a refused alignment (or a single report) still reads
    as two documents in order; with no links at all each sentence stands beside the
    other side's sentence at the same relative position.
    """
    rows = [Row(tuple(p.en), tuple(p.ar), float(p.score)) for p in pairs]
    keyed: list[tuple[float, int, Row]] = [(float(k), 0, r) for k, r in enumerate(rows)]
    for side, n in ((0, n_en), (1, n_ar)):
        row_of = {i: k for k, r in enumerate(rows) for i in (r.en if side == 0 else r.ar)}
        prev = -1.0
        for i in range(n):
            if i in row_of:
                prev = float(row_of[i])
                continue
            if rows:
                prev += 1e-6  # after the row before, in sentence order
                pos = prev + 0.5
            else:
                pos = i / max(n, 1) * max(n_en, n_ar, 1)
            row = Row((i,), (), None) if side == 0 else Row((), (i,), None)
            keyed.append((pos, 1 + side, row))
    keyed.sort(key=lambda t: (t[0], t[1]))
    return [r for _, _, r in keyed]


def index_spans(result: EntityList, en_sents: list[Sent], ar_sents: list[Sent]) -> tuple[dict[str, dict[int, list[Span]]], int]:
    """Highlights per language and sentence; the count of mentions no sentence holds.

    Sentences are found by offset (the mention's own ``sentence`` index is the same
    for the pipeline's output, but a registry may hand back mentions filed earlier).
    Overlapping mentions keep the first, longest one: a highlight cannot nest.
    """
    out: dict[str, dict[int, list[Span]]] = {"en": {}, "ar": {}}
    lost = 0
    starts = {"en": [s.start for s in en_sents], "ar": [s.start for s in ar_sents]}
    sents = {"en": en_sents, "ar": ar_sents}
    for k, entity in enumerate(result.entities):
        for m in entity.mentions:
            if m.lang not in out:
                lost += 1
                continue
            j = bisect_right(starts[m.lang], m.start) - 1
            if j < 0 or m.end > sents[m.lang][j].end or m.end <= m.start:
                lost += 1
                continue
            out[m.lang].setdefault(j, []).append(Span(m.start, m.end, k))
    for by_sent in out.values():
        for j, spans in by_sent.items():
            by_sent[j] = non_overlapping(spans)
    return out, lost


def file_in_registry(result: EntityList, registry: str | Path, doc: str) -> tuple[EntityList, str]:
    """The list under its registry ids (filed under ``doc``), and a line saying so."""
    from ..entities.registry import Registry

    with Registry(registry) as reg:
        filing = reg.file(result, doc)
    filed = len(filing.assignments)
    return filing.entities, f"registry {registry}: {filed} entities filed under {doc!r} ({filing.new} new, {filed - filing.new} known)"


def build_review(en_text: str, ar_text: str | None, *, en_name: str = "English report",
                 ar_name: str = "Arabic report", presplit: bool = False, encoder: Encoder | str | None = None,
                 lexicon: object | None = None, registry: str | Path | None = None, doc: str | None = None) -> Review:
    """The review of a report pair: the pipeline run once, its rows and highlights."""
    d = run_pipeline(writable(en_text) or "", writable(ar_text), presplit=presplit, encoder=encoder, lexicon=lexicon)
    result = d.result()
    messages = list(result.messages)
    if registry is not None and len(result):
        result, line = file_in_registry(result, registry, doc or f"{en_name} + {ar_name}")
        messages.append(line)
    en_sents = d.sentences_as_given("en") if d.en_ok else []
    ar_sents = d.sentences_as_given("ar") if d.ar_ok else []
    review = Review(
        # the texts as given (sentences and mentions mapped back to them); the page strips bidi itself
        en_name, ar_name, d.en_original or d.en_text or "", d.ar_original or d.ar_text or "", en_sents, ar_sents,
        rows_of(d.pairs, len(en_sents), len(ar_sents)), result, toolkit_version(), messages=messages,
    )
    review.spans, lost = index_spans(result, en_sents, ar_sents)
    if lost:
        review.messages.append(f"{lost} mentions lie outside every sentence and are not highlighted")
    return review
