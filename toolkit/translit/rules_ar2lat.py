"""Arabic → Latin as the press writes names: units, press conventions and a rule fallback.

A name is first cut into *units* that must be transliterated together: the article stays
with its noun (السوداني → al-Sudani), compounds stay whole (عبد العزيز → Abdulaziz,
أبو بكر → Abu Bakr, بن سلمان → bin Salman) and الله joins the word before it
(نصر الله → Nasrallah). Each unit has a *stem*, the part a model or the rules must guess the
vowels of; :func:`render_unit` puts the press conventions (article, sun letters, compounds,
-allah endings, teh marbuta in construct, regional spellings) around stem candidates.

The rule stem transliterator (:func:`rule_stems`) is the last resort: Arabic does not
write short vowels, so it proposes a few vowel patterns, ranked, rather than one guess.
"""

from __future__ import annotations

import re
from functools import lru_cache
import unicodedata
from dataclasses import dataclass

# the tables and the regional spellings, read by callers as rules_ar2lat.X too
from .arabic_letters import ARTICLE, CONSONANTS, DAMMA, FATHA, HARAKAT, KASRA, REGION_CONSONANTS, REGIONS  # noqa: F401
from .arabic_letters import SHADDA, SUKUN, SUN_LETTERS, TANWIN, Region, strip_marks  # noqa: F401
from .regions import REGIONAL_NAMES, regional_names, regional_variants  # noqa: F401


@dataclass(frozen=True)
class ArUnit:
    """A piece of an Arabic name that is transliterated as one: prefix + article + stem (+ Allah)."""

    raw: str
    stem: str
    prefix: str | None = None  # "abd" | "abu" | "bin" | "ibn"
    article: bool = False
    allah: bool = False

    @property
    def sun(self) -> bool:
        return self.article and bool(self.stem) and self.stem[0] in SUN_LETTERS


#: a Latin spelling that already writes the Arabic article (al-, el-, ash-, Al )
ARTICLE_LATIN = re.compile(r"^(?:al|el|a[tdrzsnl]h?)[- ]", re.IGNORECASE)


def _split_article(word: str) -> tuple[bool, str]:
    bare = strip_marks(word)
    if bare.startswith(ARTICLE) and len(bare) > 3:
        # keep vowel marks of the stem: drop the first two base letters and their marks
        seen, i = 0, 0
        while i < len(word) and seen < 2:
            if word[i] not in HARAKAT and word[i] != "\u0640":
                seen += 1
            i += 1
        while i < len(word) and word[i] in HARAKAT:
            i += 1
        return True, word[i:]
    return False, word


_PREFIX_WORDS = {"عبد": "abd", "أبو": "abu", "ابو": "abu", "أبي": "abi", "ابي": "abi", "بن": "bin",
                 "ابن": "ibn", "إبن": "ibn"}


def split_units(text: str) -> list[ArUnit]:
    """Cut an Arabic name into units, keeping compounds and the article together."""
    words = [w for w in re.split(r"[\s\u200c\u200f\u200e]+", unicodedata.normalize("NFC", text)) if w]
    units: list[ArUnit] = []
    i = 0
    while i < len(words):
        word = words[i]
        bare = strip_marks(word)
        prefix: str | None = None
        raw = word
        if bare in _PREFIX_WORDS and i + 1 < len(words):
            prefix = _PREFIX_WORDS[bare]
            following = strip_marks(words[i + 1])
            if prefix != "abd" and (following in _PREFIX_WORDS or following.startswith("عبد")):
                # a chain (بن عبد الله, أبو عبد الرحمن): the particle stands alone, the compound follows whole
                units.append(ArUnit(raw, "", prefix))
                i += 1
                continue
            i += 1
            word = words[i]
            raw = raw + " " + word
            bare = strip_marks(word)
        elif bare.startswith("عبد") and len(bare) > 5 and bare[3:5] == ARTICLE:  # عبدالعزيز, عبدالله
            prefix, word, bare = "abd", word[3:] if word[:3] == "عبد" else bare[3:], bare[3:]
        allah = False
        if bare == "الله" and prefix is not None:
            units.append(ArUnit(raw, "", prefix, False, True))
            i += 1
            continue
        if bare.endswith("الله") and len(bare) > 4:
            allah, word = True, bare[:-4]
        elif i + 1 < len(words) and strip_marks(words[i + 1]) == "الله" and bare != "الله":
            allah = True
            raw = raw + " " + words[i + 1]
            i += 1
        article, stem = _split_article(word) if not allah else (False, word)
        if bare == "الله":
            units.append(ArUnit(raw, "", None, False, True))
        else:
            units.append(ArUnit(raw, stem, prefix, article, allah))
        i += 1
    return units


