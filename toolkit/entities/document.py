"""The one object the entity pipeline works on, from the two texts to the entity list.

Why one document: the steps of :func:`toolkit.entities.extract_entities` used to pass
lists back and forth (mentions out, mentions and links back in, indices remapped on the
way); a step now reads what the steps before it wrote and writes its own fields, so the
data flows down once and every intermediate result can be looked at after a run.

Which component writes which field (:mod:`toolkit.entities.pipeline` runs them in this
order):

==================  ======================================================
``texts``           ``en_text``, ``ar_text``, ``en_ok``, ``ar_ok`` (checked, swapped back)
``sentences``       ``en_sents``, ``ar_sents``
``alignment``       ``pairs``, ``alignment_mode`` (and the aligner's own sentences)
``mentions``        ``en_mentions``, ``ar_mentions``
``links``           ``links``; settles ``ar_mentions`` (projected names added, unconfirmed
                    one-word hits dropped)
``chains``          ``en_chains``, ``ar_chains``
``clusters``        ``entities``
==================  ======================================================

Every component may add a line to ``messages``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import NamedTuple

from ..extract.model import RawMention
from ..normalize.glued import to_given
from .model import Entity, EntityList, Mention


@dataclass(frozen=True, slots=True)
class Sent:
    """One sentence: ``text[start:end]`` of its report."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Pair:
    """Aligned sentences: indices into ``en_sents`` and ``ar_sents`` (either may be empty)."""

    en: tuple[int, ...]
    ar: tuple[int, ...]
    score: float


@dataclass(frozen=True, slots=True)
class Chain:
    """Mentions (indices) of one entity in one language, with the reason for each join."""

    members: tuple[int, ...]
    head: int  # the index of the mention that names it best
    entity_id: str
    reasons: tuple[str, ...]


class CrossLink(NamedTuple):
    """An English mention and an Arabic mention that name the same thing.

    ``en`` and ``ar`` index ``Document.en_mentions`` and ``Document.ar_mentions``;
    ``en_sents`` / ``ar_sents`` are the sentences of the pair the link was found in.
    """

    en: int
    ar: int
    score: float
    why: str
    en_sents: tuple[int, ...]
    ar_sents: tuple[int, ...]


@dataclass(slots=True)
class Document:
    """A report pair (or one report) on its way to an entity list."""

    en_text: str | None
    ar_text: str | None = None
    #: The texts as given, when the reading view (:func:`toolkit.normalize.invisible.readable`)
    #: changed invisible or look-alike characters: mentions report their text from these.
    en_original: str | None = None
    ar_original: str | None = None
    #: Offsets (of ``ar_text``) of the spaces the reading view put back between Arabic words
    #: run together (:mod:`toolkit.normalize.glued`); mentions are mapped back to the text
    #: as given (``ar_original``).
    ar_inserted: tuple[int, ...] = ()
    en_ok: bool = False
    ar_ok: bool = False
    messages: list[str] = field(default_factory=list)
    en_sents: list[Sent] = field(default_factory=list)
    ar_sents: list[Sent] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    alignment_mode: str = "single language"
    en_mentions: list[RawMention] = field(default_factory=list)
    ar_mentions: list[RawMention] = field(default_factory=list)
    links: list[CrossLink] = field(default_factory=list)
    en_chains: list[Chain] = field(default_factory=list)
    ar_chains: list[Chain] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    @property
    def bilingual(self) -> bool:
        """Both reports are usable: sentences are aligned and mentions linked."""
        return self.en_ok and self.ar_ok

    @property
    def usable(self) -> bool:
        return self.en_ok or self.ar_ok

    def _as_written(self, entity: Entity) -> Entity:
        """The entity with each mention's text as the original writes it: the reading view
        keeps offsets, except for the spaces it put back between Arabic words run together,
        whose mentions (and the names read from them) are mapped back to the text as given."""
        originals = {"en": self.en_original, "ar": self.ar_original}
        if not any(originals.values()):
            return entity
        mentions = tuple(self._mention_as_given(m, originals.get(m.lang)) for m in entity.mentions)
        if not self.ar_inserted:
            return replace(entity, mentions=mentions)
        given = {m.text: g.text for m, g in zip(entity.mentions, mentions) if m.lang == "ar"}
        return replace(
            entity, mentions=mentions, ar=given.get(entity.ar, entity.ar),
            variants_ar=tuple(dict.fromkeys(given.get(v, v) for v in entity.variants_ar)),
        )

    def _mention_as_given(self, m: Mention, text: str | None) -> Mention:
        if text is None:
            return m
        if m.lang == "ar" and self.ar_inserted:
            start, end = to_given(m.start, self.ar_inserted), to_given(m.end, self.ar_inserted)
            return replace(m, start=start, end=end, text=text[start:end])
        return replace(m, text=text[m.start:m.end])

    def sentences_as_given(self, lang: str) -> list[Sent]:
        """The sentences of one report with offsets into the text as given."""
        sents = self.en_sents if lang == "en" else self.ar_sents
        original = self.en_original if lang == "en" else self.ar_original
        if lang == "en" or not self.ar_inserted or original is None:
            return sents
        out = []
        for s in sents:
            start, end = to_given(s.start, self.ar_inserted), to_given(s.end, self.ar_inserted)
            out.append(Sent(original[start:end], start, end))
        return out

    def result(self) -> EntityList:
        """The public result: entities, messages, the aligner used and the sentence links."""
        if not self.usable:
            return EntityList((), tuple(self.messages) or ("no usable text",))
        return EntityList(
            tuple(self._as_written(e) for e in self.entities), tuple(self.messages), self.alignment_mode,
            tuple((p.en, p.ar, p.score) for p in self.pairs),
        )
