"""The spelling data of the Latin normalizer: marks, articles, compounds, digraphs.

Why a module of its own: :mod:`.latin` is the logic of the three levels; these are the
romanization facts it applies (which marks are apostrophes, which tokens are articles,
how abd-/-allah/-din compounds are written). Keeping them apart lets a reviewer check a
spelling rule without reading code, and keeps each module small.
"""

from __future__ import annotations

import re

from .arabic_tables import BIDI_CONTROLS, ZERO_WIDTH

APOSTROPHES = "'\u2019\u2018\u02bc\u02be\u02bf\u0060\u00b4\u2032\u02bb\u02c8\u2035"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"

# Letters that NFKD does not decompose but scholarly romanizations use.
EXTRA_FOLDS = {
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "dh", "þ": "th", "ß": "ss", "æ": "ae",
    "œ": "oe", "ḫ": "kh", "ẖ": "h", "ǧ": "j", "ğ": "g", "ş": "sh", "ç": "c",
}

DISPLAY_TABLE: dict[int, str] = {
    **{ord(c): "" for c in BIDI_CONTROLS + ZERO_WIDTH + "\u200c"},
    **{ord(c): "'" for c in APOSTROPHES[1:]},
    **{ord(c): "-" for c in DASHES},
    **{ord(c): " " for c in "\t\n\v\f\r\x85\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
       "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"},
    **{cp: "" for cp in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)] if cp != 0x85},
    **{cp: "\ufffd" for cp in range(0xD800, 0xE000)},
}

ARTICLES = frozenset(
    "al el il ul ol l ash ech as es ad ed ud at et ut az ez uz adh ath an en un ar er ur ur".split()
)
ARTICLE_PREFIX_RE = re.compile(r"^(?:a|e|u|i)?(?:l|sh|s|d|t|z|dh|th|n|r)-")

# The linking part of an abd- compound: abd-ul-, abd-el-, abd-al-; a vowel and an
# assimilated sun letter (Abdur-rahman, Abdus-salam); or u/o/e before a consonant
# (Abdurahman).  Keys only hold the vowel "a", so a key never re-links: idempotent.
ABD_RE = re.compile(
    r"^abd(?:(?:ou|[aeiou])l(?=[a-z]{3,}$)"
    r"|[aeiou](?=(sh|th|dh|[rsdtzn])\1)"
    r"|(?:ou|[uoe])(?=[^aeiouy][a-z]{2,}$)"
    r"|(?=[a-z]{3,}$))"
)
ALLAH_RE = re.compile(r"(?<=[a-z]{2})(?:u|a|e|o|ou)?l?lah?$")
DIN_RE = re.compile(r"(?<=[a-z]{3})(?:[aeiou][ld])?d(?:i|ee|ie|y)ne?$")
DIN_TOKENS = frozenset({"din", "deen", "dine", "ddin", "eddin", "eddine", "uddin", "addin", "aldin", "eldin", "uldin"})
ABD_TOKENS = frozenset({"abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdu", "abdi", "abdel", "abdur", "abdus", "abdulla"})
BIN = {"bin": "bin", "ibn": "bin", "ben": "bin", "bn": "bin", "ibnu": "bin", "bint": "bint", "binti": "bint", "bent": "bint"}
ABU = {"abu": "abu", "abou": "abu", "abo": "abu", "aboo": "abu", "abul": "abu", "abi": "abu", "bou": "abu", "bu": "abu"}
ALLAH_TOKENS = frozenset({"allah", "alla", "ullah", "ollah", "illah", "ellah", "lah", "llah", "ulla"})

# Applied in order.  sh and kh stay two letters in the key (a key must fold to itself,
# and every single letter is taken by another fold).  A c before e/i/y is the French
# or Spanish s (Kacem = Qasim).
DIGRAPHS = [
    ("sch", "\x01"), ("sh", "\x01"), ("ch", "\x01"), ("kh", "\x02"), ("dh", "z"), ("th", "s"),
    ("gh", "g"), ("ph", "f"), ("dj", "j"), ("ck", "k"), ("x", "ks"), ("q", "k"), ("v", "w"),
]
SOFT_C_RE = re.compile(r"c(?=[eiy])")
VOWELS = frozenset("aeiou")
VOWEL_RUN_RE = re.compile(r"[aeiouy]+")
