"""Anchors that cost nothing: numbers, years and dates in both digit systems.

A number written in a sentence almost always survives translation (Arabic news uses
Arabic-Indic or Western digits, and ``٬`` / ``,`` as thousands separators), so two
sentences sharing a rare number are very likely counterparts, and two sentences with
disjoint numbers are unlikely to be.  Names are left to the encoder: both encoders
carry them well, and a per-pair transliteration match costs far more than it adds.
"""

from __future__ import annotations

import re

__all__ = ["numbers", "number_overlap"]

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
