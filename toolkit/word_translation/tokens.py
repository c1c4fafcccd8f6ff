"""Words of the translation table: English lower-cased, Arabic split from its proclitics.

Why one module shared by training and runtime: a table is only as good as the agreement
between the words it was trained on and the words it is asked about. The training script
(``training/word_translation/train.py``) imports these functions, so both sides cut words
the same way.

English: accents dropped, lower-cased, the possessive ``'s`` removed, dots inside
acronyms removed (``U.S.`` -> ``us``), then runs of letters and digits. No stemming:
"ministry" and "ministries" are two words of the table, each with its own translations.

Arabic: ``normalize_arabic(text, "match")`` (alef forms, ى -> ي, ة -> ه, hamza seats,
diacritics), then every word is split into proclitic tokens and a stem:

* the article with what may stand before it (``ال``, ``وال``, ``بال``, ``فال``, ``كال``,
  ``لل``, ``ولل``, ``وبال`` ...) is always split off when at least two letters remain:
  ``والمحكمه`` -> ``و+ ال+ محكمه``. The article is a token of its own (``ال+``) so that
  training can align it with "the"; a few words that only look like article + stem
  (``الذي``, ``التي``, ``الي``, ``الله`` ...) are left whole.
* a lone conjunction or preposition (``و``, ``ف``, ``ب``, ``ل``, ``ك``, and ``و``/``ف``
  followed by ``ب``/``ل``/``ك``) is ambiguous: ``وزاره`` (ministry) is not ``و+ زاره``,
  ``بغداد`` is not ``ب+ غداد``. Training decides by counts (see
  :func:`split_proclitic`); the runtime does not guess and looks a word up under every
  reading (:func:`ar_readings`), keeping the best translation.
"""

from __future__ import annotations

import re
import unicodedata

from ..normalize.arabic import normalize_arabic

#: Proclitic tokens carry a trailing ``+`` so they never collide with a stem.
ARTICLE = "ال+"

#: What may stand before the article, longest first: conjunction and/or preposition.
_BEFORE_ARTICLE = ("وب", "وك", "فب", "فك", "و", "ف", "ب", "ك", "")

#: Single proclitics (without the article), longest first.
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")

#: Words (at the match level) that begin with ``ال`` or ``لل`` without being article + stem.
_NOT_ARTICLE = frozenset({
    "الي", "الا", "الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللاتي",
    "اللواتي", "اللائي", "الله", "لله", "اللهم", "الف", "الاف", "الان", "اليه", "اليها",
    "اليهم", "اليك", "الينا", "الهي",
})

#: The fewest letters a stem keeps after the article or a proclitic is taken off.
MIN_STEM = 2

#: English words that carry no content of a name: kept in training, weighted 0 when a
#: phrase is scored (see :class:`~toolkit.word_translation.score.PhraseParams`).
EN_FUNCTION_WORDS = frozenset({
    "the", "of", "and", "a", "an", "in", "on", "at", "for", "to", "by", "with", "from",
    "as", "or", "its", "into", "over", "under", "against", "between", "s",
    "al", "el",  # the Arabic article written apart (al-Sham): in Arabic it is on the word
})

#: Arabic function words and the proclitic tokens, at the match level.
AR_FUNCTION_WORDS = frozenset({
    "في", "من", "علي", "الي", "عن", "مع", "و", "او", "ان", "بين", "ضد", "لدي", "حول",
    "عند", "نحو", "ذلك", "هذا", "هذه", "التي", "الذي", "الذين",
    "و+", "ف+", "ب+", "ل+", "ك+", ARTICLE,
})

_APOSTROPHE_S = re.compile(r"['\u2019\u02bc]s\b", re.IGNORECASE)
_ACRONYM_DOTS = re.compile(r"(?<=\b[a-z])\.(?=[a-z]\b)")
_EN_WORD = re.compile(r"[a-z0-9]+")
_AR_WORD = re.compile(r"[\u0621-\u064a0-9]+")


def en_tokens(text: str) -> list[str]:
    """The English words of ``text``: accents dropped, lower-cased, ``'s`` removed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _APOSTROPHE_S.sub("", text)
    text = _ACRONYM_DOTS.sub("", text)
    return _EN_WORD.findall(text)


def ar_words(text: str) -> list[str]:
    """The Arabic words of ``text`` at the match level (letters and digits)."""
    return _AR_WORD.findall(normalize_arabic(text, "match"))


def split_article(word: str) -> list[str]:
    """``word`` as proclitic tokens + stem when it carries the article, else ``[word]``.

    >>> split_article("والمحكمه")
    ['و+', 'ال+', 'محكمه']
    >>> split_article("للامم")
    ['ل+', 'ال+', 'امم']
    """
    if word in _NOT_ARTICLE:
        return [word]
    for before in _BEFORE_ARTICLE:
        head = before + "ال"
        if word.startswith(head) and len(word) - len(head) >= MIN_STEM:
            return [f"{c}+" for c in before] + [ARTICLE, word[len(head):]]
    for before in ("و", "ف", ""):
        head = before + "لل"
        if word.startswith(head) and len(word) - len(head) >= MIN_STEM:
            return [f"{c}+" for c in before] + ["ل+", ARTICLE, word[len(head):]]
    return [word]


def proclitic_readings(word: str) -> list[tuple[str, str]]:
    """Every ``(proclitics, stem)`` reading of a word without the article, the whole word
    first: ``وزاره`` -> ``[("", "وزاره"), ("و", "زاره")]``."""
    out = [("", word)]
    if word in _NOT_ARTICLE:
        return out
    for pro in _PROCLITICS:
        if word.startswith(pro) and len(word) - len(pro) >= MIN_STEM + 1:
            out.append((pro, word[len(pro):]))
    return out


def split_proclitic(word: str, counts: dict[str, int]) -> list[str]:
    """Training's reading of a word without the article: the proclitic comes off when its
    stem is seen more often on its own than the whole word is (``وقال`` -> ``و+ قال``,
    while ``وزاره``, ``بغداد``, ``لبنان`` stay whole). ``counts`` are stem counts over the
    training corpus after :func:`split_article`."""
    best, best_n = [word], counts.get(word, 0)
    for pro, stem in proclitic_readings(word)[1:]:
        n = counts.get(stem, 0)
        if n > best_n:
            best, best_n = [f"{c}+" for c in pro] + [stem], n
    return best


def ar_readings(word: str) -> list[str]:
    """The stems an Arabic word (match level) may stand for at lookup time: after the
    article rule, the whole remainder and every proclitic-stripped remainder."""
    parts = split_article(word)
    stem = parts[-1]
    if len(parts) > 1:
        return [stem]
    return [s for _, s in proclitic_readings(stem)]
