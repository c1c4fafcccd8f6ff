"""One entity record from its chains: names in both scripts, variants, id, confidence.

Why the order lexicon, then the reports, and transliteration only as a suggestion: a
lexicon name is curated, a name written in a report is attested, a transliteration is a
guess. An entity's ``en`` and ``ar`` are never guesses (an invented Arabic name for
"Supreme Court", سوبريم كورت, is worse than none); guesses go to ``suggested_*``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ..extract.gazetteer import Gazetteer
from ..extract.model import RawMention
from ..lexdata.schema import Entry
from ..normalize.arabic import normalize_arabic
from ..normalize.latin import normalize_latin
from ..normalize.script import has_arabic
from .document import Chain
from .confidence import Signals, confidence
from .model import Entity, Evidence, Mention, Suggestion

if TYPE_CHECKING:
    from ..translit import Transliterator


@dataclass(frozen=True, slots=True)
class EntityParams:
    """The other-script suggestions of an entity record."""

    #: Spellings asked from the transliterator for a name with no counterpart (the
    #: entity list shows three; benchmarks/README.md, "Entities").
    translit_candidates: int = 3
    #: A word whose best translation in the word-translation table has this probability,
    #: and does not sound like it, is a descriptive word ("court" -> محكمة): a name made of
    #: such words is translated by the press, never transliterated, so it gets no
    #: suggestion (chosen on the development gold: no suggestion for a descriptive name
    #: there, models/word_translation/MODEL_CARD.md for the table).
    descriptive_prob: float = 0.3
    #: "Sounds like it": the cross-script skeleton score above which a translation is a
    #: transliteration ("Trump" -> ترامب), so the word is still a name word.
    sounds_like: float = 0.6


def best_ar(ams: list[RawMention]) -> str:
    """The Arabic name: the longest name written more than once, else the longest.

    A projected span (its edges are the projection's guess) competes only when it holds
    the words of a name an extractor found (سليم العبيدي over العبيدي), or when nothing
    else names the entity."""
    found = [m.name for m in ams if m.source != "projection"]
    found_words = [set(n.split()) for n in found]
    names = Counter(found)
    for m in ams:
        if m.source == "projection" and (not found or any(w <= set(m.name.split()) for w in found_words)):
            names[m.name] += 1
    return max(names, key=lambda n: (len(n.split()), names[n], len(n)))


def entry_name(gaz: Gazetteer, eid: str, lang: str) -> str:
    """The lexicon's name of entity ``eid`` in ``lang`` (``ar`` / ``en``), or ``""``."""
    e = gaz.entries.get(eid) if eid else None
    return (e.ar if lang == "ar" else e.en) if e else ""


def _distinct(xs: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for x in xs:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def _slug_id(name: str, typ: str) -> str:
    base = normalize_latin(name, "search") if not has_arabic(name) else normalize_arabic(name, "match")
    slug = re.sub(r"[^a-z0-9\u0621-\u064a]+", "-", base).strip("-") or "x"
    prefix = {"PER": "per", "ORG": "org", "LOC": "loc"}.get(typ, "misc")
    return f"doc:{prefix}:{slug}"


@cache
def _rules_only() -> Transliterator:
    """The rule-based transliterator (no learned model), built once per process."""
    from ..translit import Transliterator

    return Transliterator(use_model=False)


def transliterate_names(need: dict[tuple[str, str], list[tuple[str, float]]], use_model: bool, top: int) -> None:
    """Fill ``need[(name, script)]`` with up to ``top`` (spelling, score), batched per script.

    ``use_model``: the learned transliterator (single-language mode) rather than the
    rules. A failure of the transliterator is raised: it is part of the same wheel.
    """
    if not need:
        return
    if use_model:
        from ..translit import default_transliterator

        tr = default_transliterator()
    else:
        tr = _rules_only()
    for script in ("arabic", "latin"):
        names = [n for (n, s) in need if s == script]
        if not names:
            continue
        for name, cands in zip(names, tr.transliterate_many(names, script, top)):
            need[(name, script)] = [(c.text, c.score) for c in cands]


@lru_cache(maxsize=16384)
def is_descriptive(name: str, lang: str, params: EntityParams = EntityParams()) -> bool:
    """True when ``name`` holds a word the press translates (Court, Ministry, الصحة):
    its best translation is likely and does not sound like the word."""
    from ..extract.scores import cross_score
    from ..word_translation import translations

    to = "ar" if lang == "en" else "en"
    for word in name.split():
        for other, prob in translations(word, to=to, top=1):
            if prob < params.descriptive_prob:
                continue
            en, ar = (word, other) if lang == "en" else (other, word)
            if cross_score(en, ar, translated=False) < params.sounds_like:
                return True
    return False


def wants_suggestion(name: str, typ: str, lang: str, params: EntityParams = EntityParams()) -> bool:
    """A name with no counterpart gets transliterations only when it is a name, not a
    description: people always; other types only without a descriptive word."""
    return bool(name) and (typ == "PER" or not is_descriptive(name, lang, params))


def _suggestions(cands: list[tuple[str, float]]) -> tuple[Suggestion, ...]:
    seen: set[str] = set()
    out = []
    for text, score in cands:
        if text and text not in seen:
            seen.add(text)
            out.append(Suggestion(text, "translit", score))
    return tuple(out)


def _signals(entry: Entry | None, ems: list[RawMention], ams: list[RawMention], ev: list[Evidence],
             bilingual: bool) -> Signals:
    links = [e for e in ev if e.kind in ("link", "projection", "lexicon")]
    mentions = ems + ams
    name = (ems or ams)[0].name if mentions else ""
    return Signals(
        lexicon=entry is not None,
        both_sides=bool(ems and ams),
        link=max((e.score for e in links), default=0.0) if ems and ams else 0.0,
        projected=any(m.source == "projection" for m in mentions),
        document_level=any("document-level" in e.detail or "outside the aligned" in e.detail for e in links),
        ner=max((m.score for m in mentions if m.source == "ner" or ("ner", "1") in m.extras), default=0.0),
        pattern_only=all(m.source in ("pattern", "cue") for m in mentions),
        mentions=len(mentions),
        multiword=len(name.split()) > 1,
        one_language=not bilingual,
        one_sided=bilingual and not (ems and ams),
        misc=(entry.type if entry is not None else (ems or ams)[0].type if mentions else "") == "MISC",
    )


def build_entity(
    ech: Chain | None,
    ach: Chain | None,
    en_m: list[RawMention],
    ar_m: list[RawMention],
    gaz: Gazetteer,
    ev: list[Evidence],
    translits_of: dict[tuple[str, str], list[tuple[str, float]]],
    used_ids: Counter[str],
    bilingual: bool,
    params: EntityParams = EntityParams(),
) -> Entity:
    """The entity of an English chain, an Arabic chain, or both; ``ev`` is its evidence
    so far; ``used_ids`` keeps the ids of one list distinct.

    Its names have evidence: the lexicon's, else what a report writes. A side neither
    gives stays empty; transliterations of the other side's name are offered in
    ``suggested_en`` / ``suggested_ar`` when :meth:`needs_suggestion` says so.
    """
    ems = [en_m[i] for i in ech.members] if ech else []
    ams = [ar_m[j] for j in ach.members] if ach else []
    lex_id = (ech.entity_id if ech else "") or (ach.entity_id if ach else "")
    entry: Entry | None = gaz.entries.get(lex_id) if lex_id else None
    typ = entity_type(entry, ems + ams)
    if entry is not None:
        ev.insert(0, Evidence("lexicon", f"lexicon entry {entry.id} ({entry.en} / {entry.ar})", 1.0))
    en = entry.en if entry and entry.en else (en_m[ech.head].name if ech else "")
    ar = entry.ar if entry and entry.ar else (best_ar(ams) if ams else "")
    suggested_en = _suggestions(translits_of.get((ar, "latin"), [])) if not en and ar else ()
    suggested_ar = _suggestions(translits_of.get((en, "arabic"), [])) if not ar and en else ()
    signals = _signals(entry, ems, ams, ev, bilingual)
    variants_en = _distinct([m.name for m in ems if m.name != en])
    variants_ar = _distinct([m.name for m in ams if m.name != ar])
    eid = lex_id or _slug_id(en or ar, typ)
    used_ids[eid] += 1
    if used_ids[eid] > 1:
        eid = f"{eid}-{used_ids[eid]}"
    mentions = sorted(
        (Mention(m.lang, m.start, m.end, m.text, m.sentence, m.source, m.name, m.type, m.title, m.score) for m in ems + ams),
        key=lambda m: (m.lang != "en", m.start),
    )
    return Entity(eid, typ, en, ar, tuple(variants_en), tuple(variants_ar), suggested_en, suggested_ar,
                  tuple(mentions), round(confidence(signals), 3), tuple(ev), lex_id, signals)


def entity_type(entry: Entry | None, mentions: list[RawMention]) -> str:
    """The lexicon's type, else the most specific type the mentions agree on."""
    if entry is not None:
        return entry.type
    counts = Counter(m.type for m in mentions if m.type != "MISC")
    return counts.most_common(1)[0][0] if counts else "MISC"
