"""Standard schemes: exact, documented romanizations rather than press spellings.

- Buckwalter, Safe Buckwalter and HSB go through camel-tools' ``CharMapper`` builtin maps,
  one character for one character, so they are reversible (``to="arabic"`` maps back).
- ALA-LC and DIN 31635 are the library romanizations. They need the short vowels:
  vocalized input gives a full romanization (Muḥammad al-Shaṭrī); unvocalized input gives
  the consonantal form with long vowels only, and the result says so (``vocalized=False``).
  They are one-way: their output drops information (case endings, hamza seats).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

SCHEMES = ("buckwalter", "safebw", "hsb", "ala-lc", "din")
_CAMEL = {"buckwalter": "bw", "safebw": "safebw", "hsb": "hsb"}

FATHA, DAMMA, KASRA, SUKUN, SHADDA = "\u064e", "\u064f", "\u0650", "\u0652", "\u0651"
TANWIN = {"\u064b", "\u064c", "\u064d"}
MARKS = {FATHA, DAMMA, KASRA, SUKUN, SHADDA, "\u0670"} | TANWIN
SUN = set("تثدذرزسشصضطظلن")


@dataclass(frozen=True)
class SchemeResult:
    """A scheme's output and what the reader should know about it."""

    text: str
    scheme: str
    vocalized: bool
    reversible: bool
    note: str = ""


@lru_cache(maxsize=8)
def _mapper(name: str) -> Any:
    from camel_tools.utils.charmap import CharMapper

    return CharMapper.builtin_mapper(name)


def _is_vocalized(text: str) -> bool:
    return any(ch in MARKS for ch in text)


def _has_latin(text: str) -> bool:
    return any("a" <= ch.lower() <= "z" for ch in text)


def apply_scheme(text: str, scheme: str, to: str = "latin") -> SchemeResult:
    """Romanize (``to="latin"``) or, for the reversible schemes, map back (``to="arabic"``)."""
    scheme = scheme.lower().replace("_", "-")
    scheme = {"bw": "buckwalter", "safe-bw": "safebw", "safe-buckwalter": "safebw", "ala": "ala-lc",
              "alalc": "ala-lc", "din31635": "din", "din-31635": "din"}.get(scheme, scheme)
    if scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}; choose one of {', '.join(SCHEMES)}")
    if scheme in _CAMEL:  # character for character: no normalization, so the map stays reversible
        code = _CAMEL[scheme]
        if to == "arabic":
            return SchemeResult(_mapper(f"{code}2ar").map_string(text), scheme, True, True)
        note = ""
        reversible = not _has_latin(text)
        if not reversible:
            note = "Latin letters in the input collide with the scheme's letters; the output is not reversible"
        return SchemeResult(_mapper(f"ar2{code}").map_string(text), scheme, _is_vocalized(text), reversible, note)
    text = unicodedata.normalize("NFC", text)
    if to == "arabic":
        raise ValueError(f"{scheme} is a one-way romanization; use buckwalter, safebw or hsb to go back to Arabic")
    vocalized = _is_vocalized(text)
    out = " ".join(_romanize_word(w, scheme, vocalized, construct=_next_has_article(text.split(), i))
                   for i, w in enumerate(text.split()))
    note = "" if vocalized else "input has no short vowels: consonantal form with long vowels only"
    return SchemeResult(out, scheme, vocalized, False, note)


def _next_has_article(words: list[str], i: int) -> bool:
    return i + 1 < len(words) and "".join(c for c in words[i + 1] if c not in MARKS).startswith("ال")


_ALA = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "ḥ", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "ṣ", "ض": "ḍ", "ط": "ṭ", "ظ": "ẓ", "ع": "ʻ", "غ": "gh", "ف": "f", "ق": "q",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ء": "ʼ", "أ": "ʼ", "إ": "ʼ",
    "ؤ": "ʼ", "ئ": "ʼ", "پ": "p", "چ": "ch", "گ": "g", "ڤ": "v",
}
_DIN = {**_ALA, "ث": "ṯ", "ج": "ǧ", "خ": "ḫ", "ذ": "ḏ", "ش": "š", "غ": "ġ", "ع": "ʿ", "ء": "ʾ", "أ": "ʾ",
        "إ": "ʾ", "ؤ": "ʾ", "ئ": "ʾ", "چ": "č"}
