"""Latin → Arabic: units of a romanized name and a rule fallback for the stems.

Romanized Arabic names carry their structure in the spelling: an article (al-, el-, ash-,
ul-), compounds written many ways (Abdulaziz, Abdul Aziz, Abd al-Aziz, Abdel-Aziz,
Abdurrahman), Abu / bin / ibn, and -allah endings (Nasrallah, Hezbollah, Abdullah).
:func:`split_units` recovers that structure so the Arabic is written as Arabic writes it
(عبد العزيز, نصر الله, حزب الله); the stems go to the model, and to :func:`rule_stems` when
there is no model. Foreign names (Guterres) are single stems: the rules write them the way
Arabic media do, long vowels for stressed vowels (غوتيريس).
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
import unicodedata
from dataclasses import dataclass

from . import reverse_words as rw
from .model import clean_latin

SUN = {"t", "th", "d", "dh", "r", "z", "s", "sh", "n", "l"}


@dataclass(frozen=True)
class LatUnit:
    """A romanized unit: optional prefix (abd, abu, bin, ibn), article flag, stem, Allah flag.

    The word-class step (``reverse_words.py``) adds: ``clitic``, an Arabic proclitic glued
    to the unit (و of wa al-Sham, ل of lil-Dawa); ``fixed``, a table word's Arabic (its stem
    is then empty: a convention, not a guess for the model); ``ending``, a rule ending
    written after the model's stem (``ta``: construct -at → ة; ``iya``: nisba -iya → ية).
    """

    raw: str
    stem: str
    prefix: str | None = None
    article: bool = False
    allah: bool = False
    clitic: str = ""
    fixed: tuple[str, ...] = ()
    ending: str = ""
    org: bool = False  # the unit is in an organization's name (reverse_words.org_context)


_ARTICLE = re.compile(r"^(?:al|el|ul|il|a[tdrzsnl]|a(?:th|dh|sh))[-'’]", re.I)
_ABD = re.compile(r"^abd(?:oul|ul|el|al|ol|il)(?:[-'’ ]?)(?P<rest>[a-z'’-]{3,})$", re.I)
#: a name glued to الدين (Badreddin, Nasreddine, Tajideen, Salahuddin): the head is a word of
#: three letters or more, the tail the article (or its vowel) and din / dine / deen
_DIN = re.compile(r"^(?P<head>[a-z]{3,}?)(?:[aeiou]?d{1,2}|[aeiou]?l-?d|[aeiou]d-d)(?:ine|in|een|ean)$")
_ABD_SUN = re.compile(r"^abd[uae](?P<sun>th|sh|dh|[tdrzsn])(?P=sun)(?P<rest>[a-z]{2,})$", re.I)
#: X-allah written as one word (Nasrallah, Jundallah, Hamdullah): the stem is three letters or
#: more (Shallah, شلح, is not Sh-allah) and the ending has its double l (Nakhala, النخالة, and
#: al-Adala, العدالة, are not Nakh-Allah and Ad-Allah); Atallah is the one two-letter stem
_ALLAH = re.compile(r"^(?P<stem>at|[a-z'’-]{3,}?)(?:-)?(?:allah|ullah|ollah|oullah|alla)$", re.I)
#: the Gulf's ruling families, written آل X ("family of"), not with the article: after "Al"
#: written as a word of its own (Al Saud, Al Nahyan), or after a chain of "bin" (Hamad bin
#: Isa al-Khalifa); Khalifa and Said are also common first names and family names with the
#: article (Rifaat al-Said, السعيد), so they need the chain or the capital "Al"
AL_FAMILIES = frozenset({"saud", "nahyan", "nahayan", "thani", "maktoum", "maktum", "khalifa", "said", "sabah"})
_WORD_ABD = frozenset({"abd", "abdul", "abdel", "abdal", "abdol"})
_ABDULLAH = frozenset({"abdullah", "abdallah", "abdulla", "abdalla", "abdoullah", "abdellah"})


_SUN_LINK = re.compile(r"^(?P<head>[A-Za-z'’]{2,})-[uiea](?P<sun>th|sh|dh|[tdrzsnl])-(?P<tail>[A-Za-z'’].+)$")
_ROMAN = {"I": "الأول", "II": "الثاني", "III": "الثالث", "IV": "الرابع", "V": "الخامس", "VI": "السادس",
          "VII": "السابع", "VIII": "الثامن", "IX": "التاسع", "X": "العاشر"}


def _tokens(text: str) -> list[tuple[str, str]]:
    """The words of a romanized name as (Arabic proclitic, word): a South Asian construct
    link is cut (Hizb-ut-Tahrir → Hizb, al-Tahrir), a conjunction written alone joins the
    next word (wa al-Sham → و, al-Sham) and a clitic written into a word is read off
    (wal-Adala → و, al-Adala; lil-Dawa → ل, al-Dawa)."""
    words: list[str] = []
    for tok in (t for t in re.split(r"[\s_]+", text.strip()) if t):
        m = _SUN_LINK.match(tok)
        if m:
            words += [m.group("head"), f"al-{m.group('tail')}"]
        else:
            words.append(tok)
    out: list[tuple[str, str]] = []
    pending = ""
    for k, tok in enumerate(words):
        if tok.lower() in ("wa", "w") and k + 1 < len(words) and out:
            pending = "و"
            continue
        clitic, rest = rw.read_clitic(tok) if out or pending else ("", tok)
        out.append((pending or clitic, rest if not pending else tok))
        pending = ""
    return out


def split_units(text: str) -> list[LatUnit]:
    """Cut a romanized name into units, keeping articles and compounds with their noun; the
    words between the names (a table's descriptive words and particles, Roman numerals,
    clitics, construct -at and nisba -iya) are marked by ``reverse_words``."""
    text = unicodedata.normalize("NFC", text)
    pairs = _tokens(text)
    org = rw.org_context([tok for _, tok in pairs])
    # "al Sudani" / "Abd al Aziz": an article written as its own word joins the next token
    joined: list[str] = []
    clitics: list[str] = []
    i = 0
    while i < len(pairs):
        clitic, tok = pairs[i]
        low = tok.lower()
        if low in ("al", "el", "ul", "as", "ash", "ad", "ar", "az", "an", "at") and i + 1 < len(pairs) and low not in ("as", "at", "an") :
            joined.append(f"{tok}-{pairs[i + 1][1]}")
            clitics.append(clitic or pairs[i + 1][0])
            i += 2
            continue
        joined.append(tok)
        clitics.append(clitic)
        i += 1
    units: list[LatUnit] = []
    i = 0
    while i < len(joined):
        first_unit = len(units)
        start = i
        i = _split_one(joined, i, units, org)
        if clitics[start] and len(units) > first_unit:
            units[first_unit] = dataclasses.replace(units[first_unit], clitic=clitics[start])
    return [dataclasses.replace(u, org=True) for u in units] if org else units


def _table_unit(tok: str, raw: str, position: int, last: bool, org: bool) -> LatUnit | None:
    """A unit written by the word-class tables (a descriptive word, a particle, an ordinal,
    a Roman numeral after a name), or None for a name word."""
    if position > 0 and tok in _ROMAN and last:
        return LatUnit(raw, "", None, True, False, fixed=(_ROMAN[tok][2:],))
    article = False
    m = _ARTICLE.match(tok)
    stem = tok
    if m:
        article, stem = True, tok[m.end():]
    else:
        glued = rw.glued_article(tok)
        if glued and rw.lookup(glued, True, org):
            article, stem = True, glued  # Ennahda: the Maghreb's glued article
    found = rw.lookup(stem, article, org)
    if not found:
        return None
    if not article and position == 0 and all(w in rw.PARTICLE_ARABIC for w in found):
        return None  # a name does not start with a preposition
    return LatUnit(raw, "", None, article, False, fixed=found)


def _split_one(joined: list[str], i: int, units: list[LatUnit], org: bool) -> int:
    """Read the unit that starts at ``joined[i]`` into ``units``; returns the next index."""
    tok = joined[i]
    low = clean_latin(tok)
    prefix: str | None = None
    raw = tok
    family = _al_family(joined, i, units)
    if family is not None:
        units.append(LatUnit(tok, "", None, False, False, fixed=("آل",)))
        joined[i] = family  # the family's own word is read next, as any name word
        return i
    table = _table_unit(tok, raw, len(units), i + 1 == len(joined), org)
    if table is not None:
        units.append(table)
        return i + 1
    if low in ("abd", "abdul", "abdel", "abdal", "abdol", "abu", "abou", "abo", "bin", "ibn", "ben", "bint") and i + 1 < len(joined):
        prefix = {"abu": "abu", "abou": "abu", "abo": "abu", "bin": "bin", "ben": "bin", "ibn": "ibn", "bint": "bint"}.get(low, "abd")
        if prefix == "ibn" and units:
            prefix = "bin"  # inside a name ibn is written بن (عبد الله الثاني بن الحسين); ابن starts one
        if prefix != "abd" and _is_abd(joined[i + 1]):  # bin Abdulaziz: the particle, then the compound
            units.append(LatUnit(tok, "", None, False, False, fixed=(_PARTICLE_ARABIC[prefix],)))
            return i + 1
        nxt = joined[i + 1]
        raw = f"{tok} {nxt}"
        i += 1
        low = clean_latin(nxt)
        if prefix == "abd" and low in ("allah", "ullah", "alla"):
            units.append(LatUnit(raw, "", "abd", False, True))
            return i + 1
        if prefix == "abd" and clean_latin(tok) != "abd" and not _ARTICLE.match(nxt):
            units.append(LatUnit(raw, low.replace("-", ""), "abd", True, False))  # Abdul Aziz
            return i + 1
        tok = nxt
    elif low in ("allah", "ullah") and units:
        last = units.pop()
        units.append(dataclasses.replace(last, raw=f"{last.raw} {tok}", allah=True))
        return i + 1
    if prefix is None:
        compact = low.replace("-", "")
        if compact in _ABDULLAH:
            units.append(LatUnit(raw, "", "abd", False, True))
            return i + 1
        din = _DIN.match(compact)
        if din and len(joined) > 1 and not article_written(tok):  # Badreddin, Tajideen: بدر الدين, تاج الدين (not alone: Jardine)
            units.append(LatUnit(tok, din.group("head"), None, False, False))
            units.append(LatUnit(tok, "", None, True, False, fixed=("دين",)))
            return i + 1
        m = _ABD.match(compact) or _ABD_SUN.match(compact)
        if m:
            rest = m.group("rest") if "sun" not in m.groupdict() or m.groupdict().get("sun") is None else m.group("sun") + m.group("rest")
            units.append(LatUnit(raw, rest.replace("-", ""), "abd", True, False))
            return i + 1
    article = False
    m = _ARTICLE.match(tok)
    if m:
        article = True
        tok = tok[m.end():]
    low = clean_latin(tok).replace("-", "")
    allah = False
    ending = ""
    am = _ALLAH.match(low)
    nisba = rw.nisba_stem(low) if prefix is None and article else None  # al-Shaabiya: shaabi + -iya
    known = rw.nisba_arabic(nisba or low) if prefix is None and article else None
    plural = rw.nisba_plural(low) if prefix is None and article and known is None else None
    plural_known = rw.nisba_arabic(plural[0]) if plural else None
    if am and len(low) > 6 and low not in ("ghazala", "gala", "fadlalla"):
        allah, low = True, am.group("stem").rstrip("-")
    elif plural and plural_known is not None:  # al-Jazairiyin: الجزائريين
        units.append(LatUnit(raw, "", None, True, False, fixed=(plural_known + plural[1],)))
        return i + 1
    elif known is not None:  # a nisba whose base a table knows: al-Lubnaniya لبنانية, al-Urduni أردني
        units.append(LatUnit(raw, "", None, True, False, fixed=(rw.with_ending(known, "iya") if nisba else known,)))
        return i + 1
    elif nisba:
        low, ending = nisba, "iya"  # al-Shaabiya: شعبي + ة (the model writes the stem)
    elif prefix is None and not article and org and i + 1 < len(joined) and rw.construct_stem(low):
        low, ending = rw.construct_stem(low) or low, "ta"  # Jazirat al-Arab: جزيرة
    if low:
        units.append(LatUnit(raw, low, prefix, article, allah, ending=ending))
    return i + 1


_PARTICLE_ARABIC = {"abu": "أبو", "bin": "بن", "ibn": "ابن", "bint": "بنت"}


def article_written(tok: str) -> bool:
    """Does a token start with the article (al-Din, ad-Din)?"""
    return _ARTICLE.match(tok) is not None


def _is_abd(tok: str) -> bool:
    """Is ``tok`` an Abd compound or its first word (Abdulaziz, Abdullah, Abdul, Abd)?"""
    compact = clean_latin(tok).replace("-", "")
    return compact in _WORD_ABD or compact in _ABDULLAH or bool(_ABD.match(compact) or _ABD_SUN.match(compact))


def _al_family(joined: list[str], i: int, units: list[LatUnit]) -> str | None:
    """The rest of ``joined[i]`` when it is آل + a family (Al Saud, Al al-Sheikh, bin Isa
    al-Khalifa), else None. Never the first word: a name does not start with the family."""
    tok = joined[i]
    m = re.match(r"^(?P<al>al|el)-(?P<rest>.+)$", tok, re.I)
    if not units or m is None:
        return None
    rest = m.group("rest")
    if re.match(r"^(?:al|el)-", rest, re.I):
        return rest  # Al al-Sheikh: آل then a word with its article
    if clean_latin(rest).replace("-", "") not in AL_FAMILIES:
        return None
    after_bin = any(u.prefix == "bin" or u.fixed == ("بن",) for u in units)
    return rest if m.group("al") == "Al" or after_bin else None


def render_unit(unit: LatUnit, stems: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Arabic spellings of a unit from Arabic stem candidates (prefixes, article, الله)."""
    out: dict[str, float] = {}
    if unit.fixed:  # a table word: its Arabic, the article and a clitic glued on (and Allah: Sa'd Allah)
        allah = " الله" if unit.allah else ""
        return [(rw.glue(unit.clitic, ("ال" if unit.article else "") + arabic + allah), rw.RULES.alternative**r)
                for r, arabic in enumerate(unit.fixed)]
    if unit.allah and not unit.stem:
        forms = [("عبد الله", 0.95), ("عبدالله", 0.7)] if unit.prefix == "abd" else [("الله", 0.95)]
        return [(rw.glue(unit.clitic, f), s) for f, s in forms]
    for stem, score in stems:
        stem = stem.strip()
        if not stem:
            continue
        if unit.article and stem.startswith("ال") and len(stem) > 3:
            stem = stem[2:]
        stem = rw.with_ending(stem, unit.ending)
        word = ("ال" + stem) if unit.article else stem
        if unit.allah:
            word = f"{word} الله"
        head = {"abd": "عبد", "abu": "أبو", "bin": "بن", "ibn": "ابن", "bint": "بنت"}.get(unit.prefix or "")
        forms = [f"{head} {word}"] if head else [word]
        if unit.prefix == "abu":
            forms.append(f"ابو {word}")
        forms = [rw.glue(unit.clitic, f) for f in forms]
        for r, f in enumerate(forms):
            if score * 0.8**r > out.get(f, -1):
                out[f] = score * 0.8**r
    return sorted(out.items(), key=lambda kv: -kv[1])


