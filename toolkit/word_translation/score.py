"""How well an Arabic phrase translates an English one, word by word.

Why this shape: a name the press translates ("Ministry of Health" / وزارة الصحة) matches
word for word in meaning, not in sound, and in the opposite order. So every content word
of each side looks for its best counterpart anywhere on the other side; the side's score
is the mean of those best matches, and the phrase score is the harmonic mean of the two
sides. An English word with no counterpart ("Consumer Energy Alliance" against طاقة
المستهلك) lowers the English side; an extra Arabic word lowers the Arabic side; either
pulls the harmonic mean down. Function words (of, the, في, the article ال) are read but
weigh nothing: the article is on nearly every Arabic word of a name and "of" is where
English has a construct state.

A word pair's score mixes the two conditionals of the table, ``p(ar|en)`` and
``p(en|ar)``: the larger alone over-rewards a rare word whose mass is spread uniformly
over one sentence, the smaller alone under-rewards synonyms that split their mass
(court: محكمة and قضاء). Names the table never saw (Brookings / بروكينغز) can be matched by
sound with ``toolkit.normalize.keys.similarity`` when ``translit_weight`` > 0.
"""

from __future__ import annotations

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
    #: only, 0.5 = mean); 0.3 best on the dev half (AUC flat within 0.003 for 0.2-0.5).
    min_share: float = 0.3
    #: a word whose best pair score reaches this counts as fully translated; 0.35 best on
    #: the dev half (0.25-0.5 within 0.004 AUC).
    saturation: float = 0.35
    #: weight of a function word against a content word (1.0); 0 on the dev half.
    function_weight: float = 0.0
    #: a cross-script sound match counts this much of a translation; 0 = off. 0.9 on the
    #: dev half lifted AUC by 0.02 (names the table has not seen).
    translit_weight: float = 0.9
    #: sound similarities below this count as no match (keys.similarity of unrelated
    #: words is often 0.3-0.5; the project's match threshold is about 0.75).
    translit_floor: float = 0.7
    #: ``phrase_score >= threshold`` separates translations from random name pairs best
    #: (accuracy) on the dev half.
    threshold: float = 0.4


DEFAULT_PARAMS = PhraseParams()


@dataclass(frozen=True)
class _Word:
    surface: str  # as tokenized (English) or at the match level (Arabic)
    readings: tuple[str, ...]  # table keys this word may stand for
    weight: float


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


@lru_cache(maxsize=4096)
def _en_words(phrase: str, fw: float) -> tuple[_Word, ...]:
    toks = en_tokens(phrase)
    words = [_Word(t, (t,), fw if t in EN_FUNCTION_WORDS else 1.0) for t in toks]
    return _all_function_fallback(words)


@lru_cache(maxsize=4096)
def _ar_words(phrase: str, fw: float) -> tuple[_Word, ...]:
    words = []
    for w in ar_words(phrase):
        readings = tuple(ar_readings(w))
        function = w in AR_FUNCTION_WORDS or readings[0] in AR_FUNCTION_WORDS
        words.append(_Word(w, readings, fw if function else 1.0))
    return _all_function_fallback(words)


def _all_function_fallback(words: list[_Word]) -> tuple[_Word, ...]:
    """A phrase made only of function words is scored on all of them."""
    if words and not any(w.weight for w in words):
        return tuple(_Word(w.surface, w.readings, 1.0) for w in words)
    return tuple(w for w in words if w.weight > 0)


def _sound(en: _Word, ar: _Word, params: PhraseParams) -> float:
    if params.translit_weight <= 0 or len(en.surface) < 3 or en.surface.isdigit():
        return 1.0 if en.surface.isdigit() and en.surface == ar.surface else 0.0
    s = similarity(en.surface, ar.surface)
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

    Each content word of each side takes its best match on the other side (a translation
    from the table, else optionally a sound match); each side is the weighted mean of its
    words' best matches; the result is the harmonic mean of the two sides, so a missing
    or an extra word on either side costs. Empty input on either side gives 0.

    >>> phrase_score("Ministry of Health", "وزارة الصحة") > 0.8
    True
    """
    table = table if table is not None else load_table()
    en = _en_words(en_phrase, params.function_weight)
    ar = _ar_words(ar_phrase, params.function_weight)
    if not en or not ar:
        return 0.0
    m = _matrix(table, en, ar, params)
    s_en = _side([e.weight for e in en], [max(row) for row in m])
    s_ar = _side([a.weight for a in ar], [max(m[i][j] for i in range(len(en))) for j in range(len(ar))])
    return 2 * s_en * s_ar / (s_en + s_ar) if s_en + s_ar > 0 else 0.0
