"""Latin → Arabic: the words between the names, read back from the word-class tables.

Why: the character model learned person-name words. Fed the fixed words of organization
names spelled in Latin (Hizb al-Dawa, Jamaat, Tayyar al-Mustaqbal) it writes them letter by
letter (الداوا، جمعت، المصطقبل), and it knows nothing of Arabic orthography around them: the
construct ending -at is ة (Jabhat al-Nusra → جبهة), a nisba adjective in -iya/-iyya is ية
(al-Islamiya → الإسلامية), and the conjunction and prepositions are glued to the next word
(wa al-Sham → والشام, lil-Dawa → للدعوة, bil-Maruf → بالمعروف). This module is the reverse
of :mod:`toolkit.translit.word_classes` (the Arabic → Latin tables, imported read-only):

- :func:`table_words`: every press, official and scholarly spelling of a table word (and,
  for a word in ة, its construct form in -at), reduced to a spelling key
  (:func:`spelling_key`: case, accents, apostrophes, doubled letters and the common vowel
  spellings folded), mapped to the table's Arabic with its hamza and final ى restored;
- :func:`read_clitic`: the proclitic of a token (wal-, wa'l-, lil-, li-, bil-, bi-);
- :func:`org_context`: whether a name reads as an organization's (one unambiguous table word),
  which a few rules need: a generic -at → ة, particles such as ``an`` (عن), and table
  words that are also common person names written otherwise (Amal: أمل, Sari: ساري);
- :func:`nisba_stem` and :func:`construct_stem`: the stem the model is asked about when the
  ending is written by rule.

Used by ``rules_lat2ar.split_units`` (which marks the units) and ``render_unit`` (which
writes them).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .vocalize import entries as vocalized_entries
from .word_classes import DESCRIPTIVE, ORDINALS, ORG_NOUNS, PARTICLES, Spelling, fold_word, official_from_scholarly


@dataclass(frozen=True)
class ReverseRules:
    """The choices of the reverse word-class step (a module constant, not a tuned score)."""

    #: a table word's second Arabic reading (Jamiat: جامعة, then جمعية) ranks at this share of the first
    alternative: float = 0.8
    #: stems shorter than this are never given a rule ending (-iya, construct -at)
    min_ending_stem: int = 4
    #: a construct form this long (spelling key) marks an organization's name (Harakat, not Nusrat)
    long_construct: int = 7


RULES = ReverseRules()

#: table spellings that are more often a person's name written otherwise (Amal: أمل, Sari:
#: ساري, Amr: عمرو, Ala: علاء, Hayat: حياة, Alami: العلمي, Shahid: شاهد): written by the
#: table only in an organization's name
AMBIGUOUS = frozenset({"amal", "sari", "amr", "ala", "alaa", "hayat", "alami", "shahid", "an", "min", "maa", "ila"})

#: table words that are also everyday person-name words with the same Arabic (Saif al-Islam,
#: Jihad, Salam): they do not by themselves make a name an organization's
NAME_LIKE = frozenset({
    "islam", "jihad", "salam", "hilal", "jadid", "karama", "haq", "adl", "islah", "ahmar", "watan",
    "amana", "nadi", "umma", "shura", "wahda", "tawhid", "arabi", "askari", "khairi", "salafi",
    "maidani", "kubra", "hur", "hura", "huria", "amn", "shaabi", "maruf", "nusrat",
})


def fold(word: str) -> str:
    """Lower case, accents, ʿ ʾ apostrophes and hyphens off: the letters a reader sees."""
    word = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in word if "a" <= ch <= "z")


@lru_cache(maxsize=1 << 14)
def spelling_key(word: str) -> str:
    """One key for the usual spellings of a word: Jama'at, Jamaat and Gamaat; Islamiyyah,
    Islamiya and Islamia; Jam'iyat and Jamiat; Quwwat and Quwat; Jaysh and Jaish; Mubasher and Mubashir;
    Nahdha and Nahda. Both the tables and the query are reduced to it, so a table word is
    found however it is romanized (and a name word is only ever compared with table words)."""
    w = fold(word)
    w = w.replace("ou", "u").replace("oo", "u").replace("ee", "i")
    w = re.sub(r"g(?!h)", "j", w)  # Egyptian g for j (Gamaa)
    w = w.replace("dh", "d").replace("e", "i").replace("o", "u")
    w = re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", w)  # doubled consonants: shadda unwritten
    w = re.sub(r"([iu])\1", r"\1", w)
    w = re.sub(r"ay(?=[^aiu]|$)", "ai", w)
    w = re.sub(r"ah$", "a", w)
    w = re.sub(r"(?<=[^aiu])y$", "i", w)  # Nahy, Nahi
    w = w.replace("iya", "ia")  # Islamiya, Islamia; Jam'iyat, Jamiat
    return w


def _arabic(folded: str, spelling: Spelling) -> str:
    """The table's Arabic with the hamza and final ى its key folded away, from the ALA-LC
    spelling: initial I → إ (but ا in a form VII/VIII/X noun: Ishtiraki, Iqtisad), A/U → أ,
    final á → ى (Aʿlá: أعلى; ilá: إلى)."""
    text = folded
    first = fold(spelling.scholarly)[:1]
    if text.startswith("ا") and len(text) > 2:
        if first == "i":
            wasl = text[2] == "ت" or fold(spelling.scholarly).startswith("itt")
            text = text if wasl else "إ" + text[1:]
        elif first in ("a", "u") and not spelling.scholarly.startswith("Ā"):
            text = "أ" + text[1:]
    if spelling.scholarly.endswith("á") and text.endswith("ي"):
        text = text[:-1] + "ى"
    return text


#: the Arabic of the particles (a name does not start with one)
PARTICLE_ARABIC = frozenset(_arabic(folded, spelling) for folded, spelling in PARTICLES.items())


def _spellings(spelling: Spelling) -> list[str]:
    """A table word's spellings in the three styles (press, official, scholarly)."""
    return [spelling.press, official_from_scholarly(spelling.scholarly), spelling.scholarly]


