"""Anchors that cost nothing: numbers, years and dates in both digit systems.

A number written in a sentence almost always survives translation (Arabic news uses
Arabic-Indic or Western digits, and ``٬`` / ``,`` as thousands separators), so two
sentences sharing a rare number are very likely counterparts, and two sentences with
disjoint numbers are unlikely to be.  Names work the same way through the
cross-script consonant skeleton of :mod:`toolkit.normalize.keys` ("Bristol" and
"بريستول" both give ``brstl``): capitalised English words against every Arabic word.
Exact skeleton equality only, so the cost is one set operation per candidate pair.
"""

from __future__ import annotations

import re

from ..normalize.script import ARABIC_CLASS

__all__ = ["numbers", "number_overlap", "name_keys"]

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers(text: str) -> frozenset[str]:
    """Numbers in ``text`` folded to one form: ASCII digits, no thousands separators,
    no trailing zeros after a decimal point ("1,200" = "١٬٢٠٠" = "1200").

    Single digits are ignored: English writes "two", Arabic "اثنين", so they are
    anchors only by accident.
    """
    found: set[str] = set()
    for raw in _NUMBER.findall(text.translate(_DIGITS)):
        value = raw
        if "," in value and re.fullmatch(r"\d{1,3}(?:,\d{3})+", value):
            value = value.replace(",", "")
        value = value.replace(",", ".")
        if "." in value:
            whole, _, frac = value.partition(".")
            frac = frac.rstrip("0")
            value = f"{whole}.{frac}" if frac else whole
        value = value.lstrip("0") or "0"
        if len(value) >= 2:
            found.add(value)
    return frozenset(found)


def number_overlap(a: frozenset[str], b: frozenset[str]) -> float | None:
    """Jaccard overlap of two number sets, or None when either side has none."""
    if not a or not b:
        return None
    return len(a & b) / len(a | b)


_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z'\u2019-]{2,}")
# Arabic words of three letters or more, letters of the Arabic blocks as
# toolkit.normalize.script has them (marks, digits and punctuation end a word); on the
# benchmark texts these are the words of the old range U+0621-U+064A, U+0671-U+06D3.
_ARABIC_WORD = re.compile(f"(?:(?=[{ARABIC_CLASS}])[^\\W\\d_]){{3,}}")
_NOT_NAMES = frozenset(
    """The This That These Those There Their They Then When While What Which Who Where Why How
    But And For With From Into After Before Over Under About Also Although However Meanwhile
    His Her Its Our Your Some Many Most Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December""".split()
)


def name_keys(text: str, lang: str) -> frozenset[str]:
    """Skeletons of the likely names in ``text``: capitalised words for English, every
    word of three letters or more (and the word without a one-letter prefix و ب ل ف)
    for Arabic.  Skeletons shorter than three consonants are too ambiguous to keep."""
    from ..normalize.keys import skeleton

    keys: set[str] = set()
    if lang == "ar":
        for word in _ARABIC_WORD.findall(text):
            forms = [word, word[1:]] if word[0] in "وبلف" and len(word) > 4 else [word]
            for form in forms:
                key = skeleton(form).replace(" ", "")
                if len(key) >= 3:
                    keys.add(key)
    else:
        for word in _CAPITALISED.findall(text):
            if word in _NOT_NAMES:
                continue
            key = skeleton(word).replace(" ", "")
            if len(key) >= 3:
                keys.add(key)
    return frozenset(keys)
