"""Lexicon hits in running text: every name and variant, longest match first.

Why a token trie rather than fuzzy search: running text is long and the lexicon is
large, so the gazetteer only does exact matching of normalized tokens (variants in the
lexicon cover spellings); fuzzy matching is left to projection, where the search space
is one aligned sentence.  English hits obey case rules (a name starts with a capital,
an acronym must be written in capitals); Arabic hits are found after clitic stripping
(و ف ب ل ك ال and their combinations) and keep exact offsets into the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..lexdata.schema import Entry
from ..lexdata.shipped import shipped_entries
from ..normalize.arabic import normalize_arabic, normalize_arabic_offsets
from ..normalize.latin import normalize_latin
from ..normalize.script import has_arabic

# A Latin word: letters/digits, with inner apostrophes (Kata'ib) kept in the token.
# A possessive 's is a token of its own ("Britain's" -> "Britain", "s").
LATIN_TOKEN_RE = re.compile(r"[^\W_]+(?:['\u2019\u02bc\u2018](?!s\b)[^\W_]+)*")
# An Arabic word: letters plus diacritics and tatweel (so offsets cover the whole word).
ARABIC_TOKEN_RE = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FF][\u0621-\u065F\u0670-\u06D3\u06FA-\u06FF]*")

# Proclitics, in the order they attach: conjunction, preposition, article.
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")


@dataclass(frozen=True, slots=True)
class Hit:
    """One gazetteer hit: ``text[start:end]`` is the name as written (clitics outside)."""

    start: int
    end: int
    entity_id: str
    type: str
    kind: str  # en, en_variant, acronym, ar, ar_variant
    surface: str  # the lexicon surface that matched
    prefix: str = ""  # Arabic clitics stripped in front of the span
    alternatives: tuple[str, ...] = ()  # other entities with this very name (الشرق الأوسط)


@lru_cache(maxsize=131072)
def latin_token_key(token: str) -> str:
    return normalize_latin(token, "search").replace(" ", "")


@lru_cache(maxsize=131072)
def arabic_token_key(token: str) -> str:
    return normalize_arabic(token, "match").replace(" ", "")


def latin_tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in LATIN_TOKEN_RE.finditer(text)]


def arabic_tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in ARABIC_TOKEN_RE.finditer(text)]


@lru_cache(maxsize=65536)
def clitic_readings(token: str) -> tuple[tuple[int, str], ...]:
    """Every reading of an Arabic token as (proclitics) + stem.

    Returns (offset into ``token`` where the stem starts, stem key).  The bare token is
    always first.  ``ل`` + ``ال`` contracts to ``لل`` in writing (للحشد = ل + الحشد), so a
    stem after ``لل`` is also read with its article restored.
    """
    norm = normalize_arabic_offsets(token, "match")
    key = norm.text.replace(" ", "")
    if not key:
        return ()
    offs = norm.offsets
    out: list[tuple[int, str]] = [(0, key)]
    seen = {key}

    def add(k: int, stem: str) -> None:
        if len(stem) >= 2 and stem not in seen:
            seen.add(stem)
            out.append((offs[k] if k < len(offs) else len(token), stem))

    conj = [0]
    if key[:1] in _CONJ:
        conj.append(1)
    for c in conj:
        rest = key[c:]
        if c:
            add(c, rest)
        preps = [0]
        if rest[:1] in _PREP:
            preps.append(1)
        for p in preps:
            k = c + p
            r = key[k:]
            if p:
                add(k, r)
                if key[k - 1] == "ل" and r.startswith("ل") and len(r) > 3:
                    # ل + ال -> لل: restore the article, the stem starts at the second ل.
                    add(k, "ا" + r)
            if r.startswith("ال") and len(r) > 3:
                add(k + 2, r[2:])
    return tuple(out)


_STOP_SINGLE_EN = frozenset(
    "a an the in on at of to and or but for with by from as is was be he she it they we you i "
    "this that these those said will may can new one two last first state forces army city "
    "government president minister border security police group army region".split()
)


class Gazetteer:
    """Exact, longest-match lookup of every lexicon name in English and Arabic text."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        # first token key -> list of (token keys, entity id, kind, surface)
        self._en: dict[str, list[tuple[tuple[str, ...], str, str, str]]] = {}
        self._ar: dict[str, list[tuple[tuple[str, ...], str, str, str]]] = {}
        for e in entries:
            if not e.id:
                continue
            self.entries[e.id] = e
            names_en = [(e.en, "en")] + [(v, "en_variant") for v in e.en_variants] + [(a, "acronym") for a in e.acronyms]
            for surface, kind in names_en:
                if surface and not has_arabic(surface):
                    self._add_en(surface, e.id, kind)
                elif surface and kind == "acronym":
                    self._add_ar(surface, e.id, kind)
            for surface, kind in [(e.ar, "ar")] + [(v, "ar_variant") for v in e.ar_variants]:
                if surface:
                    self._add_ar(surface, e.id, kind)

    @classmethod
    def default(cls) -> "Gazetteer":
        return _default_gazetteer()

    # -------------------------------------------------------------- building

    def _add_en(self, surface: str, eid: str, kind: str) -> None:
        keys = tuple(k for k in (latin_token_key(t) for _, _, t in latin_tokens(surface)) if k)
        if not keys:
            return
        if len(keys) == 1 and keys[0] in _STOP_SINGLE_EN and kind != "acronym":
            return
        self._en.setdefault(keys[0], []).append((keys, eid, kind, surface))

    def _add_ar(self, surface: str, eid: str, kind: str) -> None:
        keys = tuple(k for k in (arabic_token_key(t) for _, _, t in arabic_tokens(surface)) if k)
        if not keys:
            return
        self._ar.setdefault(keys[0], []).append((keys, eid, kind, surface))

    # -------------------------------------------------------------- matching

    def find_en(self, text: str) -> list[Hit]:
        toks = latin_tokens(text)
        keys = [latin_token_key(t) for _, _, t in toks]
        hits: list[Hit] = []
        i = 0
        while i < len(toks):
            best: tuple[int, int, str, str, str] | None = None  # (n tokens, end, eid, kind, surface)
            for cand_keys, eid, kind, surface in self._en.get(keys[i], ()):
                n = len(cand_keys)
                if tuple(keys[i : i + n]) != cand_keys:
                    continue
                if not _joined(text, toks, i, n):
                    continue
                span = text[toks[i][0] : toks[i + n - 1][1]]
                if not _case_ok(span, surface, kind):
                    continue
                if best is None or n > best[0] or (n == best[0] and _kind_rank(kind) < _kind_rank(best[3])):
                    best = (n, toks[i + n - 1][1], eid, kind, surface)
            if best is None:
                i += 1
                continue
            n, end, eid, kind, surface = best
            hits.append(Hit(toks[i][0], end, eid, self.entries[eid].type, kind, surface))
            i += n
        return hits

    def find_ar(self, text: str) -> list[Hit]:
        toks = arabic_tokens(text)
        keys = [arabic_token_key(t) for _, _, t in toks]
        hits: list[Hit] = []
        i = 0
        while i < len(toks):
            best: tuple[int, int, int, str, str, str] | None = None  # n, stem offset, -, eid, kind, surface
            same_span: dict[tuple[int, int], list[str]] = {}  # other entities written the same way
            for stem_off, stem in clitic_readings(toks[i][2]):
                for cand_keys, eid, kind, surface in self._ar.get(stem, ()):
                    n = len(cand_keys)
                    if tuple(keys[i + 1 : i + n]) != cand_keys[1:] or i + n > len(toks):
                        continue
                    if not _joined(text, toks, i, n):
                        continue
                    # Prefer more tokens, then fewer stripped letters (the bare word first).
                    rank = (n, -stem_off)
                    if best is None or rank > (best[0], -best[1]) or (
                        rank == (best[0], -best[1]) and _kind_rank(kind) < _kind_rank(best[4])
                    ):
                        best = (n, stem_off, 0, eid, kind, surface)
                    if best is not None and rank == (best[0], -best[1]):
                        same_span.setdefault(rank, []).append(eid)
            if best is None:
                i += 1
                continue
            n, stem_off, _, eid, kind, surface = best
            start = toks[i][0] + stem_off
            alts = tuple(dict.fromkeys(x for x in same_span.get((n, -stem_off), []) if x != eid))
            hits.append(Hit(start, toks[i + n - 1][1], eid, self.entries[eid].type, kind, surface, toks[i][2][:stem_off], alts))
            same_span.clear()
            i += n
        return hits


