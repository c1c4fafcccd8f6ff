"""The record every extractor returns: a mention with exact character offsets.

Why one record for both languages: linking, coreference and clustering work on
mentions without caring which extractor found them; ``source`` keeps that history
(``lexicon``, ``pattern``, ``cue``, ``acronym``, ``projection``, ``model``) so the
entity list can say where every mention came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True, slots=True)
class RawMention:
    """A span of ``text[start:end]`` naming something.

    ``name`` is the name as it should be compared (title stripped, clitics removed);
    ``title`` keeps what was stripped so it is not lost ("President", "الرئيس").
    ``entity_id`` is set when the lexicon recognised the span.
    """

    lang: str
    start: int
    end: int
    text: str
    name: str
    type: str = "MISC"
    source: str = "pattern"
    entity_id: str = ""
    score: float = 1.0
    title: str = ""
    acronym_of: str = ""
    sentence: int = -1
    extras: tuple[tuple[str, str], ...] = field(default=())

    def with_sentence(self, index: int) -> "RawMention":
        return replace(self, sentence=index)

    def overlaps(self, other: "RawMention") -> bool:
        return self.start < other.end and other.start < self.end
