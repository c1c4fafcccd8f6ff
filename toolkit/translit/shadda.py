"""Shaddas the Arabic does not write, for the official and scholarly styles.

Why: a shadda changes a name's spelling in the lists (Bashshar, Sayyid, Izz, Umm) but
unvocalized Arabic never writes it, and the press writes it only sometimes (Mohammed
beside Mohamed; Bashar always). Two sources of evidence are used: a press spelling that
doubles the letter (:func:`undoubled` groups the respellings that differ only there), and
the shape of the stem, which suggests the likeliest pattern (:func:`shadda_site`).
"""

from __future__ import annotations

import re

from .arabic_letters import strip_marks

_LONG = frozenset("اويى")
_ALEF = frozenset("اأإآ")


def _letters(stem: str) -> list[str]:
    return [ch for ch in strip_marks(stem) if "\u0621" <= ch <= "\u064a"]


def shadda_site(stem: str) -> int:
    """The letter of an unvocalized name stem that its likeliest pattern doubles, or -1:
    فعّال (بشار Bashshar, غسان Ghassan, قسام Qassam: the second of four letters before ا),
    a two-letter stem (عز Izz, أم Umm: the last). (فيعل, سيد Sayyid, is left to the press
    spelling: most ي-second stems are not doubled.) A guess from the shape alone (جمال is
    Jamal), so a candidate below the press reading, never above."""
    x = _letters(stem)
    if len(x) == 2 and x[1] not in _LONG and x[1] != "ء":
        return 1
    if len(x) == 4 and x[2] == "ا" and x[1] not in _LONG | _ALEF | {"ء"} and x[0] not in _ALEF:
        return 1
    return -1


def undoubled(text: str) -> str:
    """``text`` lower-cased with doubled letters written once: Muhammad and Muhamad, two
    respellings that differ only in a shadda, share this key."""
    return re.sub(r"(.)\1+", r"\1", text.lower())
