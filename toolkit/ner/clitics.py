"""Where an Arabic mention's name starts inside its first token.

The CRF tags whole tokens, as ANERcorp is annotated (``وبغداد`` is one B-LOC token); the
entity list wants the name, ``بغداد``. A leading letter is dropped only on evidence, since
many names start with the same letters (بغداد, لبنان, كركوك, فرنسا):

- و or ف followed by the article (``والقاهرة``, ``فالعراق``): the conjunction goes;
- و ف ب ك whose remainder (search-normalized) is a word of a shipped lexicon name while
  the whole token is not (``وبغداد`` -> ``بغداد``; ``بغداد`` stays, being a lexicon word).

``ل`` is left alone: ``للعراق`` has lost the article's alef, so no slice of the text is the
name.
"""

from __future__ import annotations

import unicodedata

from ..normalize import normalize_arabic
from .gazetteer import arabic_gazetteer

_STRIPPABLE = "وفبك"


def _after_first_letter(token: str) -> int:
    """Offset just past the token's first letter and the marks written on it."""
    i = 1
    while i < len(token) and unicodedata.combining(token[i]):
        i += 1
    return i


def name_start(token: str) -> int:
    """How many characters of ``token`` (an Arabic mention's first token) precede the name."""
    if len(token) < 4 or token[0] not in _STRIPPABLE:
        return 0
    cut = _after_first_letter(token)
    rest = normalize_arabic(token[cut:], "search")
    if token[0] in "وف" and rest.startswith("ال") and len(rest) > 3:
        return cut
    table = arabic_gazetteer()
    whole = normalize_arabic(token, "search")
    if len(rest) >= 3 and rest in table and whole not in table:
        return cut
    return 0
