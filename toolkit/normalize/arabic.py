"""Arabic text normalization in one pass, at three named levels, with an offset map.

Why one pass: bulk jobs run this over gigabytes, so every level is a single
``str.translate`` with a precomputed table, followed by one regular expression that
composes the few Arabic letter + hamza/madda sequences and one that collapses
whitespace.  Long strings and blocks of lines (:func:`normalize_arabic_lines`, what the
CLI runs on a file) take the table, the collapse and the strip as one numpy gather over
the code points (:mod:`.vector`).  The offset variant walks the same table character by
character, so the paths cannot disagree (tests prove they give the same text).

Levels (each one includes the folds of the level before it):

``display``
    Loses nothing a reader sees.  Unicode compatibility and presentation forms
    (U+FB50-U+FDFF, U+FE70-U+FEFF, fullwidth forms, ligatures) become the base
    letters, as NFKC would (the two camel-tools special cases, U+FDFC and U+FDFD,
    included); letter + combining hamza/madda (ا + ٔ) are composed (أ); bidi controls
    (LRM, RLM, ALM, embeddings, overrides, isolates) and zero-width characters (ZWSP,
    ZWJ, word joiner, BOM, soft hyphen) are removed; every run of whitespace (including
    no-break and other Unicode spaces) becomes one ASCII space, and the ends are
    stripped.  ZWNJ is kept: in Persian and Urdu it changes what the reader sees.
``search``
    What Arabic search engines fold.  Tatweel; all harakat, shadda, sukun, superscript
    (dagger) alef and Quranic annotation marks; ZWNJ; the alef forms أ إ آ ٱ to ا;
    alef maqsura ى to ي; teh marbuta ة to ه; Persian/Urdu letter forms (ک گ ی ې ۀ ە ھ ے
    ٹ ڈ ڑ ں ...) to their Arabic counterparts; Arabic-Indic (٠-٩) and Persian (۰-۹)
    digits to ASCII; Arabic punctuation (، ؛ ؟ ٪ ٫ ٬ ۔) to its ASCII counterpart.
``match``
    The most aggressive fold, for keys.  Hamza on its seats ؤ ئ to و ي, the lone
    hamza ء removed, Latin letters lower-cased, and every character that is neither a
    letter nor a digit (punctuation, symbols, remaining marks) becomes a space.

Every level is idempotent: the table maps each character to characters that the table
maps to themselves, and the whitespace collapse leaves nothing to collapse again.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .arabic_tables import (
    ALEF_FORMS, BIDI_CONTROLS, COMPAT_RANGES, COMPOSE, DIACRITICS, DIGITS, HAMZA_SEATS, LETTER_FORMS,
    PUNCTUATION, SPECIAL_LIGATURES, TATWEEL, ZERO_WIDTH, ZWNJ,
)
from .levels import LEVELS, Level
from .vector import PARAMS as VECTOR
from .vector import Lookup, build_lookup, translate

_COMPOSE_RE = re.compile("|".join(COMPOSE))


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text and, for every output character, the index of the input
    character it came from (so a match in the output maps back to the original)."""

    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty output span [start, end) back to the input span it came from."""
        if not 0 <= start < end <= len(self.offsets):
            raise ValueError(f"span [{start}, {end}) outside the output of length {len(self.offsets)}")
        return self.offsets[start], self.offsets[end - 1] + 1


def _is_space(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) == "Zs"


def _closure(table: dict[int, str]) -> dict[int, str]:
    """Apply the table to its own outputs until every output character is a fixed
    point: this is what makes a single pass idempotent."""
    out: dict[int, str] = {}
    for cp, value in table.items():
        for _ in range(5):
            nxt = "".join(table.get(ord(c), c) for c in value)
            if nxt == value:
                break
            value = nxt
        out[cp] = value
    return out


@lru_cache(maxsize=None)
def table(level: Level) -> dict[int, str]:
    """The translate table of a level (built once, on first use)."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    t: dict[int, str] = {}
    for lo, hi in COMPAT_RANGES:
        for cp in range(lo, hi):
            ch = chr(cp)
            nf = unicodedata.normalize("NFKC", ch)
            if nf != ch:
                t[cp] = nf
    for ch, rep in SPECIAL_LIGATURES.items():
        t[ord(ch)] = rep
    # Invisible controls go; lone surrogates (from escaped bad bytes) become U+FFFD so
    # that the output can always be encoded and nothing is dropped silently.
    for cp in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x1C), 0x7F, *range(0x80, 0x85), *range(0x86, 0xA0)]:
        t[cp] = ""
    for cp in range(0xD800, 0xE000):
        t[cp] = "\ufffd"
    for ch in BIDI_CONTROLS + ZERO_WIDTH:
        t[ord(ch)] = ""
    # Every Unicode space and control whitespace becomes an ASCII space.
    for ch in "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000":
        t[ord(ch)] = " "
    if level in ("search", "match"):
        for ch in DIACRITICS + TATWEEL + ZWNJ:
            t[ord(ch)] = ""
        for mapping in (ALEF_FORMS, LETTER_FORMS, DIGITS, PUNCTUATION):
            for ch, rep in mapping.items():
                t[ord(ch)] = rep
    if level == "match":
        for ch, rep in HAMZA_SEATS.items():
            t[ord(ch)] = rep
        for cp in range(0x41, 0x5B):
            t[cp] = chr(cp + 32)
        for cp in range(0x21, 0x80):
            ch = chr(cp)
            if not ch.isalnum():
                t[cp] = " "
        for cp in range(0x00A1, 0x0100):
            ch = chr(cp)
            if not ch.isalnum() and cp not in t:
                t[cp] = " "
        for cp in range(0x0600, 0x0700):
            ch = chr(cp)
            if cp not in t and unicodedata.category(ch)[0] in "PSCZ":
                t[cp] = " "
        for cp in range(0x2010, 0x2070):
            if cp not in t or t[cp] not in ("", " "):
                t[cp] = " "
        # "«»" and friends.
        for ch in "\u00ab\u00bb\u2039\u203a\u201c\u201d\u2018\u2019\u201e\u300c\u300d":
            t[ord(ch)] = " "
    # Remaining compat outputs must be folded by this level's own rules too.
    t = _closure(t)
    # An entry that maps a character to itself is noise.
    return {cp: v for cp, v in t.items() if v != chr(cp)}


