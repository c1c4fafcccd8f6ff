"""Which entity types each word appears in, according to the shipped lexicons.

Why a gazetteer feature: the curated lexicons name thousands of people, groups and places
of the region that news corpora from the 1990s (CoNLL-2003, ANERcorp) rarely mention; a
feature "this word is part of a lexicon name of type LOC" lets the CRF carry what it
learnt about known names over to these. The feature is computed the same way at training
and at run time (the training script imports this module), from the lexicons on disk.
"""

from __future__ import annotations

from functools import lru_cache

from ..lexdata import shipped_entries
from ..normalize import normalize_arabic
from .tokenize import tokenize

#: Words too common to say anything about a name (English; lower-cased).
_EN_STOP = frozenset("of the and for in on at to a an de la le du des al el bin ibn bint abu".split())
#: Arabic function words (search level) that occur inside names.
_AR_STOP = frozenset("في من على الى عن و بن ابن بنت ابو ام".split())

#: Leading clitics tried in turn on an Arabic word: conjunction, then preposition, then article.
_AR_CONJ = "وف"
_AR_PREP = "بلك"


def arabic_stems(word: str) -> list[str]:
    """``word`` (search-normalized) and its forms with leading clitics removed, longest
    first: ``والقاهره`` -> ``والقاهره``, ``القاهره``, ``قاهره``. A form keeps at least two
    letters, so short words are left as they are."""
    out = [word]
    w = word
    if len(w) > 3 and w[0] in _AR_CONJ:
        w = w[1:]
        out.append(w)
    if len(w) > 3 and w.startswith("لل"):
        w = w[2:]
        out.append(w)
    elif len(w) > 3 and w[0] in _AR_PREP:
        w = w[1:]
        out.append(w)
    if len(w) > 3 and w.startswith("ال"):
        w = w[2:]
        out.append(w)
    return out


def english_key(word: str) -> str:
    """The form under which an English word is looked up in :func:`name_table`."""
    return word.lower()


def arabic_key(word: str) -> str:
    """The form under which an Arabic word is looked up in :func:`name_table`: search
    level, every leading clitic stripped."""
    return arabic_stems(normalize_arabic(word, "search") or word)[-1]


@lru_cache(maxsize=2)
def name_table(lang: str) -> tuple[dict[tuple[str, ...], str], int]:
    """Whole lexicon names as word-key tuples -> entity type (the first entry's type wins
    when names collide), and the longest name in words. Lets a feature say "these three
    words are, together, the name of an ORG", which per-word types cannot."""
    table: dict[tuple[str, ...], str] = {}
    key = english_key if lang == "en" else arabic_key
    for entry in shipped_entries():
        names = (entry.en, *entry.en_variants) if lang == "en" else (entry.ar, *entry.ar_variants)
        for name in names:
            if not name or name.isascii() != (lang == "en"):
                continue
            words = tuple(key(t.text) for t in tokenize(name))
            if 0 < len(words) <= MAX_NAME_WORDS:
                table.setdefault(words, entry.type)
    longest = max((len(k) for k in table), default=0)
    return table, longest


#: Longer lexicon names are not matched as wholes (there are few, and matching costs
#: one dictionary probe per word and length).
MAX_NAME_WORDS = 6


@lru_cache(maxsize=2)
def _first_words(lang: str) -> frozenset[str]:
    return frozenset(k[0] for k in name_table(lang)[0])


def single_names(keys: list[str], lang: str) -> list[str]:
    """Per word: the type of the lexicon name that is this word alone (``الناتو``), else
    ``""``. Kept apart from :func:`match_names`, whose longest match (``حلف الناتو``) would
    hide it where the corpus annotates the short name only."""
    table, _ = name_table(lang)
    return [table.get((k,), "") if len(k) > 2 else "" for k in keys]


def match_names(keys: list[str], lang: str) -> list[str]:
    """Per word: ``B-TYPE``/``I-TYPE`` inside the longest lexicon name that starts at or
    covers it (left to right, greedy), else ``""``."""
    table, longest = name_table(lang)
    firsts = _first_words(lang)
    out = [""] * len(keys)
    i = 0
    while i < len(keys):
        if keys[i] not in firsts:
            i += 1
            continue
        for n in range(min(longest, len(keys) - i), 0, -1):
            kind = table.get(tuple(keys[i:i + n]))
            if kind is not None and (n > 1 or len(keys[i]) > 2):
                out[i] = "B-" + kind
                for j in range(i + 1, i + n):
                    out[j] = "I-" + kind
                i += n
                break
        else:
            i += 1
    return out