def _cap(word: str) -> str:
    """Capitalise the first letter, after a leading apostrophe if any ('Abbas → 'Abbas)."""
    for i, ch in enumerate(word):
        if ch.isalpha():
            return word[:i] + ch.upper() + word[i + 1 :]
    return word


def article_forms(stem_latin: str, sun: bool, region: Region | None) -> list[str]:
    """al-Sudani first; the assimilated form (ash-Shatri) and el- as lower-ranked variants."""
    cap = _cap(stem_latin)
    forms = [f"al-{cap}"]
    if sun:
        first = stem_latin[:2] if stem_latin[:2] in ("sh", "th", "dh") else stem_latin[:1]
        forms.append(f"a{first}-{cap}")
    forms.append(f"el-{cap}")
    if region in ("egypt", "maghreb"):
        forms.insert(0, forms.pop())
    return forms


def render_unit(
    unit: ArUnit, stems: list[tuple[str, float]], region: Region | None = None, construct: bool = False
) -> list[tuple[str, float]]:
    """Whole-unit spellings from stem candidates; each variant's score decays with its rank."""
    out: dict[str, float] = {}

    def add(text: str, score: float) -> None:
        if text and score > out.get(text, -1.0):
            out[text] = score

    if unit.prefix and not unit.stem and not unit.allah:  # a particle before a compound: bin (Abdullah)
        for r, head in enumerate(_particle_heads(unit.prefix, region)):
            add(head, 0.95 * (0.85**r))
        return list(out.items())

    if unit.allah and not unit.stem:
        if unit.prefix == "abd":
            forms = ["Abdullah", "Abdallah", "Abd Allah"]
            if region in ("egypt", "maghreb"):
                forms = ["Abdallah", "Abdullah", "Abd Allah"]
        else:
            forms = ["Allah"]
        for r, f in enumerate(forms):
            add(f, 0.95 * (0.8**r))
        return list(out.items())

    for stem, score in stems:
        stem = stem.strip("-' ").lower()
        if not stem:
            continue
        if construct and re.search(r"ah?$", stem) and unit.stem.endswith("ة"):
            stem = re.sub(r"ah?$", "at", stem)
        if unit.allah:
            base = stem[:-1] if stem.endswith(("a", "u", "o")) and len(stem) > 3 else stem
            variants = [f"{_cap(base)}allah", f"{_cap(base)}ullah", f"{_cap(base)}ollah"]
        elif unit.article:
            variants = article_forms(stem, unit.sun, region)
        else:
            variants = [_cap(stem)]
        if unit.prefix == "abd":
            if unit.article:
                core = stem
                abd = [f"Abdul{core}", f"Abdul-{_cap(core)}", f"Abd al-{_cap(core)}", f"Abdel{core}", f"Abdel {_cap(core)}"]
                if region in ("egypt", "maghreb", "levant"):
                    abd = [f"Abdel {_cap(core)}", f"Abdel{core}", f"Abdul{core}", f"Abd al-{_cap(core)}"]
                variants = abd
            else:
                variants = [f"Abd {v}" for v in variants] + [f"Abdul{stem}"]
        elif unit.prefix in ("abu", "abi"):
            head = "Abu" if unit.prefix == "abu" else "Abi"
            lead = [f"{head} {v}" for v in variants]
            if unit.article:
                lead.append(f"{head}l {_cap(stem)}")
            variants = lead
        elif unit.prefix in ("bin", "ibn"):
            variants = [f"{h} {v}" for h in _particle_heads(unit.prefix, region) for v in variants[:2]]
        for r, v in enumerate(variants):
            add(v, score * (0.85**r))
    return sorted(out.items(), key=lambda kv: -kv[1])


