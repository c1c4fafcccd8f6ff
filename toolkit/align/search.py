"""Monotone alignment search: 1-1 anchors first, then a banded DP with merges.

Why two steps (as Bertalign does): a full DP over every (English, Arabic) sentence
pair is quadratic, which is fine for a report but not for a 5,000-sentence document.
Strong 1-1 pairs (mutual nearest neighbours) are found first and chained into the
longest consistent path; the DP then only looks at a band around that path, so time
and memory grow linearly with the document.

The DP maximises the sum of link values.  A link's value is its similarity minus a
threshold ``bias`` (so an unrelated pair is worth less than leaving both sentences
unlinked, which is worth 0), plus a length-ratio and a number-anchor term, minus a
small penalty per extra sentence in a merge so a merge must earn its place.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

__all__ = ["SearchParams", "SpanFeatures", "Neighbours", "neighbours", "monotone_search", "anchor_pairs", "band_from_anchors"]

NEG = -1e9


@dataclass(frozen=True)
class SearchParams:
    """Knobs of the search; defaults chosen on NTREX-derived development data
    (1-1, synthetic merges, and dropped-sentence variants; see benchmarks/align.py).

    ``bias``: similarity a link must beat to be worth more than leaving both sides
    unlinked; ``skip_cost``: price of leaving one sentence unlinked (makes a merge
    preferable to dropping a sentence that belongs to it); ``merge_penalty``: per
    extra sentence in a link; ``length_weight`` / ``length_model``: Gale-Church length
    deviation (``gc``) or a log length ratio (``log``); ``number_weight``: bonus for
    shared numbers; ``margin_weight``: subtract each span's mean similarity to its
    ``margin_k`` nearest neighbours (off by default: no gain measured here).
    """

    max_merge: int = 3
    bias: float = 0.15
    merge_penalty: float = 0.02
    skip_cost: float = 0.03
    length_model: str = "gc"
    length_weight: float = 0.01
    length_variance: float = 6.8
    number_weight: float = 0.15
    name_weight: float = 0.0
    margin_weight: float = 0.0
    margin_k: int = 4
    size_weight: float = 0.0
    band: int = 12
    full_dp_cells: int = 250_000


@dataclass
class SpanFeatures:
    """Per-side precomputed features: span vectors, lengths and number sets.

    ``vectors[k-1][i]`` is the (centred, normalised) vector of sentences ``i..i+k-1``;
    ``lengths[k-1][i]`` its length in characters; ``numbers[k-1][i]`` its numbers.
    """

    vectors: list[np.ndarray]
    lengths: list[np.ndarray]
    numbers: list[list[frozenset[str]]]
    hub: list[np.ndarray] | None = None
    number_vecs: list[np.ndarray] | None = None
    names: list[list[frozenset[str]]] | None = None
    name_vecs: list[np.ndarray] | None = None

    def __post_init__(self) -> None:
        if self.number_vecs is None:
            self.number_vecs = [number_matrix(spans) for spans in self.numbers]
        if self.name_vecs is None and self.names is not None:
            self.name_vecs = [number_matrix(spans, NAME_DIM) for spans in self.names]

    @property
    def size(self) -> int:
        return int(self.vectors[0].shape[0])


NUMBER_DIM = 128
NAME_DIM = 1024


def number_matrix(sets: list[frozenset[str]], dim: int = NUMBER_DIM) -> np.ndarray:
    """Anchor sets (numbers, name keys) as binary rows (hashed), so overlaps are one
    matrix product."""
    out = np.zeros((len(sets), dim), dtype=np.float32)
    for row, values in enumerate(sets):
        for value in values:
            out[row, zlib.crc32(value.encode()) % dim] = 1.0
    return out


def _moves(max_merge: int) -> list[tuple[int, int]]:
    moves = [(1, 1), (1, 0)]
    for k in range(2, max_merge + 1):
        moves += [(k, 1), (1, k)]
    if max_merge >= 2:
        moves.append((2, 2))
    return moves


def link_values(
    en: SpanFeatures,
    ar: SpanFeatures,
    a: int,
    b: int,
    i0: int,
    j0s: np.ndarray,
    ratio: float,
    params: SearchParams,
) -> np.ndarray:
    """Values of linking English span (i0, length a) with Arabic spans (j, length b)
    for every j in ``j0s`` (all valid starts)."""
    sims = ar.vectors[b - 1][j0s] @ en.vectors[a - 1][i0]
    if params.margin_weight and en.hub is not None and ar.hub is not None:
        sims = sims - params.margin_weight * 0.5 * (en.hub[a - 1][i0] + ar.hub[b - 1][j0s])
    value = (sims - params.bias) * (1.0 + params.size_weight * ((a + b) / 2.0 - 1.0)) - params.merge_penalty * (a + b - 2)
    len_en = float(en.lengths[a - 1][i0])
    len_ar = ar.lengths[b - 1][j0s]
    if params.length_model == "gc":  # Gale & Church: deviation scaled by sqrt(length)
        delta = (len_ar - ratio * len_en) / np.sqrt(params.length_variance * (ratio * len_en + len_ar) / 2.0 + 1.0)
        value -= params.length_weight * np.minimum(delta * delta / 2.0, 8.0)
    else:
        value -= params.length_weight * np.abs(np.log((len_ar + 20.0) / (ratio * len_en + 20.0)))
    if params.number_weight and en.number_vecs is not None and ar.number_vecs is not None:
        mine = en.number_vecs[a - 1][i0]
        count = float(mine.sum())
        if count:
            theirs = ar.number_vecs[b - 1][j0s]
            inter = theirs @ mine
            union = theirs.sum(axis=1) + count - inter
            has = theirs.sum(axis=1) > 0
            overlap = np.where(has, inter / np.maximum(union, 1.0), 0.0)
            value = value + np.where(has, params.number_weight * (overlap - 0.3), 0.0)
    if params.name_weight and en.name_vecs is not None and ar.name_vecs is not None:
        mine = en.name_vecs[a - 1][i0]
        count = float(mine.sum())
        if count:
            found = (ar.name_vecs[b - 1][j0s] @ mine) / count  # share of English names found
            value = value + params.name_weight * (found - 0.3)
    return value


def add_hubness(en: SpanFeatures, ar: SpanFeatures, k: int, sample: int = 2000) -> None:
    """Mean similarity of every span to its ``k`` nearest single sentences on the
    other side (the margin criterion of Artetxe & Schwenk): long or generic spans are
    close to everything, and subtracting this keeps them from winning by default."""
    rng = np.random.default_rng(0)

    def side(spans: SpanFeatures, other: np.ndarray) -> list[np.ndarray]:
        if other.shape[0] > sample:
            other = other[np.sort(rng.choice(other.shape[0], sample, replace=False))]
        kk = max(1, min(k, other.shape[0]))
        out = []
        for vectors in spans.vectors:
            sims = vectors @ other.T
            top = np.partition(sims, sims.shape[1] - kk, axis=1)[:, -kk:]
            out.append(top.mean(axis=1))
        return out

    en.hub = side(en, ar.vectors[0])
    ar.hub = side(ar, en.vectors[0])


@dataclass(frozen=True)
class Neighbours:
    """Nearest neighbour of every sentence on the other side, and its similarity;
    computed block by block so a long document never holds the full matrix."""

    best_j: np.ndarray
    sim_j: np.ndarray
    best_i: np.ndarray
    sim_i: np.ndarray

    def mutual(self, min_sim: float) -> list[tuple[int, int, float]]:
        return [
            (i, int(j), float(self.sim_j[i]))
            for i, j in enumerate(self.best_j)
            if self.best_i[j] == i and self.sim_j[i] >= min_sim
        ]


def neighbours(en: np.ndarray, ar: np.ndarray, block: int = 512) -> Neighbours:
    n, m = en.shape[0], ar.shape[0]
    best_j = np.zeros(n, dtype=np.int64)
    sim_j = np.full(n, -np.inf, dtype=np.float32)
    best_i = np.zeros(m, dtype=np.int64)
    sim_i = np.full(m, -np.inf, dtype=np.float32)
    for k in range(0, n, block):
        sims = en[k : k + block] @ ar.T
        best_j[k : k + block] = sims.argmax(axis=1)
        sim_j[k : k + block] = sims.max(axis=1)
        col = sims.argmax(axis=0)
        col_sim = sims[col, np.arange(m)]
        better = col_sim > sim_i
        best_i[better] = col[better] + k
        sim_i[better] = col_sim[better]
    return Neighbours(best_j, sim_j, best_i, sim_i)


def anchor_pairs(nn: Neighbours, min_sim: float) -> list[tuple[int, int, float]]:
    """Mutual nearest neighbours above ``min_sim``, chained into the heaviest
    increasing path (a weighted longest-increasing-subsequence)."""
    return heaviest_chain(nn.mutual(min_sim))


def heaviest_chain(candidates: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Heaviest subset of (i, j, w) strictly increasing in both i and j."""
    if not candidates:
        return []
    candidates = sorted(candidates, key=lambda c: (c[0], -c[1]))
    js = sorted({c[1] for c in candidates})
    rank = {j: r for r, j in enumerate(js)}
    size = len(js)
    tree_val = [0.0] * (size + 1)
    tree_idx = [-1] * (size + 1)
    best_val = [0.0] * len(candidates)
    prev = [-1] * len(candidates)

    def query(r: int) -> tuple[float, int]:  # max over ranks < r (1-based prefix r)
        v, k = 0.0, -1
        while r > 0:
            if tree_val[r] > v:
                v, k = tree_val[r], tree_idx[r]
            r -= r & -r
        return v, k

    def update(r: int, v: float, k: int) -> None:
        r += 1
        while r <= size:
            if v > tree_val[r]:
                tree_val[r], tree_idx[r] = v, k
            r += r & -r

    # process by i; equal i sorted by descending j so two pairs of one row never chain
    for n, (_, j, w) in enumerate(candidates):
        v, k = query(rank[j])
        best_val[n] = v + w
        prev[n] = k
        update(rank[j], best_val[n], n)
    n = int(np.argmax(best_val))
    chain: list[tuple[int, int, float]] = []
    while n >= 0:
        chain.append(candidates[n])
        n = prev[n]
    return chain[::-1]


