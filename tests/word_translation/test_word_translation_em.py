"""The training code: IBM Model 1 EM recovers the alignment of a toy corpus."""

from __future__ import annotations

import numpy as np

from toolkit.word_translation import phrase_score, read_table
from training.word_translation.corpus import Pair
from training.word_translation.em import cooccurrences, log_likelihood, model1
from training.word_translation.train import TrainParams, train, write_table

# "the house" / "das Haus"-style toy: every word is disambiguated by co-occurrence.
TOY = [
    (["green", "house"], ["casa", "verde"]),
    (["house"], ["casa"]),
    (["the", "house"], ["la", "casa"]),
    (["the", "book"], ["el", "libro"]),
    (["green", "book"], ["libro", "verde"]),
    (["book"], ["libro"]),
]


def _ids(sents, vocab):
    return [[vocab.setdefault(w, len(vocab) + 1) for w in s] for s in sents]


def test_model1_recovers_toy_alignment():
    ev, fv = {}, {}
    src = _ids([s for s, _ in TOY], ev)
    tgt = _ids([t for _, t in TOY], fv)
    cooc = cooccurrences(src, tgt, len(ev) + 1, len(fv) + 1)
    before = log_likelihood(cooc, model1(cooc, 1))
    theta = model1(cooc, 20)
    assert log_likelihood(cooc, theta) > before
    t = {(int(s), int(g)): p for s, g, p in zip(cooc.src, cooc.tgt, theta)}
    inv = {v: k for k, v in fv.items()}
    for en, es in [("house", "casa"), ("book", "libro"), ("green", "verde")]:
        row = {inv[g]: p for (s, g), p in t.items() if s == ev[en]}
        assert max(row, key=row.get) == es, (en, row)
        assert row[es] > 0.5
    # t(.|src) is a distribution for every source word
    sums = np.bincount(cooc.src, weights=theta)
    assert np.allclose(sums[np.unique(cooc.src)], 1.0)


def test_train_writes_a_table_the_runtime_reads(tmp_path):
    pairs = [Pair(en, ar, "toy") for en, ar in [
        ("Ministry of Health", "وزارة الصحة"), ("Ministry of Defence", "وزارة الدفاع"),
        ("Health Committee", "لجنة الصحة"), ("Defence Committee", "لجنة الدفاع"),
        ("the ministry", "الوزارة"), ("the committee", "اللجنة"),
    ]]
    model = train(pairs, TrainParams(iterations=15, top_k=3, min_prob=0.05), log=lambda *_: None)
    path = write_table(model, tmp_path, {"toy": True})
    table = read_table(path)
    assert max(table.en2ar["health"], key=table.en2ar["health"].get) == "صحه"
    assert max(table.ar2en["لجنه"], key=table.ar2en["لجنه"].get) == "committee"
    assert table.en_counts["ministry"] == 3
    assert phrase_score("Defence Ministry", "وزارة الدفاع", table=table) > \
        phrase_score("Defence Ministry", "لجنة الصحة", table=table)
