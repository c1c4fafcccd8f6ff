"""From a report pair (or one report) to one entity list.

The steps (DESIGN.md, data flow 5): split and align sentences; find mentions on both
sides; chain same-language mentions (coreference); link English and Arabic mentions
inside aligned sentence pairs (one to one, best total score), projecting English names
the Arabic extractor missed into their aligned sentence; join chains through links and
lexicon ids into entities; give every entity a name in both scripts (lexicon first,
then what the other side wrote, then transliteration).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from collections.abc import Callable, Sequence
from pathlib import Path

from ..extract.arabic import extract_arabic
from ..extract.english import extract_english
from ..extract.gazetteer import Gazetteer
from ..extract.model import RawMention
from ..extract.projection import cross_score, project
from ..normalize.arabic import normalize_arabic
from ..normalize.latin import normalize_latin
from .cluster import DOC_LINK_THRESHOLD, cluster
from .coref import chains
from .link import alternatives, link_pair
from .model import EntityList
from .sentences import Pair, Sent, align, split

NerFn = Callable[[str], list[RawMention]]



# ------------------------------------------------------------------ input checks


def check_text(text: str | None, what: str) -> str | None:
    """A reason the text cannot be read as text, or None when it is fine."""
    if text is None:
        return None
    if not text.strip():
        return f"{what} is empty"
    sample = text[:20000]
    bad = sum(1 for c in sample if c == "\x00" or c == "\ufffd" or (unicodedata.category(c) == "Cc" and c not in "\n\r\t\f\v"))
    if "\x00" in sample or bad > max(3, len(sample) // 50):
        return f"{what} looks binary, not text ({bad} control or replacement characters in the first {len(sample)})"
    letters = sum(1 for c in sample if c.isalpha())
    if letters < max(2, len(sample) // 10):
        return f"{what} holds almost no letters"
    return None


def _clearly(text: str, script: str) -> bool:
    """Four letters in five of the text are in ``script`` (Arabic or Latin)."""
    sample = text[:20000]
    ar = sum(1 for c in sample if "\u0600" <= c <= "\u06ff")
    la = sum(1 for c in sample if c.isascii() and c.isalpha())
    total = ar + la
    if total < 10:
        return False
    return (ar if script == "ar" else la) >= 0.8 * total


def _script(text: str) -> str:
    ar = sum(1 for c in text[:20000] if "\u0600" <= c <= "\u06ff")
    la = sum(1 for c in text[:20000] if c.isascii() and c.isalpha())
    if not ar and not la:
        return "none"
    return "ar" if ar >= la else "en"


# ------------------------------------------------------------------ the pipeline


def extract_entities(
    en_text: str | None,
    ar_text: str | None = None,
    *,
    gazetteer: Gazetteer | None = None,
    lexicon: object | None = None,
    presplit: bool = False,
    ner_model: str | Path | None = None,
    transliterate: bool = True,
    translit_model: bool | None = None,
    encoder: object | None = None,
    alignment: object | None = None,
) -> EntityList:
    """One entity list for an English report and (optionally) its Arabic counterpart.

    ``en_text`` may also be an Arabic report when ``ar_text`` is None (single-language
    mode: every entity still gets its other-script name through the lexicon and
    transliteration).  ``translit_model``: use the learned transliteration model for
    names no lexicon knows (default: only in single-language mode, where it matters most;
    a report pair takes the other-script name from the other report).  ``encoder`` and
    ``alignment`` go to the sentence aligner (an alignment already computed is reused).
    ``lexicon`` may be a :class:`toolkit.lexicon.Lexicon` or any
    iterable of entries; the default is the shipped lexicon.  ``ner_model`` names a local
    transformers token-classification model directory whose mentions are added.

    Never raises on bad text: binary, empty or one-language input gives an empty list
    and a message in ``EntityList.messages``.
    """
    messages: list[str] = []
    for text, what in ((en_text, "the English text"), (ar_text, "the Arabic text")):
        reason = check_text(text, what)
        if reason:
            messages.append(reason + "; no entities extracted from it")
    en_ok = en_text is not None and check_text(en_text, "") is None
    ar_ok = ar_text is not None and check_text(ar_text, "") is None
    if en_ok and ar_ok and _clearly(en_text or "", "ar") and _clearly(ar_text or "", "en"):
        en_text, ar_text = ar_text, en_text
        messages.append("the English and Arabic texts look swapped; read them the other way round")
    if en_ok and ar_text is None and _script(en_text or "") == "ar":
        en_text, ar_text, en_ok, ar_ok = None, en_text, False, True
    if en_ok and _script(en_text or "") != "en":
        messages.append("the English text holds no Latin-script text; no English entities")
        en_ok = False
    if ar_ok and _script(ar_text or "") != "ar":
        messages.append("the Arabic text holds no Arabic script; no Arabic entities")
        ar_ok = False
    if not en_ok and not ar_ok:
        return EntityList((), tuple(messages) or ("no usable text",))

    gaz = gazetteer or _gazetteer_from(lexicon)
    ner_en = ner_ar = None
    if ner_model is not None:
        from ..extract.ner import load_ner

        ner_en = load_ner(ner_model, "en")
        ner_ar = load_ner(ner_model, "ar")

    en_m = _merge_model(extract_english(en_text, gaz), ner_en(en_text) if ner_en else []) if en_ok else []
    ar_m = _merge_model(extract_arabic(ar_text, gaz), ner_ar(ar_text) if ner_ar else []) if ar_ok else []

    pairs: list[Pair] = []
    en_s: list[Sent] = []
    ar_s: list[Sent] = []
    mode = "single language"
    if en_ok and ar_ok:
        en_s, ar_s, pairs, mode = align(en_text or "", ar_text or "", presplit, _anchors(gaz), encoder, alignment)
        messages.append(f"sentences aligned by {mode}")
    else:
        if en_ok:
            en_s = split(en_text or "", "en", presplit)
        if ar_ok:
            ar_s = split(ar_text or "", "ar", presplit)
        messages.append("one language only: other-script names come from the lexicon and transliteration")

    if not en_ok:
        ar_m = [m for m in ar_m if not _is_weak(m)]
    en_m = _with_sentences(en_m, en_s)
    ar_m = _with_sentences(ar_m, ar_s)

    links: list[tuple[int, int, float, str, tuple[int, ...], tuple[int, ...]]] = []
    if en_ok and ar_ok:
        en_m, ar_m, links = _link_all(en_m, ar_m, pairs, ar_s, ar_text or "", gaz)

    en_chains = chains(en_m)
    ar_chains = chains(ar_m)
    use_model = translit_model if translit_model is not None else not (en_ok and ar_ok)
    entities = cluster(en_m, ar_m, en_chains, ar_chains, links, gaz, transliterate, use_model)
    if not entities:
        messages.append("no named entities found")
    return EntityList(
        tuple(entities), tuple(messages), mode,
        tuple((p.en, p.ar, p.score) for p in pairs),
    )


def _gazetteer_from(lexicon: object | None) -> Gazetteer:
    if lexicon is None:
        return Gazetteer.default()
    if isinstance(lexicon, Gazetteer):
        return lexicon
    entries = lexicon.entries() if hasattr(lexicon, "entries") else lexicon
    return Gazetteer(entries)


def _merge_model(rule: list[RawMention], model: list[RawMention]) -> list[RawMention]:
    """Model mentions fill gaps; rule/lexicon mentions win where they overlap."""
    if not model:
        return rule
    out = list(rule)
    for m in model:
        if not any(m.overlaps(r) for r in out):
            out.append(m)
    return sorted(out, key=lambda m: m.start)


def _with_sentences(mentions: list[RawMention], sents: Sequence[Sent]) -> list[RawMention]:
    if not sents:
        return [m.with_sentence(0) for m in mentions]
    starts = [s.start for s in sents]
    import bisect

    out = []
    for m in mentions:
        k = max(0, bisect.bisect_right(starts, m.start) - 1)
        out.append(m.with_sentence(k))
    return out


def _anchors(gaz: Gazetteer) -> Callable[[Sent, str], set[str]]:
    """What both sides of a sentence pair share: lexicon ids and numbers."""
    def run(s: Sent, lang: str) -> set[str]:
        hits = gaz.find_en(s.text) if lang == "en" else gaz.find_ar(s.text)
        out = {h.entity_id for h in hits}
        digits = normalize_arabic(s.text, "search") if lang == "ar" else s.text
        out.update("#" + d for d in re.findall(r"\d+", digits))
        return out
    return run


# ------------------------------------------------------------------ linking


def _arabic_forms(gaz: Gazetteer, m: RawMention) -> tuple[str, ...]:
    if m.entity_id and m.entity_id in gaz.entries:
        e = gaz.entries[m.entity_id]
        return tuple(x for x in (e.ar, *e.ar_variants) if x)
    return ()


def _score_fn(gaz: Gazetteer) -> Callable[[RawMention, RawMention], tuple[float, str]]:
    def run(e: RawMention, a: RawMention) -> tuple[float, str]:
        forms = _arabic_forms(gaz, e)
        if forms:
            ka = normalize_arabic(a.name, "match")
            if any(normalize_arabic(f, "match") == ka for f in forms):
                return 1.0, f"Arabic name of lexicon entry {e.entity_id}"
        names = [e.name]
        if e.acronym_of:
            names.append(e.acronym_of)
        if a.entity_id and a.entity_id in gaz.entries:
            entry = gaz.entries[a.entity_id]
            if any(normalize_latin(x, "match") == normalize_latin(e.name, "match") for x in (entry.en, *entry.en_variants) if x):
                return 1.0, f"English name of lexicon entry {a.entity_id}"
        s = max(cross_score(n, a.name) for n in names)
        return s, f"cross-script score {s:.2f}"
    return run


def _link_all(
    en_m: list[RawMention], ar_m: list[RawMention], pairs: Sequence[Pair], ar_s: Sequence[Sent], ar_text: str, gaz: Gazetteer
) -> tuple[list[RawMention], list[RawMention], list[tuple[int, int, float, str, tuple[int, ...], tuple[int, ...]]]]:
    by_en: dict[int, list[int]] = {}
    for i, m in enumerate(en_m):
        by_en.setdefault(m.sentence, []).append(i)
    ar_m = list(ar_m)
    score = _score_fn(gaz)
    links: list[tuple[int, int, float, str, tuple[int, ...], tuple[int, ...]]] = []
    ar_sents = _sent_index(ar_m)
    dropped: set[int] = set()
    for p in pairs:
        if not p.en or not p.ar:
            continue
        e_idx = [i for s in p.en for i in by_en.get(s, [])]
        a_idx = [j for s in p.ar for j in ar_sents.get(s, [])]
        found = link_pair([(i, en_m[i]) for i in e_idx], [(j, ar_m[j]) for j in a_idx], score)
        linked_en = {l.en for l in found}
        for l in found:
            links.append((l.en, l.ar, l.score, l.why, p.en, p.ar))
        # Projection: English mentions with no Arabic partner in this pair.
        bounds = [ar_s[j] for j in p.ar if 0 <= j < len(ar_s)]
        if not bounds:
            continue
        start, end = min(b.start for b in bounds), max(b.end for b in bounds)
        linked_ar = {l.ar for l in found}
        for i in e_idx:
            if i in linked_en:
                continue
            em = en_m[i]
            if em.acronym_of and not em.entity_id:
                continue  # an acronym is projected through its expansion
            # One-word lexicon hits nobody linked may be part of the name being looked
            # for ("جاسم" in "أحمد جاسم الخفاجي"): projection may take them over.
            soft = {j for j in a_idx if j not in linked_ar and j not in dropped and _is_soft(ar_m[j])}
            taken = [(ar_m[j].start, ar_m[j].end) for j in a_idx if j not in soft and j not in dropped]
            proj = project(em, ar_text, start, end, taken, arabic_forms=_arabic_forms(gaz, em))
            if proj is None:
                continue
            for j in soft:
                if ar_m[j].start < proj.end and proj.start < ar_m[j].end:
                    dropped.add(j)
            sent = p.ar[0]
            for k in p.ar:
                if 0 <= k < len(ar_s) and ar_s[k].start <= proj.start:
                    sent = k
            proj = proj.with_sentence(sent)
            ar_m.append(proj)
            j = len(ar_m) - 1
            a_idx.append(j)
            links.append((i, j, proj.score, f"projected into the aligned Arabic sentence (score {proj.score:.2f})", p.en, p.ar))
    # English names linked nowhere: look for them in the whole Arabic text, strictly,
    # so an error of the sentence aligner does not lose a name both reports carry.
    linked_keys = {_key(en_m[i]) for i, *_ in links}
    tried: set[str] = set()
    for i, em in enumerate(en_m):
        k = _key(em)
        if k in linked_keys or k in tried or em.acronym_of or not _projectable(em):
            continue
        tried.add(k)
        linked_ar = {j for _, j, *_ in links}
        soft = {j for j, m in enumerate(ar_m) if j not in linked_ar and j not in dropped and _is_soft(m)}
        taken = [(m.start, m.end) for j, m in enumerate(ar_m) if j not in dropped and j not in soft]
        proj = project(em, ar_text, 0, len(ar_text), taken, threshold=DOC_LINK_THRESHOLD + 0.05,
                       arabic_forms=_arabic_forms(gaz, em))
        if proj is None:
            continue
        for j in soft:
            if ar_m[j].start < proj.end and proj.start < ar_m[j].end:
                dropped.add(j)
        sent = max((n for n, s_ in enumerate(ar_s) if s_.start <= proj.start), default=0)
        ar_m.append(proj.with_sentence(sent))
        links.append((i, len(ar_m) - 1, proj.score * 0.9,
                      f"found in the Arabic text outside the aligned sentences (score {proj.score:.2f})", (em.sentence,), (sent,)))
    # An Arabic name several lexicon entries share takes the one the English side names
    # (الشرق الأوسط: the Middle East, or the newspaper Asharq Al-Awsat).
    en_ids_all = {m.entity_id for m in en_m if m.entity_id}
    by_link = {j: en_m[i].entity_id for i, j, *_ in links if en_m[i].entity_id}
    for j, m in enumerate(ar_m):
        alts = alternatives(m)
        if not alts:
            continue
        want = by_link.get(j) or next((a for a in alts if a in en_ids_all and m.entity_id not in en_ids_all), "")
        if want and want != m.entity_id and want in alts:
            entry = gaz.entries.get(want)
            ar_m[j] = replace(m, entity_id=want, type=entry.type if entry else m.type,
                              extras=tuple(x for x in m.extras if x[0] != "alternatives") + (("alternatives", m.entity_id),))
    # Weak one-word hits stay only when linked; dropped ones go; indices are remapped.
    linked = {j for _, j, *_ in links}
    en_ids = {m.entity_id for m in en_m if m.entity_id}

    def unconfirmed(m: RawMention) -> bool:
        # One ordinary-looking word that the lexicon knows as a small place ("طويلة" =
        # long, Tawila in Sudan) and that the English report never mentions: too weak.
        return (
            m.source == "lexicon" and len(m.text.split()) == 1 and m.entity_id not in en_ids
            and not re.fullmatch(r"loc:[a-z]{2,3}", m.entity_id)
        )

    keep = [
        j for j, m in enumerate(ar_m)
        if j not in dropped and (j in linked or not (_is_weak(m) or unconfirmed(m)))
    ]
    remap = {j: n for n, j in enumerate(keep)}
    links = [(i, remap[j], *rest) for i, j, *rest in links if j in remap]  # type: ignore[misc]
    return en_m, [ar_m[j] for j in keep], links


def _key(m: RawMention) -> str:
    return normalize_latin(m.name, "match")


def _projectable(m: RawMention) -> bool:
    """Names distinctive enough to search for in a whole document."""
    words = m.name.split()
    return (len(words) >= 2 or len(m.name) >= 6) and m.type != "LOC" or bool(m.entity_id and len(m.name) >= 5)


def _is_weak(m: RawMention) -> bool:
    return ("weak", "1") in m.extras


def _is_soft(m: RawMention) -> bool:
    """Unlinked mentions a projection may replace: one-word lexicon hits and cue-word
    spans (whose right edge is a guess: "صنداي تايمز نقاد خططها")."""
    return (m.source == "lexicon" and len(m.text.split()) == 1) or m.source == "cue" or _is_weak(m)


def _sent_index(ar_m: Sequence[RawMention]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for j, m in enumerate(ar_m):
        out.setdefault(m.sentence, []).append(j)
    return out