def band_from_anchors(n: int, m: int, anchors: list[tuple[int, int, float]], width: int) -> tuple[np.ndarray, np.ndarray]:
    """For every DP row i (0..n) the Arabic range [lo, hi] to search: the anchor path,
    linearly interpolated between anchors, widened by ``width``."""
    points = [(0, 0)] + [(i, j) for i, j, _ in anchors] + [(n, m)]
    # keep the path monotone in both coordinates
    clean = [points[0]]
    for i, j in points[1:]:
        if i >= clean[-1][0] and j >= clean[-1][1]:
            clean.append((i, j))
    xs = np.array([p[0] for p in clean], dtype=np.float64)
    ys = np.array([p[1] for p in clean], dtype=np.float64)
    rows = np.arange(n + 1, dtype=np.float64)
    centre = np.interp(rows, xs, ys)
    lo = np.floor(centre - width).astype(np.int64)
    hi = np.ceil(centre + width).astype(np.int64)
    # a row may need to reach the next row's range (several Arabic sentences at once):
    for i in range(n - 1, -1, -1):
        hi[i] = max(hi[i], hi[i + 1] - 2 * width)
    for i in range(1, n + 1):
        lo[i] = max(lo[i], lo[i - 1])
        hi[i] = max(hi[i], hi[i - 1])
    for i in range(1, n + 1):
        lo[i] = min(lo[i], hi[i - 1])  # every row reachable from the previous one
    lo = np.clip(lo, 0, m)
    hi = np.clip(hi, 0, m)
    lo[0] = 0
    hi[n] = m
    return lo, hi


