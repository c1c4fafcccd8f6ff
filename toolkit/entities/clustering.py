"""Component ``clusters``: chains of both languages and their links become entities.

Why a separate step: linking says which English and Arabic mentions of one sentence
pair are the same; clustering decides, for whole chains, which English chain goes with
which Arabic chain (the most and strongest votes win, one to one, never across two
different lexicon ids), adds a strict document-level name match for chains the sentence
alignment kept apart, and hands each pair of chains (or lone chain) to
:func:`toolkit.entities.naming.build_entity` for its names, confidence and evidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..extract.gazetteer import Gazetteer
from ..extract.model import RawMention
from ..extract.scores import cross_score
from .document import Chain, CrossLink, Document
from .link import assign
from .model import Entity, Evidence
from .naming import EntityParams, best_ar, build_entity, entity_type, entry_name, transliterate_names, wants_suggestion

Votes = dict[tuple[int, int], list[tuple[float, str]]]


@dataclass(frozen=True, slots=True)
class ClusterParams:
    """The tuned numbers of clustering, set on the development gold of
    ``benchmarks/entities.py`` (12 NTREX documents; benchmarks/README.md, "Entities")."""

    #: Two chains no aligned pair linked are one entity when their names score this
    #: much across the whole document (dev set; stricter than the 0.7 inside a pair).
    doc_match_threshold: float = 0.85
    #: The vote such a match casts, relative to its score (dev set).
    doc_match_discount: float = 0.9
    #: Evidence kept per entity: the strongest link votes, the first coreference reasons.
    max_link_evidence: int = 5
    max_coref_evidence: int = 5
    #: The score recorded for a coreference join (rules, not measured).
    coref_evidence: float = 0.9
    entity: EntityParams = field(default_factory=EntityParams)


class _Chains:
    """Both languages' mentions and chains, with what clustering decided about them."""

    def __init__(self, doc: Document, gaz: Gazetteer, params: ClusterParams) -> None:
        self.en_m: list[RawMention] = doc.en_mentions
        self.ar_m: list[RawMention] = doc.ar_mentions
        self.en_chains: list[Chain] = doc.en_chains
        self.ar_chains: list[Chain] = doc.ar_chains
        self.gaz = gaz
        self.params = params
        self.votes: Votes = {}
        self.en_to_ar: dict[int, int] = {}
        self.ar_to_en: dict[int, int] = {}

    def ar_name(self, ac: int) -> str:
        return best_ar([self.ar_m[j] for j in self.ar_chains[ac].members])

    def count_votes(self, links: Sequence[CrossLink]) -> None:
        """Votes between chains, with the evidence for each pair of chains."""
        en_m, ar_m = self.en_m, self.ar_m
        en_of = {i: c for c, ch in enumerate(self.en_chains) for i in ch.members}
        ar_of = {j: c for c, ch in enumerate(self.ar_chains) for j in ch.members}
        for i, j, s, why, _pe, _pa in links:
            detail = f"{en_m[i].text!r} (en sentence {en_m[i].sentence}) <-> {ar_m[j].text!r} (ar sentence {ar_m[j].sentence}): {why}"
            self.votes.setdefault((en_of[i], ar_of[j]), []).append((s, detail))
        # Lexicon identity joins chains even when no aligned pair linked them.
        ar_by_id = {ch.entity_id: c for c, ch in enumerate(self.ar_chains) if ch.entity_id}
        for c, ch in enumerate(self.en_chains):
            if ch.entity_id and ch.entity_id in ar_by_id:
                self.votes.setdefault((c, ar_by_id[ch.entity_id]), []).append((1.0, f"same lexicon id {ch.entity_id}"))

    def match_by_votes(self) -> None:
        """One to one, the most and strongest votes first, never across two lexicon ids."""
        ranked = sorted(self.votes.items(), key=lambda kv: (-sum(s for s, _ in kv[1]), -max(s for s, _ in kv[1])))
        for (ec, ac), _vs in ranked:
            if ec in self.en_to_ar or ac in self.ar_to_en:
                continue
            a_id, b_id = self.en_chains[ec].entity_id, self.ar_chains[ac].entity_id
            if a_id and b_id and a_id != b_id:
                continue
            self.en_to_ar[ec] = ac
            self.ar_to_en[ac] = ec

    def match_by_names(self) -> None:
        """Chains still alone on both sides: a document-level match on the names, stricter
        than inside an aligned pair, so a sentence-alignment error does not cost the link."""
        lone_en = [c for c in range(len(self.en_chains)) if c not in self.en_to_ar and not self.en_m[self.en_chains[c].head].acronym_of]
        lone_ar = [c for c in range(len(self.ar_chains)) if c not in self.ar_to_en]
        if not (lone_en and lone_ar):
            return

        def doc_score(ec: int, ac: int) -> float:
            a_id, b_id = self.en_chains[ec].entity_id, self.ar_chains[ac].entity_id
            if a_id and b_id and a_id != b_id:
                return 0.0
            return cross_score(self.en_m[self.en_chains[ec].head].name, self.ar_name(ac))

        p = self.params
        matrix = [[doc_score(ec, ac) for ac in lone_ar] for ec in lone_en]
        for r, k in assign(matrix):
            if matrix[r][k] >= p.doc_match_threshold:
                ec, ac = lone_en[r], lone_ar[k]
                self.en_to_ar[ec] = ac
                self.ar_to_en[ac] = ec
                self.votes.setdefault((ec, ac), []).append((
                    matrix[r][k] * p.doc_match_discount,
                    f"{self.en_m[self.en_chains[ec].head].name!r} <-> {self.ar_name(ac)!r}: "
                    f"document-level name match {matrix[r][k]:.2f} (no aligned sentence pair linked them)",
                ))

    def order(self) -> list[tuple[int, str, int]]:
        """English chains by first mention, then Arabic chains with no English partner."""
        out: list[tuple[int, str, int]] = []
        for c, ch in enumerate(self.en_chains):
            out.append((self.en_m[ch.members[0]].start, "en", c))
        for c, ch in enumerate(self.ar_chains):
            if c not in self.ar_to_en:
                out.append((10**9 + self.ar_m[ch.members[0]].start, "ar", c))
        return out

    def translit_needs(self, order: list[tuple[int, str, int]]) -> dict[tuple[str, str], list[tuple[str, float]]]:
        """The names with no counterpart and no lexicon name in the other script that are
        names (not descriptions the press would translate): they get suggestions."""
        need: dict[tuple[str, str], list[tuple[str, float]]] = {}
        gaz, en_m, ar_m = self.gaz, self.en_m, self.ar_m
        for _, lang, c in order:
            ech = self.en_chains[c] if lang == "en" else None
            ac = self.en_to_ar.get(c) if lang == "en" else c
            if ech is not None and ac is None and not entry_name(gaz, ech.entity_id, "ar"):
                name = en_m[ech.head].name
                typ = entity_type(gaz.entries.get(ech.entity_id), [en_m[i] for i in ech.members])
                if wants_suggestion(name, typ, "en", self.params.entity):
                    need.setdefault((name, "arabic"), [])
            if ech is None and ac is not None and not entry_name(gaz, self.ar_chains[ac].entity_id, "en"):
                name = self.ar_name(ac)
                ach = self.ar_chains[ac]
                typ = entity_type(gaz.entries.get(ach.entity_id), [ar_m[j] for j in ach.members])
                if wants_suggestion(name, typ, "ar", self.params.entity):
                    need.setdefault((name, "latin"), [])
        return need

    def entities(self, order: list[tuple[int, str, int]], need: dict[tuple[str, str], list[tuple[str, float]]],
                 bilingual: bool) -> list[Entity]:
        p = self.params
        out: list[Entity] = []
        used_ids: Counter[str] = Counter()
        for _, lang, c in sorted(order):
            ech = self.en_chains[c] if lang == "en" else None
            ac = self.en_to_ar.get(c) if lang == "en" else c
            ach = self.ar_chains[ac] if ac is not None else None
            ev: list[Evidence] = []
            if ech is not None and ach is not None:
                for s, d in sorted(self.votes.get((c, ac), []), key=lambda x: -x[0])[: p.max_link_evidence]:
                    ev.append(Evidence("lexicon" if d.startswith("same lexicon") else ("projection" if "projected" in d else "link"), d, s))
            for chn in (ech, ach):
                if chn is not None:
                    ev.extend(Evidence("coref", r, p.coref_evidence) for r in chn.reasons[: p.max_coref_evidence])
            out.append(build_entity(ech, ach, self.en_m, self.ar_m, self.gaz, ev, need, used_ids, bilingual, p.entity))
        return out


class ClusterEntities:
    """Component ``clusters``. ``transliterate``: other-script names for entities with no
    counterpart; ``translit_model``: the learned transliterator for them (default: only
    with one report, where it matters most; a pair takes names from the other report)."""

    name = "clusters"

    def __init__(self, gazetteer: Gazetteer, transliterate: bool = True, translit_model: bool | None = None,
                 params: ClusterParams = ClusterParams()) -> None:
        self.gazetteer = gazetteer
        self.transliterate = transliterate
        self.translit_model = translit_model
        self.params = params

    def __call__(self, doc: Document) -> None:
        chains = _Chains(doc, self.gazetteer, self.params)
        chains.count_votes(doc.links)
        chains.match_by_votes()
        chains.match_by_names()
        order = chains.order()
        # Other-script names by transliteration, batched over every entity that needs one.
        need: dict[tuple[str, str], list[tuple[str, float]]] = {}
        if self.transliterate:
            need = chains.translit_needs(order)
            use_model = self.translit_model if self.translit_model is not None else not doc.bilingual
            transliterate_names(need, use_model, self.params.entity.translit_candidates)
        doc.entities = chains.entities(order, need, doc.bilingual)
        if not doc.entities:
            doc.messages.append("no named entities found")