def _particle_heads(prefix: str, region: Region | None) -> list[str]:
    """How the press writes a particle on its own: bin / ibn / ben, Abu, Abi, Abd."""
    if prefix in ("bin", "ibn"):
        heads = ["bin", "ibn", "ben"] if prefix == "bin" else ["Ibn", "bin"]
        return ["ben", *[h for h in heads if h != "ben"]] if region == "maghreb" else heads
    return [{"abu": "Abu", "abi": "Abi", "abd": "Abd"}[prefix]]


# ------------------------------------------------------------------ the rule stem transliterator


def _letters(stem: str) -> list[tuple[str, str]]:
    """(letter, marks) pairs of a possibly vocalized word."""
    pairs: list[tuple[str, str]] = []
    for ch in unicodedata.normalize("NFC", stem):
        if ch in HARAKAT and pairs:
            pairs[-1] = (pairs[-1][0], pairs[-1][1] + ch)
        elif ch not in HARAKAT and ch != "\u0640":
            pairs.append((ch, ""))
    return pairs


def rule_stems(stem: str, region: Region | None = None, top: int = 5) -> list[tuple[str, float]]:
    """Rule candidates, ranked (cached: names repeat their words)."""
    return list(_rule_stems_cached(stem, region, top))


@lru_cache(maxsize=65536)
def _rule_stems_cached(stem: str, region: Region | None = None, top: int = 5) -> tuple[tuple[str, float], ...]:
    return tuple(_rule_stems(stem, region, top))


def _rule_stems(stem: str, region: Region | None = None, top: int = 5) -> list[tuple[str, float]]:
    """Latin stem candidates by rule, ranked; vocalized input uses its vowels."""
    pairs = _letters(stem)
    if not pairs:
        return []
    vocalized = any(m for _, m in pairs)
    table = {**CONSONANTS, **REGION_CONSONANTS.get(region or "", {})}
    slots: list[list[tuple[str, float]]] = []
    n = len(pairs)
    for i, (ch, marks) in enumerate(pairs):
        first, last = i == 0, i == n - 1
        nxt = pairs[i + 1][0] if i + 1 < n else ""
        nxt_is_vowel = nxt in "اويى"
        if ch in "اأإآٱ":
            if first:
                opts = [("a", 1.0)] if ch != "إ" else [("i", 1.0), ("e", 0.6)]
                if ch == "آ":
                    opts = [("a", 1.0), ("aa", 0.5)]
            else:
                opts = [("a", 1.0), ("aa", 0.3)] if ch in "اآ" else [("'a", 0.6), ("a", 1.0)]
            slots.append(opts)
            continue
        if ch == "ى":
            slots.append([("a", 1.0), ("i", 0.4)])
            continue
        if ch == "ة":
            slots.append([("a", 1.0), ("ah", 0.8)] if last else [("at", 1.0), ("a", 0.5)])
            continue
        if ch == "و":
            if first or (i > 0 and pairs[i - 1][0] in "اي"):
                opts = [("w", 1.0)]
            elif last:
                opts = [("ou", 0.7), ("u", 0.6), ("o", 0.5), ("w", 0.4)]
            elif nxt_is_vowel:
                opts = [("w", 1.0), ("u", 0.3)]
            else:
                opts = [("ou", 0.6), ("u", 1.0), ("o", 0.7), ("w", 0.3)] if region == "maghreb" else [("u", 1.0), ("o", 0.7), ("ou", 0.5), ("w", 0.3)]
            if SHADDA in marks:
                opts = [("ww", 1.0), ("w", 0.6)]
            slots.append(_glide_vowels(opts, marks, vocalized, last, nxt))
            continue
        if ch == "ي":
            if first or (i > 0 and pairs[i - 1][0] in "او"):
                opts = [("y", 1.0)]
            elif last:
                opts = [("i", 1.0), ("y", 0.6), ("ee", 0.3)]
            elif nxt_is_vowel:
                opts = [("y", 1.0), ("i", 0.4)]
            else:
                opts = [("i", 1.0), ("ee", 0.4), ("e", 0.4), ("y", 0.3)]
            if SHADDA in marks:
                opts = [("yy", 1.0), ("y", 0.6)]
            slots.append(_glide_vowels(opts, marks, vocalized, last, nxt))
            continue
        base = table.get(ch)
        if base is None:
            base = (ch.lower(),) if ch.isascii() and ch.isalnum() else ("",)
        opts = [(b, 0.9**r if b else 0.5) for r, b in enumerate(base)]
        if ch == "ع" and first:
            opts = [("", 1.0), ("'", 0.3)]
        if SHADDA in marks:
            opts = [(o + o[-1:] if o and o[-1].isalpha() else o, s) for o, s in opts]
            if not vocalized:
                opts += [(o, s * 0.5) for o, s in opts]
        slots.append(_vowel_after(opts, marks, vocalized, last, nxt, first))
    results = []
    for combo in _best_products(slots):
        text, score = combo
        text = re.sub(r"(^'|'$)", "", text)
        text = re.sub(r"([aeiou])\1{2,}", r"\1\1", text)
        if text:
            results.append((text, score * _cluster_penalty(text)))
    seen: dict[str, float] = {}
    for t, s in results:
        seen.setdefault(t, s)
    ranked = sorted(seen.items(), key=lambda kv: -kv[1])[:top]
    best = ranked[0][1] if ranked else 1.0
    return [(t, 0.6 * s / best) for t, s in ranked]  # rules never outrank a confident model


