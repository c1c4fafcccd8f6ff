r"""A reading view of a text: invisible controls and look-alike letters made plain, with
every character still at its offset.

Why length-preserving: the entity pipeline reports offsets into the text the user gave.
A zero-width space inside "Kata\u200bib Hizballah", a right-to-left mark standing between
two Arabic words, or a Cyrillic "а" inside "Kataeb" would otherwise hide a name from the
lexicon and the taggers. Each such character is replaced by one that reads the same way
to every extractor (an apostrophe inside a Latin word, a tatweel inside an Arabic word,
a space between words, the Latin letter for its look-alike), so mentions found in the
view are at the same offsets in the original, whose own text they then report.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Bidi marks, embeddings, overrides and isolates: a reader sees nothing, so between two
#: words they stand for the space they usually replace.
BIDI = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Zero-width characters: inside a word they join nothing a reader can see.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
#: Cyrillic and Greek letters that look like Latin ones (Unicode confusables, the common
#: subset), read as Latin only inside a word that also holds Latin letters.
LOOK_ALIKE = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i", "ј": "j", "ѕ": "s",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M",
    "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    "ο": "o", "α": "a", "ν": "v", "ρ": "p", "ι": "i", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H",
    "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}
_SPECIAL = BIDI | ZERO_WIDTH | frozenset(LOOK_ALIKE)


@dataclass(frozen=True, slots=True)
class Readable:
    """The view (``len(text) == len(original)``) and how many characters it changed."""

    text: str
    changed: int


def _is_latin(c: str) -> bool:
    return c.isascii() and c.isalpha() or "\u00c0" <= c <= "\u024f"


def _is_arabic(c: str) -> bool:
    return "\u0620" <= c <= "\u064a" or "\u066e" <= c <= "\u06d3" or "\u06fa" <= c <= "\u06ff"


def _word_is_latin(text: str, i: int) -> bool:
    """Whether the word around position ``i`` (letters, look-alikes and invisibles) holds
    a true Latin letter: then its look-alikes are read as Latin, all of them at once."""
    inside = lambda c: c.isalpha() or c in BIDI or c in ZERO_WIDTH  # noqa: E731
    j = i
    while j > 0 and inside(text[j - 1]):
        j -= 1
    k = i
    while k < len(text) and inside(text[k]):
        k += 1
    return any(_is_latin(c) for c in text[j:k])


def _neighbours(chars: list[str], i: int) -> tuple[str, str]:
    """The nearest visible characters before and after position ``i``."""
    j = i - 1
    while j >= 0 and chars[j] in BIDI | ZERO_WIDTH:
        j -= 1
    k = i + 1
    while k < len(chars) and chars[k] in BIDI | ZERO_WIDTH:
        k += 1
    return (chars[j] if j >= 0 else " "), (chars[k] if k < len(chars) else " ")


def readable(text: str) -> Readable:
    """The reading view of ``text``; ``text`` itself when it holds nothing to change."""
    if not any(c in _SPECIAL for c in text):
        return Readable(text, 0)
    chars = list(text)
    changed = 0
    for i, c in enumerate(text):
        if c not in _SPECIAL:
            continue
        before, after = _neighbours(chars, i)
        if c in LOOK_ALIKE:
            if _word_is_latin(text, i):
                chars[i] = LOOK_ALIKE[c]
                changed += 1
        elif c in ZERO_WIDTH and _is_latin(before) and _is_latin(after):
            chars[i] = "'"  # Kata + zero-width space + ib reads as Kata'ib, one word
            changed += 1
        elif c in ZERO_WIDTH and _is_arabic(before) and _is_arabic(after):
            chars[i] = "\u0640"  # a tatweel: inside the word, ignored by every fold
            changed += 1
        else:
            chars[i] = " "  # a bidi mark, or an invisible between words: a word boundary
            changed += 1
    return Readable("".join(chars), changed)
