"""Cross-script scores: how likely an English name and an Arabic span are one name.

Two signals, the best of which counts: the sound (a consonant skeleton of each side in one
shared alphabet, vowels and the article dropped, compared by edit distance, beside the
shared similarity of :func:`toolkit.normalize.keys.similarity`) and the meaning (the share
of words on both sides that translate each other, by the hand glossary ``glossary.tsv`` or
the learned word table of :mod:`toolkit.word_translation`). Used by the projection
(:mod:`.projection`) and by the linking of the entity list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from ..normalize.arabic import normalize_arabic
from ..normalize.keys import similarity
from ..normalize.script import ARABIC_CLASS
from .gazetteer import clitic_readings
from .translated import common_word, is_acronym, spelled_acronym, translates


@dataclass(frozen=True, slots=True)
class ScoreParams:
    """The tuned numbers of the cross-script score, set on the development gold of
    ``benchmarks/entities.py`` (benchmarks/README.md, "Entities") and the cases of
    ``tests/extract/test_projection.py``."""

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
    #: The score of a one-word name whose Arabic is its table translation ("Fear" /
    #: الخوف): below a sure transliteration (1.0), above the projection's threshold
    #: (development gold, ntrex_entities + dev3).
    translated_word: float = 0.9


SCORES = ScoreParams()

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
LATIN_ARTICLES = frozenset("al el il ul ash as ad at az ez an ar ad-".split())
# Arabic words: runs of letters of the Arabic blocks (toolkit.normalize.script); marks,
# digits and punctuation end a word. On the benchmark texts and the shipped lexicon's
# names the words are those of the old range U+0621-U+064A, U+0671-U+06D3.
AR_WORD_RE = re.compile(f"(?:(?=[{ARABIC_CLASS}])[^\\W\\d_])+")


def _dedupe(s: str) -> str:
    out: list[str] = []
    for c in s:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


#: a dotted two-letter abbreviation, read as one word (U.S. Navy: "us", "navy")
_DOTTED = re.compile(r"\b([a-z])\.([a-z])\.?")
#: an English possessive ending, which the Arabic may not write (Palu's Army Hospital:
#: مستشفى بالو العسكري) or may (McDonald's: ماكدونالدز): both readings are scored
_POSSESSIVE = re.compile(r"(?<=[A-Za-z])['\u2019]s\b")


@lru_cache(maxsize=65536)
def latin_skeleton(name: str) -> str:
    """Consonants of a romanized name, article dropped, in the shared alphabet."""
    words = re.findall(r"[a-z]+", name.lower().replace("'", "").replace("\u2019", ""))
    out: list[str] = []
    for n, w in enumerate(words):
        if w in LATIN_ARTICLES and n + 1 < len(words):
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
    # z and s are one class: English writes s where Arabic hears ز (Rosa روزا, Syracuse
    # سيراكيوز) and th where it writes ذ (The Times ذا تايمز)
    return _dedupe("".join(out).replace("z", "s"))


@lru_cache(maxsize=65536)
def arabic_skeleton(name: str) -> str:
    """Consonants of an Arabic name, article dropped, in the shared alphabet."""
    out: list[str] = []
    for n, w in enumerate(AR_WORD_RE.findall(name)):
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        elif w.startswith("لل") and len(w) > 3 and n > 0:
            w = w[1:]
        head = "y" if w[:1] == "ي" else "w" if w[:1] == "و" else ""
        rest = (w[1:] if head else w).replace("تش", "ش")  # تش writes ch (Vichy فيتشي, Chelsea تشيلسي)
        out.append(head + "".join(_AR_SKEL.get(c, "") for c in rest))
    # z and s are one class: English writes s where Arabic hears ز (Rosa روزا, Syracuse
    # سيراكيوز) and th where it writes ذ (The Times ذا تايمز)
    return _dedupe("".join(out).replace("z", "s"))


def skeleton_score(en: str, ar: str) -> float:
    a, b = latin_skeleton(en), arabic_skeleton(ar)
    if not a or not b:
        return 0.0
    if min(len(a), len(b)) < SCORES.min_skeleton:
        # Short skeletons match too easily ("Roe" r, "الرعاية" r): the written lengths
        # must agree as well.
        # (Romanization writes vowels Arabic leaves out, so the Latin may run a little longer.)
        words = re.findall(r"[a-z]+", en.lower())
        letters = sum(len(w) for n, w in enumerate(words) if not (w in LATIN_ARTICLES and n + 1 < len(words)))
        ar_letters = sum(len(w) - (2 if w.startswith("ال") and len(w) > 3 else 0) for w in AR_WORD_RE.findall(ar))
        return 1.0 if a == b and SCORES.short_letters_min <= letters - ar_letters <= SCORES.short_letters_max else 0.0
    return Levenshtein.normalized_similarity(a, b)


@cache
def glossary() -> dict[str, frozenset[str]]:
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


def stems(word: str) -> frozenset[str]:
    """Every reading of an Arabic word without proclitics and article (للجنة: لجنه)."""
    return frozenset(st[2:] if st.startswith("ال") and len(st) > 3 else st for _o, st in clitic_readings(word))


def _word_pair(w: str, a: str, gloss: frozenset[str], translated: bool) -> float:
    """One English and one Arabic word: 1 for a translation, else their sound if close."""
    if translated and (a in gloss or not gloss.isdisjoint(stems(a)) or translates(w, a)):
        return 1.0
    s = skeleton_score(w, a)
    return s if s >= SCORES.word_match else 0.0


def _best_assignment(scores: list[list[float]]) -> float:
    """The largest total of one-to-one word pairs (English rows, Arabic columns): exact
    over subsets of Arabic words (names are short), greedy beyond 12 words. Greedy in
    English order let "Ryder" take كأس (the table pairs them, from "Ryder Cup") and left
    "Cup" nothing."""
    n_ar = len(scores[0]) if scores else 0
    if n_ar > 12:
        used: set[int] = set()
        total = 0.0
        for row in scores:
            j = max((k for k in range(n_ar) if k not in used), key=lambda k: row[k], default=-1)
            if j >= 0 and row[j] > 0:
                used.add(j)
                total += row[j]
        return total
    best: dict[int, float] = {0: 0.0}
    for row in scores:
        nxt = dict(best)
        for mask, total in best.items():
            for k, s in enumerate(row):
                if s > 0 and not mask >> k & 1:
                    key = mask | 1 << k
                    if nxt.get(key, -1.0) < total + s:
                        nxt[key] = total + s
        best = nxt
    return max(best.values())


def token_cover_score(en: str, ar: str, translated: bool = True) -> float:
    """Share of words on both sides explained by a partner: a translation, from the
    glossary or the learned word table (Operations = عمليات, League = دوري), or a
    transliteration (Anbar = الأنبار)."""
    plain = _DOTTED.sub(r"\1\2", en.lower().replace("'", ""))  # U.S. Navy: "us", "navy"
    en_words = [w for w in re.findall(r"[a-z]+", plain) if w not in LATIN_ARTICLES and w not in ("of", "the", "and", "for", "in")]
    ar_words = _ar_words(ar)
    if not en_words or not ar_words or len(en_words) + len(ar_words) < 3:
        return 0.0
    words = glossary() if translated else {}
    scores = [[_word_pair(w, a, words.get(w, frozenset()), translated) for a in ar_words] for w in en_words]
    hit = _best_assignment(scores)
    return 2 * hit / (len(en_words) + len(ar_words))


def cross_score(en: str, ar: str, translated: bool = True) -> float:
    """How likely the romanized ``en`` and the Arabic ``ar`` are one name, in [0, 1].

    ``translated``: words may match by translation (glossary, learned table) as well as
    by sound; off for a capitalized English word that only a transliteration can confirm.
    A possessive 's is scored written and unwritten (:data:`_POSSESSIVE`)."""
    bare = _POSSESSIVE.sub("", en)
    if bare != en:
        return max(_cross_score(en, ar, translated), _cross_score(bare, ar, translated))
    return _cross_score(en, ar, translated)


