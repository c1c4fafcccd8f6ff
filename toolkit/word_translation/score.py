"""How well an Arabic phrase translates an English one, word by word.

Why this shape: a name the press translates ("Ministry of Health" / وزارة الصحة) matches
word for word in meaning, not in sound, and in the opposite order. So every content word
of each side is matched with a counterpart anywhere on the other side (one to one, best
pairs first, so that "court" cannot reuse عليا once "supreme" took it); a side's score is
the mean of its words' matches, and the phrase score is the harmonic mean of the two
sides (or the smaller: ``PhraseParams.combine``). An English word with no counterpart
("Consumer Energy Alliance" against طاقة المستهلك) lowers the English side; an extra
Arabic word lowers the Arabic side; either pulls the score down. Function words (of, the, في, من) weigh little (the Arabic
article, on nearly every word of a name, is taken off before lookup): "of" is where
English has what Arabic writes as a construct state.

A word pair's score mixes the two conditionals of the table, ``p(ar|en)`` and
``p(en|ar)``: the larger alone over-rewards a rare word whose mass is spread uniformly
over one sentence, the smaller alone under-rewards synonyms that split their mass
(court: محكمة and قضاء). Names the table never saw (Brookings / بروكينغز) can be matched by
sound with ``toolkit.normalize.keys.similarity`` when ``translit_weight`` > 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..normalize.keys import similarity
from .table import Table, load_table
from .tokens import AR_FUNCTION_WORDS, EN_FUNCTION_WORDS, ar_readings, ar_words, en_tokens


@dataclass(frozen=True)
class PhraseParams:
    """Settings of :func:`phrase_score`; measured with training/word_translation/evaluate.py
    on the development half of held-out lexicon names (see models/word_translation/MODEL_CARD.md)."""

    #: weight of min(p(ar|en), p(en|ar)) against the max in a word pair's score (0 = max
    #: only, 0.5 = mean, 1 = min); 0.3 best on the dev folds (0-1 tried, 0.3-0.6 within
    #: 0.002 AUC).
    min_share: float = 0.3
    #: a word whose best pair score reaches this counts as fully translated; 0.15 best on
    #: the dev folds (0.1-1 tried; 0.15-0.4 within 0.005 AUC).
    saturation: float = 0.15
    #: weight of a function word (of, the, al, في, من) against a content word (1); 0.2
    #: best on the dev folds, 0 within 0.002 AUC.
    function_weight: float = 0.2
    #: a cross-script sound match (keys.similarity) counts this much of a translation; 0 =
    #: off. 0.9 lifted dev AUC against random pairs by about 0.01 (names the table has not
    #: seen: Brookings / بروكينغز).
    translit_weight: float = 0.9
    #: sound similarities below this count as no match (keys.similarity of unrelated
    #: words is often 0.3-0.5); 0.6 best on the dev folds (0.6 / 0.7 tried: +0.002 AUC,
    #: +0.005 span recovery; financial / فايننشال is 0.65).
    translit_floor: float = 0.6
    #: weight of a word's rarity in the training corpus: a content word weighs
    #: 1 + idf_weight / (1 + log10(1 + count)); 0 best on the dev folds (0-3 tried,
    #: within 0.003 AUC).
    idf_weight: float = 0.0
    #: an English word left over by the one-to-one matching of word pairs keeps this share
    #: of its best score against any word (1 = no one-to-one matching); 0.5 best on the dev folds
    #: (0 / 0.5 / 1 tried; 1 lost 0.004 AUC against shared-head-word pairs).
    reuse: float = 0.5
    #: the same for a left-over Arabic word: one English word often stands for two
    #: Arabic ones (Senate / مجلس الشيوخ, UN / الأمم المتحدة). 1.0 best on the dev folds
    #: (0.5 / 0.75 / 1 tried: span recovery 0.724 -> 0.741); on the NTREX dev gold it
    #: lifted ORG projection from 0.47 to 0.63 (evaluate_ntrex.py).
    reuse_ar: float = 1.0
    #: how the two sides' scores become one: "hmean", "min" or "product"; "hmean" best on
    #: the dev folds with reuse_ar 1 (all three within 0.006 AUC; hmean +0.04 span recovery).
    combine: str = "hmean"
    #: ``phrase_score >= threshold`` separates true pairs from random and shared-head-word
    #: false pairs best (balanced accuracy 0.89) on the dev folds: 0.645.
    threshold: float = 0.645


DEFAULT_PARAMS = PhraseParams()

#: Scores closer than this are a tie in :func:`best_span`.
_TIE = 1e-9


@dataclass(frozen=True)
class _Word:
    surface: str  # as tokenized (English) or at the match level (Arabic)
    readings: tuple[str, ...]  # table keys this word may stand for
    function: bool  # a function word (weighs ``function_weight``)
    weight: float = 1.0


def _pair(table: Table, en: str, readings: tuple[str, ...], min_share: float) -> float:
    best = 0.0
    for ar in readings:
        fwd, bwd = table.pair(en, ar)
        hi, lo = (fwd, bwd) if fwd >= bwd else (bwd, fwd)
        best = max(best, (1 - min_share) * hi + min_share * lo)
    return best


def word_score(table: Table, en: str, ar: str, params: PhraseParams = DEFAULT_PARAMS) -> float:
    """Translation score of one English word (as tokenized) and one Arabic word (match
    level, clitics on): the best over the Arabic word's readings."""
    return _pair(table, en, tuple(ar_readings(ar)), params.min_share)


