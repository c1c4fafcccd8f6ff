"""The record every extractor returns: a mention with exact character offsets.

Why one record for both languages: linking, coreference and clustering work on
mentions without caring which extractor found them; ``source`` keeps that history
(``lexicon``, ``pattern``, ``cue``, ``acronym``, ``projection``, ``model``) so the
entity list can say where every mention came from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Protocol, TypeVar


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


class Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanned)


def non_overlapping(mentions: Iterable[S]) -> list[S]:
    """The spans sorted by start (longest first at a start), each one that overlaps a
    span kept before it left out: the first and longest reading wins."""
    out: list[S] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
