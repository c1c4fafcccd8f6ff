"""Which entity types each word appears in, according to the shipped lexicons.

Why a gazetteer feature: the curated lexicons name thousands of people, groups and places
of the region that news corpora from the 1990s (CoNLL-2003, ANERcorp) rarely mention; a
feature "this word is part of a lexicon name of type LOC" lets the CRF carry what it
learnt about known names over to these. The feature is computed the same way at training
and at run time (the training script imports this module), from the lexicons on disk.
"""

from __future__ import annotations

from functools import lru_cache

from ..lexdata import shipped_entries
from ..normalize import normalize_arabic
from .tokenize import tokenize

#: Words too common to say anything about a name (English; lower-cased).
_EN_STOP = frozenset("of the and for in on at to a an de la le du des al el bin ibn bint abu".split())
#: Arabic function words (search level) that occur inside names.
_AR_STOP = frozenset("في من على الى عن و بن ابن بنت ابو ام".split())

#: Leading clitics tried in turn on an Arabic word: conjunction, then preposition, then article.
_AR_CONJ = "وف"
_AR_PREP = "بلك"


def arabic_stems(word: str) -> list[str]:
    """``word`` (search-normalized) and its forms with leading clitics removed, longest
    first: ``والقاهره`` -> ``والقاهره``, ``القاهره``, ``قاهره``. A form keeps at least two
    letters, so short words are left as they are."""
    out = [word]
    w = word
    if len(w) > 3 and w[0] in _AR_CONJ:
        w = w[1:]
        out.append(w)
    if len(w) > 3 and w.startswith("لل"):
        w = w[2:]
        out.append(w)
    elif len(w) > 3 and w[0] in _AR_PREP:
        w = w[1:]
        out.append(w)
    if len(w) > 3 and w.startswith("ال"):
        w = w[2:]
        out.append(w)
    return out


@lru_cache(maxsize=1)
def english_gazetteer() -> dict[str, frozenset[str]]:
    """Lower-cased English name word -> the entity types of the names it occurs in."""
    table: dict[str, set[str]] = {}
    for entry in shipped_entries():
        for name in (entry.en, *entry.en_variants, *entry.acronyms):
            if not name or not name.isascii():
                continue
            for tok in tokenize(name):
                word = tok.text.lower()
                if len(word) > 1 and word not in _EN_STOP and any(c.isalpha() for c in word):
                    table.setdefault(word, set()).add(entry.type)
    return {k: frozenset(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def arabic_gazetteer() -> dict[str, frozenset[str]]:
    """Search-normalized Arabic name word (and its article-less form) -> entity types."""
    table: dict[str, set[str]] = {}
    for entry in shipped_entries():
        for name in (entry.ar, *entry.ar_variants, *entry.acronyms):
            if not name or name.isascii():
                continue
            for tok in tokenize(normalize_arabic(name, "search")):
                word = tok.text
                if len(word) < 2 or word in _AR_STOP:
                    continue
                keys = {word, word[2:]} if word.startswith("ال") and len(word) > 4 else {word}
                for key in keys:
                    table.setdefault(key, set()).add(entry.type)
    return {k: frozenset(v) for k, v in table.items()}
