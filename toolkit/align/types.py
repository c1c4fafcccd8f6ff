"""Result types of sentence alignment.

Frozen dataclasses so a result can be shared, hashed and cached without anyone
mutating it behind the caller's back.  Offsets always point into the text the
caller gave, so the entity list can show every mention in its original context.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Mode = Literal["parallel", "comparable"]


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text == source[start:end]`` of the text it was split from."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Link:
    """English sentences ``en`` correspond to Arabic sentences ``ar``.

    Either side may be empty: a 1-0 link is an English sentence with no Arabic
    counterpart (dropped by the translator or the other report), 0-1 the reverse.
    ``score`` is in [0, 1]; higher means more confident.
    """

    en: tuple[int, ...]
    ar: tuple[int, ...]
    score: float

    @property
    def kind(self) -> str:
        """``"1-1"``, ``"2-1"``, ``"1-0"`` ... (English count first)."""
        return f"{len(self.en)}-{len(self.ar)}"


@dataclass(frozen=True)
class Alignment:
    """Sentences of both texts and the links between them.

    Every sentence index appears in exactly one link.  In ``parallel`` mode the links
    are monotone (a translation keeps the order); in ``comparable`` mode they may cross
    and unmatched material stays in 1-0 / 0-1 links.
    """

    en: tuple[Sentence, ...]
    ar: tuple[Sentence, ...]
    links: tuple[Link, ...]
    mode: Mode

    def pairs(self) -> list[tuple[str, str, Link]]:
        """(English text, Arabic text, link) for every link, sides joined by a space."""
        return [
            (" ".join(self.en[i].text for i in link.en), " ".join(self.ar[j].text for j in link.ar), link)
            for link in self.links
        ]

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON document: links with indices, character spans and scores."""
        return {
            "links": [
                {
                    "en": list(link.en),
                    "ar": list(link.ar),
                    "score": round(link.score, 4),
                    "en_spans": [[self.en[i].start, self.en[i].end] for i in link.en],
                    "ar_spans": [[self.ar[j].start, self.ar[j].end] for j in link.ar],
                }
                for link in self.links
            ],
            "mode": self.mode,
        }