# ------------------------------------------------------------------ rule stems

_MULTI = [
    ("sch", ["ش"]), ("tch", ["تش"]), ("sh", ["ش"]), ("ch", ["تش", "ش"]), ("kh", ["خ"]), ("gh", ["غ"]),
    ("th", ["ث", "ت"]), ("dh", ["ذ", "ض"]), ("ph", ["ف"]), ("dj", ["ج"]), ("zh", ["ج"]), ("ck", ["ك"]),
    ("qu", ["كو", "ق"]), ("ou", ["و"]), ("oo", ["و"]), ("ee", ["ي"]), ("ei", ["اي", "ي"]), ("ai", ["اي", "ي"]),
    ("ay", ["اي"]), ("ey", ["ي"]), ("ie", ["ي"]), ("aa", ["ا"]), ("ii", ["ي"]), ("uu", ["و"]), ("x", ["كس"]),
]
_SINGLE: dict[str, list[str]] = {
    "b": ["ب"], "c": ["ك", "س"], "d": ["د"], "f": ["ف"], "g": ["غ", "ج"], "h": ["ه", "ح"], "j": ["ج"],
    "k": ["ك"], "l": ["ل"], "m": ["م"], "n": ["ن"], "p": ["ب"], "q": ["ق"], "r": ["ر"], "s": ["س"],
    "t": ["ت"], "v": ["ف"], "w": ["و"], "y": ["ي"], "z": ["ز"], "'": ["ع", ""],
}


