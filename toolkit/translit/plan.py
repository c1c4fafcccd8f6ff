"""A name cut into slots: the units to transliterate and the pieces that pass through.

A name is cut into pieces by script (Arabic letters, Latin letters, anything else); the
runs of the source script, joined across spaces, are cut into units (``split_units`` of
the direction's rules: article and compounds kept together), and every unit becomes a
:class:`Slot` with the cleaned stem the attested table and the model are asked about.
Digits and words already in the target script pass through unchanged (Arabic-Indic digits
become 0-9 in Latin output).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..normalize.script import ARABIC_CLASS, has_arabic
from . import rules_ar2lat as ar2lat
from . import rules_lat2ar as lat2ar
from .model import clean_arabic, clean_latin

_LATIN_RANGES = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_PIECES = re.compile(
    f"(?P<ar>[{ARABIC_CLASS}]+)"
    f"|(?P<lat>[{_LATIN_RANGES}'’ʿʾ-]+)"
    f"|(?P<other>[^\\s{ARABIC_CLASS}{_LATIN_RANGES}]+)"
)
# a Latin piece needs a letter of its own ranges: ʿ ʾ and apostrophes alone are marks of a
# romanization (Unicode calls ʿ ʾ letters, so normalize.script.has_latin would count them)
_LATIN_LETTER = re.compile(f"[{_LATIN_RANGES}]")
_DIGITS_TO_LATIN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@dataclass(frozen=True)
class Piece:
    """A run of one script in the name, and whether a space stood before it."""

    kind: str  # "ar" | "lat" | "other"
    text: str
    space_before: bool


@dataclass(frozen=True)
class Slot:
    """One place of the output: a unit to write (``unit``, ``stem``) or a ``literal`` kept as is."""

    sep: str
    unit: Any  # rules_ar2lat.ArUnit | rules_lat2ar.LatUnit | None
    stem: str | None
    literal: str | None
    construct: bool
    after: str | None = None  # the particle standing before this unit (بن of بن عبد العزيز), if any


@dataclass(frozen=True)
class Plan:
    slots: list[Slot]


def pieces(name: str) -> list[Piece]:
    """The name's pieces by script; Arabic punctuation or digits alone are "other"."""
    out: list[Piece] = []
    last_end = 0
    for m in _PIECES.finditer(name):
        kind = m.lastgroup or "other"
        text = m.group()
        if kind == "ar" and not has_arabic(text):
            kind = "other"  # Arabic punctuation, digits or marks only
        if kind == "lat" and not _LATIN_LETTER.search(text):
            kind = "other"
        out.append(Piece(kind, text, bool(out) and name[last_end : m.start()].strip() == "" and m.start() > last_end))
        last_end = m.end()
    return out


def runs(found: list[Piece], kind: str) -> list[tuple[bool, list[Piece]]]:
    """Group consecutive pieces: runs of ``kind`` separated only by spaces become one chunk."""
    out: list[tuple[bool, list[Piece]]] = []
    for p in found:
        if out and out[-1][0] == (p.kind == kind) and p.kind == kind and p.space_before:
            out[-1][1].append(p)
        else:
            out.append((p.kind == kind, [p]))
    return out


def make_plan(name: str, to: str) -> Plan:
    """The slots of ``name`` written in the ``to`` script ("latin" or "arabic")."""
    source_kind = "ar" if to == "latin" else "lat"
    slots: list[Slot] = []
    for is_source, run in runs(pieces(name), source_kind):
        sep_first = " " if run[0].space_before else ""
        if not is_source:
            for p in run:
                text = p.text.translate(_DIGITS_TO_LATIN) if to == "latin" else p.text
                slots.append(Slot(" " if p.space_before else "", None, None, text, False))
            continue
        chunk = " ".join(p.text for p in run)
        units = ar2lat.split_units(chunk) if to == "latin" else lat2ar.split_units(chunk)
        for k, unit in enumerate(units):
            construct = False
            if to == "latin" and k + 1 < len(units):
                nxt = units[k + 1]
                construct = nxt.article or nxt.prefix is None and nxt.allah
            stem = (clean_arabic(ar2lat.strip_marks(unit.stem)) if to == "latin" else clean_latin(unit.stem).replace("-", ""))
            previous = units[k - 1] if k else None
            after = previous.raw if to == "latin" and previous is not None and previous.prefix and not previous.stem \
                and not previous.allah else None
            slots.append(Slot(sep_first if k == 0 else " ", unit, stem, None, construct, after))
    if slots:
        first = slots[0]
        slots[0] = Slot("", first.unit, first.stem, first.literal, first.construct, first.after)
    return Plan(slots)
