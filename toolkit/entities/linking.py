"""Component ``links``: English and Arabic mentions that name the same thing.

Inside each aligned sentence pair the mentions are linked one to one, best total score
(:func:`toolkit.entities.link.link_pair`); an English name with no partner there is
projected into the aligned Arabic sentences (:func:`toolkit.extract.projection.project`),
and a distinctive name linked nowhere is searched, more strictly, in the whole Arabic
report, so an error of the sentence aligner does not lose a name both reports carry.
Then an Arabic name several lexicon entries share takes the one the English side names,
and weak mentions nobody confirmed are dropped (one-word Arabic lexicon hits, English
capitalized words the tagger did not propose).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..extract.gazetteer import Gazetteer
from ..extract.model import RawMention
from ..extract.glued_spans import project_glued
from ..extract.projection import project
from ..extract.scores import cross_score, skeleton_score
from ..normalize.arabic import normalize_arabic
from ..normalize.latin import normalize_latin
from .document import CrossLink, Document, Pair, Sent
from .link import LinkParams, alternatives, link_pair
from .mentions import is_weak


def arabic_forms(gaz: Gazetteer, m: RawMention) -> tuple[str, ...]:
    """The Arabic names the lexicon gives the entity of an English mention."""
    if m.entity_id and m.entity_id in gaz.entries:
        e = gaz.entries[m.entity_id]
        return tuple(x for x in (e.ar, *e.ar_variants) if x)
    return ()


def score_fn(gaz: Gazetteer) -> Callable[[RawMention, RawMention], tuple[float, str]]:
    """Score an English and an Arabic mention: a lexicon name of the other side decides,
    else the cross-script score of the names (and of an acronym's expansion)."""
    def run(e: RawMention, a: RawMention) -> tuple[float, str]:
        forms = arabic_forms(gaz, e)
        if forms:
            ka = normalize_arabic(a.name, "match")
            if any(normalize_arabic(f, "match") == ka for f in forms):
                return 1.0, f"Arabic name of lexicon entry {e.entity_id}"
        if normalize_latin(a.name, "match") and normalize_latin(a.name, "match") == normalize_latin(e.name, "match"):
            return 1.0, "the same name in Latin letters in both reports"
        names = [e.name]
        if e.acronym_of:
            names.append(e.acronym_of)
        if a.entity_id and a.entity_id in gaz.entries:
            entry = gaz.entries[a.entity_id]
            if any(normalize_latin(x, "match") == normalize_latin(e.name, "match") for x in (entry.en, *entry.en_variants) if x):
                return 1.0, f"English name of lexicon entry {a.entity_id}"
        # A weak English word (capitalized, not proposed by the tagger) is confirmed by a
        # transliteration only: its translation would confirm "Vice President" as a name.
        s = max(cross_score(n, a.name, translated=not is_weak(e)) for n in names)
        if a.source == "cue" and " " not in a.name.strip():
            # a title stands before the Arabic word (السيد فليس): a name, though it spells a
            # common word too (فليس, "so it is not"), so its sound alone is scored
            s = max(s, skeleton_score(e.name, a.name))
        return s, f"cross-script score {s:.2f}"
    return run


def without_proclitic(m: RawMention) -> RawMention | None:
    """The mention without the و ف ب ك ل its first word starts with (None when it has
    none, or is a lexicon name, whose span the gazetteer already cut)."""
    first = m.text.split()[0] if m.text.split() else ""
    if m.entity_id or len(first) < 4 or first[0] not in "وفبكل" or not m.name.startswith(first[0]):
        return None
    return replace(m, start=m.start + 1, text=m.text[1:], name=m.name[1:])


def _one_word(m: RawMention) -> bool:
    """A one-word English name of no lexicon entry and no acronym (``LinkParams.translate_one_word``)."""
    return len(m.name.split()) == 1 and not m.entity_id and not m.acronym_of


def is_soft(m: RawMention) -> bool:
    """Unlinked mentions a projection may replace: one-word lexicon hits and cue-word
    spans (whose right edge is a guess: "صنداي تايمز نقاد خططها")."""
    return (m.source == "lexicon" and len(m.text.split()) == 1) or m.source == "cue" or is_weak(m)


def _key(m: RawMention) -> str:
    return normalize_latin(m.name, "match")


def _index(mentions: Sequence[RawMention]) -> dict[int, list[int]]:
    """Mention indices by sentence."""
    out: dict[int, list[int]] = {}
    for j, m in enumerate(mentions):
        out.setdefault(m.sentence, []).append(j)
    return out


class _Linker:
    """The working state of one document's linking: the Arabic mentions grow with
    projections, ``dropped`` collects soft mentions a projection took over."""

    def __init__(self, doc: Document, gaz: Gazetteer, params: LinkParams) -> None:
        self.en_m = doc.en_mentions
        self.ar_m = list(doc.ar_mentions)
        self.ar_s: Sequence[Sent] = doc.ar_sents
        self.ar_text = doc.ar_text or ""
        self.gaz = gaz
        self.params = params
        self.score = score_fn(gaz)
        self.links: list[CrossLink] = []
        self.dropped: set[int] = set()

    def _trim(self, i: int, j: int) -> None:
        """A linked Arabic mention the tagger found with a proclitic still on (وروري
        ماكدونالد for Rory MacDonald) loses it when its English partner reads better
        without: the sound of the names decides which letter is the conjunction."""
        a, name = self.ar_m[j], self.en_m[i].name
        cut = without_proclitic(a)
        if cut is None:
            return
        full, trimmed = cross_score(name, a.name), cross_score(name, cut.name)
        # The shared similarity forgives a letter; the consonant skeleton does not: on a
        # tie it says whether the first letter belongs to the name (Brooks / بروكس).
        if trimmed > full + self.params.proclitic_margin or (
            trimmed >= full and skeleton_score(name, cut.name) > skeleton_score(name, a.name)
        ):
            self.ar_m[j] = cut

    def _refit(self, i: int, j: int, score: float, why: str, p: Pair, a_idx: list[int]) -> tuple[float, str]:
        """A linked Arabic mention whose edges a projection of its English partner fits
        much better (``LinkParams.refit_margin``) takes the projection's edges: the
        tagger cut كريدون to ريدون, or ran one word into the next name."""
        em, am = self.en_m[i], self.ar_m[j]
        if score >= 1.0 or am.entity_id or (em.acronym_of and not em.entity_id):
            return score, why
        bounds = [self.ar_s[k] for k in p.ar if 0 <= k < len(self.ar_s)]
        if not bounds:
            return score, why
        taken = [(self.ar_m[k].start, self.ar_m[k].end) for k in a_idx if k != j and k not in self.dropped]
        proj = project(em, self.ar_text, min(b.start for b in bounds), max(b.end for b in bounds), taken,
                       arabic_forms=arabic_forms(self.gaz, em), translated=not is_weak(em))
        if proj is None or proj.score < score + self.params.refit_margin or not (proj.start < am.end and am.start < proj.end):
            return score, why
        self.ar_m[j] = replace(am, start=proj.start, end=proj.end, text=proj.text, name=proj.name)
        return proj.score, f"{why}; edges refitted by projection (score {proj.score:.2f})"

    def _drop_covered(self, soft: set[int], proj: RawMention) -> None:
        for j in soft:
            if self.ar_m[j].start < proj.end and proj.start < self.ar_m[j].end:
                self.dropped.add(j)

    def in_pairs(self, pairs: Sequence[Pair]) -> None:
        """Link inside every aligned pair; project the English names left over."""
        by_en = _index(self.en_m)
        by_ar = _index(self.ar_m)
        for p in pairs:
            if not p.en or not p.ar:
                continue
            e_idx = [i for s in p.en for i in by_en.get(s, [])]
            a_idx = [j for s in p.ar for j in by_ar.get(s, [])]
            found = link_pair([(i, self.en_m[i]) for i in e_idx], [(j, self.ar_m[j]) for j in a_idx],
                              self.score, self.params.pair_threshold)
            for l in found:
                self._trim(l.en, l.ar)
                score, why = self._refit(l.en, l.ar, l.score, l.why, p, a_idx)
                self.links.append(CrossLink(l.en, l.ar, score, why, p.en, p.ar))
            self._project_in_pair(p, e_idx, a_idx, {l.en for l in found}, {l.ar for l in found})

    def _project_in_pair(self, p: Pair, e_idx: list[int], a_idx: list[int], linked_en: set[int], linked_ar: set[int]) -> None:
        """English mentions with no Arabic partner in this pair, looked for in its Arabic sentences."""
        ar_m, ar_s = self.ar_m, self.ar_s
        bounds = [ar_s[j] for j in p.ar if 0 <= j < len(ar_s)]
        if not bounds:
            return
        start, end = min(b.start for b in bounds), max(b.end for b in bounds)
        todo = [i for i in e_idx if i not in linked_en and not (self.en_m[i].acronym_of and not self.en_m[i].entity_id)]
        # (an acronym is projected through its expansion.) A second pass gives the names
        # that found nothing another try once others took over the tagger's spans: a span
        # that ran over two names (كلية ماكسويل بجامعة سيراكيوز) is free after the first.
        for _ in range(2):
            dropped = len(self.dropped)
            todo = [i for i in todo if not self._project_one(i, p, a_idx, linked_ar, start, end)]
            if not todo or len(self.dropped) == dropped:
                break

    def _project_one(self, i: int, p: Pair, a_idx: list[int], linked_ar: set[int], start: int, end: int) -> bool:
        """Project English mention ``i`` into ``ar_text[start:end]``; True when linked."""
        ar_m, ar_s = self.ar_m, self.ar_s
        # One-word lexicon hits nobody linked may be part of the name being looked
        # for ("جاسم" in "أحمد جاسم الخفاجي"): projection may take them over.
        free = [j for j in a_idx if j not in linked_ar and j not in self.dropped]
        proj, soft = self._best_projection(self.en_m[i], free, [j for j in a_idx if j not in self.dropped], start, end)
        if proj is None:
            return False
        self._drop_covered(soft, proj)
        sent = p.ar[0]
        for k in p.ar:
            if 0 <= k < len(ar_s) and ar_s[k].start <= proj.start:
                sent = k
        ar_m.append(proj.with_sentence(sent))
        j = len(ar_m) - 1
        a_idx.append(j)
        linked_ar.add(j)
        self.links.append(CrossLink(i, j, proj.score, f"projected into the aligned Arabic sentence (score {proj.score:.2f})", p.en, p.ar))
        return True

    def _best_projection(self, em: RawMention, free: list[int], present: list[int], start: int,
                         end: int) -> tuple[RawMention | None, set[int]]:
        """The projection of ``em`` into ``ar_text[start:end]`` and the unlinked mentions
        (``free``) it may take over: soft ones always, the tagger's own only when the
        projection is sure (``LinkParams.ner_takeover``): its span edge was wrong."""
        forms, translated = arabic_forms(self.gaz, em), not is_weak(em) and (self.params.translate_one_word or not _one_word(em))
        soft = {j for j in free if is_soft(self.ar_m[j]) or self._hesitant(self.ar_m[j])}
        wide = set(free)
        for allowed in (wide, soft):
            taken = [(self.ar_m[j].start, self.ar_m[j].end) for j in present if j not in allowed]
            proj = project(em, self.ar_text, start, end, taken, arabic_forms=forms, translated=translated)
            if proj is None and allowed is soft:
                # the name inside a word the translator ran into the next (منأوفي إيجاريا)
                every = [(self.ar_m[j].start, self.ar_m[j].end) for j in present]
                return project_glued(em, self.ar_text, start, end, every, translated, forms), set()
            if allowed is soft or (proj is not None and proj.score >= self.params.ner_takeover):
                return self._unglued(em, proj, translated, forms), allowed
        return None, soft

    def _unglued(self, em: RawMention, proj: RawMention | None, translated: bool, forms: tuple[str, ...]) -> RawMention | None:
        """A projection onto a word run into the next (لندنفي for London) narrowed to the
        name inside it when that is a spelling the lexicon knows (:func:`project_glued` on
        its span). Not on sound alone: إيبروكس holds بروكس, and Ibrox is إيبروكس."""
        if proj is None or not forms:
            return proj
        inner = project_glued(em, self.ar_text, proj.start, proj.end, [], translated, forms)
        known = {normalize_arabic(f, "match").replace(" ", "") for f in forms}
        if inner is not None and normalize_arabic(inner.text, "match").replace(" ", "") in known:
            return inner
        return proj

    def _hesitant(self, m: RawMention) -> bool:
        """A tagger span the tagger itself was unsure of (``LinkParams.ner_soft_score``)."""
        return m.source == "ner" and m.score < self.params.ner_soft_score

    def _searchable(self, m: RawMention) -> bool:
        """Names distinctive enough to search for in a whole document."""
        p = self.params
        words = m.name.split()
        return ((len(words) >= 2 or len(m.name) >= p.whole_text_min_chars) and m.type != "LOC"
                or bool(m.entity_id and len(m.name) >= p.whole_text_min_lexicon_chars))

    def in_whole_text(self) -> None:
        """English names linked nowhere, looked for in the whole Arabic text, strictly."""
        ar_m, ar_text = self.ar_m, self.ar_text
        linked_keys = {_key(self.en_m[l.en]) for l in self.links}
        tried: set[str] = set()
        for i, em in enumerate(self.en_m):
            k = _key(em)
            if k in linked_keys or k in tried or em.acronym_of or not self._searchable(em):
                continue
            if len(tried) >= self.params.whole_text_max_names:
                break  # each search reads the whole report: a bounded number keeps it linear
            tried.add(k)
            linked_ar = {l.ar for l in self.links}
            soft = {j for j, m in enumerate(ar_m) if j not in linked_ar and j not in self.dropped and is_soft(m)}
            taken = [(m.start, m.end) for j, m in enumerate(ar_m) if j not in self.dropped and j not in soft]
            proj = project(em, ar_text, 0, len(ar_text), taken, threshold=self.params.whole_text_threshold,
                           arabic_forms=arabic_forms(self.gaz, em), translated=not is_weak(em))
            if proj is None:
                continue
            self._drop_covered(soft, proj)
            sent = max((n for n, s_ in enumerate(self.ar_s) if s_.start <= proj.start), default=0)
            ar_m.append(proj.with_sentence(sent))
            self.links.append(CrossLink(
                i, len(ar_m) - 1, proj.score * self.params.whole_text_discount,
                f"found in the Arabic text outside the aligned sentences (score {proj.score:.2f})", (em.sentence,), (sent,),
            ))

    def shared_names(self) -> None:
        """An Arabic name several lexicon entries share takes the one the English side
        names (الشرق الأوسط: the Middle East, or the newspaper Asharq Al-Awsat)."""
        en_ids_all = {m.entity_id for m in self.en_m if m.entity_id}
        by_link = {l.ar: self.en_m[l.en].entity_id for l in self.links if self.en_m[l.en].entity_id}
        for j, m in enumerate(self.ar_m):
            alts = alternatives(m)
            if not alts:
                continue
            want = by_link.get(j) or next((a for a in alts if a in en_ids_all and m.entity_id not in en_ids_all), "")
            if want and want != m.entity_id and want in alts:
                entry = self.gaz.entries.get(want)
                self.ar_m[j] = replace(m, entity_id=want, type=entry.type if entry else m.type,
                                       extras=tuple(x for x in m.extras if x[0] != "alternatives") + (("alternatives", m.entity_id),))

    def settle(self) -> tuple[list[RawMention], list[RawMention], list[CrossLink]]:
        """Weak hits stay only when linked (Arabic one-word lexicon hits, English
        capitalized words the tagger did not confirm); dropped ones go; indices are remapped."""
        linked = {l.ar for l in self.links}
        linked_en = {l.en for l in self.links}
        keep_en = [i for i, m in enumerate(self.en_m) if i in linked_en or not is_weak(m)]
        remap_en = {i: n for n, i in enumerate(keep_en)}
        en_ids = {m.entity_id for m in self.en_m if m.entity_id}
        country = re.compile(self.params.country_id)

        def unconfirmed(m: RawMention) -> bool:
            # One ordinary-looking word that the lexicon knows as a small place ("طويلة" =
            # long, Tawila in Sudan) and that the English report never mentions: too weak.
            return (
                m.source == "lexicon" and len(m.text.split()) == 1 and m.entity_id not in en_ids
                and not country.fullmatch(m.entity_id)
            )

        keep = [
            j for j, m in enumerate(self.ar_m)
            if j not in self.dropped and (j in linked or not (is_weak(m) or unconfirmed(m)))
        ]
        remap = {j: n for n, j in enumerate(keep)}
        links = [l._replace(en=remap_en[l.en], ar=remap[l.ar]) for l in self.links if l.ar in remap and l.en in remap_en]
        return [self.en_m[i] for i in keep_en], [self.ar_m[j] for j in keep], links


class LinkMentions:
    """Component ``links`` (a report pair only): writes ``links`` and settles ``ar_mentions``."""

    name = "links"

    def __init__(self, gazetteer: Gazetteer, params: LinkParams = LinkParams()) -> None:
        self.gazetteer = gazetteer
        self.params = params

    def __call__(self, doc: Document) -> None:
        if not doc.bilingual:
            return
        linker = _Linker(doc, self.gazetteer, self.params)
        linker.in_pairs(doc.pairs)
        linker.in_whole_text()
        linker.shared_names()
        doc.en_mentions, doc.ar_mentions, doc.links = linker.settle()
