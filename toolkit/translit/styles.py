"""Spelling styles of Arabic → Latin names: press, official (UN/OFAC/EU lists), scholarly (ALA-LC).

Why a respelling and not three models: Arabic does not write short vowels, so the hard
part of a spelling, which vowels a name has, is what the model, the attested spellings and
the name dictionary already know, in the press's letters. A style is then a matter of
writing those same sounds by another convention: the lists write Muhammad, Husayn, Hasan,
Sa'd, al- before every letter; ALA-LC adds macrons, dots and ʿ ʾ (Muḥammad, Ḥusayn, Saʿd).
So a press spelling of a unit is aligned letter by letter with the unit's Arabic
(:func:`align`: each Arabic letter takes one of its press spellings, each short vowel the
Latin between them) and written again: consonants from the Arabic letter (ق is q, ظ is z
or ẓ, whatever the press wrote), long vowels from ا و ي ى, short vowels from the press
(o → u; e → i after a long ā, as in Hafez → Hafiz, else a), ة as -a / -ah (-at in
construct), ع and ء as ' inside a word (dropped at its ends) or ʿ ʾ.

What it cannot know: a shadda the Arabic does not write. A doubled press consonant is kept
(Muhammad, Allawi, Saddam) except s, t and their emphatics, which the press doubles to
keep a sound (Hassan for حسن: Hasan), a final one, and one right after a long ā (Khalled:
Khalid); where one press spelling of a name
doubles and another does not (Mohamed, Mohammed), the fuser keeps the doubling
(`shadda.keep_doubling`). A dagger alef (الرحمن) is written out from a small table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .arabic_letters import strip_marks
from .shadda import shadda_site

STYLES = ("press", "official", "scholarly")

#: press spellings of each Arabic letter, most common first ("" = not written)
_PRESS: dict[str, tuple[str, ...]] = {
    "ب": ("b", "bb", "p"), "ت": ("t", "tt"), "ث": ("th", "s", "t"), "ج": ("j", "g", "dj", "dg", "zh", "ch"),
    "ح": ("h", "hh", ""), "خ": ("kh", "h", "x", "kk"), "د": ("d", "dd"), "ذ": ("dh", "z", "th", "d"),
    "ر": ("r", "rr"), "ز": ("z", "zz", "s"), "س": ("s", "ss", "c"), "ش": ("sh", "ch", "sch"),
    "ص": ("s", "ss", "ç"), "ض": ("d", "dh", "dd", "z"), "ط": ("t", "tt", "th"), "ظ": ("z", "dh", "zz", "d"),
    "ع": ("'", "", "`", "ʿ"), "غ": ("gh", "g", "rh"), "ف": ("f", "ff", "ph", "v"), "ق": ("q", "k", "g", "kk", "qq", "c"),
    "ك": ("k", "kk", "c", "ck", "ch"), "ل": ("l", "ll"), "م": ("m", "mm"), "ن": ("n", "nn", "m"),
    "ه": ("h", "hh", ""), "ء": ("'", ""), "ئ": ("'", "", "y", "i"), "ؤ": ("'", "", "w", "u"),
    "ا": ("a", "aa", "e", "", "i", "o", "u", "ah"), "أ": ("a", "", "e", "i", "u", "o", "'"), "إ": ("i", "e", ""),
    "آ": ("a", "aa"), "و": ("w", "u", "o", "ou", "oo", "ow", "aw", "au", "v", "ww", "uw"),
    "ي": ("y", "i", "ei", "ai", "ay", "ee", "ie", "ey", "yy", "iy", "e", "a"), "ى": ("a", "i", "y", "e", "ah", "aa"),
    "ة": ("a", "ah", "at", "e", "eh", "h", ""), "پ": ("p",), "ڤ": ("v",), "گ": ("g",), "چ": ("ch",),
}
_SHORT = ("a", "e", "i", "o", "u", "ou", "aa", "ee", "oo", "ai", "ei", "ay", "ey")

#: consonants: (official, scholarly)
_CONSONANT: dict[str, tuple[str, str]] = {
    "ب": ("b", "b"), "ت": ("t", "t"), "ث": ("th", "th"), "ج": ("j", "j"), "ح": ("h", "ḥ"), "خ": ("kh", "kh"),
    "د": ("d", "d"), "ذ": ("dh", "dh"), "ر": ("r", "r"), "ز": ("z", "z"), "س": ("s", "s"), "ش": ("sh", "sh"),
    "ص": ("s", "ṣ"), "ض": ("d", "ḍ"), "ط": ("t", "ṭ"), "ظ": ("z", "ẓ"), "غ": ("gh", "gh"), "ف": ("f", "f"),
    "ق": ("q", "q"), "ك": ("k", "k"), "ل": ("l", "l"), "م": ("m", "m"), "ن": ("n", "n"), "ه": ("h", "h"),
    "پ": ("p", "p"), "ڤ": ("v", "v"), "گ": ("g", "g"), "چ": ("ch", "ch"),
}
_GLOTTAL = {"ع": "ʿ", "ء": "ʾ", "ئ": "ʾ", "ؤ": "ʾ"}
_NO_DOUBLE = set("سصتط")
#: Words whose long ā Arabic writes as a dagger alef, usually left out: written out here so
#: the scholarly style marks it (al-Raḥmān, Ilāh, Ṭāhā, Isḥāq); standard orthography, not tuned.
_DAGGER = {"رحمن": "رحمان", "إله": "إلاه", "اله": "الاه", "طه": "طاها", "إسحق": "إسحاق", "اسحق": "اسحاق"}
_VOWEL_LETTERS = set("اوييى")


def press_letter(ch: str) -> str | None:
    """The press's usual spelling of an Arabic consonant (ق q, ش sh), or None for a letter
    that is a vowel or not written alone."""
    if ch in _VOWEL_LETTERS or ch in "أإآة" or ch not in _PRESS:
        return None
    return _GLOTTAL.get(ch) and "'" or _PRESS[ch][0]


def _short_vowel(v: str, after_long_a: bool) -> str:
    """A press short vowel as one of a, i, u (a diphthong's first half is handled by the caller)."""
    if not v:
        return ""
    head = v[0]
    if head in "ou":
        return "u"
    if head == "i":
        return "i"
    if head == "e":
        return "i" if after_long_a else "a"
    return "a"


@lru_cache(maxsize=1 << 14)
def align(arabic: str, latin: str) -> tuple[tuple[str, str], ...] | None:
    """Each Arabic letter's press spelling and the short vowel written after it, as the
    cheapest path through the Latin (a Latin letter left over costs 1, a letter's less usual
    spelling a little); None when the Latin cannot be read as this Arabic at all."""
    letters = [ch for ch in strip_marks(arabic) if ch in _PRESS]
    text = latin.lower()
    n, m = len(letters), len(text)
    if not n or not m:
        return None
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, str, str] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            c = cost[i][j]
            if c == inf:
                continue
            if j < m and c + 1.0 < cost[i][j + 1]:  # a Latin letter the Arabic does not account for
                cost[i][j + 1] = c + 1.0
                back[i][j + 1] = (i, j, "", "")
            if i == n:
                continue
            options = _PRESS[letters[i]]
            for r_rank, r in enumerate(options):
                if not text.startswith(r, j):
                    continue
                j2 = j + len(r)
                vowel_letter = letters[i] in _VOWEL_LETTERS
                base = c + (0.05 if vowel_letter else 0.1) * r_rank + (0.3 if r == "" else 0.0)
                # a short vowel right before ا و ي ى is most often part of the long vowel or diphthong
                before_long = i + 1 < n and letters[i + 1] in _VOWEL_LETTERS
                for v_rank, v in enumerate(("",) + _SHORT):
                    if v and not text.startswith(v, j2):
                        continue
                    total = base + (0.05 + 0.01 * v_rank + (0.3 if before_long else 0.0) if v else 0.0)
                    j3 = j2 + len(v)
                    if total < cost[i + 1][j3]:
                        cost[i + 1][j3] = total
                        back[i + 1][j3] = (i, j, r, v)
            if c + 0.8 < cost[i + 1][j]:  # an Arabic letter the Latin does not write
                cost[i + 1][j] = c + 0.8
                back[i + 1][j] = (i, j, "", "")
    if cost[n][m] > max(2.0, 0.35 * n):
        return None
    path: list[tuple[str, str]] = []
    i, j = n, m
    while (i, j) != (0, 0):
        step = back[i][j]
        assert step is not None
        pi, pj, r, v = step
        if pi != i:
            path.append((r, v))
        i, j = pi, pj
    path.reverse()
    return tuple(path)