@dataclass(frozen=True)
class TableWord:
    """A table word's Arabic (without the article) and how it was reached."""

    arabic: str
    kind: str  # "desc" | "particle" | "ordinal" | "word" (vocalize.py's table: a common word or name)
    construct: bool = False  # reached through its construct form (Jabhat)


@lru_cache(maxsize=1)
def table_words() -> dict[str, tuple[TableWord, ...]]:
    """Spelling key → the table words spelled so, best first: a word's own spellings before
    another's construct form (Quwat: قوات before قوة)."""
    direct: dict[str, list[TableWord]] = {}
    constructs: dict[str, list[TableWord]] = {}

    def add(into: dict[str, list[TableWord]], key: str, word: TableWord) -> None:
        if key and word.arabic not in [w.arabic for w in into.setdefault(key, [])]:
            into[key].append(word)

    for table, kind in ((DESCRIPTIVE, "desc"), (PARTICLES, "particle")):
        for folded, spelling in table.items():
            arabic = _arabic(folded, spelling)
            for text in _spellings(spelling):
                add(direct, spelling_key(text), TableWord(arabic, kind))
                if spelling.feminine:
                    for style in ("press", "official", "scholarly"):
                        add(constructs, spelling_key(spelling.get(style, construct=True)), TableWord(arabic, kind, True))
    for arabic, scholarly in vocalized_entries():
        spelling = Spelling("", scholarly, arabic.endswith("ة"))
        if fold_word(arabic) in DESCRIPTIVE:
            continue
        for text in _spellings(spelling)[1:]:
            add(direct, spelling_key(text), TableWord(arabic, "word"))
        if spelling.feminine:
            for style in ("official", "scholarly"):
                add(constructs, spelling_key(spelling.get(style, construct=True)), TableWord(arabic, "word", True))
    for folded, (press, scholarly, _roman) in ORDINALS.items():
        spelling = Spelling(press, scholarly, folded.endswith("ة"))
        for text in _spellings(spelling):
            add(direct, spelling_key(text), TableWord(_arabic(folded, spelling), "ordinal"))
    out: dict[str, tuple[TableWord, ...]] = {}
    for key in direct.keys() | constructs.keys():
        words = direct.get(key, []) + [w for w in constructs.get(key, []) if w.arabic not in
                                       [d.arabic for d in direct.get(key, [])]]
        out[key] = tuple(words)
    return out


def _literal(word: str) -> str:
    """A spelling as written, lower-cased, with every apostrophe-like sign as '."""
    return re.sub("[’ʿʾ`]", "'", word.lower())


@lru_cache(maxsize=1)
def literal_words() -> dict[str, frozenset[str]]:
    """Each table spelling as written (:func:`_literal`, construct forms too) → the Arabic of
    the table words spelled exactly so: the key of :func:`spelling_key` folds away what
    tells جامعة (Jami'at) from جمعية (Jam'iyyat)."""
    out: dict[str, set[str]] = {}
    vocalized = dict(vocalized_entries())
    for key_words in table_words().values():
        for w in key_words:
            for text in _table_spellings(w.arabic, vocalized):
                out.setdefault(_literal(text), set()).add(w.arabic)
    return {k: frozenset(v) for k, v in out.items()}


