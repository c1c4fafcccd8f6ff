"""English <-> Arabic word translation, learned from public parallel text.

Why: names the press translates (ministries, courts, committees, alliances) share no
sound across the scripts: "Supreme Court" is المحكمة العليا, not سوبريم كورت. A lexical
translation table (IBM Model 1, both directions, trained on Tatoeba, the curated
lexicons' bilingual names and NTREX news; models/word_translation/MODEL_CARD.md) tells
the entity linker that محكمة translates "court", and :func:`phrase_score` turns that into
one number for a whole phrase.

The table is read on the first call and kept for the process. Only
:mod:`toolkit.normalize` and :mod:`toolkit.resources` are imported.

>>> translations("court", to="ar", top=1)[0][0]
'محكمه'
"""

from __future__ import annotations

from typing import Literal

from .score import DEFAULT_PARAMS, PhraseParams, best_span, phrase_score, word_score
from .table import Table, load_table, read_table
from .tokens import ar_readings, ar_words, en_tokens

__all__ = [
    "PhraseParams", "DEFAULT_PARAMS", "Table", "phrase_score", "best_span", "translation_prob", "translations",
    "load_table", "read_table", "en_tokens", "ar_words", "word_score",
]


def translation_prob(en_word: str, ar_word: str, table: Table | None = None) -> float:
    """The table's score that ``ar_word`` translates ``en_word``, in [0, 1].

    Both words are normalized as in training (English lower-cased, Arabic at the match
    level, the article and proclitics taken off: والمحكمة is looked up as محكمه). The
    score mixes ``p(ar|en)`` and ``p(en|ar)`` as :class:`PhraseParams` says
    (``min_share``) and keeps the best reading of the Arabic word; 0 for a pair the
    table does not hold or for input that is not one word of each script.
    """
    table = table if table is not None else load_table()
    en, ar = en_tokens(en_word), ar_words(ar_word)
    if len(en) != 1 or len(ar) != 1:
        return 0.0
    return word_score(table, en[0], ar[0], DEFAULT_PARAMS)


def translations(word: str, to: Literal["ar", "en"] = "ar", top: int = 5,
                 table: Table | None = None) -> list[tuple[str, float]]:
    """The ``top`` translations of one word with their probabilities, best first.

    ``to="ar"``: an English word, ``p(ar|en)``, Arabic table words (match level, stems
    without the article; the article itself is the token ``ال+``). ``to="en"``: an
    Arabic word, ``p(en|ar)`` over its readings (the best kept per English word).
    """
    table = table if table is not None else load_table()
    if to == "ar":
        toks = en_tokens(word)
        found = table.en2ar.get(toks[0], {}) if len(toks) == 1 else {}
    elif to == "en":
        words = ar_words(word)
        found = {}
        for reading in ar_readings(words[0]) if len(words) == 1 else []:
            for en, p in table.ar2en.get(reading, {}).items():
                found[en] = max(found.get(en, 0.0), p)
    else:
        raise ValueError(f"to must be 'ar' or 'en', not {to!r}")
    return sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[: max(top, 0)]
