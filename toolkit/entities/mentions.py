"""Component ``mentions``: the names each report writes, with offsets and sentences.

The extractors of :mod:`toolkit.extract` find lexicon hits and pattern or cue-word
names; a local token-classification model (``ner_model``) may add mentions where the
rules found none. Every mention then gets the index of its sentence.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from pathlib import Path

from ..extract.arabic import extract_arabic
from ..extract.english import extract_english
from ..extract.gazetteer import Gazetteer
from ..extract.model import RawMention
from .document import Document, Sent

NerFn = Callable[[str], list[RawMention]]


def merge_model(rule: list[RawMention], model: list[RawMention]) -> list[RawMention]:
    """Model mentions fill gaps; rule/lexicon mentions win where they overlap."""
    if not model:
        return rule
    out = list(rule)
    for m in model:
        if not any(m.overlaps(r) for r in out):
            out.append(m)
    return sorted(out, key=lambda m: m.start)


def with_sentences(mentions: list[RawMention], sents: Sequence[Sent]) -> list[RawMention]:
    """Each mention with the index of the sentence it starts in."""
    if not sents:
        return [m.with_sentence(0) for m in mentions]
    starts = [s.start for s in sents]
    out = []
    for m in mentions:
        k = max(0, bisect.bisect_right(starts, m.start) - 1)
        out.append(m.with_sentence(k))
    return out


def is_weak(m: RawMention) -> bool:
    """One ordinary word standing for a longer lexicon name (see
    :func:`toolkit.extract.arabic.extract_arabic`): kept only when the English side confirms it."""
    return ("weak", "1") in m.extras


class FindMentions:
    """Component ``mentions``. The NER model, if any, is loaded when the component is
    built, so a bad model directory fails before any work is done."""

    name = "mentions"

    def __init__(self, gazetteer: Gazetteer, ner_model: str | Path | None = None) -> None:
        self.gazetteer = gazetteer
        self.ner_en: NerFn | None = None
        self.ner_ar: NerFn | None = None
        if ner_model is not None:
            from ..extract.ner import load_ner  # transformers: only with a model

            self.ner_en = load_ner(ner_model, "en")
            self.ner_ar = load_ner(ner_model, "ar")

    def __call__(self, doc: Document) -> None:
        gaz = self.gazetteer
        en_m: list[RawMention] = []
        ar_m: list[RawMention] = []
        if doc.en_ok:
            en_text = doc.en_text or ""
            en_m = merge_model(extract_english(en_text, gaz), self.ner_en(en_text) if self.ner_en else [])
        if doc.ar_ok:
            ar_text = doc.ar_text or ""
            ar_m = merge_model(extract_arabic(ar_text, gaz), self.ner_ar(ar_text) if self.ner_ar else [])
        if not doc.en_ok:
            # Arabic alone: no English side can confirm a weak one-word hit.
            ar_m = [m for m in ar_m if not is_weak(m)]
        doc.en_mentions = with_sentences(en_m, doc.en_sents)
        doc.ar_mentions = with_sentences(ar_m, doc.ar_sents)