def _kind_rank(kind: str) -> int:
    return {"en": 0, "ar": 0, "en_variant": 1, "ar_variant": 1, "acronym": 2}.get(kind, 3)


def _joined(text: str, toks: list[tuple[int, int, str]], i: int, n: int) -> bool:
    """Tokens i..i+n-1 are one name only if separated by spaces or hyphens (no comma,
    full stop or line break between them)."""
    if i + n > len(toks):
        return False
    for a, b in zip(toks[i : i + n - 1], toks[i + 1 : i + n]):
        gap = text[a[1] : b[0]]
        if gap == "." and len(a[2]) == 1 and len(b[2]) == 1 and a[2].isupper() and b[2].isupper():
            continue  # U.S., U.N.
        if len(gap) > 3 or any(c not in " -\u2010\u2011\u00a0\u0640" for c in gap) or "\n" in gap:
            return False
    return True


def _case_ok(span: str, surface: str, kind: str) -> bool:
    """English case rules: names start with a capital (or a digit); acronyms and
    all-capital lexicon forms must be written in capitals."""
    first = next((c for c in span if c.isalnum()), "")
    if not first:
        return False
    letters = [c for c in surface if c.isalpha()]
    if kind == "acronym" or (letters and all(c.isupper() for c in letters) and len(letters) <= 6):
        return span.replace(".", "") == surface.replace(".", "") or span.upper() == span and len(span) > 1
    if first.isdigit():
        return True
    # Lower-case particles may open the name in the lexicon (al-Sudani); the text must
    # then carry a capital somewhere in the span.
    if first.islower():
        sfirst = next((c for c in surface if c.isalpha()), "")
        return sfirst.islower() and any(c.isupper() for c in span)
    return True


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    """The shipped lexicon's gazetteer (:func:`toolkit.lexdata.shipped_entries`), built once."""
    return Gazetteer(shipped_entries())
