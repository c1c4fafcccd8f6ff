"""One entity record from its chains: names in both scripts, variants, id, confidence.

Why the order lexicon, then the reports, then transliteration: a lexicon name is
curated, a name written in a report is attested, a transliteration is a guess (and is
marked as one in the evidence), so each entity says where each of its names came from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..extract.gazetteer import Gazetteer
from ..extract.model import RawMention
from ..lexdata.schema import Entry
from ..normalize.arabic import normalize_arabic
from ..normalize.latin import normalize_latin
from ..normalize.script import has_arabic
from .document import Chain
from .model import Entity, Evidence, Mention

if TYPE_CHECKING:
    from ..translit import Transliterator


@dataclass(frozen=True, slots=True)
class EntityParams:
    """Confidence and transliteration of an entity record.

    Set by hand when the entity list was built (benchmarks/README.md, "Entities"), not
    calibrated: issue 13 computes confidence from the evidence and calibrates it.
    """

    #: An entity the lexicon knows.
    lexicon: float = 0.95
    #: Meant for a lexicon entity found on one side only; never reached, because the
    #: condition that chooses it is always true (kept as it was: issue 13 replaces it).
    lexicon_one_side: float = 0.9
    #: An entity with mentions on both sides: base + span x mean link score.
    linked_base: float = 0.6
    linked_span: float = 0.35
    #: The mean link score when no link evidence is recorded.
    linked_default: float = 0.5
    #: One side only, other-script name by transliteration; one side only, no name.
    translit_only: float = 0.5
    one_side: float = 0.4
    #: Spellings asked from the transliterator for a name with no counterpart.
    translit_candidates: int = 3
    #: The evidence score of a transliterated name.
    translit_evidence: float = 0.5


def best_ar(ams: list[RawMention]) -> str:
    """The Arabic name: the longest name written more than once, else the longest."""
    names = Counter(m.name for m in ams if m.source != "projection") or Counter(m.name for m in ams)
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


def transliterate_names(need: dict[tuple[str, str], list[str]], use_model: bool, top: int) -> None:
    """Fill ``need[(name, script)]`` with up to ``top`` spellings, batched per script.

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
            need[(name, script)] = [c.text for c in cands]


def _names(
    entry: Entry | None, en_head: str, ar_head: str, ev: list[Evidence],
    translits_of: dict[tuple[str, str], list[str]], params: EntityParams,
) -> tuple[str, str, list[str]]:
    """English and Arabic names: lexicon, else the reports, else transliteration."""
    en = entry.en if entry and entry.en else en_head
    ar = entry.ar if entry and entry.ar else ar_head
    translits: list[str] = []
    if not en and ar:
        cands = translits_of.get((ar, "latin"), [])
        translits.extend(cands)
        if cands:
            en = cands[0]
            ev.append(Evidence("translit", f"English name by transliteration of {ar!r}", params.translit_evidence))
    if not ar and en:
        cands = translits_of.get((en, "arabic"), [])
        translits.extend(cands)
        if cands:
            ar = cands[0]
            ev.append(Evidence("translit", f"Arabic name by transliteration of {en!r}", params.translit_evidence))
    return en, ar, translits


def _confidence(entry: Entry | None, both_sides: bool, ev: list[Evidence], translits: list[str], params: EntityParams) -> float:
    link_scores = [e.score for e in ev if e.kind in ("link", "projection", "lexicon")]
    if entry is not None:
        # Always the first branch (a tautology kept for identical output; issue 13).
        return params.lexicon if both_sides or not both_sides else params.lexicon_one_side
    if both_sides:
        mean = sum(link_scores) / len(link_scores) if link_scores else params.linked_default
        return params.linked_base + params.linked_span * mean
    return params.translit_only if translits else params.one_side


def build_entity(
    ech: Chain | None,
    ach: Chain | None,
    en_m: list[RawMention],
    ar_m: list[RawMention],
    gaz: Gazetteer,
    ev: list[Evidence],
    translits_of: dict[tuple[str, str], list[str]],
    used_ids: Counter[str],
    params: EntityParams = EntityParams(),
) -> Entity:
    """The entity of an English chain, an Arabic chain, or both; ``ev`` is its evidence
    so far; ``used_ids`` keeps the ids of one list distinct."""
    ems = [en_m[i] for i in ech.members] if ech else []
    ams = [ar_m[j] for j in ach.members] if ach else []
    lex_id = (ech.entity_id if ech else "") or (ach.entity_id if ach else "")
    entry: Entry | None = gaz.entries.get(lex_id) if lex_id else None
    # Type: lexicon, else the most specific type the mentions agree on.
    if entry is not None:
        typ = entry.type
    else:
        counts = Counter(m.type for m in ems + ams if m.type != "MISC")
        typ = counts.most_common(1)[0][0] if counts else "MISC"
    if entry is not None:
        ev.insert(0, Evidence("lexicon", f"lexicon entry {entry.id} ({entry.en} / {entry.ar})", 1.0))
    en, ar, translits = _names(entry, en_m[ech.head].name if ech else "", best_ar(ams) if ams else "", ev, translits_of, params)
    conf = _confidence(entry, bool(ems and ams), ev, translits, params)
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
    return Entity(eid, typ, en, ar, tuple(variants_en), tuple(variants_ar), tuple(_distinct(translits)),
                  tuple(mentions), round(min(conf, 1.0), 3), tuple(ev), lex_id)