_LONG = {"a": "ā", "i": "ī", "u": "ū"}


def _letters(word: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for ch in word:
        if ch in MARKS and pairs:
            pairs[-1] = (pairs[-1][0], pairs[-1][1] + ch)
        elif ch != "\u0640" and ch not in MARKS:
            pairs.append((ch, ""))
    return pairs


def _vowel(marks: str) -> str:
    if FATHA in marks or "\u064b" in marks:
        return "a"
    if KASRA in marks or "\u064d" in marks:
        return "i"
    if DAMMA in marks or "\u064c" in marks:
        return "u"
    return ""


def _romanize_word(word: str, scheme: str, vocalized: bool, construct: bool) -> str:
    table = _ALA if scheme == "ala-lc" else _DIN
    pairs = _letters(word)
    prefix = ""
    bare = "".join(c for c, _ in pairs)
    if bare.startswith("ال") and len(pairs) > 3:
        pairs = pairs[2:]
        first = pairs[0][0]
        if scheme == "din" and first in SUN:
            prefix = "a" + table[first] + "-"
            pairs[0] = (first, pairs[0][1].replace(SHADDA, ""))
        else:
            prefix = "al-"
            if first in SUN:
                pairs[0] = (first, pairs[0][1].replace(SHADDA, ""))
    out: list[str] = []
    n = len(pairs)
    for i, (ch, marks) in enumerate(pairs):
        last = i == n - 1
        prev_vowel = out[-1][-1] if out and out[-1] and out[-1][-1] in "aiu" else ""
        v = "" if last else _vowel(marks)  # pausal form: no case ending
        if ch in "اأإآٱ" and i == 0:
            base = "ā" if ch == "آ" else ""
            v0 = _vowel(marks) or ("i" if ch == "إ" else "a")
            out.append(base or v0)
            continue
        if ch in "اى" and i > 0:
            if out and out[-1].endswith("a"):
                out[-1] = out[-1][:-1]
            out.append("á" if ch == "ى" and scheme == "ala-lc" else "ā")
            continue
        if ch == "ة":
            if out and out[-1].endswith("a"):
                out[-1] = out[-1][:-1]
            out.append(("at" if construct else "ah") if scheme == "ala-lc" else ("at" if construct else "a"))
            continue
        if ch == "ي" and last and i > 0 and SHADDA in marks:  # nisba -iyy in pausal form
            if out and out[-1].endswith("i"):
                out[-1] = out[-1][:-1]
            out.append("ī")
            continue
        if ch in "وي" and i > 0:
            long = "u" if ch == "و" else "i"
            if (prev_vowel == long or (not vocalized and prev_vowel == "")) and SHADDA not in marks and not _vowel(marks):
                if out and out[-1].endswith(long):
                    out[-1] = out[-1][:-1]
                if not vocalized and (i + 1 < n and pairs[i + 1][0] in "اوي"):
                    out.append(table[ch])  # a glide before a long vowel
                else:
                    out.append(_LONG[long])
                continue
        cons = table.get(ch, ch if not ("\u0600" <= ch <= "\u06ff") else "")
        if SHADDA in marks:
            cons = cons + cons if len(cons) == 1 else cons + cons
        out.append(cons + v)
    word_out = "".join(out)
    if word_out and scheme in ("ala-lc", "din"):
        lead = word_out[0]
        if lead in "ʻʼʿʾ" and len(word_out) > 1:
            word_out = lead + word_out[1].upper() + word_out[2:]
        else:
            word_out = lead.upper() + word_out[1:]
    return prefix + word_out
