"""Build ``models/ner/ar_clusters.tsv``: distributional word clusters of Arabic words.

    python training/ner/build_clusters.py [--data ../shared/data] [--min-count 2]

Why: Arabic has no capital letters, and most names the Arabic CRF misses are words it never
saw labelled (مايكروسوفت, نوكيا, الوداد البيضاوي). Words that occur in the same contexts as
known names (after نادي / شركة, before the nisba of a city) fall into the same cluster, and a
cluster feature lets what the CRF learnt about the labelled words carry over to them (Miller
et al. 2004, Ratinov & Roth 2009 used Brown clusters the same way).

How (numpy/scipy only, a few seconds): every word is reduced to the key the features use
(search-normalized, leading clitics stripped: ``gazetteer.arabic_key``); each word of at
least ``--min-count`` occurrences gets a vector of its left and right neighbours (offsets
-2 -1 +1 +2 over the most frequent context words), weighted by positive PMI with
context-distribution smoothing (Levy et al. 2015), reduced by a truncated SVD and
L2-normalized; k-means cuts the vectors into ``--leaves`` clusters, and Ward's
agglomerative clustering of the cluster centres gives the binary tree whose root-to-leaf
paths are the bit strings (as Brown clusters are written: a prefix is a coarser cluster).

Unlabelled text read (labels ignored): ANERcorp's sentences before its held-out last tenth
(``--anercorp train`` stops before the dev tenth too, for the dev ablations: clusters that
had seen the dev words would flatter dev), AQMAR tokens, the Arabic side of Tatoeba and the
Arabic names of the shipped lexicons. The held-out tenth is never read (see corpora.py); nor
are the NTREX documents, which are the entity benchmarks' development and held-out gold.
The output is a word list with a bit string per word (no sentence of any corpus), written
``key \\t bits`` a line, sorted by key.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from scipy import sparse  # noqa: E402
from scipy.cluster.hierarchy import linkage  # noqa: E402
from scipy.sparse.linalg import svds  # noqa: E402

import corpora  # noqa: E402
from toolkit.lexdata import shipped_entries  # noqa: E402
from toolkit.ner.gazetteer import arabic_key  # noqa: E402
from toolkit.ner.tokenize import tokenize  # noqa: E402
from toolkit.normalize.script import has_arabic  # noqa: E402


@dataclass(frozen=True)
class ClusterParams:
    """Settings of the shipped cluster map (chosen on ANERcorp dev: see FeatureParams in
    toolkit/ner/features.py for the runs). 1024 leaves: dev 0.750 against 0.754 at 512."""

    #: Words seen fewer times get no cluster (their context vectors are noise).
    min_count: int = 2
    #: Context words: the most frequent keys (others are one "rare" context).
    contexts: int = 5000
    #: SVD dimensions.
    dims: int = 100
    #: Leaves of the tree (k-means clusters).
    leaves: int = 512
    #: Context-distribution smoothing exponent of PPMI (Levy et al. 2015).
    cds: float = 0.75
    #: Context offsets.
    window: tuple[int, ...] = (-2, -1, 1, 2)
    seed: int = 13
    #: Independent k-means runs (seeds seed, seed+1, ...), one bit string column each: a single
    #: run moved dev F1 by +-0.008 between seeds; several let the CRF average them. ANERcorp
    #: dev typed F1 with (4,6,10,0): 1 run (4,8,12,0) 0.743, 3 runs 0.754, 5 runs 0.757.
    clusterings: int = 5


def _key(word: str) -> str:
    if word.isdigit():
        return "<d>"
    return arabic_key(word)


def sentences(data: Path, anercorp: str = "dev") -> Iterator[list[str]]:
    """Token lists of the unlabelled Arabic text at hand. ``anercorp``: the last ANERcorp
    split read (``train``: the first 8/10; ``dev``: the first 9/10); never the held-out tenth."""
    split = corpora.anercorp_splits(data)
    for words, _tags in split["train"] + (split["dev"] if anercorp == "dev" else []):
        yield words
    for words, _tags in corpora.aqmar(data):
        yield words
    with open(data / "parallel" / "tatoeba_en_ar.tsv", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                yield [t.text for t in tokenize(parts[1])]
    for entry in shipped_entries():
        for name in (entry.ar, *entry.ar_variants):
            if name and has_arabic(name):
                yield [t.text for t in tokenize(name)]


def context_matrix(sents: list[list[str]], p: ClusterParams) -> tuple[list[str], sparse.csr_matrix]:
    """(vocabulary, words x (offset, context) counts)."""
    freq = Counter(k for s in sents for k in s)
    vocab = sorted((w for w, n in freq.items() if n >= p.min_count and has_arabic(w)), key=lambda w: (-freq[w], w))
    index = {w: i for i, w in enumerate(vocab)}
    ctx_words = [w for w, _ in freq.most_common(p.contexts)]
    cindex = {w: i for i, w in enumerate(ctx_words)}
    n_ctx = len(ctx_words) + 2  # + rare, + sentence edge
    rows: list[int] = []
    cols: list[int] = []
    for s in sents:
        for i, w in enumerate(s):
            r = index.get(w)
            if r is None:
                continue
            for k, off in enumerate(p.window):
                j = i + off
                c = cindex.get(s[j], len(ctx_words)) if 0 <= j < len(s) else len(ctx_words) + 1
                rows.append(r)
                cols.append(k * n_ctx + c)
    m = sparse.coo_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)),
                          shape=(len(vocab), n_ctx * len(p.window))).tocsr()
    m.sum_duplicates()
    return vocab, m


def ppmi(m: sparse.csr_matrix, cds: float) -> sparse.csr_matrix:
    total = m.sum()
    row = np.asarray(m.sum(axis=1)).ravel()
    col = np.asarray(m.sum(axis=0)).ravel() ** cds
    col = col / col.sum()
    coo = m.tocoo()
    vals = np.log(coo.data / total) - np.log(row[coo.row] / total) - np.log(col[coo.col] + 1e-300)
    keep = vals > 0
    return sparse.csr_matrix((vals[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)


def kmeans(x: np.ndarray, k: int, seed: int, iters: int = 30) -> tuple[np.ndarray, np.ndarray]:
    """(centres, assignment): k-means++ seeding, Lloyd iterations, cosine data (unit rows)."""
    rng = np.random.default_rng(seed)
    centres = [x[rng.integers(len(x))]]
    d2 = ((x - centres[0]) ** 2).sum(1)
    for _ in range(1, k):
        c = x[rng.choice(len(x), p=d2 / d2.sum())]
        centres.append(c)
        d2 = np.minimum(d2, ((x - c) ** 2).sum(1))
    cen = np.array(centres)
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        assign = (x @ cen.T - 0.5 * (cen ** 2).sum(1)).argmax(1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                cen[j] = members.mean(0)
    return cen, assign


def tree_bits(centres: np.ndarray) -> list[str]:
    """Root-to-leaf bit string of every centre in Ward's binary tree over them."""
    z = linkage(centres, method="ward")
    n = len(centres)
    children = {n + i: (int(a), int(b)) for i, (a, b, _d, _c) in enumerate(z)}
    bits = [""] * n
    stack = [(2 * n - 2, "")]
    while stack:
        node, path = stack.pop()
        if node < n:
            bits[node] = path or "0"
            continue
        left, right = children[node]
        stack.append((left, path + "0"))
        stack.append((right, path + "1"))
    return bits