@lru_cache(maxsize=8192)
def _en_words(phrase: str) -> tuple[_Word, ...]:
    return tuple(_Word(t, (t,), t in EN_FUNCTION_WORDS) for t in en_tokens(phrase))


@lru_cache(maxsize=8192)
def _ar_words(phrase: str) -> tuple[_Word, ...]:
    words = []
    for w in ar_words(phrase):
        readings = tuple(ar_readings(w))
        words.append(_Word(w, readings, w in AR_FUNCTION_WORDS or readings[0] in AR_FUNCTION_WORDS))
    return tuple(words)


def _rarity(counts: dict[str, int], keys: tuple[str, ...]) -> float:
    """1 for a word the training corpus never saw, 0.5 at 9 sightings, 0.25 at 999."""
    n = max((counts.get(k, 0) for k in keys), default=0)
    return 1.0 / (1.0 + math.log10(1 + n))


def _weighted(words: tuple[_Word, ...], counts: dict[str, int], params: PhraseParams,
              fallback: bool = True) -> tuple[_Word, ...]:
    """Content words weigh 1 + idf_weight * rarity, function words ``function_weight``;
    a phrase made only of function words is scored on all of them, alike (``fallback``)."""
    if fallback and not any(not w.function for w in words):
        return tuple(_Word(w.surface, w.readings, False, 1.0) for w in words)
    out = []
    for w in words:
        weight = params.function_weight if w.function else 1.0 + params.idf_weight * _rarity(counts, w.readings)
        if weight > 0:
            out.append(_Word(w.surface, w.readings, w.function, weight))
    return tuple(out)


@lru_cache(maxsize=65536)
def _similarity(en: str, ar: str) -> float:
    return similarity(en, ar)


def _sound(en: _Word, ar: _Word, params: PhraseParams) -> float:
    if params.translit_weight <= 0 or len(en.surface) < 3 or en.surface.isdigit():
        return 1.0 if en.surface.isdigit() and en.surface == ar.surface else 0.0
    s = _similarity(en.surface, ar.surface)
    return params.translit_weight * s if s >= params.translit_floor else 0.0


def _matrix(table: Table, en: tuple[_Word, ...], ar: tuple[_Word, ...], params: PhraseParams) -> list[list[float]]:
    out = []
    for e in en:
        row = []
        for a in ar:
            lex = min(1.0, _pair(table, e.surface, a.readings, params.min_share) / params.saturation)
            row.append(lex if lex >= 1.0 else max(lex, _sound(e, a, params)))
        out.append(row)
    return out


def _side(weights: list[float], best: list[float]) -> float:
    total = sum(weights)
    return sum(w * b for w, b in zip(weights, best)) / total if total else 0.0


