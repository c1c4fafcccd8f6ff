"""One key space for names in Arabic and Latin script, and a similarity between any two.

Both scripts are first mapped into one small alphabet of phonetic symbols, one string
per name part (:mod:`.phonetic`: consonant classes, vowel symbols, articles dropped and
compounds joined the same way on both sides).  Two views of that sequence serve two
needs:

:func:`skeleton`
    the consonants only, one word per token ("Hezbollah" and "حزب الله" both give
    ``hzbl``; "Al-Qaim" and "القائم" ``km``; "Sudani" and "السوداني" ``sdn``): a
    string for equality and for blocking candidates in an index.
:func:`similarity`
    a weighted edit distance over the full symbol sequences: a consonant edit costs 1,
    a near-consonant (g/j, k/g, s/sh, h/kh, t/s, d/z) 0.45, inserting or deleting a
    short vowel 0.15 (short vowels are simply not written in Arabic), a vowel for another
    vowel 0.3 (``e`` for a or i 0.1).  Token similarities are combined by a best
    one-to-one assignment of name parts, weighted by length, with a mild penalty for
    unmatched parts, so "Naim Barich" still scores high against a four-part name.
    :class:`SimilarityParams` holds every one of these numbers.

Both work within one script as well (Latin-Latin, Arabic-Arabic).  No dictionary is
involved: that is the lexicon's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .arabic import normalize_arabic
from .phonetic import LONG, VOWEL_SYMS, arabic_tokens, symbols
from .script import detect_script

__all__ = [
    "DEFAULT_THRESHOLD", "PARAMS", "MatchResult", "SimilarityParams", "consonants", "detect_script", "match", "match_key",
    "parts_similarity", "similarity", "skeleton", "symbols", "token_similarity",
]


@dataclass(frozen=True)
class SimilarityParams:
    """Every tuned number of the cross-script score, in one place.

    All were set on the pair tables of tests/normalize/data (cross_pairs.tsv,
    latin_pairs.tsv) when the score was written (commit 208c15e), except where a later
    change is named; benchmarks/normalize.py prints precision and recall with them.
    ``written`` costs apply when both names are romanizations (every vowel is written).
    """

    #: Decision threshold of :func:`match`: best F1 on both pair tables (commit 5c1942e).
    threshold: float = 0.88
    #: Consonant (and vowel) classes romanization confuses, substituted at ``near_cost``.
    near_pairs: tuple[str, ...] = ("gj", "kg", "sc", "hx", "ts", "dz", "zs", "kx", "fb", "ui", "ai", "au")
    near_cost: float = 0.45
    #: Inserting or deleting a short vowel Arabic does not write; lowered from 0.2 for the
    #: best F1 on both pair tables (commit 5c1942e).
    vowel_indel: float = 0.15
    written_vowel_indel: float = 0.5
    #: Inserting or deleting a long vowel, which both scripts write.
    long_indel: float = 0.6
    #: ``e`` (English writes both fatha and kasra with it) for ``a`` or ``i``.
    e_vowel_sub: float = 0.1
    written_e_vowel_sub: float = 0.15
    #: Any other vowel for a vowel.
    vowel_sub: float = 0.3
    written_vowel_sub: float = 0.5
    #: Name parts scoring at or below this are not paired at all.
    part_floor: float = 0.3
    #: Coverage = (share of the shorter name matched) ** short_power * (of the longer) **
    #: long_power: a missing part of the shorter name costs most.
    short_coverage_power: float = 0.5
    long_coverage_power: float = 0.15
    #: Factor on the score of the names run together ("Abd al Rauf" / "Abdulrauf").
    run_together: float = 0.97
    #: Names without a single consonant symbol ("AA", "EU", "آية") carry no evidence the
    #: phonetic key can weigh (every vowel-only name shares the key ``a``): two of them
    #: in one script are compared letter by letter instead, across scripts capped at this,
    #: under ``threshold`` (chosen, not tuned: issue 14, "AA" / "AAH" scored 1.000).
    vowel_only_cap: float = 0.8


PARAMS = SimilarityParams()

#: The decision threshold of :func:`match` (:attr:`SimilarityParams.threshold`).
DEFAULT_THRESHOLD = PARAMS.threshold


def skeleton(text: str) -> str:
    """Consonant skeleton, one word per name part: equal for spellings of one name
    across scripts in the common cases (see the module docstring)."""
    words = []
    for part in symbols(text):
        cons = "".join(c for c in part if c not in VOWEL_SYMS)
        cons = re.sub(r"(.)\1+", r"\1", cons)
        if cons:
            words.append(cons)
    return " ".join(words)


def match_key(text: str) -> str:
    """Same-script match key: the Latin match level for Latin names, the Arabic match
    level with the article dropped and compounds joined for Arabic names."""
    script = detect_script(text)
    if script in ("arabic", "mixed"):
        return " ".join(normalize_arabic(w.replace("\x01", "الله"), "match") for w in arabic_tokens(text))
    from .latin import normalize_latin

    return normalize_latin(text, "match")


# ------------------------------------------------------------------ similarity

_NEAR = {frozenset(p) for p in PARAMS.near_pairs}


def _indel(c: str, written: bool = False) -> float:
    if c in LONG:
        return PARAMS.long_indel
    if c in VOWEL_SYMS:
        return PARAMS.written_vowel_indel if written else PARAMS.vowel_indel
    return 1.0


def _sub_cost(a: str, b: str, written: bool = False) -> float:
    a, b = a.lower(), b.lower()
    if a == b:
        return 0.0
    av, bv = a in VOWEL_SYMS, b in VOWEL_SYMS
    if av and bv:
        if "e" in (a, b) and "u" not in (a, b):
            return PARAMS.written_e_vowel_sub if written else PARAMS.e_vowel_sub
        return PARAMS.written_vowel_sub if written else PARAMS.vowel_sub
    if av or bv:
        return 1.0
    return PARAMS.near_cost if frozenset((a, b)) in _NEAR else 1.0


@lru_cache(maxsize=65536)
def _weight(s: str, written: bool = False) -> float:
    return sum(_indel(c, written) for c in s)


class _SubRow(dict):
    """Substitution costs from one symbol to any other, filled on first use."""

    def __init__(self, a: str, written: bool) -> None:
        super().__init__()
        self.a, self.written = a, written

    def __missing__(self, b: str) -> float:
        cost = self[b] = _sub_cost(self.a, b, self.written)
        return cost


class _SubTable(dict):
    def __init__(self, written: bool) -> None:
        super().__init__()
        self.written = written

    def __missing__(self, a: str) -> _SubRow:
        row = self[a] = _SubRow(a, self.written)
        return row


#: Costs looked up, not recomputed, inside the edit distance (its inner loop is the
#: hot spot of fuzzy lookup): substitution rows by symbol, indel costs by string.
_SUB = {False: _SubTable(False), True: _SubTable(True)}


@lru_cache(maxsize=65536)
def _indels(s: str, written: bool) -> tuple[float, ...]:
    return tuple(_indel(c, written) for c in s)


@lru_cache(maxsize=262144)
def token_similarity(a: str, b: str, written: bool = False) -> float:
    """Similarity in [0, 1] of two symbol strings (see :func:`symbols`).

    ``written``: both come from romanizations, so vowels are evidence on both sides
    and cost more to change.
    """
    if a == b:
        return 1.0 if a else 0.0
    if not a or not b:
        return 0.0
    ind_b = _indels(b, written)
    prev = [0.0]
    for cost in ind_b:
        prev.append(prev[-1] + cost)
    subs = _SUB[written]
    js = range(len(b))
    for ca, ins_a in zip(a, _indels(a, written)):
        row = subs[ca]
        left = prev[0] + ins_a
        cur = [left]
        for j in js:
            # min(delete from a, insert from b, substitute), as plain comparisons
            best = prev[j + 1] + ins_a
            other = left + ind_b[j]
            if other < best:
                best = other
            other = prev[j] + row[b[j]]
            if other < best:
                best = other
            cur.append(best)
            left = best
        prev = cur
    dist = prev[-1]
    denom = max(_weight(a, written), _weight(b, written))
    return max(0.0, 1.0 - dist / denom) if denom else 0.0


def parts_similarity(qa: tuple[str, ...], qb: tuple[str, ...], written: bool = False) -> float:
    """Combine name-part similarities: best one-to-one assignment (greedy on a small
    matrix), weighted by part length, mildly penalizing parts left unmatched."""
    if not qa or not qb:
        return 0.0
    if len(qa) == 1 and len(qb) == 1:
        # One part each: the assignment is that pair and the coverage is whole.
        s = token_similarity(qa[0], qb[0], written)
        return s if s > PARAMS.part_floor else 0.0
    pairs = sorted(
        ((token_similarity(x, y, written), i, j) for i, x in enumerate(qa) for j, y in enumerate(qb)),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    matched = 0.0
    matched_w = 0.0
    floor = PARAMS.part_floor
    for s, i, j in pairs:
        if s <= floor:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        w = max(_weight(qa[i]), _weight(qb[j]))
        matched += s * w
        matched_w += w
    if not matched_w:
        return 0.0
    total_a = sum(_weight(x) for x in qa)
    total_b = sum(_weight(y) for y in qb)
    quality = matched / matched_w
    # Coverage of the shorter name matters most; missing parts of the longer one cost little.
    cov_short = matched_w / max(min(total_a, total_b), 1e-9)
    cov_long = matched_w / max(max(total_a, total_b), 1e-9)
    coverage = min(1.0, cov_short) ** PARAMS.short_coverage_power * min(1.0, cov_long) ** PARAMS.long_coverage_power
    return quality * coverage


def consonants(syms: tuple[str, ...]) -> int:
    """How many consonant symbols the parts of a name hold: the evidence its keys and
    its similarity rest on (vowels are folded hard, and Arabic does not write short ones)."""
    return sum(1 for part in syms for c in part if c not in VOWEL_SYMS)


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalpha())


def _vowel_only_similarity(a: str, b: str, phonetic: float) -> float:
    """Two names without a consonant symbol: in one script, the plain edit similarity of
    their letters ("AA" / "AAH" 0.67, "EU" / "AU" 0.5), never above the phonetic score;
    across scripts, the phonetic score capped under the threshold."""
    if detect_script(a) != detect_script(b):
        return min(phonetic, PARAMS.vowel_only_cap)
    la, lb = _letters(a), _letters(b)
    if la == lb:
        return phonetic
    prev = list(range(len(lb) + 1))
    for i, ca in enumerate(la, start=1):
        cur = [i]
        for j, cb in enumerate(lb, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return min(phonetic, 1.0 - prev[-1] / max(len(la), len(lb), 1))


def similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] between two names in any scripts (Arabic, Latin, mixed)."""
    qa, qb = symbols(a), symbols(b)
    if not qa or not qb:
        return 1.0 if (not qa and not qb and a.strip() == b.strip() and a.strip()) else 0.0
    if not consonants(qa) and not consonants(qb):
        return round(_vowel_only_similarity(a, b, _phonetic_similarity(a, b, qa, qb)), 6)
    return round(_phonetic_similarity(a, b, qa, qb), 6)


def _phonetic_similarity(a: str, b: str, qa: tuple[str, ...], qb: tuple[str, ...]) -> float:
    written = detect_script(a) == "latin" and detect_script(b) == "latin"
    best = parts_similarity(qa, qb, written)
    if len(qa) > 1 or len(qb) > 1:
        # Names run together or split differently ("Abd al Rauf" / "Abdulrauf").
        best = max(best, PARAMS.run_together * token_similarity("".join(qa), "".join(qb), written))
    return min(1.0, best)


@dataclass(frozen=True, slots=True)
class MatchResult:
    """The answer of :func:`match`: the score, the decision and the keys compared."""

    score: float
    same: bool
    threshold: float
    key_a: str
    key_b: str


def match(a: str, b: str, threshold: float = DEFAULT_THRESHOLD) -> MatchResult:
    """Decide whether two names (any scripts) are spellings of one name."""
    score = similarity(a, b)
    return MatchResult(score, score >= threshold, threshold, skeleton(a), skeleton(b))
