"""The entity list: entities, their mentions and the evidence behind every link.

Why evidence is first-class: a reader who sees "Kataeb Hezbollah = كتائب حزب الله" must
be able to ask why (same lexicon id? linked in aligned sentences 4↔3 with score 0.93?
the surname resolved to the full name?), and a registry merge must be explainable and
reversible.  All records are frozen: results are values.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .confidence import Signals


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence: ``text[start:end]`` of the document in ``lang``."""

    lang: str
    start: int
    end: int
    text: str
    sentence: int
    source: str
    name: str = ""
    type: str = "MISC"
    title: str = ""
    score: float = 1.0

    def to_dict(self) -> dict[str, object]:
        d: dict[str, object] = {
            "lang": self.lang, "start": self.start, "end": self.end, "text": self.text,
            "sentence": self.sentence, "source": self.source,
        }
        if self.title:
            d["title"] = self.title
        return d


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why two names are one entity (or where a name came from).

    ``kind``: ``lexicon`` (same lexicon id), ``link`` (aligned sentences, cross-script
    score), ``projection`` (English name found in the aligned Arabic sentence),
    ``coref`` (same-language short form or acronym), ``translit`` (other-script name by
    transliteration), ``registry`` (resolved against an earlier document).
    """

    kind: str
    detail: str
    score: float = 1.0

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "detail": self.detail, "score": round(self.score, 3)}


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A name offered for a side that neither report nor the lexicon writes.

    Why a field of its own: ``en`` and ``ar`` hold only names with evidence (written in a
    report, or a lexicon name), so a reader can trust them; a transliteration is a guess
    and stays visibly one (``source`` is ``translit``, ``score`` the transliterator's).
    """

    text: str
    source: str
    score: float

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "source": self.source, "score": round(self.score, 3)}


@dataclass(frozen=True, slots=True)
class Entity:
    """One entity of the list.

    ``en`` / ``ar``: its name in each script, only with evidence: a lexicon name or a name
    one of the reports writes (empty when neither does). ``suggested_en`` /
    ``suggested_ar``: guesses for an empty side (transliterations of a name, never of
    descriptive words). ``confidence``: the calibrated probability that the entity is
    real and its names right (:mod:`toolkit.entities.confidence`); ``signals`` the
    evidence it was computed from.
    """

    id: str
    type: str
    en: str
    ar: str
    variants_en: tuple[str, ...] = ()
    variants_ar: tuple[str, ...] = ()
    suggested_en: tuple[Suggestion, ...] = ()
    suggested_ar: tuple[Suggestion, ...] = ()
    mentions: tuple[Mention, ...] = ()
    confidence: float = 0.0
    evidence: tuple[Evidence, ...] = ()
    lexicon_id: str = ""
    signals: Signals = field(default_factory=Signals, compare=False, repr=False)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "type": self.type,
            "en": self.en,
            "ar": self.ar,
            "variants_en": list(self.variants_en),
            "variants_ar": list(self.variants_ar),
            "suggested_en": [s.to_dict() for s in self.suggested_en],
            "suggested_ar": [s.to_dict() for s in self.suggested_ar],
            "mentions": [m.to_dict() for m in self.mentions],
            "confidence": round(self.confidence, 3),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class EntityList:
    """The result of :func:`toolkit.entities.extract_entities`.

    ``messages`` says, in plain words, anything the caller should know (binary input,
    one language only, no entities found, the sentence aligner that was used).
    """

    entities: tuple[Entity, ...] = ()
    messages: tuple[str, ...] = ()
    alignment_mode: str = ""
    links: tuple[tuple[tuple[int, ...], tuple[int, ...], float], ...] = field(default=())

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities)

    def __len__(self) -> int:
        return len(self.entities)

    def __getitem__(self, i: int) -> Entity:
        return self.entities[i]

    def by_id(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def find(self, name: str) -> Entity | None:
        """The entity whose English or Arabic name (or a variant) is ``name``."""
        for e in self.entities:
            if name in (e.en, e.ar) or name in e.variants_en or name in e.variants_ar:
                return e
        return None

    def to_dict(self) -> dict[str, object]:
        return {"entities": [e.to_dict() for e in self.entities]}