def respell_stem(arabic: str, latin: str, style: str, construct: bool = False, geminate: int = -1) -> str | None:
    """One stem (no article, no compound) in ``style``, from its press spelling;
    ``geminate``: the index of a letter written doubled whatever the press wrote (a shadda
    the name's pattern suggests: `shadda.shadda_site`)."""
    arabic = _DAGGER.get(strip_marks(arabic), arabic)
    letters = [ch for ch in strip_marks(arabic) if ch in _PRESS]
    path = align(arabic, latin)
    if path is None:
        return None
    scholarly = style == "scholarly"
    site = shadda_site(arabic)  # a press double there is the pattern's shadda, even of s or t (Ghassan)
    out: list[str] = []
    for k, ch in enumerate(letters):
        r, v = path[k]
        step = _Step(ch, r, v, k == 0, k == len(letters) - 1, _vowel_after(k, letters, path), scholarly,
                     k == geminate or _split_double(k, letters, path) or (k == site and _press_double(path[k][0])),
                     len(letters) == 2, _after_long(k, letters), k + 1 < len(letters) and letters[k + 1] in "اآ")
        if ch in "اأإآ":
            _write_alef(step, out)
        elif ch in "وي":
            prev_a = k > 0 and bool(out) and out[-1] == "a" and path[k - 1][1][:1] == "a" \
                and letters[k - 1] not in _VOWEL_LETTERS
            _write_semivowel(step, out, prev_a)
        elif ch == "ى":
            out.append("á" if scholarly else "a")
        elif ch == "ة":
            out.append("at" if construct else ("ah" if scholarly else "a"))
        elif ch in _GLOTTAL:
            vowel_before = r == "" and bool(v) and k > 0 and not path[k - 1][1] and letters[k - 1] not in _VOWEL_LETTERS
            _write_glottal(step, out, vowel_before)
        else:
            _write_consonant(step, out)
    word = re.sub(r"([aiu])\1+", r"\1", "".join(out))
    return _capitalize(word)


