"""CRF features of a tokenized sentence, one list of strings per token.

Shared by the training script (``training/ner/train.py``) and the runtime tagger, so the
two can never drift apart: a model is only as good as the agreement of these strings.

Per word (cached, since news repeats its words): the lower-cased form, a collapsed word
shape (``Xx``, ``X.X.``, ``d-d``), prefixes and suffixes of one to four letters,
capitalization, digits and punctuation, the entity types of the shipped lexicon names the
word occurs in (:mod:`.gazetteer`), and for Arabic the search-normalized form with the
leading clitics (و ف ب ل ك ال) stripped and which of them were stripped. Per position: the
same key features of the words one and two to each side, the word bigrams around the token,
the sentence start and end, and (English) whether the sentence is written in capitals, as
CoNLL-2003's headlines are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..normalize import normalize_arabic
from .gazetteer import (
    arabic_gazetteer,
    arabic_nisba_place,
    arabic_org_heads,
    arabic_stems,
    english_gazetteer,
    match_names,
    single_names,
)
from .wordlists import word_clusters, word_list

Lang = Literal["en", "ar"]


@dataclass(frozen=True)
class FeatureParams:
    """Which optional feature groups the shipped models were trained with (changing one
    means retraining: training/ner/train.py)."""

    #: Character trigrams of the clitic-stripped Arabic stem, meant for transliterated
    #: foreign names (ميكروسوفت, سيتروين). Off: ANERcorp dev typed F1 0.714 with them, 0.718
    #: without (2026-12-02, c1=0.1 c2=0.01, no AQMAR), a 40% larger feature set for nothing.
    arabic_trigrams: bool = False
    #: Arabic also sees the words three to each side, the words on both sides together and
    #: the two words before. Off: dev typed F1 0.716 with, 0.718 without (same run).
    arabic_wide_context: bool = False
    #: Prefix lengths of the Arabic stem's cluster bit strings (``models/ner/ar_clusters.tsv``,
    #: one per k-means run) given as features (0: the whole string); () turns them off.
    #: ANERcorp dev typed F1 (2026-12-07, c1=c2=0.03, tables from the first 8/10): off 0.731;
    #: 5 runs (4,6,10,0) 0.757, (4,8,12) 0.753; 3 runs (4,6,10,0) 0.754, (4,8,12) 0.749,
    #: (2,4,...,12) 0.752, (4,8,12,16) 0.751; 1 run (4,8,12,0) 0.743, (4,8,12) 0.732;
    #: 1024 leaves instead of 512 0.750 / 0.748. ORG 0.503 -> 0.562, PER 0.702 -> 0.741.
    #: Shipped (5 runs, (4,6,10,0)) on 2026-12-07 with the document stage (params.py): the
    #: held-out tenth 0.719 -> 0.735 each sentence alone, 0.740 in documents of 20. Left out
    #: once (04:32 UTC) because the entity list lost links on its dev gold (310 -> 304); with
    #: the later linking and a projection now taking over a tagger span scored below 0.7
    #: (LinkParams.ner_soft_score) it loses 2 of 374 there (334 -> 332), none on held-out
    #: 1-4, and the Arabic-only list gains recall (dev 0.650 -> 0.683, held-out 4 0.595 ->
    #: 0.661). Also tried then and not kept: the entity types of AQMAR's name words as a
    #: gazetteer (dev 0.756 -> 0.760 alone, 0.766 -> 0.776 in documents, but the Arabic-only
    #: list's precision fell 0.911 -> 0.896 on the entity dev gold, 0.888 -> 0.856 on
    #: held-out 1-3); training copies with each name replaced by another of its type
    #: (three seeds: alone +0.007, in documents -0.002). The table
    #: (training/ner/build_clusters.py, the first 9/10 of ANERcorp) ships beside the model.
    arabic_clusters: tuple[int, ...] = (4, 6, 10, 0)
    #: Prefix length of the cluster bit string the neighbours see (0: none). Off: with
    #: (4,8,12) dev 0.747 at 4, 0.741 at 8, against 0.756 without (same table).
    arabic_cluster_context: int = 0
    #: An Arabic word that heads organization names (``gazetteer.arabic_org_heads``:
    #: شركة, نادي, وزارة ...) says so, to itself and to its neighbours. Off: dev 0.733
    #: with, 0.731 without; with the clusters and the nisba below 0.749 against 0.747.
    arabic_org_cues: bool = False
    #: An Arabic word that is the relative adjective of a lexicon place (الفاسي) says so,
    #: to itself and to its neighbours. Off: dev 0.731 with and without (0.729 with both).
    arabic_nisba: bool = False


FEATURES = FeatureParams()

#: Bound on the per-word feature cache (words; about 1 KB each).
_CACHE_MAX = 200_000


def shape(word: str) -> str:
    """Collapsed word shape: letters X/x (Arabic a), digits d, others kept; runs of one
    class collapsed (``Baghdad`` -> ``Xx``, ``1996-08-22`` -> ``d-d-d``)."""
    out: list[str] = []
    for ch in word:
        if ch.isdigit():
            c = "d"
        elif ch.isalpha():
            c = ("X" if ch.isupper() else "x") if ch.isascii() or ch.isupper() or ch.islower() else "a"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


def _common(word: str, low: str) -> list[str]:
    feats = ["b", "w=" + low, "sh=" + shape(word), f"len={min(len(word), 10)}"]
    if any(ch.isdigit() for ch in word):
        feats.append("digit")
    if not any(ch.isalnum() for ch in word):
        feats.append("punct")
    return feats


def _english_word(word: str) -> tuple[list[str], list[str]]:
    low = word.lower()
    feats = _common(word, low)
    for n in (1, 2, 3, 4):
        if len(low) > n:
            feats.append(f"p{n}=" + low[:n])
            feats.append(f"s{n}=" + low[-n:])
    if word.istitle():
        feats.append("title")
    elif word.isupper():
        feats.append("upper")
    elif word[:1].islower() and any(ch.isupper() for ch in word[1:]):
        feats.append("mixed")
    if "-" in word:
        feats.append("hyphen")
    gz = english_gazetteer().get(low, ())
    feats.extend("gz=" + t for t in sorted(gz))
    ctx = ["w=" + low, "sh=" + shape(word), *("gz=" + t for t in sorted(gz))]
    return feats, ctx


def _arabic_word(word: str) -> tuple[list[str], list[str]]:
    norm = normalize_arabic(word, "search") or word
    feats = _common(word, norm)
    stems = arabic_stems(norm)
    stem = stems[-1]
    feats.append("st=" + stem)
    if len(stems) > 1:
        feats.append("pre=" + norm[: len(norm) - len(stem)])
    for n in (1, 2, 3):
        if len(stem) > n:
            feats.append(f"p{n}=" + stem[:n])
            feats.append(f"s{n}=" + stem[-n:])
    if any("a" <= ch.lower() <= "z" for ch in word):
        feats.append("latin")
    table = arabic_gazetteer()
    gz = sorted({t for s in stems for t in table.get(s, ())})
    feats.extend("gz=" + t for t in gz)
    ctx = ["w=" + norm, "st=" + stem, *("gz=" + t for t in gz)]
    persons = word_list("ar_person_words")
    if any(s in persons for s in stems):
        feats.append("pn")
        ctx.append("pn")
    if FEATURES.arabic_org_cues and any(s in arabic_org_heads() for s in stems):
        feats.append("oc")
        ctx.append("oc")
    if FEATURES.arabic_nisba and arabic_nisba_place(stem):
        feats.append("nis")
        ctx.append("nis")
    if FEATURES.arabic_clusters:
        for k, bits in enumerate(word_clusters("ar_clusters").get(stem, ())):
            feats.extend(f"c{k}.{n}=" + (bits[:n] if n else bits) for n in FEATURES.arabic_clusters)
            if FEATURES.arabic_cluster_context:
                ctx.append(f"c{k}=" + bits[: FEATURES.arabic_cluster_context])
    if FEATURES.arabic_trigrams and len(stem) > 3:
        feats.extend("c3=" + stem[k:k + 3] for k in range(len(stem) - 2))
    return feats, ctx


_CACHE: dict[tuple[str, str], tuple[list[str], list[str], str, str]] = {}


def _word(word: str, lang: Lang) -> tuple[list[str], list[str], str, str]:
    """(own features, features seen from the neighbours, bigram form, lexicon-name key)."""
    key = (lang, word)
    hit = _CACHE.get(key)
    if hit is None:
        feats, ctx = _english_word(word) if lang == "en" else _arabic_word(word)
        name_key = word.lower() if lang == "en" else next(f for f in feats if f.startswith("st="))[3:]
        hit = (feats, ctx, ctx[0][2:], name_key)
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        _CACHE[key] = hit
    return hit


def match_key(word: str, lang: Lang) -> str:
    """The form under which a word is compared with names: English lower case, Arabic the
    search-normalized stem without its clitics (والقاهرة and القاهرة share one)."""
    return _word(word, lang)[3]


def clear_cache() -> None:
    """Forget the per-word features (benchmarks time a cold cache; memory)."""
    _CACHE.clear()


def _all_caps(words: list[str]) -> bool:
    letters = [w for w in words if any(ch.isalpha() for ch in w)]
    return len(letters) >= 2 and all(w.isupper() for w in letters)


def sentence_features(words: list[str], lang: Lang) -> list[list[str]]:
    """The features of every token of one sentence (``words`` as the tokenizer cut them)."""
    info = [_word(w, lang) for w in words]
    n = len(info)
    caps = lang == "en" and _all_caps(words)
    keys = [x[3] for x in info]
    names = match_names(keys, lang)
    singles = single_names(keys, lang)
    wide = lang == "ar" and FEATURES.arabic_wide_context
    out: list[list[str]] = []
    for i, (own, _ctx, key, _m) in enumerate(info):
        feats = list(own)
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                feats.extend(f"{off}{f}" for f in info[j][1])
            else:
                feats.append(f"{off}pad")
        if wide:
            feats.append(f"-3w={info[i - 3][2]}" if i >= 3 else "-3pad")
            feats.append(f"+3w={info[i + 3][2]}" if i + 3 < n else "+3pad")
            feats.append("lr=" + (info[i - 1][2] if i else "^") + "|" + (info[i + 1][2] if i + 1 < n else "$"))
            feats.append("bg--=" + (info[i - 2][2] if i > 1 else "^") + "|" + (info[i - 1][2] if i else "^"))
        if names[i]:
            feats.append("nm=" + names[i])
        if singles[i]:
            feats.append("nm1=" + singles[i])
        if i + 1 < n and names[i + 1]:
            feats.append("+1nm=" + names[i + 1])
        if i and names[i - 1]:
            feats.append("-1nm=" + names[i - 1])
        feats.append("bg-=" + (info[i - 1][2] if i else "^") + "|" + key)
        feats.append("bg+=" + key + "|" + (info[i + 1][2] if i + 1 < n else "$"))
        if i == 0:
            feats.append("first")
        if i == n - 1:
            feats.append("last")
        if caps:
            feats.append("caps")
        out.append(feats)
    return out
