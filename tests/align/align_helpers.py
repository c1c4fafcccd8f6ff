"""Fixtures for alignment tests: a fake "Arabic" and an encoder that understands it.

The fake Arabic is the English sentence written letter by letter in Arabic script
(digits in Arabic-Indic), so the texts really are in two scripts (swap detection,
splitting and anchors see Arabic), while ``PseudoEncoder`` maps the letters back and
hashes words: counterparts are similar, unrelated sentences are not.  No weights.
"""

from __future__ import annotations

import random

import numpy as np

from toolkit.align import HashEncoder

_LATIN = "abcdefghijklmnopqrstuvwxyz0123456789"
_ARABIC = "ابكدعفغهيجقلمنوثصرستضطظخىز٠١٢٣٤٥٦٧٨٩"
TO_ARABIC = str.maketrans(_LATIN + _LATIN[:26].upper(), _ARABIC + _ARABIC[:26])
FROM_ARABIC = str.maketrans(_ARABIC, _LATIN)


def arabize(sentence: str) -> str:
    """English sentence -> the same words in Arabic letters, Arabic full stop kept."""
    return sentence.translate(TO_ARABIC)


class PseudoEncoder:
    """Hash encoder that reads the fake Arabic back into Latin letters first."""

    name = "pseudo"

    def __init__(self) -> None:
        self._hash = HashEncoder(dim=512)
        self.calls = 0

    def encode(self, sentences: list[str], lang: str) -> np.ndarray:
        self.calls += 1
        return self._hash.encode([s.translate(FROM_ARABIC) for s in sentences], lang)


_WORDS = """government minister army city border talks election police court report ship port
river bridge school hospital market bank oil price water storm fire road train airport
president council village union workers farmers students doctors soldiers rebels""".split()


def make_sentences(count: int, seed: int = 1) -> list[str]:
    """Distinct news-like English sentences, each with a number."""
    rng = random.Random(seed)
    out = []
    for k in range(count):
        words = rng.sample(_WORDS, 6)
        out.append(f"The {words[0]} and the {words[1]} met {words[2]} near the {words[3]} in {1900 + k}.")
    return out