def _after_long(k: int, letters: list[str]) -> bool:
    """Right after ا, where Arabic doubles only a root's last letter (عامّة ʿĀmmah): the
    press's double there is a spelling habit (Khalled), not a shadda."""
    return k > 0 and letters[k - 1] in "اآ" and not (k == len(letters) - 2 and letters[-1] == "ة")


def _press_double(r: str) -> bool:
    return len(r) == 2 and r[0] == r[1]


def _split_double(k: int, letters: list[str], path: tuple[tuple[str, str], ...]) -> bool:
    """A press ``yy`` / ``ww`` the alignment split between a vowel and the letter
    (Sayyid: s + "ay", ي = "y"): the letter is doubled."""
    r = path[k][0]
    return letters[k] in "وي" and r in ("y", "w") and k > 0 and path[k - 1][1].endswith(r)


@dataclass(frozen=True)
class _Step:
    """One Arabic letter of a stem, its press spelling ``r``, the press vowel ``v`` after it
    and the short vowel to write after it (``vowel``)."""

    ch: str
    r: str
    v: str
    first: bool
    last: bool
    vowel: str
    scholarly: bool
    double: bool = False
    short: bool = False  # a stem of two letters
    after_long: bool = False  # right after a long ā: no shadda from the press (_after_long)
    before_alif: bool = False  # a ي before ا is the consonant y (Riad: Riyad)


def _vowel_after(k: int, letters: list[str], path: tuple[tuple[str, str], ...]) -> str:
    """The short vowel written after letter ``k``: the press vowel as a, i or u; none before
    a long vowel, except a before و / ي read as vowels, which makes a diphthong (Aoun → Awn)."""
    v = path[k][1]
    nxt = letters[k + 1] if k + 1 < len(letters) else ""
    vowel = _short_vowel(v, k > 1 and letters[k - 1] in "اآ")
    if nxt and (nxt in "اآى" or (nxt in "وي" and path[k + 1][0] not in ("w", "ww", "v", "y", "yy"))):
        diphthong = vowel == "a" and nxt in "وي" and v[:1] == "a" \
            and path[k + 1][0] in ("u", "ou", "o", "oo", "i", "ee", "ie", "e")
        return "a" if diphthong else ""
    return vowel


