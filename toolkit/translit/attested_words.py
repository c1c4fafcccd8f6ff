"""How often an Arabic word is attested as a name word in the public name pairs.

Why: a tagger that reads whole tokens leaves a conjunction or preposition on a name
(وروري ماكدونالد, "and Rory MacDonald"), and many names start with the same letters
(وليد Walid, بروكس Brooks). The attested spellings (``models/translit/attested.tsv``, from
the Wikidata and google name pairs; see its MODEL_CARD.md) say which reading is a name:
روري is attested (Rory, 12 times), وروري is not.
"""

from __future__ import annotations

from functools import cache

from ..resources import models_dir
from .memory import Memory
from .model import clean_arabic


@cache
def _memory() -> Memory:
    return Memory.load(models_dir() / "translit" / "attested.tsv")


def attested_count(word: str) -> int:
    """Times the Arabic ``word`` was seen as a name word with a Latin spelling (0: never)."""
    return sum(a.count for a in _memory().get("latin", clean_arabic(word)))