def phrase_score(en_phrase: str, ar_phrase: str, params: PhraseParams = DEFAULT_PARAMS,
                 table: Table | None = None) -> float:
    """How well ``ar_phrase`` translates ``en_phrase``, in [0, 1].

    Word pairs are scored (a translation from the table, else optionally a sound match)
    and matched one to one, best first; each side is the weighted mean of its words'
    matches (function words weigh little); the result is the harmonic mean of the two
    sides' scores (``PhraseParams.combine``), so a missing or an extra word on either
    side costs.
    Empty input on either side gives 0.

    >>> phrase_score("Ministry of Health", "وزارة الصحة") > 0.8
    True
    """
    table = table if table is not None else load_table()
    en = _weighted(_en_words(en_phrase), table.en_counts, params)
    ar = _weighted(_ar_words(ar_phrase), table.ar_counts, params)
    if not en or not ar:
        return 0.0
    return _combine(*_sides(_matrix(table, en, ar, params), en, ar, params), params)


def _sides(m: list[list[float]], en: Sequence[_Word], ar: Sequence[_Word], params: PhraseParams) -> tuple[float, float]:
    """The two sides' scores: word pairs are matched one to one, best first (so "court"
    cannot reuse عليا, which "supreme" took); a word left over keeps ``reuse`` of its best
    score against any word."""
    best_en = [0.0] * len(en)
    best_ar = [0.0] * len(ar)
    cells = sorted(((m[i][j], i, j) for i in range(len(en)) for j in range(len(ar)) if m[i][j] > 0), reverse=True)
    for v, i, j in cells:
        if not best_en[i] and not best_ar[j]:
            best_en[i] = best_ar[j] = v
    if params.reuse > 0:
        for i, row in enumerate(m):
            best_en[i] = best_en[i] or params.reuse * max(row)
    if params.reuse_ar > 0:
        for j in range(len(ar)):
            best_ar[j] = best_ar[j] or params.reuse_ar * max(m[i][j] for i in range(len(en)))
    return _side([e.weight for e in en], best_en), _side([a.weight for a in ar], best_ar)


def _combine(s_en: float, s_ar: float, params: PhraseParams) -> float:
    if params.combine == "min":
        return min(s_en, s_ar)
    if params.combine == "product":
        return s_en * s_ar
    return 2 * s_en * s_ar / (s_en + s_ar) if s_en + s_ar > 0 else 0.0


def best_span(en_phrase: str, ar_tokens: Sequence[str], max_words: int = 8,
              params: PhraseParams = DEFAULT_PARAMS, table: Table | None = None) -> tuple[int, int, float]:
    """The contiguous run ``ar_tokens[i:j]`` that best translates ``en_phrase``:
    ``(i, j, score)``, the score as :func:`phrase_score` gives it for that run (except that
    a run of function words alone scores 0); ``(0, 0, 0.0)`` when nothing matches. Ties
    go to the longer run (UN: الأمم المتحدة rather than الأمم alone, when both words are
    full translations), then to the earlier one. The caller keeps its own tokens and
    their offsets.

    One word-pair matrix is computed for the whole token list; each run then costs only
    the one-to-one matching of its columns.
    """
    table = table if table is not None else load_table()
    en = _weighted(_en_words(en_phrase), table.en_counts, params)
    cols: list[_Word] = []
    first: list[int] = []  # first column of each token
    for tok in ar_tokens:
        first.append(len(cols))
        cols += _weighted(_ar_words(tok), table.ar_counts, params, fallback=False)
    first.append(len(cols))
    if not en or not cols:
        return 0, 0, 0.0
    m = _matrix(table, en, tuple(cols), params)
    best = (0, 0, 0.0)
    for i in range(len(ar_tokens)):
        for j in range(i + 1, min(len(ar_tokens), i + max_words) + 1):
            lo, hi = first[i], first[j]
            if not any(not c.function for c in cols[lo:hi]):
                continue
            sub = [row[lo:hi] for row in m]
            score = _combine(*_sides(sub, en, cols[lo:hi], params), params)
            if score > best[2] + _TIE or (score > best[2] - _TIE and j - i > best[1] - best[0]):
                best = (i, j, score)
    return best
