"""Transliteration of names, Arabic ↔ Latin: lexicon, attested spellings, a learned model, rules.

    >>> from toolkit.translit import transliterate
    >>> [c.text for c in transliterate("عبد العزيز", to="latin", top=3)]   # doctest: +SKIP
    ['Abdulaziz', 'Abdul-Aziz', 'Abd al-Aziz']

Every candidate says where it came from (``lexicon``, ``model``, ``rules``, ``scheme``)
and how sure it is (``score`` in [0, 1]); the list is ordered lexicon > model > rules.
Standard schemes (Buckwalter, Safe Buckwalter, HSB, ALA-LC, DIN 31635) are exact
romanizations: ``transliterate(name, "latin", scheme="ala-lc")`` or :func:`romanize`.
Importing this package does not import torch; the model loads on first need. Every tuned
constant is a field of :class:`TranslitParams` (``params.py``).
"""

from __future__ import annotations

from .pipeline import (
    MAX_NAME_CHARS,
    REGIONS,
    TranslitError,
    Transliterator,
    default_transliterator,
    transliterate,
    transliterate_many,
)
from .params import TranslitParams
from .rank import Candidate
from .schemes import SCHEMES, SchemeResult, apply_scheme as romanize

__all__ = [
    "MAX_NAME_CHARS",
    "REGIONS",
    "SCHEMES",
    "Candidate",
    "SchemeResult",
    "TranslitError",
    "TranslitParams",
    "Transliterator",
    "default_transliterator",
    "romanize",
    "transliterate",
    "transliterate_many",
]
