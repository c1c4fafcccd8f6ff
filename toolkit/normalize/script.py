"""Which script a text is written in: the one place the toolkit decides it.

Why one module: the Arabic blocks (Arabic, Supplement, Extended-A, Presentation Forms A
and B) and the answer's labels were written out in about nine places with different
ranges; a name with a presentation-form letter could be Arabic to the lookup and Latin to
the entity list. Everything that asks "is this Arabic?" asks here.
"""

from __future__ import annotations

import re
from typing import Literal

Script = Literal["arabic", "latin", "mixed", "none"]
Lang = Literal["ar", "en"]

#: Every Arabic block, as a regex character-class body.
ARABIC_CLASS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_LETTER_RE = re.compile(f"(?=[{ARABIC_CLASS}])[^\\W\\d_]")
_ARABIC_BLOCK_RE = re.compile(f"[{ARABIC_CLASS}]")  # (no lookahead: a fast scan first)
_OTHER_LETTER_RE = re.compile(f"(?![{ARABIC_CLASS}])[^\\W\\d_]")
_ARABIC_LETTERS_RE = re.compile(f"(?=[{ARABIC_CLASS}])[^\\W\\d_]")
_ASCII_LETTERS_RE = re.compile(r"[A-Za-z]")

#: How much of a long text is sampled to decide its share of Arabic letters.
SAMPLE_CHARS = 20_000


def detect_script(text: str) -> Script:
    """Which script the letters of ``text`` are in: arabic, latin, mixed or none.

    Latin means any non-Arabic letter; digits and punctuation do not count.  Two regex
    searches, so it is cheap enough to run on every record of a corpus.
    """
    ar = _ARABIC_LETTER_RE.search(text) is not None
    la = _OTHER_LETTER_RE.search(text) is not None
    if ar and la:
        return "mixed"
    if ar:
        return "arabic"
    if la:
        return "latin"
    return "none"


def has_arabic(text: str) -> bool:
    """True when ``text`` holds at least one Arabic letter. An ASCII text (most English) is
    answered without a scan, and a text with no character of the Arabic blocks by a plain
    class scan (several times faster than the letter test's lookahead over every
    character: Erdoğan's English)."""
    return (not text.isascii() and _ARABIC_BLOCK_RE.search(text) is not None
            and _ARABIC_LETTER_RE.search(text) is not None)


def has_latin(text: str) -> bool:
    """True when ``text`` holds a letter of a script other than Arabic."""
    return _OTHER_LETTER_RE.search(text) is not None


def lang_of(text: str) -> Lang:
    """``ar`` when the text holds an Arabic letter, else ``en`` (the label of a name)."""
    return "ar" if has_arabic(text) else "en"


def letter_counts(text: str) -> tuple[int, int]:
    """(Arabic letters, ASCII letters) in the first :data:`SAMPLE_CHARS` of ``text``."""
    sample = text[:SAMPLE_CHARS]
    return len(_ARABIC_LETTERS_RE.findall(sample)), len(_ASCII_LETTERS_RE.findall(sample))


def arabic_share(text: str) -> float:
    """Share of Arabic among the letters of ``text`` (0.5 when it has no letters)."""
    arabic, latin = letter_counts(text)
    return arabic / (arabic + latin) if arabic + latin else 0.5
