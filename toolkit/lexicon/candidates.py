"""Candidates for the similarity, from the index, never from a scan of the names.

Why: a million-name lexicon cannot be compared with every query. The part index
(:mod:`.index`) gives, per query, the names whose whole skeleton equals the query's, the
names holding the query's part skeletons or their neighbours in the part vocabulary
(found with rapidfuzz), and the names whose joined adjacent parts equal a query part
(run-together or split names). Their weights, closeness times rarity, are added up per
name with numpy, and the heaviest names make the pool the scoring ranks. Very common
parts (``mhmd`` in a million names) count only when the query has nothing rarer.

Parts repeat across queries far more than names (first names, family names), so the
vocabulary neighbours of a part are remembered, and a batch finds those of all its parts
in one rapidfuzz ``cdist`` (several times cheaper per part than one search each).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz, process

from .names import NameKeys
from .params import LookupParams
from .store import Store

#: (document frequency, vocab rowid, closeness in [0, 1]) of one vocabulary part.
Neighbour = tuple[int, int, float]


def query_units(btoks: tuple[str, ...]) -> list[str]:
    """What the part index is searched with: each part skeleton, adjacent parts joined,
    and all parts joined when there are more than two (names run together)."""
    joins = [btoks[i] + btoks[i + 1] for i in range(len(btoks) - 1)]
    if len(btoks) > 2:
        joins.append("".join(btoks))
    return list(dict.fromkeys(u for u in (*btoks, *joins) if u))


class CandidateFinder:
    """The weighted candidate names of a query, with the per-part neighbour cache."""

    def __init__(self, store: Store, params: LookupParams) -> None:
        self.store = store
        self.params = params
        self._neighbours: dict[str, list[Neighbour]] = {}

    def prefetch(self, units: Iterable[str]) -> None:
        """Fill the neighbour cache for many query parts at once; the result per part
        equals what :meth:`neighbours` finds alone."""
        p = self.params
        vocab = self.store.vocab()
        todo = [u for u in dict.fromkeys(units) if u and u not in self._neighbours]
        if not todo or not vocab.tokens:
            return
        if len(self._neighbours) + len(todo) > p.cache_parts:
            self._neighbours.clear()
        chunk = max(1, p.cdist_cells // len(vocab.tokens))
        for start in range(0, len(todo), chunk):
            part = todo[start : start + chunk]
            scores = process.cdist(part, vocab.tokens, scorer=fuzz.ratio, score_cutoff=p.neighbour_cutoff, dtype=np.float64, workers=1)
            for unit, row in zip(part, scores):
                idx = np.flatnonzero(row >= p.neighbour_cutoff)
                # Best first, ties by vocabulary order: what process.extract returns.
                idx = idx[np.lexsort((idx, -row[idx]))][: p.neighbours]
                hits = [(float(row[i]), int(i)) for i in idx]
                if hits and hits[0][0] >= 100.0:
                    hits = [h for h in hits if h[0] >= p.neighbour_cutoff_exact]
                self._neighbours[unit] = [(vocab.df[i], vocab.ids[i], sim / 100.0) for sim, i in hits]

    def neighbours(self, unit: str) -> list[Neighbour]:
        """The vocabulary parts near one query part, found with rapidfuzz and remembered."""
        found = self._neighbours.get(unit)
        if found is None:
            p = self.params
            vocab = self.store.vocab()
            hits = process.extract(unit, vocab.tokens, scorer=fuzz.ratio, limit=p.neighbours, score_cutoff=p.neighbour_cutoff)
            if hits and hits[0][1] >= 100.0:
                hits = [h for h in hits if h[1] >= p.neighbour_cutoff_exact]
            found = [(vocab.df[idx], vocab.ids[idx], sim / 100.0) for _, sim, idx in hits]
            if len(self._neighbours) >= p.cache_parts:
                self._neighbours.clear()
            self._neighbours[unit] = found
        return found

    def _postings(self, units: list[str], fill_only: bool) -> list[Neighbour]:
        """The vocabulary parts to read for these query units, rarest first. Only filling
        the list: the parts as they are, no neighbour search."""
        vocab = self.store.vocab()
        postings: list[Neighbour] = []
        if vocab.tokens:
            for unit in units:
                if fill_only:
                    idx = vocab.index.get(unit)
                    if idx is not None:
                        postings.append((vocab.df[idx], vocab.ids[idx], 1.0))
                    continue
                postings.extend(self.neighbours(unit))
        postings.sort()
        return postings

    def weighted(self, q: NameKeys, fill_only: bool) -> tuple[np.ndarray, np.ndarray] | None:
        """(distinct name rowids, sorted; their summed index weights), or None when the
        index holds nothing for the query."""
        p, store = self.params, self.store
        n_total = max(store.n_names, 1)
        units = query_units(q.btoks)
        ids: list[np.ndarray] = []
        wts: list[float] = []
        # Whole-skeleton equals first: the likeliest transliterations.
        if q.skel:
            found = store.by_skeleton(q.skel, p.common_df)
            if found:
                ids.append(np.fromiter(found, dtype=np.int64, count=len(found)))
                wts.append(p.skeleton_weight * math.log(1.0 + n_total))
        postings = self._postings(units, fill_only)
        rare_found = any(df <= p.common_df for df, _, _ in postings)
        for df, vid, sim in postings:
            if df > p.common_df and rare_found:
                continue  # a very common part adds nothing the rarer ones did not
            ids.append(store.posting(vid))
            wts.append(sim * sim * math.log(1.0 + n_total / df))
        # Run-together or split names: query parts equal to joined lexicon parts.
        if units:
            for arr in store.joined(units):
                ids.append(arr)
                wts.append(math.log(1.0 + n_total))
        if not ids:
            return None
        flat = np.concatenate(ids)
        # Sum the weights per name over the distinct names only (a bincount over every
        # rowid would cost as much as the lexicon is large).
        names, where = np.unique(flat, return_inverse=True)
        weights = np.bincount(where, weights=np.repeat(np.asarray(wts), [len(a) for a in ids]))
        return names, weights

    def pool(self, names: np.ndarray, weights: np.ndarray, fill_only: bool) -> np.ndarray:
        """The heaviest names (all when few), in rowid order."""
        p = self.params
        size = p.fill_pool if fill_only else (p.pool if self.store.rows_in_memory else p.pool_sql)
        if len(names) > size:
            return names[np.sort(np.argpartition(-weights, size)[:size])]
        return names
