"""Entity mentions in English and Arabic text, with character offsets.

``extract_english`` and ``extract_arabic`` find mentions by lexicon (longest match,
case rules, clitic stripping) and by patterns and cue words; ``project`` finds the
Arabic span of an English mention inside an aligned sentence; ``load_ner`` plugs in a
local token-classification model.  Every mention satisfies
``text[m.start:m.end] == m.text``.
"""

from __future__ import annotations

from .arabic import extract_arabic
from .english import extract_english
from .gazetteer import Gazetteer, clitic_readings
from .model import RawMention
from .ner import load_ner
from .projection import project
from .scores import cross_score

__all__ = [
    "Gazetteer", "RawMention", "clitic_readings", "cross_score", "extract_arabic",
    "extract_english", "load_ner", "project",
]
