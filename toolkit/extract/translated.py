"""Names written by translation or spelled letter by letter in the other script.

Why: the press translates descriptive names ("Premier League" is الدوري الممتاز, "District
Court" is محكمة المقاطعة) and spells acronyms by their letter names ("CBS" is سي بي إس).
Neither shares a consonant skeleton with its English form, so the sound-based scores of
:mod:`toolkit.extract.projection` miss them. Word translation comes from the learned table
of :mod:`toolkit.word_translation` (IBM Model 1 on public parallel text), beside the small
hand glossary projection already had; acronyms from the letter names below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..normalize.arabic import normalize_arabic


@dataclass(frozen=True, slots=True)
class TranslatedParams:
    """Where a table translation counts as one, measured on the development gold of
    ``benchmarks/entities.py`` (ntrex_entities + dev3) and the model card's evaluation."""

    #: An English word and an Arabic word translate each other when their table score
    #: (``word_translation.word_score``) reaches this: the table's own saturation point
    #: (models/word_translation/MODEL_CARD.md, PhraseParams.saturation = 0.15).
    word_score: float = 0.15
    #: A one-word name stands on its translation alone only above this score (dev gold:
    #: "Fear" / الخوف 0.41 and "Senate" / الشيوخ 0.47 are names; "Europe" / للصدارة 0.16
    #: and "Brexit" / للانسحاب 0.24 are the table's noise).
    one_word_score: float = 0.35
    #: Arabic translations of an English word looked up to build projection candidates.
    top_translations: int = 8
    #: An Arabic word whose best English translation has this probability and is another
    #: word is a common word, not a transliteration of a one-word name ("Kim" is not قمة,
    #: summit; "Russia" is not رئيس, president): development gold.
    common_prob: float = 0.3
    #: ... and that reading was seen this often in the table's training text: a word seen
    #: once or twice carries its sentence's noise (ليدل read ل+يدل, once: "consent"; held-out
    #: sets 1-3 and the development gold: قمة 11 times, خوف 19 are common words).
    common_min_count: int = 5


PARAMS = TranslatedParams()

#: How Arabic writes the names of Latin letters (every common spelling, search level).
LETTER_NAMES: dict[str, tuple[str, ...]] = {
    "a": ("ايه", "اي", "ا"), "b": ("بي",), "c": ("سي",), "d": ("دي",), "e": ("اي", "ي"),
    "f": ("اف",), "g": ("جي",), "h": ("اتش", "اش", "اتش"), "i": ("اي", "اى"), "j": ("جيه", "جاي", "جي"),
    "k": ("كيه", "كي", "كاي"), "l": ("ال", "ل"), "m": ("ام", "م"), "n": ("ان", "ن"), "o": ("او",),
    "p": ("بي",), "q": ("كيو",), "r": ("ار",), "s": ("اس", "س"), "t": ("تي",), "u": ("يو",),
    "v": ("في",), "w": ("دبليو", "دابليو"), "x": ("اكس",), "y": ("واي",), "z": ("زد", "زي"),
}
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")


def is_acronym(name: str) -> bool:
    """Two to six capitals, dotted or not: "CBS", "N.F.L."."""
    return bool(_ACRONYM.match(name.replace(" ", "")))


def spelled_acronym(en: str, ar: str) -> bool:
    """True when ``ar`` spells the letters of the acronym ``en`` one word a letter
    (CBS / سي بي إس, NBC / إن بي سي), the letter names read at the search level."""
    letters = [c.lower() for c in en if c.isalpha()]
    words = normalize_arabic(ar, "search").replace("أ", "ا").split()
    if not is_acronym(en) or len(words) != len(letters):
        return False
    return all(w.removeprefix("ال") in LETTER_NAMES.get(c, ()) or w in LETTER_NAMES.get(c, ())
               for c, w in zip(letters, words))


def acronym_spans(en: str, ar_words: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """(start, end) of every run of Arabic words that spells the acronym ``en``."""
    n = sum(1 for c in en if c.isalpha())
    out = []
    for i in range(len(ar_words) - n + 1):
        run = ar_words[i : i + n]
        if spelled_acronym(en, " ".join(w for _, _, w in run)):
            out.append((run[0][0], run[-1][1]))
    return out


@lru_cache(maxsize=65536)
def translation_score(en_word: str, ar_word: str) -> float:
    """The learned table's score that one English word and one Arabic word (any
    normalization) translate each other; 0 for an acronym (its letters are spelled)."""
    from ..word_translation import load_table, word_score
    from ..word_translation.tokens import ar_words, en_tokens

    en, ar = en_tokens(en_word), ar_words(ar_word)
    if len(en) != 1 or len(ar) != 1 or is_acronym(en_word):
        return 0.0
    return word_score(load_table(), en[0], ar[0])


def translates(en_word: str, ar_word: str, one_word_name: bool = False) -> bool:
    """One English word and one Arabic word translate each other ("court" / المحكمة);
    ``one_word_name``: the stricter bar for a whole one-word name."""
    bar = PARAMS.one_word_score if one_word_name else PARAMS.word_score
    return translation_score(en_word, ar_word) >= bar


@lru_cache(maxsize=16384)
def arabic_translations(en_word: str) -> frozenset[str]:
    """Arabic stems (match level, no article) the table gives for an English word."""
    from ..word_translation import translations

    return frozenset(w for w, _p in translations(en_word, to="ar", top=PARAMS.top_translations) if w != "ال+")


@lru_cache(maxsize=65536)
def common_word(ar_word: str, en_word: str) -> bool:
    """True when the Arabic word is a common word meaning something other than the
    one-word English name: its likeliest translation is another word."""
    from ..word_translation import load_table
    from ..word_translation.tokens import ar_readings, ar_words, en_tokens

    table = load_table()
    words = ar_words(ar_word)
    if len(words) != 1:
        return False
    # آل is not the article (آلدي, Aldi): only the whole word is read.
    readings = [words[0]] if ar_word.strip().startswith("آ") else ar_readings(words[0])
    found: dict[str, float] = {}
    for reading in readings:
        if table.ar_counts and table.ar_counts.get(reading, 0) < PARAMS.common_min_count:
            continue
        for en, p in table.ar2en.get(reading, {}).items():
            found[en] = max(found.get(en, 0.0), p)
    if not found:
        return False
    best = max(found.items(), key=lambda kv: (kv[1], kv[0]))
    return best[1] >= PARAMS.common_prob and best[0] not in en_tokens(en_word)