def _table_spellings(arabic: str, vocalized: dict[str, str]) -> list[str]:
    scholarly = vocalized.get(arabic)
    entries = [DESCRIPTIVE.get(fold_word(arabic)),
               Spelling("", scholarly, arabic.endswith("ة")) if scholarly else None]
    out = []
    for spelling in entries:
        if spelling is None:
            continue
        out += [t for t in _spellings(spelling) if t]
        if spelling.feminine:
            out += [spelling.get(style, construct=True) for style in ("press", "official", "scholarly")]
    return out


def lookup(word: str, article: bool, org: bool) -> tuple[str, ...]:
    """The table's Arabic for one Latin word (article and clitic already split off), best
    first; () when it is not a table word here.

    A word with the article may be a descriptive word or (in an organization's name) an
    ordinal; without it, in an organization's name only (``org``: Dam, Shun, Hilal and
    Khairy are also names), a descriptive word, its construct form, or a particle. Words in
    :data:`AMBIGUOUS` and the ordinals (al-Rabi is also الربيع) need an organization's name.
    """
    key = spelling_key(word)
    found = table_words().get(key, ())
    literal = literal_words().get(_literal(word), ())
    # a spelling with its apostrophe where the table writes one (Hay'at) is no person's name
    sure = "'" in _literal(word) and bool(literal)
    if not found or (key in AMBIGUOUS and not org and not sure) or not (article or org or sure):
        return ()
    # a table word spelled exactly so comes first (Jami'at, Jamiat: جامعة; Jam'iyyat: جمعية),
    # then, bare, a word of organizations' names before a common noun spelled the same
    # (Niqabat: نقابة before the plural نقابات; Quwwat keeps قوات, both being such words)
    found = tuple(sorted(found, key=lambda w: (w.arabic not in literal, not article and w.kind != "desc")))
    out: list[str] = []
    for w in found:
        if article and (w.kind == "particle" or w.construct):
            continue
        if article and w.kind == "word" and w.arabic.endswith("ا") and nisba_stem(key) is not None:
            continue  # al-Suriya is the nisba السورية; سوريا and ليبيا take no article (al-Ulya is العليا)
        if w.kind == "ordinal" and not (article and org):
            continue
        if not article and w.kind == "particle" and w.arabic == "و":
            continue  # the conjunction is a clitic (read_clitic), never a word of its own
        out.append(w.arabic)
    if not article:  # al-A'la is أعلى, a bare ala على
        out.sort(key=lambda a: a not in PARTICLE_ARABIC)
    return tuple(out)


_ARTICLE = re.compile(r"^(?:al|el|a[tdrzsnl]|a(?:th|dh|sh))[-'’]", re.I)
_GLUED_ARTICLE = re.compile(r"^e(?P<sun>[tdrzsn])(?P=sun)(?P<rest>[a-z]{3,})$", re.I)


def glued_article(word: str) -> str | None:
    """The stem of a word with the Maghreb's glued article, when that stem is a table word
    (Ennahda → nahda); None otherwise (Essam, Ezzat and Eddine are names)."""
    g = _GLUED_ARTICLE.match(fold(word))
    if g and g.group("sun") + g.group("rest") and spelling_key(g.group("sun") + g.group("rest")) in table_words():
        return g.group("sun") + g.group("rest")
    return None


def org_context(words: list[str]) -> bool:
    """Does a romanized name read as an organization's? It has two words or more, and one of
    them (clitic off) is a descriptive table word that no person's name is made of: with
    the article (al-Ikhwan) or of five letters or more (Mubasher, Kataib), and not also an
    everyday name word (Islam, Jihad) nor a short construct form (Nusrat is also a man's
    name; Muassasat and Harakat are not)."""
    if len(words) < 2:
        return False
    for raw in words:
        _, rest = read_clitic(raw)
        article = bool(_ARTICLE.match(rest))
        stem = _ARTICLE.sub("", rest)
        glued = glued_article(stem)
        if glued:
            article, stem = True, glued
        key = spelling_key(stem)
        if key in NAME_LIKE or key in AMBIGUOUS or not (article or len(key) >= 5 or raw is words[0]):
            continue  # (a short table word leading a name makes it an organization's: Bank Misr)
        if any(w.kind == "desc" and (not w.construct or len(key) >= RULES.long_construct or raw is words[0])
               for w in table_words().get(key, ())):
            return True  # (a short construct form leads an organization's name: Jabhat Thuwar Suriya)
        if raw is words[0] and len(key) >= RULES.long_construct and any(
                w.kind == "word" and w.construct for w in table_words().get(key, ())):
            return True  # a long construct form of a common noun leads it: Jaridat al-Nahar, Wilayat Sina
        if any(fold_word(w.arabic) in ORG_NOUNS for w in table_words().get(key, ())):
            return True  # a noun only organizations' names are made of: Mustashfa, Mukhabarat
    return False


