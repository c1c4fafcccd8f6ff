"""The names every normalizer and every caller share: levels and languages.

Why a module of its own: ``Level`` and ``Lang`` were declared both here and in the corpus
job, so a new level would have had to be added twice. They are declared once, in the
ground floor, and imported by everything above.
"""

from __future__ import annotations

from typing import Literal

#: How far a normalizer folds: ``display`` loses nothing a reader sees, ``search`` folds
#: what search engines fold, ``match`` makes keys (see :mod:`.arabic` and :mod:`.latin`).
Level = Literal["display", "search", "match"]
LEVELS: tuple[Level, ...] = ("display", "search", "match")

#: Which normalizer a text goes through: ``auto`` picks Arabic when the text holds an
#: Arabic letter (:func:`toolkit.normalize.script.has_arabic`).
Lang = Literal["ar", "en", "auto"]
LANGS: tuple[Lang, ...] = ("ar", "en", "auto")
