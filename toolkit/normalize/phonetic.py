"""Names in Arabic and Latin script as one sequence of phonetic symbols per name part.

Why a module of its own: this is the shared alphabet under every cross-script key and
score (:mod:`.keys` builds the skeleton, the match key and the similarity on it; the
lexicon blocks candidates with it), and it is the part with the most linguistic detail.

Design
------
Arabic writes consonants and long vowels and leaves short vowels out; English
romanizations write every vowel but disagree on their quality (Mohammed / Muhammad) and
on several consonants (Qasim / Kacem, Uthman / Osman).  So both scripts are mapped into
one small alphabet of *phonetic symbols*:

* consonant classes, merging what romanization cannot tell apart: ``k`` (ق ك q k c),
  ``s`` (س ص ث s th), ``z`` (ز ذ ظ z dh), ``d`` (د ض d), ``t`` (ت ط t), ``h`` (ح ه h),
  ``x`` (خ kh), ``c`` (ش sh ch), ``g`` (غ gh g), ``j`` (ج j dj), ``f`` (ف ڤ f ph v),
  ``b`` (ب پ b p), and ``l m n r w y`` as themselves; ع and the hamza are dropped
  (romanizations drop them or write an apostrophe, which is dropped too);
* vowel symbols ``a i u``: Arabic long vowels (ا ى final-ة → a, ي → i, و → u, with
  ئ → i and ؤ → u) and Latin vowels (a; i, ee, y after a consonant → i; o, u, ou, oo →
  u; e → ``e``, which is between a and i, because English writes both fatha and kasra
  with it: Mohammed, Hezbollah).

Before mapping, names are tokenized the same way on both sides: the article is dropped
(al-/el-/ash-..., ال), compounds are joined (عبد + next word, Abdul Aziz → abdaziz;
X الله / X Allah; X الدين / X ad-Din), and a word-final h is dropped on both sides
(Hamzah / حمزة, Abdullah / عبد الله).  Runs of one symbol collapse (gemination, which
Arabic does not write without shadda).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .arabic import normalize_arabic
from .latin import name_tokens
from .script import detect_script, has_arabic, has_latin

# ------------------------------------------------------------------ Arabic side

_AR_CONSONANTS = {
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "s", "ج": "j", "چ": "c", "ح": "h", "ه": "h",
    "خ": "x", "د": "d", "ض": "d", "ذ": "z", "ز": "z", "ظ": "z", "ژ": "j", "ر": "r", "س": "s",
    "ص": "s", "ش": "c", "غ": "g", "ف": "f", "ڤ": "f", "ق": "k", "ك": "k", "ک": "k", "گ": "g",
    "ل": "l", "م": "m", "ن": "n",
}
# Letters written for long vowels give long-vowel symbols (upper case), which cost more
# to delete than a short vowel: Mahmoud (محمود) is written with its long u.
_AR_VOWELS = {"ا": "A", "آ": "A", "ى": "A", "ي": "I", "ی": "I", "و": "U", "ئ": "i", "ؤ": "u", "أ": "a", "إ": "i"}
_AR_DROP = set("عءٱ")


def arabic_tokens(text: str) -> list[str]:
    """Search-normalized Arabic words with the article dropped and compounds joined."""
    norm = normalize_arabic(text, "display")
    # Keep hamza seats and teh marbuta (they carry vowel information); drop marks.
    norm = re.sub("[\u064b-\u065f\u0670\u0640]", "", norm)
    words = [w for w in re.split(r"[^\w]+", norm) if w]
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("الله", "لله"):
            if out and out[-1] not in ("ابو", "أبو", "بن", "ابن"):
                out[-1] += "\x01"  # marker for "allah", mapped below
            else:
                out.append("\x01")
            i += 1
            continue
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
            if w == "دين" and out:
                out[-1] += "دين"
                i += 1
                continue
        if w.startswith("عبدال") and len(w) > 6:
            w = "عبد" + w[5:]  # عبدالعزيز written as one word
        if w == "عبد" and i + 1 < len(words):
            nxt = words[i + 1]
            if nxt in ("الله", "لله"):
                out.append("عبد\x01")
            else:
                out.append("عبد" + (nxt[2:] if nxt.startswith("ال") and len(nxt) > 3 else nxt))
            i += 2
            continue
        out.append(w)
        i += 1
    return out


def _arabic_symbols(word: str, construct: bool = False) -> str:
    """Symbols of one Arabic word; ``construct``: the word is followed by another, so a
    final teh marbuta is read -at (Harakat al-Nujaba, Jabhat al-Nusra)."""
    syms: list[str] = []
    for idx, ch in enumerate(word):
        if ch == "\x01":
            syms.extend("ala")
            continue
        if ch in _AR_CONSONANTS:
            syms.append(_AR_CONSONANTS[ch])
        elif ch == "ة":
            syms.extend("at" if construct and idx == len(word) - 1 else "a")
        elif ch in _AR_VOWELS:
            v = _AR_VOWELS[ch]
            if idx == 0:
                v = v.lower()
            syms.append(v)
        elif ch in _AR_DROP:
            continue
        elif ch.isdigit():
            syms.append(ch)
        elif ch.isalpha() and ch.isascii():
            syms.extend(_latin_symbols(ch.lower()))
    return _finish(syms)


# ------------------------------------------------------------------ Latin side

_LAT_DIGRAPHS = (
    ("sch", "c"), ("sh", "c"), ("ch", "c"), ("kh", "x"), ("dh", "z"), ("th", "s"), ("gh", "g"),
    ("ph", "f"), ("dj", "j"), ("ck", "k"), ("ou", "\x02"), ("oo", "\x02"), ("ee", "\x03"),
)
_LAT_SINGLE = {
    "a": "a", "e": "e", "i": "i", "o": "u", "u": "u", "q": "k", "k": "k", "c": "k", "x": "ks",
    "v": "f", "f": "f", "p": "b", "b": "b", "g": "g", "j": "j", "t": "t", "d": "d", "s": "s",
    "z": "z", "h": "h", "l": "l", "m": "m", "n": "n", "r": "r", "w": "w", "y": "y",
}
_SOFT_C = re.compile(r"c(?=[eiy])")
VOWEL_SYMS = frozenset("aeiuAIU")
LONG = frozenset("AIU")


def _latin_symbols(word: str) -> str:
    w = _SOFT_C.sub("s", word)
    for a, b in _LAT_DIGRAPHS:
        if a in w:
            w = w.replace(a, b.upper())  # upper case marks a finished symbol
    syms: list[str] = []
    for idx, ch in enumerate(w):
        if ch.isupper():
            syms.append(ch.lower())
            continue
        if ch in "\x02\x03":
            syms.append("U" if ch == "\x02" else "I")  # written long vowel
            continue
        s = _LAT_SINGLE.get(ch)
        if s is None:
            if ch.isdigit():
                syms.append(ch)
            continue
        if s == "y":
            # y is a vowel (i) unless it starts the word or precedes a vowel.
            nxt = w[idx + 1] if idx + 1 < len(w) else ""
            s = "y" if idx == 0 or nxt.lower() in "aeiou" else "i"
        syms.extend(s)
    return _finish(syms)


def _finish(syms: list[str]) -> str:
    """Shared tail: w/y as i/u, drop a final h, collapse runs (a long vowel absorbs a
    short one of the same quality)."""
    out: list[str] = []
    for s in syms:
        if s == "w":
            s = "u"
        elif s == "y":
            s = "i"
        if out and out[-1].lower() == s.lower():
            if s.isupper():
                out[-1] = s
            continue
        out.append(s)
    while len(out) > 1 and out[-1] == "h":
        out.pop()
    return "".join(out)


# ------------------------------------------------------------------ both scripts


@lru_cache(maxsize=131072)
def symbols(text: str) -> tuple[str, ...]:
    """The phonetic symbol string of every name part of ``text`` (either script)."""
    script = detect_script(text)
    if script == "mixed":
        # Each run of words in its own script ("شمال Sinai", "Hezbollah حزب الله"), in order.
        parts = [p for run, arabic in _script_runs(text) for p in (_arabic_parts(run) if arabic else _latin_parts(run))]
    elif script == "arabic":
        parts = _arabic_parts(text)
    elif script == "latin":
        parts = _latin_parts(text)
    else:
        parts = [t for t in re.findall(r"\d+", text)]
    return tuple(p for p in parts if p)


def _arabic_parts(text: str) -> list[str]:
    words = arabic_tokens(text)
    return [_arabic_symbols(w, construct=i + 1 < len(words)) for i, w in enumerate(words)]


def _latin_parts(text: str) -> list[str]:
    return [_latin_symbols(t) for t in name_tokens(text)]


def _script_runs(text: str) -> list[tuple[str, bool]]:
    """Whitespace words grouped into runs of one script: (run, is Arabic).  A word
    holding both scripts counts as Arabic, as a whole mixed name did before."""
    runs: list[tuple[str, bool]] = []
    for word in text.split():
        arabic = has_arabic(word) or not has_latin(word)
        if runs and runs[-1][1] == arabic:
            runs[-1] = (runs[-1][0] + " " + word, arabic)
        else:
            runs.append((word, arabic))
    return runs
