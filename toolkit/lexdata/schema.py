"""The lexicon schema: columns, entity types, ids, and the :class:`Entry` record.

Why a fixed schema: the curated lexicons are reviewed as diffs, so every file has the
same nine columns in the same order, and a user lexicon can be any subset of them
(at least ``id`` and one of ``ar`` / ``en``).  lexicons/README.md documents it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The columns of a shipped lexicon, in order.
COLUMNS: tuple[str, ...] = ("id", "type", "en", "ar", "en_variants", "ar_variants", "acronyms", "parent", "note")

#: Columns that hold several values, separated by :data:`MULTI_SEP`.
MULTI_COLUMNS: frozenset[str] = frozenset({"en_variants", "ar_variants", "acronyms"})

#: The separator of multi-valued fields: space, pipe, space.
MULTI_SEP = " | "

#: Entity types.
TYPES: frozenset[str] = frozenset({"PER", "ORG", "LOC", "MISC"})

#: Ids: lowercase ``prefix:slug``; the slug may hold letters, digits, ``-``, ``_`` and ``.``.
ID_RE = re.compile(r"^[a-z][a-z0-9_]*:[a-z0-9][a-z0-9._-]*$")

#: A user lexicon without a ``type`` column gets this type.
DEFAULT_TYPE = "MISC"


@dataclass(frozen=True, slots=True)
class Entry:
    """One entity of a lexicon, as written in its source file.

    Multi-valued fields are tuples, in file order.  ``source`` and ``line`` say where
    the entity was read, so every message about it can point at the file.
    """

    id: str
    type: str
    en: str
    ar: str
    en_variants: tuple[str, ...] = ()
    ar_variants: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    parent: str = ""
    note: str = ""
    source: str = ""
    line: int = 0

    def surfaces(self) -> list[tuple[str, str]]:
        """Every name of the entity with its kind: ``en``, ``ar``, ``en_variant``,
        ``ar_variant`` or ``acronym``, preferred names first, empty ones left out."""
        out: list[tuple[str, str]] = []
        if self.en:
            out.append((self.en, "en"))
        if self.ar:
            out.append((self.ar, "ar"))
        out.extend((v, "en_variant") for v in self.en_variants)
        out.extend((v, "ar_variant") for v in self.ar_variants)
        out.extend((v, "acronym") for v in self.acronyms)
        return out


def split_multi(value: str) -> tuple[str, ...]:
    """Split a multi-valued field on `` | ``; empty parts are dropped (the validator
    warns about them), surrounding spaces are stripped."""
    if not value or not value.strip():
        return ()
    parts = value.split("|") if MULTI_SEP not in value else value.split(MULTI_SEP)
    return tuple(p.strip() for p in parts if p.strip())


def has_arabic(text: str) -> bool:
    """True when ``text`` holds at least one Arabic letter (any Arabic block)."""
    return any(
        ("\u0620" <= c <= "\u064a")
        or ("\u066e" <= c <= "\u06d3")
        or ("\u06fa" <= c <= "\u06ff")
        or ("\u0750" <= c <= "\u077f")
        or ("\u08a0" <= c <= "\u08ff")
        or ("\ufb50" <= c <= "\ufdff")
        or ("\ufe70" <= c <= "\ufefc")
        for c in text
    )


def has_latin(text: str) -> bool:
    """True when ``text`` holds at least one Latin letter (ASCII or accented)."""
    return any(c.isalpha() and ("a" <= c.lower() <= "z" or "\u00c0" <= c <= "\u024f" or "\u1e00" <= c <= "\u1eff") for c in text)