_CLITIC = re.compile(r"^(?P<c>wa|w|li|l|bi|b)(?:-?['’]?-?)(?P<art>al?-|l-)(?P<rest>[^-].*)$", re.I)
_CLITIC_NOUN = re.compile(r"^(?P<c>wa|li|bi)-(?P<rest>[a-z'’ʿʾ].{2,})$", re.I)


def read_clitic(token: str) -> tuple[str, str]:
    """A proclitic written into a token, as Arabic → the rest: wal-Adala, wa'l-Qital and
    wa-al-Adala → (و, al-Adala); lil-Dawa → (ل, al-Dawa); li-Ahl → (ل, Ahl); bil-Maruf →
    (ب, al-Maruf). ("", token) when there is none (Walid, Bilal, Lila stay whole: the
    clitic needs its hyphen or apostrophe.)"""
    arabic = {"w": "و", "l": "ل", "b": "ب"}
    m = _CLITIC.match(token)
    if m:
        c = m.group("c").lower()
        if c in ("w", "l", "b") and not re.match(r"^[wlb]['’]", token, re.I):
            return "", token  # "bal-", "wl-": not a clitic spelling
        return arabic[c[0]], "al-" + m.group("rest")
    m = _CLITIC_NOUN.match(token)
    if m:
        return arabic[m.group("c")[0].lower()], m.group("rest")
    return "", token


def glue(clitic: str, word: str) -> str:
    """A proclitic written onto its word: ل + الدعوة → للدعوة (the article's alef goes),
    و + الشام → والشام, ب + المعروف → بالمعروف."""
    if not clitic:
        return word
    if clitic == "ل" and word.startswith("ال"):
        return "لل" + word[2:]
    return clitic + word


_NISBA = re.compile(r"^(?P<stem>.{3,}i)(?:yyah|yya|yah|ya|a)$")


def nisba_stem(stem: str) -> str | None:
    """The masculine form of a nisba adjective in -iya / -iyya / -iyyah / -iyah / -ia
    (islamiyya → islami), whose ending ية is then written by rule; None otherwise."""
    m = _NISBA.match(stem)
    if not m or len(m.group("stem")) < RULES.min_ending_stem:
        return None
    return m.group("stem")


#: Latin masculine plural endings of a nisba and their Arabic (al-Jazairiyin: الجزائريين).
_NISBA_PLURALS = (("iyyin", "ين"), ("iyin", "ين"), ("iyyun", "ون"), ("iyun", "ون"))


def nisba_plural(word: str) -> tuple[str, str] | None:
    """(The masculine singular, the Arabic plural ending) of a nisba in the masculine plural
    (jazairiyin, jaza'iriyyin → jazairi, ين; sudaniyun → sudani, ون); None otherwise."""
    for latin, arabic in _NISBA_PLURALS:
        if word.endswith(latin) and len(word) - len(latin) + 1 >= RULES.min_ending_stem:
            return word[: -len(latin)] + "i", arabic
    return None


def nisba_arabic(masculine: str) -> str | None:
    """The Arabic of a nisba adjective (masculine, no article) whose base a table knows:
    Filastini → فلسطيني (the table's own), Lubnani → لبناني, Urduni → أردني (from لبنان,
    أردن: places and words of the tables); None for any other word, left to the model."""
    if len(masculine) < RULES.min_ending_stem or not masculine.endswith("i"):
        return None
    own = [w for w in lookup(masculine, True, True) if w.endswith("ي")]
    if own:
        return own[0]
    base = lookup(masculine[:-1], True, True)
    if not base or len(base[0]) < 3:
        return None
    return (base[0][:-1] if base[0].endswith("ا") else base[0]) + "ي"


def construct_stem(stem: str) -> str | None:
    """A noun in the construct state written with -at (jazirat → jazira), whose ة is then
    written by rule; None otherwise."""
    if len(stem) > RULES.min_ending_stem and stem.endswith("at") and stem[-3] not in "aeiou":
        return stem[:-1]
    return None


def with_ending(arabic: str, ending: str) -> str:
    """A rule ending written onto the model's stem: ``ta`` (ة for a final ا/ه/ة or after
    the stem), ``iya`` (ة after a final ي, else ية)."""
    if ending == "ta":
        if arabic[-1:] in ("ا", "ه", "ة"):
            return arabic[:-1] + "ة"
        if arabic.endswith("ات") or arabic.endswith("ت"):
            return arabic[:-1] + "ة"
        return arabic + "ة"
    if ending == "iya":
        return arabic + "ة" if arabic.endswith("ي") else arabic + "ية"
    return arabic