def rule_stems(word: str, top: int = 5) -> list[tuple[str, float]]:
    """Rule candidates, ranked (cached: names repeat their words)."""
    return list(_rule_stems_cached(word, top))


@lru_cache(maxsize=65536)
def _rule_stems_cached(word: str, top: int = 5) -> tuple[tuple[str, float], ...]:
    return tuple(_rule_stems(word, top))


def _rule_stems(word: str, top: int = 5) -> list[tuple[str, float]]:
    """Arabic stem candidates by rule for one Latin word (no article, no prefix)."""
    word = clean_latin(word).replace("-", "")
    if not word:
        return []
    beams: list[tuple[str, float]] = [("", 1.0)]
    i = 0
    n = len(word)
    while i < n:
        options: list[tuple[str, float]] | None = None
        for graph, arabic in _MULTI:
            if word.startswith(graph, i):
                options = [(a, 0.8**r) for r, a in enumerate(arabic)]
                step = len(graph)
                break
        if options is None:
            ch = word[i]
            step = 1
            if i + 1 < n and word[i + 1] == ch and ch not in "aeiou":
                step = 2  # doubled consonant: one letter (shadda unwritten)
            first, last = i == 0, i + step >= n
            if ch == "a":
                options = [("ا", 1.0)] if first else ([("ة", 0.7), ("ا", 1.0), ("ه", 0.4)] if last else [("", 1.0), ("ا", 0.8)])
                if first:
                    options = [("أ", 1.0), ("ا", 0.8)]
            elif ch == "e":
                options = [("إ", 0.7), ("ا", 0.8)] if first else ([("", 0.6), ("ي", 0.9), ("ه", 0.5)] if last else [("ي", 1.0), ("", 0.9)])
            elif ch == "i":
                options = [("إ", 1.0), ("ا", 0.8)] if first else [("ي", 1.0), ("", 0.5)]
            elif ch in "ou":
                options = [("أو", 1.0), ("او", 0.8)] if first else [("و", 1.0), ("", 0.4)]
            else:
                options = [(a, 0.8**r) for r, a in enumerate(_SINGLE.get(ch, [""]))]
                if ch == "s" and last and i > 0:
                    options = [("س", 1.0), ("ش", 0.4)]
        elif i == 0 and word[i] in "ou":
            options = [("أ" + a, s) for a, s in options]
        beams = sorted(((b + a, s * w) for b, s in beams for a, w in options), key=lambda x: -x[1])[:32]
        i += step
    seen: dict[str, float] = {}
    for text, score in beams:
        if text:
            seen.setdefault(text, score)
    ranked = sorted(seen.items(), key=lambda kv: -kv[1])[:top]
    best = ranked[0][1] if ranked else 1.0
    return [(t, 0.6 * s / best) for t, s in ranked]
