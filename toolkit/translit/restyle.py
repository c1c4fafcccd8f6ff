"""Whole press spellings written again in a style: a unit's parts (Abd al-, Abu, bin / ibn,
the article, Allah) and a whole name's words shared out among the plan's slots.

Why a module of its own: :mod:`.styles` respells one stem from its press spelling letter by
letter; this module knows how press spellings write a unit's fixed parts and a name's
words, and calls it for each stem (imports go one way: restyle → styles).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .styles import respell_stem
from .vocalize import standard_stem

_PREFIX_PRESS = {
    "abd": re.compile(r"^(?:abd[ -]?(?:al|el|ul|ol|il)[ -]?|abdul|abdel|abdal|abdol|abd[ -]?)", re.IGNORECASE),
    "abu": re.compile(r"^(?:abu|abou|abo|abū)[ -]?", re.IGNORECASE),
    "abi": re.compile(r"^(?:abi|abī)[ -]?", re.IGNORECASE),
    "bin": re.compile(r"^(?:bin|ben|ibn|bint)[ -]", re.IGNORECASE),
    "ibn": re.compile(r"^(?:ibn|bin|ben)[ -]", re.IGNORECASE),
}
_WITH_ARTICLE = re.compile(r"(?:al|el|ul|ol|il)[ -]?$", re.IGNORECASE)
_ARTICLE_PRESS = re.compile(r"^(?:al|el|ul|a[tdrzsnl]h?)[- ]|^l(?=[a-z])", re.IGNORECASE)
_ASSIMILATED = re.compile(r"^[aeiou]?-?([tdrzsnl])-?(?=\1)", re.IGNORECASE)
_ALLAH_PRESS = re.compile(r"[ -]?(?:allah|ullah|ollah|ellah|alla|illah)$", re.IGNORECASE)
_HEADS = {
    "official": {"abd": "Abd", "abu": "Abu", "abi": "Abi", "bin": "bin", "ibn": "ibn", "allah": "Allah"},
    "scholarly": {"abd": "ʿAbd", "abu": "Abū", "abi": "Abī", "bin": "ibn", "ibn": "ibn", "allah": "Allāh"},
}


def restyle_unit(unit: Any, text: str, style: str, construct: bool = False, geminate: int = -1) -> str | None:
    """A unit's press spelling (``text``) in ``style``, its parts written by the style's
    conventions (Abd al-, Abu, bin / ibn, al- before every letter, Allah apart); None when
    the press spelling cannot be read as the unit's Arabic."""
    if style == "press":
        return text
    rest = text.strip()
    article_taken = False  # "Abd al-" / "Abdul" took the article with the prefix
    if unit.prefix:
        m = _PREFIX_PRESS[unit.prefix].match(rest)
        if m is None and unit.stem:
            return None
        article_taken = bool(m) and unit.prefix == "abd" and _WITH_ARTICLE.search(m.group()) is not None
        rest = rest[m.end():] if m else ""
    if not unit.stem:
        heads = [_HEADS[style][k] for k in (unit.prefix, "allah" if unit.allah else None) if k]
        return " ".join(heads) or None
    if unit.article and not article_taken:  # (else the l of Latif would go as an article's)
        rest = _ARTICLE_PRESS.sub("", rest, count=1)
        # an article assimilated into a glued compound (Abdurrahman, Abdur-Rahman): its vowel
        # and the doubled sun letter are the article's, not the stem's
        if unit.sun:
            rest = _ASSIMILATED.sub("", rest, count=1)
    if unit.allah:
        rest = _ALLAH_PRESS.sub("", rest)
    construct = construct or bool(unit.allah)  # هبة الله: Hibat Allah, a construct inside the unit
    stem = respell_stem(unit.stem, rest.replace(" ", "").replace("-", ""), style, construct, geminate)
    return _compose(unit, stem, style) if stem is not None else None


_LONG_OF = {"iī": "ī", "Iī": "Ī", "uū": "ū", "Uū": "Ū", "aā": "ā", "Aā": "Ā"}
_SHORT_LONG = re.compile("|".join(_LONG_OF))


def _compose(unit: Any, stem: str, style: str) -> str:
    """A unit's words in ``style`` around its stem already written so: the prefix's head
    (Abd, Abū, ibn), the article, Allah."""
    heads = _HEADS[style]
    if style == "scholarly":  # a short vowel before its own long one is that long vowel (إيمان: Īmān)
        stem = _SHORT_LONG.sub(lambda m: _LONG_OF[m.group()], stem)
    word = f"al-{stem}" if unit.article else stem
    if unit.allah:
        word = f"{word} {heads['allah']}"
    return f"{heads[unit.prefix]} {word}" if unit.prefix else word


def standard_unit(unit: Any, style: str, construct: bool = False) -> str | None:
    """A unit written in ``style`` with its stem's standard reading (:mod:`.vocalize`), or None
    when the stem has none. In the press style (an organization's common words only: see
    ``fuse.styled``) a unit with a prefix or Allah is left to the press's own spellings."""
    if not unit.stem:
        return None
    stem = standard_stem(unit.stem, style, construct or bool(unit.allah))
    if stem is None:
        return None
    if style == "press":
        return None if unit.prefix or unit.allah else ("al-" if unit.article else "") + stem
    return _compose(unit, stem, style)


def press_construct(construct: bool, press: str) -> bool:
    """A unit before an article is in construct only where the press spelling at hand writes
    the -t (Fatima al-Zahra beside Fatimat al-Zahra: each is respelled as it is written)."""
    return construct and press.lower().endswith("t")


_PROCLITIC_PRESS = re.compile(r"^(?:wa[ -]|w[ -]|wal-|wel-|lil-|li-|lel-|bil-|bi-|bel-)", re.IGNORECASE)


def restyle_whole(plan: Any, text: str, style: str) -> str | None:
    """A whole press spelling (a lexicon name, a dictionary label) in ``style``: its words are
    shared out among the plan's slots (one to three words a unit), each unit respelled by
    :func:`restyle_unit`, each table word taken in the style; None when no sharing works."""
    from .affixes import nisba_feminine, with_proclitic

    if style == "press":
        return text
    tokens = text.split()
    slots = plan.slots

    @lru_cache(maxsize=None)
    def solve(i: int, j: int) -> tuple[str, ...] | None:
        if i == len(slots):
            return () if j == len(tokens) else None
        slot = slots[i]
        for k in (1, 2, 3):
            if j + k > len(tokens):
                break
            chunk = " ".join(tokens[j:j + k])
            if slot.proclitic:
                chunk = _PROCLITIC_PRESS.sub("", chunk, count=1)
            if slot.fixed is not None:
                word: str | None = slot.fixed[-1] if slot.fixed[0][:1].isupper() and len(slot.fixed) > 1 else slot.fixed[0]
            elif slot.unit is None:
                word = slot.literal
            else:
                construct = press_construct(slot.construct, chunk)
                # the standard vowels over the press's (vocalize.py)
                word = standard_unit(slot.unit, style, construct) or restyle_unit(slot.unit, chunk, style, construct)
                if word is not None and slot.nisba:
                    word = nisba_feminine(word, style)
            if word is None:
                continue
            if slot.proclitic:
                word = with_proclitic(slot.proclitic, word, style)[0]
            rest = solve(i + 1, j + k)
            if rest is not None:
                return (word,) + rest
        return None

    words = solve(0, 0)
    return " ".join(w for w in words if w) if words else None
