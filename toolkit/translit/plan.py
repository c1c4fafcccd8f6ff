"""A name cut into slots: the units to transliterate and the pieces that pass through.

A name is cut into pieces by script (Arabic letters, Latin letters, anything else); the
runs of the source script, joined across spaces, are cut into units (``split_units`` of
the direction's rules: article and compounds kept together), and every unit becomes a
:class:`Slot` with the cleaned stem the attested table and the model are asked about.
Digits and words already in the target script pass through unchanged (Arabic-Indic digits
become 0-9 in Latin output).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from ..normalize.script import ARABIC_CLASS, has_arabic
from . import rules_ar2lat as ar2lat
from . import rules_lat2ar as lat2ar
from .model import clean_arabic, clean_latin
from .affixes import PROCLITICS
from .vocalize import table as standard_readings
from .word_classes import classify, split_clitics

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
    #: Arabic → Latin: a proclitic written before the slot (و ل ب split off by word_classes)
    proclitic: str | None = None
    #: Arabic → Latin: a table word's ranked spellings (word_classes), in place of a guess
    fixed: tuple[str, ...] | None = None
    #: Arabic → Latin: the unit is a nisba adjective's masculine form; its ending ـية is written by rule
    nisba: bool = False


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


def make_plan(name: str, to: str, style: str = "press") -> Plan:
    """The slots of ``name`` written in the ``to`` script ("latin" or "arabic"); Arabic →
    Latin table words (particles, descriptive words, ordinals) are spelled in ``style``."""
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
        if to == "latin":
            arabic_slots = latin_slots(chunk, style)
            if arabic_slots:
                slots.append(dataclasses.replace(arabic_slots[0], sep=sep_first))
                slots.extend(arabic_slots[1:])
            continue
        for k, unit in enumerate(lat2ar.split_units(chunk)):
            stem = clean_latin(unit.stem).replace("-", "")
            slots.append(Slot(sep_first if k == 0 else " ", unit, stem, None, False))
    if slots:
        slots[0] = dataclasses.replace(slots[0], sep="")
    return Plan(slots)


def _name_slots(words: list[str]) -> list[Slot]:
    """Name words, cut into units (article and compounds kept together). A unit before an
    article is in construct (جبهة النصرة: Jabhat al-Nusra), but not before a nisba
    adjective, which describes it (أبو قتادة الفلسطيني: Abu Qatada al-Filistini)."""
    units = ar2lat.split_units(" ".join(words))
    slots = []
    for k, unit in enumerate(units):
        construct = False
        if k + 1 < len(units):
            nxt = units[k + 1]
            nisba = nxt.article and not nxt.prefix and len(nxt.stem) >= 4 and nxt.stem.endswith("ي")
            construct = (nxt.article and not nisba) or nxt.prefix is None and nxt.allah
        stem = clean_arabic(ar2lat.strip_marks(unit.stem))
        previous = units[k - 1] if k else None
        after = previous.raw if previous is not None and previous.prefix and not previous.stem and not previous.allah else None
        slots.append(Slot(" ", unit, stem, None, construct, after))
    return slots


def latin_slots(chunk: str, style: str) -> list[Slot]:
    """The slots of a run of Arabic words, Arabic → Latin, after the word-class step
    (``word_classes.py``): proclitics split off and written before the next slot, table
    words spelled in ``style``, a nisba adjective's ending written by rule, and each run of
    name words cut into units by ``rules_ar2lat.split_units``."""
    words = split_clitics([w for w in chunk.split() if w], standard_readings())
    if len(words) == 1:  # a one-word name is a name (إلي is Elly, not the preposition)
        return _name_slots(words)
    classes = [classify(w) for w in words]
    slots: list[Slot] = []
    names: list[str] = []
    proclitic: str | None = None
    pending: str | None = None  # the proclitic that stands before the next run of name words

    def flush() -> None:
        nonlocal pending
        if names:
            run = _name_slots(names)
            if pending and run:
                run[0] = dataclasses.replace(run[0], proclitic=pending)
            slots.extend(run)
            names.clear()
            pending = None

    person_like = all(c.kind == "name" for c in classes[:-1]) and len(words) <= 4
    for k, (word, cls) in enumerate(zip(words, classes)):
        nxt = classes[k + 1] if k + 1 < len(classes) else None
        if word in PROCLITICS and k + 1 < len(words):
            flush()
            proclitic = word
            continue
        if cls.kind in ("particle", "desc", "ordinal") and cls.spelling is not None:
            flush()
            construct = not cls.article and nxt is not None and nxt.kind not in ("particle",)
            text = cls.spelling.get(style, construct)
            if cls.article:
                text = "al-" + text
            options = [text]
            if cls.kind == "ordinal" and cls.roman and person_like and k == len(words) - 1 and k > 0:
                options.insert(0, cls.roman)
            slots.append(Slot(" ", None, None, None, construct, None, proclitic, tuple(options)))
            proclitic = None
            continue
        if cls.kind == "nisba":
            flush()
            masculine = word[:-1] if word.endswith("ة") else word
            run = _name_slots([masculine])
            run = [dataclasses.replace(slot, nisba=True, proclitic=proclitic) for slot in run]
            slots.extend(run)
            proclitic = None
            continue
        if proclitic and not names:
            pending = proclitic
            proclitic = None
        names.append(word)
    flush()
    # a name unit right before a table word with the article is in construct (جزيرة العرب)
    for k in range(len(slots) - 1):
        slot, nxt_slot = slots[k], slots[k + 1]
        if slot.unit is not None and not slot.unit.article and nxt_slot.fixed and nxt_slot.fixed[-1].startswith("al-"):
            slots[k] = dataclasses.replace(slot, construct=True)
    return slots
