"""The score tiers of a lookup, and the ranking of a candidate pool.

Ranking, and why: a query equal to an entity's preferred name is surely it (``exact``,
1.0); equal to a listed variant or acronym almost surely (``variant``, 0.98); equal by
the same-script match key, a spelling variant the curators did not list (``key``, 0.90
to 0.95 by the similarity, as the key folds vowels hard). Everything else is scored by
the cross-script name similarity of :mod:`toolkit.normalize.keys` (name parts against
name parts, vowels weighed lightly, missing parts cheap), scaled under 0.94 so it never
outranks the tiers above; a candidate whose whole consonant skeleton equals the
query's is labelled ``translit`` and gets a small bonus over a plain ``fuzzy`` one.

The pool of candidates (:mod:`.candidates`) is ranked first by a rapidfuzz proxy in C,
and only the first few get the full, pure-Python similarity. The numbers are
:class:`~toolkit.lexicon.params.LookupParams`.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from rapidfuzz import fuzz, process

from ..normalize.keys import consonants, parts_similarity, token_similarity
from .match import Why
from .names import NameKeys
from .names import is_acronym_like
from .params import LookupParams
from .store import NameRow, Store

#: (entity rowid, score, why, the name it matched) of one candidate.
Scored = tuple[int, float, Why, str]


def similarity(qa: tuple[str, ...], qb: tuple[str, ...], params: LookupParams) -> float:
    """:func:`toolkit.normalize.keys.similarity` on symbols already computed (the
    run-together comparison only when the part counts differ)."""
    if not qa or not qb:
        return 0.0
    best = parts_similarity(qa, qb)
    if len(qa) != len(qb) and best < params.run_together_below:
        # Run together or split differently; the whole-string comparison is the costly
        # part of the similarity, so it is skipped when the parts line up one to one.
        best = max(best, params.run_together_factor * token_similarity("".join(qa), "".join(qb)))
    return min(1.0, best)


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def sure_hits(store: Store, q: NameKeys, params: LookupParams, query: str = "") -> list[Scored]:
    """The exact, variant and key tiers: names equal to the query (as typed: ``query``)
    by search form or by match key."""
    out: list[Scored] = []
    if q.norm:
        for ent, kind, surface in store.by_norm(q.norm):
            if kind in ("en", "ar"):
                out.append((ent, params.score_exact, "exact", surface))
            else:
                out.append((ent, params.score_variant, "variant", surface))
    q_cons = consonants(q.syms)
    if q.mkey and q_cons >= params.min_key_consonants:
        acronym = is_acronym_like(query)
        q_letters = _letters(query)
        # The Latin match key folds vowels hard ("Rummana" and "Romania" share one),
        # so within the tier the similarity orders the hits.
        for ent, surface, syms in store.by_key(q.mkey):
            name_syms = tuple(syms.split())
            n_cons = consonants(name_syms)
            if n_cons < params.min_key_consonants:
                continue  # no consonant to match on: "L.A." is not "aaaa"
            if (acronym or is_acronym_like(surface)) and _letters(surface) != q_letters:
                continue  # an acronym is its letters: "IS" is not "IISS", "US" not "IS"
            sim = similarity(q.syms, name_syms, params)
            if min(q_cons, n_cons) < params.short_consonants and sim < params.short_key_similarity:
                continue  # a short name is itself or nearly, not one vowel away ("Ali" / "ILO")
            out.append((ent, params.score_key - params.key_spread * (1.0 - sim), "key", surface))
    return out


class Proxy:
    """A fast proxy of the similarity, in C over the whole pool: the phonetic symbols
    compared whole and as a set of parts (partial queries), and the skeletons. Symbols
    are compared case-folded (the similarity gives case a meaning, the proxy need not),
    and the index weight (closeness times rarity of the shared parts) counts too, so a
    rare shared part outweighs a common one."""

    def __init__(self, params: LookupParams, fill_only: bool) -> None:
        # Only filling the list: the symbols, whole and as a set of parts, are proxy enough.
        self.weights = params.fill_proxy_weights if fill_only else params.proxy_weights
        self.index_weight = params.proxy_index_weight
        w_ratio, w_set, w_skel = self.weights
        #: The proxy's range: 100 per weight.
        self.total = 100.0 * (w_ratio + w_set + w_skel + self.index_weight)

    def scores(self, q: NameKeys, rows: list[NameRow], names: np.ndarray, weights: np.ndarray) -> np.ndarray:
        w_ratio, w_set, w_skel = self.weights
        q_syms = " ".join(q.syms).lower()
        syms_list = [r[4].lower() for r in rows]
        proxy = w_ratio * process.cdist([q_syms], syms_list, scorer=fuzz.ratio, workers=1)[0]
        if w_set:
            proxy = proxy + w_set * process.cdist([q_syms], syms_list, scorer=fuzz.token_set_ratio, workers=1)[0]
        if w_skel:
            proxy = proxy + w_skel * process.cdist([q.skel], [r[3] for r in rows], scorer=fuzz.ratio, workers=1)[0]
        if self.index_weight:
            w = weights[np.searchsorted(names, np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows)))]
            proxy = proxy + self.index_weight * 100.0 * w / max(float(w.max()), 1e-9)
        return proxy


def rank_pool(
    q: NameKeys, rows: list[NameRow], proxy: np.ndarray, total: float, fill_only: bool, params: LookupParams
) -> Iterator[Scored]:
    """The pool's best entities by the proxy, each scored by the full similarity (or,
    only filling the list, by the proxy itself); weak ones (under ``min_similarity``)
    are dropped."""
    keep = params.fill_rerank if fill_only else params.rerank
    order = np.argsort(-proxy, kind="stable")
    floor = float(proxy[order[0]]) - params.proxy_margin * total
    per_entity: dict[int, int] = {}
    for i in order:
        if len(per_entity) >= keep:
            break
        _, ent, surface, skel, syms, _ = rows[i]
        # Several names of one entity must not crowd the others out.
        seen = per_entity.get(ent, 0)
        if seen >= params.names_per_entity:
            continue
        if not seen and len(per_entity) >= params.min_rerank and proxy[i] < floor:
            break  # far behind the best candidate: not worth the full similarity
        per_entity[ent] = seen + 1
        # Filling a list that already has an exact or key match: the proxy will do.
        sim = float(proxy[i]) / total if fill_only else similarity(q.syms, tuple(syms.split()), params)
        if sim < params.min_similarity:
            continue
        if skel and skel == q.skel:
            yield ent, params.fuzzy_scale * sim + params.translit_bonus, "translit", surface
        else:
            yield ent, params.fuzzy_scale * sim, "fuzzy", surface
