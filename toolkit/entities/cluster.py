"""Clustering: chains of both languages and their links become entities.

Why a separate step: linking says which English and Arabic mentions of one sentence
pair are the same; clustering decides, for whole chains, which English chain goes with
which Arabic chain (the most and strongest votes win, one to one, never across two
different lexicon ids), adds a strict document-level name match for chains the sentence
alignment kept apart, and gives each entity its names in both scripts (lexicon, then
what the reports wrote, then transliteration), its variants, confidence and evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..extract.gazetteer import Gazetteer, LexEntry
from ..extract.model import RawMention
from ..extract.projection import cross_score
from ..normalize.arabic import normalize_arabic
from ..normalize.latin import normalize_latin
from .coref import Chain
from .model import Entity, Evidence, Mention

#: A name match across the whole document (outside aligned pairs) must be this sure.
DOC_LINK_THRESHOLD = 0.85


def cluster(
    en_m: list[RawMention],
    ar_m: list[RawMention],
    en_chains: list[Chain],
    ar_chains: list[Chain],
    links: list[tuple[int, int, float, str, tuple[int, ...], tuple[int, ...]]],
    gaz: Gazetteer,
    do_translit: bool,
    use_model: bool = False,
) -> list[Entity]:
    en_of = {i: c for c, ch in enumerate(en_chains) for i in ch.members}
    ar_of = {j: c for c, ch in enumerate(ar_chains) for j in ch.members}
    # Votes between chains, with the best evidence for each pair of chains.
    votes: dict[tuple[int, int], list[tuple[float, str]]] = {}
    for i, j, s, why, pe, pa in links:
        key = (en_of[i], ar_of[j])
        detail = f"{en_m[i].text!r} (en sentence {en_m[i].sentence}) <-> {ar_m[j].text!r} (ar sentence {ar_m[j].sentence}): {why}"
        votes.setdefault(key, []).append((s, detail))
    # Lexicon identity joins chains even when no aligned pair linked them.
    ar_by_id = {ch.entity_id: c for c, ch in enumerate(ar_chains) if ch.entity_id}
    for c, ch in enumerate(en_chains):
        if ch.entity_id and ch.entity_id in ar_by_id:
            key = (c, ar_by_id[ch.entity_id])
            votes.setdefault(key, []).append((1.0, f"same lexicon id {ch.entity_id}"))
    ranked = sorted(votes.items(), key=lambda kv: (-sum(s for s, _ in kv[1]), -max(s for s, _ in kv[1])))
    en_to_ar: dict[int, int] = {}
    ar_to_en: dict[int, int] = {}
    for (ec, ac), vs in ranked:
        if ec in en_to_ar or ac in ar_to_en:
            continue
        a_id, b_id = en_chains[ec].entity_id, ar_chains[ac].entity_id
        if a_id and b_id and a_id != b_id:
            continue
        en_to_ar[ec] = ac
        ar_to_en[ac] = ec
    # Chains still alone on both sides: a document-level match on the names, stricter
    # than inside an aligned pair, so a sentence-alignment error does not cost the link.
    lone_en = [c for c in range(len(en_chains)) if c not in en_to_ar and not en_m[en_chains[c].head].acronym_of]
    lone_ar = [c for c in range(len(ar_chains)) if c not in ar_to_en]
    if lone_en and lone_ar:
        from .link import assign

        def doc_score(ec: int, ac: int) -> float:
            a_id, b_id = en_chains[ec].entity_id, ar_chains[ac].entity_id
            if a_id and b_id and a_id != b_id:
                return 0.0
            ar_name = _best_ar([ar_m[j] for j in ar_chains[ac].members])
            return cross_score(en_m[en_chains[ec].head].name, ar_name)

        matrix = [[doc_score(ec, ac) for ac in lone_ar] for ec in lone_en]
        for r, k in assign(matrix):
            if matrix[r][k] >= DOC_LINK_THRESHOLD:
                ec, ac = lone_en[r], lone_ar[k]
                en_to_ar[ec] = ac
                ar_to_en[ac] = ec
                votes.setdefault((ec, ac), []).append((
                    matrix[r][k] * 0.9,
                    f"{en_m[en_chains[ec].head].name!r} <-> {_best_ar([ar_m[j] for j in ar_chains[ac].members])!r}: "
                    f"document-level name match {matrix[r][k]:.2f} (no aligned sentence pair linked them)",
                ))
    entities: list[Entity] = []
    used_ids: Counter[str] = Counter()
    order: list[tuple[int, str, int]] = []
    for c, ch in enumerate(en_chains):
        order.append((en_m[ch.members[0]].start, "en", c))
    for c, ch in enumerate(ar_chains):
        if c not in ar_to_en:
            order.append((10**9 + ar_m[ch.members[0]].start, "ar", c))
    # Other-script names by transliteration, batched over every entity that needs one.
    need: dict[tuple[str, str], list[str]] = {}
    if do_translit:
        for _, lang, c in order:
            ech = en_chains[c] if lang == "en" else None
            ac = en_to_ar.get(c) if lang == "en" else c
            if ech is not None and ac is None and not _entry_name(gaz, ech.entity_id, "ar"):
                need.setdefault((en_m[ech.head].name, "arabic"), [])
            if ech is None and ac is not None and not _entry_name(gaz, ar_chains[ac].entity_id, "en"):
                need.setdefault((_best_ar([ar_m[j] for j in ar_chains[ac].members]), "latin"), [])
        _translit_batch(need, use_model)
    for _, lang, c in sorted(order):
        ech = en_chains[c] if lang == "en" else None
        ac = en_to_ar.get(c) if lang == "en" else c
        ach = ar_chains[ac] if ac is not None else None
        ev: list[Evidence] = []
        if ech is not None and ach is not None:
            for s, d in sorted(votes.get((c, ac), []), key=lambda x: -x[0])[:5]:
                ev.append(Evidence("lexicon" if d.startswith("same lexicon") else ("projection" if "projected" in d else "link"), d, s))
        for chn, ms in ((ech, en_m), (ach, ar_m)):
            if chn is not None:
                ev.extend(Evidence("coref", r, 0.9) for r in chn.reasons[:5])
        entities.append(_entity(ech, ach, en_m, ar_m, gaz, ev, need, used_ids))
    return entities


def _entity(
    ech: Chain | None,
    ach: Chain | None,
    en_m: list[RawMention],
    ar_m: list[RawMention],
    gaz: Gazetteer,
    ev: list[Evidence],
    translits_of: dict[tuple[str, str], list[str]],
    used_ids: Counter[str],
) -> Entity:
    ems = [en_m[i] for i in ech.members] if ech else []
    ams = [ar_m[j] for j in ach.members] if ach else []
    lex_id = (ech.entity_id if ech else "") or (ach.entity_id if ach else "")
    entry: LexEntry | None = gaz.entries.get(lex_id) if lex_id else None
    # Type: lexicon, else the most specific type the mentions agree on.
    if entry is not None:
        typ = entry.type
    else:
        counts = Counter(m.type for m in ems + ams if m.type != "MISC")
        typ = counts.most_common(1)[0][0] if counts else "MISC"
    en_head = en_m[ech.head].name if ech else ""
    ar_head = _best_ar(ams) if ams else ""
    en = entry.en if entry and entry.en else en_head
    ar = entry.ar if entry and entry.ar else ar_head
    translits: list[str] = []
    conf: float
    if entry is not None:
        ev.insert(0, Evidence("lexicon", f"lexicon entry {entry.id} ({entry.en} / {entry.ar})", 1.0))
    if not en and ar:
        cands = translits_of.get((ar, "latin"), [])
        translits.extend(cands)
        if cands:
            en = cands[0]
            ev.append(Evidence("translit", f"English name by transliteration of {ar!r}", 0.5))
    if not ar and en:
        cands = translits_of.get((en, "arabic"), [])
        translits.extend(cands)
        if cands:
            ar = cands[0]
            ev.append(Evidence("translit", f"Arabic name by transliteration of {en!r}", 0.5))
    link_scores = [e.score for e in ev if e.kind in ("link", "projection", "lexicon")]
    if entry is not None:
        conf = 0.95 if (ems and ams) or not (ems and ams) else 0.9
    elif ems and ams:
        conf = 0.6 + 0.35 * (sum(link_scores) / len(link_scores) if link_scores else 0.5)
    else:
        conf = 0.5 if translits else 0.4
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


def _best_ar(ams: list[RawMention]) -> str:
    """The Arabic name: the longest name written more than once, else the longest."""
    names = Counter(m.name for m in ams if m.source != "projection") or Counter(m.name for m in ams)
    return max(names, key=lambda n: (len(n.split()), names[n], len(n)))


def _distinct(xs: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for x in xs:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def _slug_id(name: str, typ: str) -> str:
    base = normalize_latin(name, "search") if not re.search(r"[\u0600-\u06ff]", name) else normalize_arabic(name, "match")
    slug = re.sub(r"[^a-z0-9\u0621-\u064a]+", "-", base).strip("-") or "x"
    prefix = {"PER": "per", "ORG": "org", "LOC": "loc"}.get(typ, "misc")
    return f"doc:{prefix}:{slug}"


def _entry_name(gaz: Gazetteer, eid: str, lang: str) -> str:
    e = gaz.entries.get(eid) if eid else None
    return (e.ar if lang == "ar" else e.en) if e else ""


_RULES_ONLY: object | None = None


def _translit_batch(need: dict[tuple[str, str], list[str]], use_model: bool) -> None:
    """Fill ``need[(name, script)]`` with up to three spellings; silent when the
    transliteration package is missing or fails (the name then stays empty)."""
    global _RULES_ONLY
    if not need:
        return
    try:
        from ..translit import Transliterator, default_transliterator  # type: ignore[attr-defined]

        if use_model:
            tr = default_transliterator()
        else:
            if _RULES_ONLY is None:
                _RULES_ONLY = Transliterator(use_model=False)
            tr = _RULES_ONLY
        for script in ("arabic", "latin"):
            names = [n for (n, s) in need if s == script]
            if not names:
                continue
            for name, cands in zip(names, tr.transliterate_many(names, script, 3)):  # type: ignore[attr-defined]
                need[(name, script)] = [c.text for c in cands]
    except Exception:
        return
