"""Projection of English mentions into Arabic sentences.

Why projection: Arabic has no capitals, so a name the lexicon does not know is hard to
find in Arabic alone; but the aligned English sentence says which name to look for.
For an English mention, every span of 1..n+1 words of the aligned Arabic sentence (first
word read with and without its clitics) is scored against the English name, and the
best span above a threshold becomes an Arabic mention with source ``projection``.

The score is :func:`toolkit.extract.scores.cross_score` (sound and meaning); this module
finds the spans and keeps the best.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from ..normalize.arabic import normalize_arabic
from .arabic import STOP
from .gazetteer import arabic_token_key, arabic_tokens, clitic_readings
from .model import RawMention
from .scores import (
    LATIN_ARTICLES, SCORES, arabic_skeleton, cross_score, glossary, latin_skeleton, skeleton_score, token_cover_score,
)
from .translated import acronym_spans, arabic_translations, common_word, is_acronym
from .verbatim import verbatim_span

__all__ = [
    "ProjectionParams", "PARAMS", "project", "cross_score", "skeleton_score", "token_cover_score",
    "latin_skeleton", "arabic_skeleton",
]


@dataclass(frozen=True, slots=True)
class ProjectionParams:
    """The tuned numbers of projection, set on the development gold of
    ``benchmarks/entities.py`` (12 NTREX documents, ``benchmarks/gold/ntrex_entities.json``;
    benchmarks/README.md, "Entities") and the cases of ``tests/extract/test_projection.py``.
    The cross-script score's own numbers are :class:`~toolkit.extract.scores.ScoreParams`."""

    #: The best span must score this much to become a mention (dev set; linking asks
    #: more, 0.9, when it searches the whole report).
    threshold: float = 0.72
    #: Score lost per word the span is longer or shorter than the English name (dev set).
    length_penalty: float = 0.05
    #: A span has at most one word more than the English name, and at most this many.
    max_span_words: int = 5
    #: Spans re-scored with the full cross-script score: the best by skeleton, plus the
    #: best that hold a translated word (dev set: "Court" = محكمة).
    pool: int = 8
    pool_glossed: int = 8


PARAMS = ProjectionParams()

@lru_cache(maxsize=8)
def _prepared(ar_text: str) -> tuple[tuple[int, int, str, tuple[tuple[int, str], ...], bool, bool, frozenset[str]], ...]:
    """Per Arabic word of a text: start, end, word, (clitic offset, skeleton) readings,
    whether the bare word is a function word, whether a single space precedes it, and
    the word's readings without clitics and article (for glossary look-ups)."""
    out = []
    prev_end = -10
    for s, e, w in arabic_tokens(ar_text):
        readings = tuple((off, arabic_skeleton(w[off:])) for off, _stem in clitic_readings(w))
        stop = any(stem in STOP for _off, stem in clitic_readings(w)[:1]) or arabic_token_key(w) in STOP
        key = arabic_token_key(w)
        # Every reading, not only the last: كنيسة is the word church, not ك + نيسة.
        bare = frozenset(st[2:] if st.startswith("ال") and len(st) > 3 else st for _o, st in clitic_readings(w)) or {key}
        out.append((s, e, w, readings, stop, ar_text[prev_end:s] == " ", bare))
        prev_end = e
    return tuple(out)


def _join_skel(a: str, b: str) -> str:
    return a + (b[1:] if a and b and a[-1] == b[0] else b)


def project(
    mention: RawMention,
    ar_text: str,
    start: int,
    end: int,
    taken: list[tuple[int, int]] | None = None,
    threshold: float | None = None,
    arabic_forms: tuple[str, ...] = (),
    params: ProjectionParams = PARAMS,
    translated: bool = True,
) -> RawMention | None:
    """Find the Arabic span in ``ar_text[start:end]`` that best matches the English mention.

    Every span of 1..n+1 words (first word read with and without its clitics) is scored
    quickly on consonant skeletons; the best few are re-scored with :func:`cross_score`.
    ``arabic_forms`` are Arabic spellings already known for the name (lexicon or
    transliteration); a span equal to one of them wins outright. ``threshold``: the
    score the best span needs (default ``params.threshold``). ``translated``: spans may
    match by translation too (see :func:`cross_score`).
    """
    verbatim = verbatim_span(mention, ar_text, start, end, taken or [])
    if verbatim is not None:
        return verbatim
    if is_acronym(mention.name):
        spelled = _spelled(mention, ar_text, start, end, taken or [])
        if spelled is not None:
            return spelled
    words = re.findall(r"[A-Za-z]+", mention.name)
    n_en = max(1, len(words) - sum(1 for w in words if w.lower() in LATIN_ARTICLES))
    cands = _candidates(mention, ar_text, start, end, taken or [], words, n_en, params, translated)
    if not cands:
        return None
    cands.sort(key=lambda c: -c[0])
    # The best few by skeleton, plus the best few that hold a translated word (Court = محكمة).
    pool = cands[: params.pool] + [c for c in cands[params.pool :] if c[4]][: params.pool_glossed]
    forms = {normalize_arabic(f, "match") for f in arabic_forms if f}
    best: tuple[float, int, int] | None = None
    one_word = " " not in mention.name.strip()
    for q, s, e, n, _g in pool:
        span = ar_text[s:e]
        if forms and normalize_arabic(span, "match") in forms:
            score = 1.0
        elif one_word and n == 1 and common_word(span, mention.name):
            continue  # "Kim" is not قمة (summit), however close the consonants
        else:
            score = max(q, cross_score(mention.name, span, translated) - params.length_penalty * abs(n - n_en))
        if best is None or score > best[0] + 1e-9:
            best = (score, s, e)
    if best is None or best[0] < (params.threshold if threshold is None else threshold):
        return None
    score, s, e = best
    s += _proclitic_before_gloss(ar_text[s:e], _gloss_words(tuple(words), translated))
    return RawMention("ar", s, e, ar_text[s:e], ar_text[s:e], mention.type, "projection",
                      mention.entity_id, round(min(score, 1.0), 3))


