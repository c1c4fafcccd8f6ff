"""Shaddas the Arabic does not write, for the official and scholarly styles.

Why: a shadda changes a name's spelling in the lists (Bashshar, Sayyid, Izz, Umm) but
unvocalized Arabic never writes it, and the press writes it only sometimes (Mohammed
beside Mohamed; Bashar always). Two sources of evidence are used: a press spelling that
doubles the letter (:func:`undoubled` groups the respellings that differ only there), and
the shape of the stem, which suggests the likeliest pattern (:func:`shadda_site`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol, TypeVar

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


class _Scored(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def score(self) -> float: ...


S = TypeVar("S", bound=_Scored)


def keep_doubling(items: Iterable[S], share: float) -> list[tuple[S, float]]:
    """Respellings that differ only in doubled letters and score close to the best of them
    (at least ``share`` times) become one: the most doubled, with the best score; a far
    one stays apart (the pattern's Jammal below Jamal). Why: one press spelling doubles
    what another does not (Mohammed, Mohamed); the lists write the shadda (Muhammad)
    whenever the press doubles it often enough."""
    groups: dict[str, list[S]] = {}
    for item in items:
        groups.setdefault(undoubled(item.text), []).append(item)
    out = []
    for group in groups.values():
        best = max(group, key=lambda o: o.score)
        close = [o for o in group if o.score >= share * best.score]
        out.append((max(close, key=lambda o: (len(o.text), o.score)), best.score))
        out.extend((o, o.score) for o in group if o.score < share * best.score)
    return out
