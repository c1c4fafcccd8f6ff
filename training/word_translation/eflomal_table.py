"""The same table built from eflomal word alignments, for comparison with Model 1.

    nice .venv/bin/python training/word_translation/evaluate.py --aligner eflomal

eflomal (Östling & Tiedemann 2016, ``pip install eflomal``) is a Bayesian HMM aligner with
fertility, sampled with MCMC; it outputs links, not probabilities. Here every link of
its forward and of its reverse alignment counts once, and the probabilities are the
relative link counts: ``p(ar|en) = c(en, ar) / sum_ar c(en, ar)`` and the other way.
Only a comparison: the shipped table and the runtime need nothing of eflomal.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

from training.word_translation import corpus
from training.word_translation.train import TrainParams, Trained, Vocab, counts_of, prune, tokenize


def _links(path: Path) -> list[list[tuple[int, int]]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        out.append([(int(i), int(j)) for i, j in (x.split("-") for x in line.split())])
    return out


def train_eflomal(pairs: list[corpus.Pair], params: TrainParams = TrainParams(), log=print) -> Trained:
    """The pruned table from eflomal's links over ``pairs`` (lexicon pairs repeated
    ``round(lexicon_weight)`` times, the counterpart of Model 1's sentence weight)."""
    import eflomal

    en_tok, ar_tok = tokenize(pairs)
    rep = [max(1, round(params.lexicon_weight)) if p.source == "lexicon" else 1 for p in pairs]
    sents = [(e, a) for e, a, r in zip(en_tok, ar_tok, rep) if e and a for _ in range(r)]
    with tempfile.TemporaryDirectory() as tmp:
        fwd, rev = Path(tmp) / "fwd", Path(tmp) / "rev"
        eflomal.Aligner().align([" ".join(e) for e, _ in sents], [" ".join(a) for _, a in sents],
                                links_filename_fwd=str(fwd), links_filename_rev=str(rev), quiet=True)
        links = _links(fwd), _links(rev)
    counts: Counter[tuple[str, str]] = Counter()
    for side in links:
        for (e, a), ls in zip(sents, side):
            counts.update((e[i], a[j]) for i, j in ls)
    ev, av = Vocab(), Vocab()
    keys = list(counts)
    e_ids = np.asarray(ev.ids([e for e, _ in keys]))
    a_ids = np.asarray(av.ids([a for _, a in keys]))
    c = np.asarray([counts[k] for k in keys], dtype=float)
    p_a_e = c / np.bincount(e_ids, weights=c)[e_ids]
    p_e_a = c / np.bincount(a_ids, weights=c)[a_ids]
    log(f"eflomal: {len(sents)} sentences, {len(keys)} linked word pairs")
    rows = prune(ev.words, av.words, (e_ids, a_ids, p_a_e), (a_ids, e_ids, p_e_a), params)
    return Trained(rows, *counts_of(en_tok, ar_tok, rows))