def _write_alef(s: _Step, out: list[str]) -> None:
    """ا and hamza on alef: a word's first vowel, a long ā, or ' / ʾ inside a word."""
    if s.first:
        carrier = {"إ": "i", "آ": "ā"}.get(s.ch) or _short_vowel(s.r or s.v or "a", False) or "a"
        out.append("a" if s.ch == "آ" and not s.scholarly else carrier)
        if s.r and s.vowel:
            out.append(s.vowel)
    elif s.ch in "اآ":
        out.append("ā" if s.scholarly else "a")
    else:
        out.append("ʾ" if s.scholarly else "'")
        out.append(_short_vowel(s.r, False) if s.r not in ("", "'") else s.vowel)


def _write_semivowel(s: _Step, out: list[str], after_a: bool) -> None:
    """و and ي: a consonant (w, y), a long vowel (ū, ī), or a diphthong's second half."""
    if s.last and s.r == "" and s.ch == "و" and not s.first:
        return  # the silent و of عمرو
    if s.ch == "ي" and s.last and s.r in ("", "a", "ah"):
        out.append("á" if s.scholarly else "a")  # ى written as ي (موسي)
        return
    consonant, long_vowel = ("w", "ū") if s.ch == "و" else ("y", "ī")
    if s.ch == "ي" and s.before_alif and not s.first and s.r in ("i", "ie", "ee"):
        out.append("iy")  # the press's i of Riad, Ziad is the vowel before a y: Riyad, Ziyad
        return
    if s.ch == "ي" and s.last and s.r == "y" and not s.first and not after_a:
        out.append(long_vowel if s.scholarly else "i")  # Madbouly: Madbūlī, a final ي is ī
        return
    if (s.double or s.r in ("yy", "ww")) and not s.first:
        out.append(("" if out and out[-1] == "a" else "a") + consonant * 2)
        out.append("i" if s.v[:1] in ("e", "i") else s.vowel)  # Sayyid from Sayed
        return
    if s.first or after_a or s.r in ("w", "ww", "v", "y", "yy") or (s.ch == "و" and s.r == "" and s.vowel):
        out.append(consonant)
    elif s.r in ("aw", "ow", "au", "ei", "ai", "ay", "ey"):
        out.append("a" + consonant)
    else:
        # a long vowel: the next letter follows at once (the a of "Dean", "Kiarane" is the
        # press's spelling of ī, not a vowel of its own: Din, Kiran)
        out.append(long_vowel if s.scholarly else long_vowel.translate(_PLAIN))
        return
    out.append(s.vowel)


def _write_glottal(s: _Step, out: list[str], vowel_before: bool) -> None:
    """ع and ء: ʿ ʾ (scholarly; initial hamza unwritten), or ' inside a word (official)."""
    vowel = s.vowel
    if vowel_before:
        out.append(vowel)  # Saad, Sharaa: the vowel the press writes after ع is the one before it
        vowel = ""
    if s.scholarly:
        if not (s.first and s.ch != "ع"):
            out.append(_GLOTTAL[s.ch])
    elif not s.first and not s.last:
        out.append("'")
    out.append(vowel)


def _write_consonant(s: _Step, out: list[str]) -> None:
    """A consonant by the Arabic letter, doubled where the press doubles it (not s, t and
    their emphatics, nor at the end), and no short vowel after the last letter."""
    official, scholar = _CONSONANT.get(s.ch, (s.ch, s.ch))
    letter = scholar if s.scholarly else official
    # (not a final one, but for a two-letter stem: Izz, Umm)
    doubled = s.double or (len(s.r) == 2 and s.r[0] == s.r[1] and s.ch not in _NO_DOUBLE and (not s.last or s.short)
                           and not s.after_long)
    out.append(letter * 2 if doubled else letter)  # ALA-LC doubles a digraph whole: Bashshār
    if not s.last:  # no name ends in a short vowel in the lists' pausal forms (Zine → Zayn)
        out.append(s.vowel)


_PLAIN = str.maketrans("āīū", "aiu")


def _capitalize(word: str) -> str:
    for i, ch in enumerate(word):
        if ch.isalpha() and ch not in "ʿʾ":
            return word[:i] + ch.upper() + word[i + 1:]
    return word