# Characters common enough in news text to deserve their own str.replace pass.
# (Every other changed character goes through one regex with a callback: a check per
# character class costs less than a scan per character on short records.)
_FREQUENT = "أإآىة،\n\t"


def _char_class(cps: list[int]) -> str:
    """A compact regex character class for a set of code points."""
    cps = sorted(cps)
    parts: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lo, hi = re.escape(chr(cps[i])), re.escape(chr(cps[j]))
        parts.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "[" + "".join(parts) + "]"


@dataclass(frozen=True)
class _Plan:
    """The table of a level split into C-speed passes (see :func:`_plan`)."""

    delete: re.Pattern[str] | None
    replace: tuple[tuple[str | re.Pattern[str], str], ...]
    rare: re.Pattern[str] | None
    rare_map: dict[str, str]

    def rare_repl(self, m: re.Match[str]) -> str:
        return self.rare_map[m.group()]


@lru_cache(maxsize=None)
def _plan(level: Level) -> _Plan:
    """Why not one ``str.translate``: for non-ASCII text CPython looks every character
    up through the generic mapping protocol, which runs at 10-20 MB/s.  The same table
    applied as one regex deletion (marks, tatweel, controls), a few ``str.replace``
    calls for the frequent letters and punctuation, and one regex with a callback for
    the rare rest, gives the same result several times faster: every table value is a
    fixed point of the table, so the order of the passes does not matter.
    """
    t = table(level)
    delete = [cp for cp, v in t.items() if v == ""]
    # Group the frequent characters by their replacement: one pass per group (a plain
    # str.replace for one character, a regex for several: أ إ آ -> ا in one call).
    groups: dict[str, str] = {}
    for c in _FREQUENT:
        if ord(c) in t:
            groups[t[ord(c)]] = groups.get(t[ord(c)], "") + c
    frequent = tuple(
        (chars if len(chars) == 1 else re.compile(_char_class([ord(c) for c in chars])), rep)
        for rep, chars in groups.items()
    )
    freq_cps = {ord(c) for chars in groups.values() for c in chars}
    rare = {chr(cp): v for cp, v in t.items() if v != "" and cp not in freq_cps}
    return _Plan(
        re.compile(_char_class(delete)) if delete else None,
        frequent,
        re.compile(_char_class([ord(c) for c in rare])) if rare else None,
        rare,
    )


@lru_cache(maxsize=None)
def _lookup(level: Level, keep_newlines: bool = False) -> Lookup:
    """The table of a level as arrays, for long strings and batches; ``keep_newlines``
    leaves "\\n" as it is, so that a block of lines is normalized line by line at once."""
    t = table(level)
    if keep_newlines:
        t = {**t}
        del t[0x0A]
    return build_lookup(t)


def _apply(text: str, level: Level) -> str:
    if len(text) >= VECTOR.min_chars:
        return translate(text, _lookup(level))
    plan = _plan(level)
    if plan.delete is not None:
        text = plan.delete.sub("", text)
    for what, rep in plan.replace:
        if isinstance(what, str):
            if what in text:
                text = text.replace(what, rep)
        else:
            text = what.sub(rep, text)
    if plan.rare is not None and plan.rare.search(text) is not None:
        text = plan.rare.sub(plan.rare_repl, text)
    return text


