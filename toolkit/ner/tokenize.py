"""Tokens with character offsets, cut the way the training corpora are cut.

Why a tokenizer of its own: the CRF was trained on CoNLL-2003 (English) and ANERcorp
(Arabic) tokens, so the runtime must cut text the same way for the features to mean
the same thing, and every token must keep its offsets so that a mention is a slice of the
input (``text[start:end] == token.text``, always).

English follows CoNLL-2003: punctuation is split off, a possessive ``'s`` is a token of its
own (``Obama's`` -> ``Obama`` ``'s``), hyphenated words (``Al-Qaim``), dotted abbreviations
(``U.S.``), titles with their period (``Mr.``) and numbers with inner punctuation
(``1996-08-22``, ``3.5``) stay whole. Arabic follows ANERcorp: punctuation (``، ؛ ؟``) is
split off and clitics stay attached (``والقاهرة`` is one token; the features see its
clitic-stripped form). Harakat, tatweel and Latin combining marks stay inside the word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A word character: Unicode letters and digits, plus the combining marks and tatweel that
#: ``\w`` leaves out (harakat U+064B-065F, dagger alef U+0670, Quranic marks, Latin accents).
_W = r"[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]"

#: Titles and company abbreviations whose period belongs to the token in CoNLL-2003.
_ABBREV = r"(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Capt|Prof|Rep|Sen|Gov|Inc|Ltd|Co|Corp|Bros|No|vs|Mt|Ft)\."

_TOKEN_RE = re.compile(
    r"[A-Za-z]\.(?:[A-Za-z]\.)+"          # U.S.  U.N.
    rf"|{_ABBREV}(?!\w)"                   # Mr.  Corp.
    rf"|\d+(?:[.,:/-]\d+)*(?!{_W})"        # 1996-08-22  3.5  10,000 (1990s is a word)
    rf"|{_W}+(?:[-&]{_W}+|['’](?![sS](?!{_W})){_W}+)*"  # Al-Qaim  O'Brien  AT&T
    r"|['’][sS](?!\w)"                     # possessive 's
    r"|[^\s]",                             # any other character: punctuation, symbols
)


@dataclass(frozen=True, slots=True)
class Token:
    """One token: ``text[start:end] == token.text``."""

    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """Cut ``text`` into tokens with character offsets (same rules for both languages:
    the English-only rules never fire on Arabic letters)."""
    return [Token(m.start(), m.end(), m.group(0)) for m in _TOKEN_RE.finditer(text)]