def build(data: Path, p: ClusterParams, anercorp: str = "dev") -> dict[str, list[str]]:
    """word -> one bit string per clustering (``p.clusterings`` k-means seeds)."""
    sents = [[_key(w) for w in s] for s in sentences(data, anercorp)]
    vocab, m = context_matrix(sents, p)
    u, s, _vt = svds(ppmi(m, p.cds), k=p.dims, random_state=p.seed)
    x = u * np.sqrt(s)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    table: dict[str, list[str]] = {w: [] for w in vocab}
    for k in range(p.clusterings):
        centres, assign = kmeans(x, min(p.leaves, len(vocab)), p.seed + k)
        bits = tree_bits(centres)
        for w, a in zip(vocab, assign, strict=True):
            table[w].append(bits[a])
    print(f"{len(sents):,} sentences, {sum(map(len, sents)):,} tokens, {len(vocab):,} words clustered")
    return table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--min-count", type=int, default=ClusterParams.min_count)
    ap.add_argument("--leaves", type=int, default=ClusterParams.leaves)
    ap.add_argument("--dims", type=int, default=ClusterParams.dims)
    ap.add_argument("--contexts", type=int, default=ClusterParams.contexts)
    ap.add_argument("--window", default=",".join(map(str, ClusterParams.window)), help="offsets, e.g. -1,1")
    ap.add_argument("--seed", type=int, default=ClusterParams.seed)
    ap.add_argument("--clusterings", type=int, default=ClusterParams.clusterings)
    ap.add_argument("--anercorp", choices=["train", "dev"], default="dev",
                    help="ANERcorp text read: the first 8/10 (dev ablations) or 9/10 (shipped)")
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "ner" / "ar_clusters.tsv")
    args = ap.parse_args(argv)
    p = ClusterParams(min_count=args.min_count, leaves=args.leaves, dims=args.dims, contexts=args.contexts,
                      window=tuple(int(x) for x in args.window.split(",")), seed=args.seed,
                      clusterings=args.clusterings)
    t0 = time.time()
    table = build(args.data, p, args.anercorp)
    args.out.write_text("".join(f"{w}\t{chr(9).join(b)}\n" for w, b in sorted(table.items())), encoding="utf-8")
    depth = [len(b[0]) for b in table.values()]
    print(f"{p}: {len(table):,} words, depth {min(depth)}-{max(depth)} (median {int(np.median(depth))}) "
          f"-> {args.out} ({args.out.stat().st_size / 1e3:.0f} KB, {time.time() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