def _compose(text: str) -> str:
    if "\u0653" in text or "\u0654" in text or "\u0655" in text:
        return _COMPOSE_RE.sub(lambda m: COMPOSE[m.group(0)], text)
    return text


def normalize_arabic(text: str, level: Level = "search") -> str:
    """Normalize Arabic (or mixed) text at ``level``; see the module docstring."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    if len(text) >= VECTOR.min_chars and level != "match":
        # The whole level on the codes: table, whitespace collapse and strip.
        return translate(_compose(text), _lookup(level), "collapse")
    out = _apply(_compose(text), level)
    if level == "match":
        out = _fold_match_rest(out)
    # Every kind of whitespace is a plain space by now; each replace halves the runs.
    while "  " in out:
        out = out.replace("  ", " ")
    return out.strip(" ")


def normalize_arabic_lines(block: str, level: Level = "search") -> str:
    """Each line of ``block`` normalized as by :func:`normalize_arabic`, joined by "\\n"
    again: a file's worth of lines in one pass instead of one call a line.

    Why it is the same: "\\n" is a character no fold reads or writes once the table
    leaves it alone (:func:`newline_is_inert` checks it), so it only bounds the
    whitespace collapse and the strip, which are then done at every line's ends.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    if len(block) < VECTOR.min_chars or not newline_is_inert(level):
        return "\n".join(normalize_arabic(line, level) for line in block.split("\n"))
    if level != "match":
        return translate(_compose(block), _lookup(level, keep_newlines=True), "lines")
    out = _fold_match_rest(translate(_compose(block), _lookup(level, keep_newlines=True)))
    while "  " in out:
        out = out.replace("  ", " ")
    if " \n" in out:
        out = out.replace(" \n", "\n")
    if "\n " in out:
        out = out.replace("\n ", "\n")
    return out.strip(" ")


@lru_cache(maxsize=None)
def newline_is_inert(level: Level) -> bool:
    """True when the level's table turns "\\n" into a space and nothing into "\\n", and
    no composed pair holds it: then a kept "\\n" cannot join or split lines."""
    t = table(level)
    return (
        t.get(0x0A) == " "
        and not any("\n" in v for v in t.values())
        and not any("\n" in k or "\n" in v for k, v in COMPOSE.items())
    )


# What the match table leaves as it is and needs no further look: ASCII and the
# Arabic block (whose symbols and marks the table already maps).
_MATCH_REST_RE = re.compile(r"[^\x00-\x7f\u0600-\u06ff\ue000]")


# Joins the records of a batch; a private-use character no table maps.
_SEP = "\ue000"


def normalize_arabic_many(texts: list[str], level: Level = "search") -> list[str]:
    """Normalize many records at once, with the same result as one call per record.

    Bulk jobs hand over thousands of short records; joining them and normalizing one
    string removes the per-call overhead (the passes run at C speed over the batch).
    """
    if not texts:
        return []
    lines = "\n".join(texts)
    if lines.count("\n") == len(texts) - 1:  # no record holds a newline: one block of lines
        return normalize_arabic_lines(lines, level).split("\n")
    joined = _SEP.join(texts)
    if joined.count(_SEP) != len(texts) - 1:  # a record holds the separator itself
        return [normalize_arabic(t, level) for t in texts]
    out = normalize_arabic(joined, level)
    # Spaces are single by now: strip each record's ends at the separators.
    out = out.replace(" " + _SEP, _SEP).replace(_SEP + " ", _SEP)
    parts = out.split(_SEP)
    if len(parts) != len(texts):  # an empty record at an edge was stripped away
        return [normalize_arabic(t, level) for t in texts]
    return parts


def _fold_match_rest(text: str) -> str:
    """Outside the precomputed ranges, the match level still turns symbols,
    punctuation and combining marks into spaces and lower-cases letters."""
    if text.isascii():
        return text
    return _MATCH_REST_RE.sub(lambda m: _match_char(m.group()), text)


@lru_cache(maxsize=65536)
def _match_char(ch: str) -> str:
    cat = unicodedata.category(ch)
    if cat[0] in "PSZC":
        return " "
    if cat[0] == "M":
        return ""
    low = ch.lower()
    return low if len(low) == 1 else ch


def normalize_arabic_offsets(text: str, level: Level = "search") -> Normalized:
    """Like :func:`normalize_arabic`, also returning where each output character came from."""
    t = table(level)
    chars: list[str] = []
    offs: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in COMPOSE:
            ch = COMPOSE[pair]
            rep = t.get(ord(ch), ch)
            span_end = i + 2
        else:
            rep = t.get(ord(ch), ch)
            span_end = i + 1
        if level == "match" and not rep.isascii():
            rep = _fold_match_rest(rep)
        for c in rep:
            if c == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(c)
            offs.append(i)
        i = span_end
    if chars and chars[-1] == " ":
        chars.pop()
        offs.pop()
    return Normalized("".join(chars), tuple(offs))
