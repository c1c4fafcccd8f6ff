"""One key space for names in Arabic and Latin script, and a similarity between any two.

Design
------
Arabic writes consonants and long vowels and leaves short vowels out; English
romanizations write every vowel but disagree on their quality (Mohammed / Muhammad) and
on several consonants (Qasim / Kacem, Uthman / Osman).  So both scripts are mapped into
one small alphabet of *phonetic symbols*:

* consonant classes, merging what romanization cannot tell apart: ``k`` (ق ك q k c),
  ``s`` (س ص ث s th), ``z`` (ز ذ ظ z dh), ``d`` (د ض d), ``t`` (ت ط t), ``h`` (ح ه h),
  ``x`` (خ kh), ``c`` (ش sh ch), ``g`` (غ gh g), ``j`` (ج j dj), ``f`` (ف ڤ f ph v),
  ``b`` (ب پ b p), and ``l m n r w y`` as themselves; ع and the hamza are dropped
  (romanizations drop them or write an apostrophe, which is dropped too);
* vowel symbols ``a i u``: Arabic long vowels (ا ى final-ة → a, ي → i, و → u, with
  ئ → i and ؤ → u) and Latin vowels (a; i, ee, y after a consonant → i; o, u, ou, oo →
  u; e → ``e``, which is between a and i, because English writes both fatha and kasra
  with it: Mohammed, Hezbollah).

Before mapping, names are tokenized the same way on both sides: the article is dropped
(al-/el-/ash-..., ال), compounds are joined (عبد + next word, Abdul Aziz → abdaziz;
X الله / X Allah; X الدين / X ad-Din), and a word-final h is dropped on both sides
(Hamzah / حمزة, Abdullah / عبد الله).  Runs of one symbol collapse (gemination, which
Arabic does not write without shadda).

Two views of that sequence serve two needs:

:func:`skeleton`
    the consonants only, one word per token ("Hezbollah" and "حزب الله" both give
    ``hzbl``; "Al-Qaim" and "القائم" ``km``; "Sudani" and "السوداني" ``sdn``): a
    string for equality and for blocking candidates in an index.
:func:`similarity`
    a weighted edit distance over the full symbol sequences: a consonant edit costs 1,
    a near-consonant (g/j, k/g, s/sh, h/kh, t/s, d/z) 0.45, inserting or deleting a
    vowel 0.25 (short vowels are simply not written in Arabic), a vowel for another
    vowel 0.3 (``e`` for a or i 0.1).  Token similarities are combined by a best
    one-to-one assignment of name parts, weighted by length, with a mild penalty for
    unmatched parts, so "Naim Barich" still scores high against a four-part name.

Both work within one script as well (Latin-Latin, Arabic-Arabic).  No dictionary is
involved: that is the lexicon's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .arabic import normalize_arabic
from .latin import name_tokens
from .script import Script, detect_script, has_arabic, has_latin


#: The decision threshold of :func:`match`, chosen on the pair tables in
#: tests/normalize/ (benchmarks/normalize.py prints precision and recall at it).
DEFAULT_THRESHOLD = 0.88

# ------------------------------------------------------------------ Arabic side

_AR_CONSONANTS = {
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "s", "ج": "j", "چ": "c", "ح": "h", "ه": "h",
    "خ": "x", "د": "d", "ض": "d", "ذ": "z", "ز": "z", "ظ": "z", "ژ": "j", "ر": "r", "س": "s",
    "ص": "s", "ش": "c", "غ": "g", "ف": "f", "ڤ": "f", "ق": "k", "ك": "k", "ک": "k", "گ": "g",
    "ل": "l", "م": "m", "ن": "n",
}
# Letters written for long vowels give long-vowel symbols (upper case), which cost more
# to delete than a short vowel: Mahmoud (محمود) is written with its long u.
_AR_VOWELS = {"ا": "A", "آ": "A", "ى": "A", "ي": "I", "ی": "I", "و": "U", "ئ": "i", "ؤ": "u", "أ": "a", "إ": "i"}
_AR_DROP = set("عءٱ")


def _arabic_tokens(text: str) -> list[str]:
    """Search-normalized Arabic words with the article dropped and compounds joined."""
    norm = normalize_arabic(text, "display")
    # Keep hamza seats and teh marbuta (they carry vowel information); drop marks.
    norm = re.sub("[\u064b-\u065f\u0670\u0640]", "", norm)
    words = [w for w in re.split(r"[^\w]+", norm) if w]
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("الله", "لله"):
            if out and out[-1] not in ("ابو", "أبو", "بن", "ابن"):
                out[-1] += "\x01"  # marker for "allah", mapped below
            else:
                out.append("\x01")
            i += 1
            continue
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
            if w == "دين" and out:
                out[-1] += "دين"
                i += 1
                continue
        if w.startswith("عبدال") and len(w) > 6:
            w = "عبد" + w[5:]  # عبدالعزيز written as one word
        if w == "عبد" and i + 1 < len(words):
            nxt = words[i + 1]
            if nxt in ("الله", "لله"):
                out.append("عبد\x01")
            else:
                out.append("عبد" + (nxt[2:] if nxt.startswith("ال") and len(nxt) > 3 else nxt))
            i += 2
            continue
        out.append(w)
        i += 1
    return out


def _arabic_symbols(word: str, construct: bool = False) -> str:
    """Symbols of one Arabic word; ``construct``: the word is followed by another, so a
    final teh marbuta is read -at (Harakat al-Nujaba, Jabhat al-Nusra)."""
    syms: list[str] = []
    for idx, ch in enumerate(word):
        if ch == "\x01":
            syms.extend("ala")
            continue
        if ch in _AR_CONSONANTS:
            syms.append(_AR_CONSONANTS[ch])
        elif ch == "ة":
            syms.extend("at" if construct and idx == len(word) - 1 else "a")
        elif ch in _AR_VOWELS:
            v = _AR_VOWELS[ch]
            if idx == 0:
                v = v.lower()
            syms.append(v)
        elif ch in _AR_DROP:
            continue
        elif ch.isdigit():
            syms.append(ch)
        elif ch.isalpha() and ch.isascii():
            syms.extend(_latin_symbols(ch.lower()))
    return _finish(syms)


# ------------------------------------------------------------------ Latin side

_LAT_DIGRAPHS = (
    ("sch", "c"), ("sh", "c"), ("ch", "c"), ("kh", "x"), ("dh", "z"), ("th", "s"), ("gh", "g"),
    ("ph", "f"), ("dj", "j"), ("ck", "k"), ("ou", "\x02"), ("oo", "\x02"), ("ee", "\x03"),
)
_LAT_SINGLE = {
    "a": "a", "e": "e", "i": "i", "o": "u", "u": "u", "q": "k", "k": "k", "c": "k", "x": "ks",
    "v": "f", "f": "f", "p": "b", "b": "b", "g": "g", "j": "j", "t": "t", "d": "d", "s": "s",
    "z": "z", "h": "h", "l": "l", "m": "m", "n": "n", "r": "r", "w": "w", "y": "y",
}
_SOFT_C = re.compile(r"c(?=[eiy])")
_VOWEL_SYMS = frozenset("aeiuAIU")
_LONG = frozenset("AIU")


def _latin_symbols(word: str) -> str:
    w = _SOFT_C.sub("s", word)
    for a, b in _LAT_DIGRAPHS:
        if a in w:
            w = w.replace(a, b.upper())  # upper case marks a finished symbol
    syms: list[str] = []
    for idx, ch in enumerate(w):
        if ch.isupper():
            syms.append(ch.lower())
            continue
        if ch in "\x02\x03":
            syms.append("U" if ch == "\x02" else "I")  # written long vowel
            continue
        s = _LAT_SINGLE.get(ch)
        if s is None:
            if ch.isdigit():
                syms.append(ch)
            continue
        if s == "y":
            # y is a vowel (i) unless it starts the word or precedes a vowel.
            nxt = w[idx + 1] if idx + 1 < len(w) else ""
            s = "y" if idx == 0 or nxt.lower() in "aeiou" else "i"
        syms.extend(s)
    return _finish(syms)


def _finish(syms: list[str]) -> str:
    """Shared tail: w/y as i/u, drop a final h, collapse runs (a long vowel absorbs a
    short one of the same quality)."""
    out: list[str] = []
    for s in syms:
        if s == "w":
            s = "u"
        elif s == "y":
            s = "i"
        if out and out[-1].lower() == s.lower():
            if s.isupper():
                out[-1] = s
            continue
        out.append(s)
    while len(out) > 1 and out[-1] == "h":
        out.pop()
    return "".join(out)


# ------------------------------------------------------------------ public keys


@lru_cache(maxsize=131072)
def symbols(text: str) -> tuple[str, ...]:
    """The phonetic symbol string of every name part of ``text`` (either script)."""
    script = detect_script(text)
    if script == "mixed":
        # Each run of words in its own script ("شمال Sinai", "Hezbollah حزب الله"), in order.
        parts = [p for run, arabic in _script_runs(text) for p in (_arabic_parts(run) if arabic else _latin_parts(run))]
    elif script == "arabic":
        parts = _arabic_parts(text)
    elif script == "latin":
        parts = _latin_parts(text)
    else:
        parts = [t for t in re.findall(r"\d+", text)]
    return tuple(p for p in parts if p)


def _arabic_parts(text: str) -> list[str]:
    words = _arabic_tokens(text)
    return [_arabic_symbols(w, construct=i + 1 < len(words)) for i, w in enumerate(words)]


def _latin_parts(text: str) -> list[str]:
    return [_latin_symbols(t) for t in name_tokens(text)]


def _script_runs(text: str) -> list[tuple[str, bool]]:
    """Whitespace words grouped into runs of one script: (run, is Arabic).  A word
    holding both scripts counts as Arabic, as a whole mixed name did before."""
    runs: list[tuple[str, bool]] = []
    for word in text.split():
        arabic = has_arabic(word) or not has_latin(word)
        if runs and runs[-1][1] == arabic:
            runs[-1] = (runs[-1][0] + " " + word, arabic)
        else:
            runs.append((word, arabic))
    return runs


def skeleton(text: str) -> str:
    """Consonant skeleton, one word per name part: equal for spellings of one name
    across scripts in the common cases (see the module docstring)."""
    words = []
    for part in symbols(text):
        cons = "".join(c for c in part if c not in _VOWEL_SYMS)
        cons = re.sub(r"(.)\1+", r"\1", cons)
        if cons:
            words.append(cons)
    return " ".join(words)


def match_key(text: str) -> str:
    """Same-script match key: the Latin match level for Latin names, the Arabic match
    level with the article dropped and compounds joined for Arabic names."""
    script = detect_script(text)
    if script in ("arabic", "mixed"):
        return " ".join(normalize_arabic(w.replace("\x01", "الله"), "match") for w in _arabic_tokens(text))
    from .latin import normalize_latin

    return normalize_latin(text, "match")


# ------------------------------------------------------------------ similarity

_NEAR = {frozenset(p) for p in ("gj", "kg", "sc", "hx", "ts", "dz", "zs", "kx", "fb", "ui", "ai", "au")}
_VOWEL_INDEL = 0.15  # a short vowel Arabic does not write
_WRITTEN_VOWEL_INDEL = 0.5  # both names are romanized: every vowel is written
_LONG_INDEL = 0.6


def _indel(c: str, written: bool = False) -> float:
    if c in _LONG:
        return _LONG_INDEL
    if c in _VOWEL_SYMS:
        return _WRITTEN_VOWEL_INDEL if written else _VOWEL_INDEL
    return 1.0


def _sub_cost(a: str, b: str, written: bool = False) -> float:
    a, b = a.lower(), b.lower()
    if a == b:
        return 0.0
    av, bv = a in _VOWEL_SYMS, b in _VOWEL_SYMS
    if av and bv:
        if "e" in (a, b) and "u" not in (a, b):
            return 0.15 if written else 0.1
        return 0.5 if written else 0.3
    if av or bv:
        return 1.0
    return 0.45 if frozenset((a, b)) in _NEAR else 1.0


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
        return s if s > 0.3 else 0.0
    pairs = sorted(
        ((token_similarity(x, y, written), i, j) for i, x in enumerate(qa) for j, y in enumerate(qb)),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    matched = 0.0
    matched_w = 0.0
    for s, i, j in pairs:
        if s <= 0.3:
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
    coverage = min(1.0, cov_short) ** 0.5 * min(1.0, cov_long) ** 0.15
    return quality * coverage


def similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] between two names in any scripts (Arabic, Latin, mixed)."""
    qa, qb = symbols(a), symbols(b)
    if not qa or not qb:
        return 1.0 if (not qa and not qb and a.strip() == b.strip() and a.strip()) else 0.0
    written = detect_script(a) == "latin" and detect_script(b) == "latin"
    best = parts_similarity(qa, qb, written)
    if len(qa) > 1 or len(qb) > 1:
        # Names run together or split differently ("Abd al Rauf" / "Abdulrauf").
        best = max(best, 0.97 * token_similarity("".join(qa), "".join(qb), written))
    return round(min(1.0, best), 6)


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