def monotone_search(
    en: SpanFeatures,
    ar: SpanFeatures,
    ratio: float,
    params: SearchParams,
    lo: np.ndarray,
    hi: np.ndarray,
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Banded DP; returns (English indices, Arabic indices, link value) in order."""
    n, m = en.size, ar.size
    moves = _moves(params.max_merge)
    rows_val: list[np.ndarray] = []
    rows_move: list[np.ndarray] = []
    skip_en = -params.skip_cost
    skip_ar = -params.skip_cost
    for i in range(n + 1):
        l, h = int(lo[i]), int(hi[i])
        width = h - l + 1
        best = np.full(width, NEG)
        arg = np.full(width, -1, dtype=np.int8)
        if i == 0 and l == 0:
            best[0] = 0.0
        for k, (a, b) in enumerate(moves):
            if a > i:
                continue
            pi = i - a
            pl, ph = int(lo[pi]), int(hi[pi])
            j_first = max(l, pl + b)  # j ranges where the previous cell exists
            j_last = min(h, ph + b)
            if j_first > j_last:
                continue
            prev = rows_val[pi][j_first - b - pl : j_last - b - pl + 1]
            if b == 0:
                cand = prev + skip_en
            else:
                starts = np.arange(j_first - b, j_last - b + 1)
                cand = prev + link_values(en, ar, a, b, pi, starts, ratio, params)
            window = best[j_first - l : j_last - l + 1]
            better = cand > window
            if better.any():
                window[better] = cand[better]
                arg[j_first - l : j_last - l + 1][better] = k
        # 0-1 moves within the row: best[j] = max_k<=j best[k] + (j-k)*skip_ar
        steps = np.arange(width)
        run = np.maximum.accumulate(best - skip_ar * steps) + skip_ar * steps
        from_left = run > best + 1e-12
        best = np.where(from_left, run, best)
        arg = np.where(from_left, -2, arg).astype(np.int8)
        rows_val.append(best)
        rows_move.append(arg)
    # backtrack
    links: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
    i, j = n, m
    while i > 0 or j > 0:
        row_move = rows_move[i]
        mv = int(row_move[j - int(lo[i])])
        if mv == -2:
            links.append(((), (j - 1,), 0.0))
            j -= 1
            continue
        if mv < 0:
            raise RuntimeError("alignment search lost its path")  # cannot happen: (0,0) is reachable
        a, b = moves[mv]
        here = rows_val[i][j - int(lo[i])]
        there = rows_val[i - a][j - b - int(lo[i - a])]
        links.append((tuple(range(i - a, i)), tuple(range(j - b, j)), float(here - there)))
        i, j = i - a, j - b
    links.reverse()
    return links