@lru_cache(maxsize=4096)
def _gloss_words(words: tuple[str, ...], translated: bool) -> frozenset[str]:
    """Arabic words (match level, no article) that translate a word of the English name:
    the hand glossary and the learned table."""
    if not translated:
        return frozenset()
    table = glossary()
    return frozenset().union(*(table.get(w, frozenset()) | arabic_translations(w) for w in (x.lower() for x in words)))


def _proclitic_before_gloss(span: str, gloss: frozenset[str]) -> int:
    """1 when the span's first word is a preposition or conjunction glued to a word that
    translates the English name (بجامعة سيراكيوز: ب + جامعة, Syracuse University): the
    letter is not part of the name; 0 otherwise (وورلد, World, keeps its و; للجنة is
    ل + اللجنة, not cut)."""
    first = span.split(maxsplit=1)[0] if span.strip() else ""
    if len(first) < 4 or first[0] not in "بفكول" or first.startswith("لل"):
        return 0
    bare = normalize_arabic(first[1:], "match")
    bare = bare[2:] if bare.startswith("ال") and len(bare) > 4 else bare
    return 1 if bare in gloss and normalize_arabic(first, "match") not in gloss else 0


def _spelled(mention: RawMention, ar_text: str, start: int, end: int, taken: list[tuple[int, int]]) -> RawMention | None:
    """The first span of the window that spells the acronym by its letters' names."""
    toks = [(t[0], t[1], t[2]) for t in _window(_prepared(ar_text), start, end)]
    for s, e in acronym_spans(mention.name, toks):
        if not any(s < b and a < e for a, b in taken):
            return RawMention("ar", s, e, ar_text[s:e], ar_text[s:e], mention.type, "projection", mention.entity_id, 1.0)
    return None


@lru_cache(maxsize=8)
def _starts(prepared: tuple) -> list[int]:
    return [t[0] for t in prepared]


def _window(prepared: tuple, start: int, end: int) -> tuple:
    """The prepared words inside ``[start, end)``, found by bisection (not a scan of the
    whole report for every mention)."""
    starts = _starts(prepared)
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    while hi > lo and prepared[hi - 1][1] > end:
        hi -= 1
    return prepared[lo:hi]


def _blocked(toks: tuple, taken: list[tuple[int, int]]) -> list[bool]:
    """For each word, whether a taken span overlaps it: one sweep over the spans sorted
    by start, so the cost grows with words + spans, not their product."""
    spans = sorted(taken)
    out = []
    k = 0
    active_end = -1
    for t in toks:
        while k < len(spans) and spans[k][0] < t[1]:
            active_end = max(active_end, spans[k][1])
            k += 1
        out.append(active_end > t[0])
    return out


def _candidates(
    mention: RawMention, ar_text: str, start: int, end: int, taken: list[tuple[int, int]],
    words: list[str], n_en: int, params: ProjectionParams, translated: bool = True,
) -> list[tuple[float, int, int, int, bool]]:
    """Every span of the window scored on skeletons: (score, start, end, words, holds a
    glossary translation of an English word)."""
    toks = _window(_prepared(ar_text), start, end)
    if not toks:
        return []
    blocked = _blocked(toks, taken)
    en_skel = latin_skeleton(mention.name)
    if not en_skel:
        return []
    gloss = _gloss_words(tuple(words), translated)
    max_n = min(n_en + 1, params.max_span_words)
    cands: list[tuple[float, int, int, int, bool]] = []
    for i, (s0, _e0, _w0, readings, stop0, _g0, _b0) in enumerate(toks):
        if blocked[i] or stop0:
            continue
        for off, skel0 in readings:
            skel = ""
            for n in range(1, max_n + 1):
                k = i + n - 1
                if k >= len(toks) or blocked[k] or (n > 1 and not toks[k][5]):
                    break
                skel = skel0 if n == 1 else _join_skel(skel, arabic_skeleton(toks[k][2]))
                if toks[k][4]:
                    if n > 1:
                        break  # a function word inside: "تكساس تريبيون في أوستن" is two names
                    continue  # a name does not end with a function word
                if min(len(skel), len(en_skel)) < SCORES.min_skeleton:
                    q = skeleton_score(mention.name, ar_text[s0 + off : toks[k][1]])
                else:
                    q = Levenshtein.normalized_similarity(en_skel, skel)
                glossed = bool(gloss) and any(not toks[x][6].isdisjoint(gloss) for x in range(i, k + 1))
                cands.append((q - params.length_penalty * abs(n - n_en), s0 + off, toks[k][1], n, glossed))
    return cands
