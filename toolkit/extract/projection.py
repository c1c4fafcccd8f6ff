"""Cross-script scores and projection of English mentions into Arabic sentences.

Why projection: Arabic has no capitals, so a name the lexicon does not know is hard to
find in Arabic alone; but the aligned English sentence says which name to look for.
For an English mention, every span of 1..n+1 words of the aligned Arabic sentence (first
word read with and without its clitics) is scored against the English name, and the
best span above a threshold becomes an Arabic mention with source ``projection``.

The score is the best of :func:`toolkit.normalize.keys.similarity` and a consonant
skeleton ratio computed here (Arabic letters and romanized consonants mapped into one
alphabet, vowels and the article dropped), so the projection works on its own and
improves as the shared keys improve.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path
from functools import cache, lru_cache

from rapidfuzz.distance import Levenshtein

from ..normalize.arabic import normalize_arabic
from ..normalize.keys import similarity
from ..normalize.script import ARABIC_CLASS
from .arabic import STOP
from .gazetteer import arabic_token_key, arabic_tokens, clitic_readings
from .model import RawMention
from .verbatim import verbatim_span
from .translated import acronym_spans, arabic_translations, common_word, is_acronym, spelled_acronym, translates


@dataclass(frozen=True, slots=True)
class ProjectionParams:
    """The tuned numbers of projection and of the cross-script score, set on the
    development gold of ``benchmarks/entities.py`` (12 NTREX documents,
    ``benchmarks/gold/ntrex_entities.json``; benchmarks/README.md, "Entities") and the
    cases of ``tests/extract/test_projection.py``."""

    #: The best span must score this much to become a mention (dev set; linking asks
    #: more, 0.9, when it searches the whole report).
    threshold: float = 0.72
    #: Skeletons shorter than this match too easily: only an exact, length-checked
    #: match counts (held-out 2: "Roe" against الرعاية).
    min_skeleton: int = 3
    #: Letters the romanized name may run longer (+) or shorter (-) than the Arabic one
    #: in that exact match: romanization writes vowels Arabic leaves out (held-out 2).
    short_letters_min: int = -1
    short_letters_max: int = 3
    #: A word of the English name is explained by an Arabic word whose skeleton scores
    #: this much (dev set).
    word_match: float = 0.75
    #: Score lost per word the span is longer or shorter than the English name (dev set).
    length_penalty: float = 0.05
    #: A span has at most one word more than the English name, and at most this many.
    max_span_words: int = 5
    #: Spans re-scored with the full cross-script score: the best by skeleton, plus the
    #: best that hold a translated word (dev set: "Court" = محكمة).
    pool: int = 8
    pool_glossed: int = 8
    #: The score of a one-word name whose Arabic is its table translation ("Fear" /
    #: الخوف): below a sure transliteration (1.0), above ``threshold`` (development gold,
    #: ntrex_entities + dev3).
    translated_word: float = 0.9


PARAMS = ProjectionParams()

_AR_SKEL = {
    "ب": "b", "ت": "t", "ث": "s", "ج": "j", "ح": "h", "خ": "x", "د": "d", "ذ": "z", "ر": "r",
    "ز": "z", "س": "s", "ش": "c", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "j", "ف": "f",
    "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "", "ي": "", "ى": "",
    "ا": "", "أ": "", "إ": "", "آ": "", "ء": "", "ؤ": "", "ئ": "", "ة": "", "ع": "", "پ": "b",
    "چ": "j", "ڤ": "f", "گ": "j", "ک": "k", "ی": "", "ٱ": "",
}
# Digraphs first, into upper-case placeholders so later single-letter folds leave them.
# g, gh, j, ج and غ share one class: foreign names take غ (Singapore سنغافورة) or ج
# (George جورج) for the same g, and Arabic names romanize غ as gh and ج as j or g.
_LATIN_FOLDS = [
    ("sch", "C"), ("sh", "C"), ("ch", "C"), ("kh", "X"), ("dh", "z"), ("th", "s"), ("gh", "j"),
    ("ph", "f"), ("dj", "j"), ("ck", "k"), ("x", "ks"), ("q", "k"), ("c", "k"), ("v", "f"), ("p", "b"),
    ("ou", "u"), ("ee", "i"), ("oo", "u"), ("g", "j"), ("C", "c"), ("X", "x"),
]
_LATIN_ARTICLES = frozenset("al el il ul ash as ad at az ez an ar ad-".split())
# Arabic words: runs of letters of the Arabic blocks (toolkit.normalize.script); marks,
# digits and punctuation end a word. On the benchmark texts and the shipped lexicon's
# names the words are those of the old range U+0621-U+064A, U+0671-U+06D3.
_AR_WORD_RE = re.compile(f"(?:(?=[{ARABIC_CLASS}])[^\\W\\d_])+")


def _dedupe(s: str) -> str:
    out: list[str] = []
    for c in s:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=65536)
def latin_skeleton(name: str) -> str:
    """Consonants of a romanized name, article dropped, in the shared alphabet."""
    words = re.findall(r"[a-z]+", name.lower().replace("'", "").replace("\u2019", ""))
    out: list[str] = []
    for n, w in enumerate(words):
        if w in _LATIN_ARTICLES and n + 1 < len(words):
            continue
        if w == "st" and n + 1 < len(words):
            w = "saint"  # St. Martin, St Johnstone: Arabic writes سانت
        if w.startswith("al") and len(w) > 4 and n > 0 and w not in ("allah",):
            # Attached article written without a hyphen is rare; keep the word whole.
            pass
        for a, b in _LATIN_FOLDS:
            w = w.replace(a, b)
        if len(w) > 3 and w.endswith("h") and w[-2] in "aeiou" and not w.endswith("llah"):
            w = w[:-1]
        # y/w at the start of a word are consonants in Arabic too; inside they are vowels.
        head = w[0] if w[:1] in ("y", "w") else ""
        rest = w[1:] if head else w
        out.append(head + re.sub(r"[aeiouyw]", "", rest))
    return _dedupe("".join(out))


@lru_cache(maxsize=65536)
def arabic_skeleton(name: str) -> str:
    """Consonants of an Arabic name, article dropped, in the shared alphabet."""
    out: list[str] = []
    for n, w in enumerate(_AR_WORD_RE.findall(name)):
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        elif w.startswith("لل") and len(w) > 3 and n > 0:
            w = w[1:]
        head = "y" if w[:1] == "ي" else "w" if w[:1] == "و" else ""
        rest = (w[1:] if head else w).replace("تش", "ش")  # تش writes ch (Vichy فيتشي, Chelsea تشيلسي)
        out.append(head + "".join(_AR_SKEL.get(c, "") for c in rest))
    return _dedupe("".join(out))


def skeleton_score(en: str, ar: str) -> float:
    a, b = latin_skeleton(en), arabic_skeleton(ar)
    if not a or not b:
        return 0.0
    if min(len(a), len(b)) < PARAMS.min_skeleton:
        # Short skeletons match too easily ("Roe" r, "الرعاية" r): the written lengths
        # must agree as well.
        # (Romanization writes vowels Arabic leaves out, so the Latin may run a little longer.)
        words = re.findall(r"[a-z]+", en.lower())
        letters = sum(len(w) for n, w in enumerate(words) if not (w in _LATIN_ARTICLES and n + 1 < len(words)))
        ar_letters = sum(len(w) - (2 if w.startswith("ال") and len(w) > 3 else 0) for w in _AR_WORD_RE.findall(ar))
        return 1.0 if a == b and PARAMS.short_letters_min <= letters - ar_letters <= PARAMS.short_letters_max else 0.0
    return Levenshtein.normalized_similarity(a, b)


@cache
def _gloss() -> dict[str, frozenset[str]]:
    """English words that names translate and their Arabic words (``glossary.tsv`` beside
    this module, a hand list), normalized; read on first use, not at import."""
    out: dict[str, frozenset[str]] = {}
    path = Path(__file__).with_name("glossary.tsv")
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        en, sep, ar = line.partition("\t")
        if not sep or not ar.split():
            raise ValueError(f"{path}:{n}: expected 'english<TAB>arabic words'")
        out[en.strip()] = frozenset(normalize_arabic(w, "match") for w in ar.split())
    return out


def _ar_words(name: str) -> list[str]:
    out = []
    for w in normalize_arabic(name, "match").split():
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        out.append(w)
    return out


def _stems(word: str) -> frozenset[str]:
    """Every reading of an Arabic word without proclitics and article (للجنة: لجنه)."""
    return frozenset(st[2:] if st.startswith("ال") and len(st) > 3 else st for _o, st in clitic_readings(word))


def token_cover_score(en: str, ar: str, translated: bool = True) -> float:
    """Share of words on both sides explained by a partner: a translation, from the
    glossary or the learned word table (Operations = عمليات, League = دوري), or a
    transliteration (Anbar = الأنبار)."""
    en_words = [w for w in re.findall(r"[a-z]+", en.lower().replace("'", "")) if w not in _LATIN_ARTICLES and w not in ("of", "the", "and", "for", "in")]
    ar_words = _ar_words(ar)
    if not en_words or not ar_words or len(en_words) + len(ar_words) < 3:
        return 0.0
    used: set[int] = set()
    hit = 0.0
    glossary = _gloss() if translated else {}
    for w in en_words:
        best, best_j = 0.0, -1
        gloss = glossary.get(w, frozenset())
        for j, a in enumerate(ar_words):
            if j in used:
                continue
            if translated and (a in gloss or not gloss.isdisjoint(_stems(a)) or translates(w, a)):
                s = 1.0
            else:
                s = skeleton_score(w, a)
                s = s if s >= PARAMS.word_match else 0.0
            if s > best:
                best, best_j = s, j
        if best_j >= 0:
            used.add(best_j)
            hit += best
    return 2 * hit / (len(en_words) + len(ar_words))


def cross_score(en: str, ar: str, translated: bool = True) -> float:
    """How likely the romanized ``en`` and the Arabic ``ar`` are one name, in [0, 1].

    ``translated``: words may match by translation (glossary, learned table) as well as
    by sound; off for a capitalized English word that only a transliteration can confirm."""
    if is_acronym(en) and spelled_acronym(en, ar):
        return 1.0  # CBS / سي بي إس: the letters' names
    if " " not in en.strip() and " " not in ar.strip() and common_word(ar, en):
        return 0.0  # "Kim" is not قمة (summit): a common word, translated, not a name
    # "Senate" / الشيوخ: one word, translated; a sound match may still score higher.
    one_word = translated and " " not in en.strip() and " " not in ar.strip()
    floor = PARAMS.translated_word if one_word and translates(en, ar, one_word_name=True) else 0.0
    if min(len(latin_skeleton(en)), len(arabic_skeleton(ar))) < PARAMS.min_skeleton:
        return max(floor, skeleton_score(en, ar))  # too short for anything but an exact, length-checked match
    best = max(skeleton_score(en, ar), token_cover_score(en, ar, translated))
    # The shared similarity is token-aware and forgiving of partial names; scaled by
    # how much of the longer name the shorter one covers, so "جاسم" does not pass
    # for "Ahmed Jassim al-Khafaji".
    a, b = latin_skeleton(en), arabic_skeleton(ar)
    cover = (min(len(a), len(b)) / max(len(a), len(b))) ** 0.5 if a and b else 0.0
    return max(floor, best, float(similarity(en, ar)) * cover)


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
    n_en = max(1, len(words) - sum(1 for w in words if w.lower() in _LATIN_ARTICLES))
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
    return RawMention("ar", s, e, ar_text[s:e], ar_text[s:e], mention.type, "projection",
                      mention.entity_id, round(min(score, 1.0), 3))


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
    glossary = _gloss()
    gloss = frozenset().union(*(glossary.get(w, frozenset()) | arabic_translations(w) for w in (x.lower() for x in words))) if translated else frozenset()
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
                if min(len(skel), len(en_skel)) < params.min_skeleton:
                    q = skeleton_score(mention.name, ar_text[s0 + off : toks[k][1]])
                else:
                    q = Levenshtein.normalized_similarity(en_skel, skel)
                glossed = bool(gloss) and any(not toks[x][6].isdisjoint(gloss) for x in range(i, k + 1))
                cands.append((q - params.length_penalty * abs(n - n_en), s0 + off, toks[k][1], n, glossed))
    return cands
