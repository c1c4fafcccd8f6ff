"""Normalization of Arabic text and of English transliterations of Arabic names.

One entry point, :func:`normalize`, picks the Arabic or Latin normalizer by script;
the modules hold the details: :mod:`.arabic`, :mod:`.latin`, :mod:`.keys` (on the phonetic
symbols of :mod:`.phonetic`), :mod:`.script` (which script a text is in) and :mod:`.levels`
(the ``Level`` and ``Lang`` names every caller shares).

This package is the ground floor of the toolkit: it imports nothing else from it but the
leaf :mod:`toolkit.resources` (where :mod:`.glued` finds its word-frequency table).
"""

from __future__ import annotations

from typing import Literal

from .arabic import Normalized, normalize_arabic, normalize_arabic_many, normalize_arabic_offsets
from .latin import normalize_latin, normalize_latin_offsets
from .levels import LEVELS, Lang, Level
from .script import detect_script, has_arabic, lang_of

__all__ = [
    "LEVELS", "Level", "Lang", "Normalized", "normalize", "normalize_many", "normalize_offsets",
    "normalize_arabic", "normalize_arabic_offsets", "normalize_latin", "normalize_latin_offsets",
    "detect_script", "match_key", "similarity",
]


def __getattr__(name: str) -> object:
    """``match_key`` and ``similarity`` load :mod:`.keys` (and its phonetic tables) on first
    use: ``toolkit normalize`` never needs them, and every CLI start would pay for them."""
    if name in ("match_key", "similarity"):
        from . import keys

        return getattr(keys, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _resolve(text: str, lang: Lang) -> Literal["ar", "en"]:
    if lang == "auto":
        return lang_of(text)
    if lang not in ("ar", "en"):
        raise ValueError(f"unknown language {lang!r}; choose ar, en or auto")
    return lang


def normalize(text: str, lang: Lang = "auto", level: Level = "search") -> str:
    """Normalize ``text`` at ``level``; ``lang='auto'`` picks Arabic when the text
    holds Arabic letters (mixed text goes through the Arabic normalizer, which leaves
    Latin letters alone except at the match level)."""
    if _resolve(text, lang) == "ar":
        return normalize_arabic(text, level)
    return normalize_latin(text, level)


def normalize_offsets(text: str, lang: Lang = "auto", level: Level = "search") -> Normalized:
    """Like :func:`normalize`, with an offset from every output character into ``text``."""
    if _resolve(text, lang) == "ar":
        return normalize_arabic_offsets(text, level)
    return normalize_latin_offsets(text, level)


def normalize_many(texts: list[str], lang: Lang = "auto", level: Level = "search") -> list[str]:
    """Normalize a batch of records; same result as :func:`normalize` on each, faster.

    Arabic records (all of them with ``lang='ar'``) are normalized as one joined batch.
    """
    if lang not in ("ar", "en", "auto"):
        raise ValueError(f"unknown language {lang!r}; choose ar, en or auto")
    if lang == "en":
        return [normalize_latin(t, level) for t in texts]
    if lang == "ar":
        return normalize_arabic_many(texts, level)
    is_ar = [has_arabic(t) for t in texts]
    ar_out = iter(normalize_arabic_many([t for t, a in zip(texts, is_ar) if a], level))
    return [next(ar_out) if a else normalize_latin(t, level) for t, a in zip(texts, is_ar)]