def _cross_score(en: str, ar: str, translated: bool) -> float:
    if is_acronym(en) and spelled_acronym(en, ar):
        return 1.0  # CBS / سي بي إس: the letters' names
    if " " not in en.strip() and " " not in ar.strip() and common_word(ar, en):
        return 0.0  # "Kim" is not قمة (summit): a common word, translated, not a name
    # "Senate" / الشيوخ: one word, translated; a sound match may still score higher.
    one_word = translated and " " not in en.strip() and " " not in ar.strip()
    floor = SCORES.translated_word if one_word and translates(en, ar, one_word_name=True) else 0.0
    if min(len(latin_skeleton(en)), len(arabic_skeleton(ar))) < SCORES.min_skeleton:
        return max(floor, skeleton_score(en, ar))  # too short for anything but an exact, length-checked match
    best = max(skeleton_score(en, ar), token_cover_score(en, ar, translated))
    # The shared similarity is token-aware and forgiving of partial names; scaled by
    # how much of the longer name the shorter one covers, so "جاسم" does not pass
    # for "Ahmed Jassim al-Khafaji".
    a, b = latin_skeleton(en), arabic_skeleton(ar)
    cover = (min(len(a), len(b)) / max(len(a), len(b))) ** 0.5 if a and b else 0.0
    return max(floor, best, float(similarity(en, ar)) * cover)