@lru_cache(maxsize=1)
def english_gazetteer() -> dict[str, frozenset[str]]:
    """Lower-cased English name word -> the entity types of the names it occurs in."""
    table: dict[str, set[str]] = {}
    for entry in shipped_entries():
        for name in (entry.en, *entry.en_variants, *entry.acronyms):
            if not name or not name.isascii():
                continue
            for tok in tokenize(name):
                word = tok.text.lower()
                if len(word) > 1 and word not in _EN_STOP and any(c.isalpha() for c in word):
                    table.setdefault(word, set()).add(entry.type)
    return {k: frozenset(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def arabic_gazetteer() -> dict[str, frozenset[str]]:
    """Search-normalized Arabic name word (and its article-less form) -> entity types."""
    table: dict[str, set[str]] = {}
    for entry in shipped_entries():
        for name in (entry.ar, *entry.ar_variants, *entry.acronyms):
            if not name or name.isascii():
                continue
            for tok in tokenize(normalize_arabic(name, "search")):
                word = tok.text
                if len(word) < 2 or word in _AR_STOP:
                    continue
                keys = {word, word[2:]} if word.startswith("ال") and len(word) > 4 else {word}
                for key in keys:
                    table.setdefault(key, set()).add(entry.type)
    return {k: frozenset(v) for k, v in table.items()}


#: Nouns that head organization names in news whatever the region (search level): the
#: lexicons' own ORG heads (:func:`arabic_org_heads`) are mostly political and military,
#: and miss the companies, banks, clubs and teams that ANERcorp's sports and business
#: pages name.
_AR_ORG_NOUNS = frozenset(
    "شركه شركات بنك مصرف نادي فريق منتخب اتحاد جمعيه جامعه وكاله منظمه مؤسسه مجموعه صحيفه "
    "جريده مجله قناه حزب حركه مجلس هيئه لجنه تنظيم جبهه رابطه معهد مركز صندوق اكاديميه".split()
)

#: A first word of this many lexicon ORG names (or more) is an organization head.
ORG_HEAD_MIN_NAMES = 3


@lru_cache(maxsize=1)
def arabic_org_heads() -> frozenset[str]:
    """Search-level words that open organization names (وزاره, شركه, نادي ...), with and
    without the article: the first words of at least :data:`ORG_HEAD_MIN_NAMES` lexicon ORG
    names, and :data:`_AR_ORG_NOUNS`. Why: the word before an unseen name (شركة نوكيا,
    فريق الجيش الملكي) says ORG when the name itself says nothing; a class of such words
    carries what the CRF learnt about the few it saw to the rest."""
    counts: dict[str, int] = {}
    for entry in shipped_entries():
        if entry.type != "ORG":
            continue
        for name in (entry.ar, *entry.ar_variants):
            words = normalize_arabic(name, "search").split() if name and not name.isascii() else []
            if len(words) > 1:
                counts[words[0]] = counts.get(words[0], 0) + 1
    heads = {w for w, n in counts.items() if n >= ORG_HEAD_MIN_NAMES} | _AR_ORG_NOUNS
    return frozenset(heads | {w[2:] for w in heads if w.startswith("ال") and len(w) > 4}
                     | {"ال" + w for w in heads if not w.startswith("ال")})


def arabic_nisba_place(stem: str) -> bool:
    """Whether an Arabic stem (search level, article stripped) is a relative adjective of a
    lexicon place: الفاسي, المراكشية, التطواني (فاس, مراكش, تطوان). Clubs are named so
    (المغرب الفاسي, الكوكب المراكشي), as are people; the CRF weighs it by context."""
    for suffix in ("يه", "ي"):
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
            base = stem[: -len(suffix)]
            table = arabic_gazetteer()
            return any("LOC" in table.get(b, ()) for b in (base, base + "ه", base + "ا", "ال" + base))
    return False
