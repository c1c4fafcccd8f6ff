"""A Latin name asked in Latin letters: respelled through its Arabic spellings.

Why: ``toolkit translit "Mohammed Shiaa al-Sudani" --to latin --style official`` asks for
the name as another style writes it (Muhammad Shiya' al-Sudani), and the only road between
two Latin spellings of an Arabic name is the Arabic name itself. Before, the name came back
as it was, scored 1.0 by "rules": a score without evidence. Now the name's best Arabic
spellings are transliterated back in the style asked, each candidate scored by the product
of its two legs (an unlikely Arabic reading makes an unlikely respelling), and marked
``pivot`` (``lexicon`` when both legs are lexicon names: the entity is known).
"""

from __future__ import annotations

from ..normalize.script import has_arabic, has_latin
from .rank import Candidate, merge
from .spelling import latin_key


def is_latin_only(name: str) -> bool:
    """A name in Latin letters with no Arabic letter: the kind respelled through Arabic."""
    return has_latin(name) and not has_arabic(name)


def respelled(name: str, arabic: list[Candidate], back: list[list[Candidate]], top: int) -> list[Candidate]:
    """The Latin candidates of the Latin ``name`` from its Arabic spellings ``arabic`` and
    each one's Latin n-best ``back`` (same order): scores multiplied, best first. When the
    round trip gives the name itself back, it goes first: the style asked writes it so."""
    groups = []
    for a, latins in zip(arabic, back, strict=True):
        groups.append([
            Candidate(c.text, c.score * a.score, "lexicon" if a.source == c.source == "lexicon" else "pivot")
            for c in latins if c.source != "translation"
        ])
    out = merge(groups, top)
    key = latin_key(name)
    same = next((k for k, c in enumerate(out) if latin_key(c.text) == key), None)
    if not same:
        return out
    first = out[same]
    return [Candidate(first.text, out[0].score, first.source), *out[:same], *out[same + 1:]]