def _glide_vowels(
    opts: list[tuple[str, float]], marks: str, vocalized: bool, last: bool, nxt: str
) -> list[tuple[str, float]]:
    """و / ي read as vowels take no extra short vowel; read as w / y they are consonants."""
    out: list[tuple[str, float]] = []
    for o, s in opts:
        if o in ("w", "y", "ww", "yy"):
            out.extend(_vowel_after([(o, s)], marks, vocalized, last, nxt, False))
        else:
            out.append((o, s))
    return out


_DIGRAPH = re.compile(r"sh|th|kh|gh|dh|ch|dj")


def _cluster_penalty(text: str) -> float:
    """Names rarely have three consonants in a row or end in two (digraphs count as one)."""
    flat = _DIGRAPH.sub("C", text)
    shape = re.sub(r"[^aeiou']", "C", flat)
    penalty = 0.3 ** len(re.findall(r"CCC", shape))
    if shape.endswith("CC") and not re.search(r"(nd|rd|st|sr|rt|lm|ld|rk|rs|ns|nt|bd|sm|hm|hd|zm|ls|nn|ll|mm|dd|ss|tt|rr|bb)$", flat):
        penalty *= 0.6
    return penalty


def _vowel_after(
    opts: list[tuple[str, float]], marks: str, vocalized: bool, last: bool, nxt: str, first: bool = False
) -> list[tuple[str, float]]:
    """Attach the short vowel after a consonant: from harakat when present, else guessed."""
    if vocalized:
        vowel = ""
        if FATHA in marks:
            vowel = "a"
        elif KASRA in marks:
            vowel = "i"
        elif DAMMA in marks:
            vowel = "u"
        return [(o + vowel, s) for o, s in opts]
    if last or nxt in "اويىة" or nxt == "":
        return opts
    # unvocalized: a short vowel is likely after the first consonant, a cluster likely later
    weights = (("a", 1.0), ("u", 0.5), ("i", 0.45), ("", 0.3)) if first else (("", 0.9), ("a", 0.8), ("i", 0.3), ("u", 0.3))
    return [(o + v, s * w) for o, s in opts for v, w in weights]


def _best_products(slots: list[list[tuple[str, float]]], beam: int = 24) -> list[tuple[str, float]]:
    """Beam over slot options: the highest-scoring concatenations, best first."""
    beams: list[tuple[str, float]] = [("", 1.0)]
    for options in slots:
        beams = sorted(((t + o, s * w) for t, s in beams for o, w in options), key=lambda b: -b[1])[:beam]
    return beams
