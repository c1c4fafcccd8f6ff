"""The Latin spelling n-gram model: building, storage, vectorised scoring, reranking."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from toolkit.translit.lm import FILENAME, LatinLM

SPELLINGS = [("thomas", 50), ("thompson", 20), ("harvey", 10), ("davis", 30), ("david", 40), ("mitchell", 8),
             ("russell", 9), ("peter", 25), ("harry", 7), ("dave", 3)]


def _naive(lm_spellings: list[tuple[str, int]], word: str, order: int) -> float:
    """Witten–Bell interpolation computed directly from counts (the definition)."""
    from collections import Counter

    grams: Counter[str] = Counter()
    for w, c in lm_spellings:
        s = "^" * (order - 1) + w + "$"
        for i in range(order - 1, len(s)):
            for n in range(order):
                grams[s[i - n : i + 1]] += 1 + math.log(c)
    total: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for g, v in grams.items():
        total[g[:-1]] += v
        types[g[:-1]] += 1
    s = "^" * (order - 1) + word + "$"
    logp = 0.0
    for i in range(order - 1, len(s)):
        p = 1 / 28
        for n in range(order):
            h = s[i - n : i]
            if total[h]:
                lam = total[h] / (total[h] + types[h])
                p = lam * grams[h + s[i]] / total[h] + (1 - lam) * p
        logp += math.log(p)
    return logp / (len(word) + 1)


def test_scores_match_the_definition_and_prefer_usual_spellings(tmp_path: Path) -> None:
    lm = LatinLM.build(SPELLINGS, order=4)
    words = ["thomas", "tomas", "harvey", "harvi", "davis", "devis", "qxz", ""]
    got = lm.mean_logprob(words)
    for w, g in zip(words, got):
        assert abs(g - _naive(SPELLINGS, w, 4)) < 1e-4, w
    assert got[0] > got[1] and got[2] > got[3] and got[4] > got[5]
    lm.save(tmp_path / FILENAME)
    again = LatinLM.load(tmp_path / FILENAME)
    assert again is not None and again.order == 4
    assert np.abs(again.mean_logprob(words) - got).max() < 1e-2  # stored as float16
    assert LatinLM.load(tmp_path / "missing.safetensors") is None


def test_case_and_marks_are_ignored() -> None:
    lm = LatinLM.build(SPELLINGS)
    a, b = lm.mean_logprob(["Al-Thomas", "althomas"])
    assert a == b


def test_reranking_prefers_usual_spellings(memory_only_dir: Path) -> None:
    from toolkit.translit import Transliterator
    from toolkit.translit.model import Hypothesis

    LatinLM.build(SPELLINGS).save(memory_only_dir / FILENAME)
    engine = Transliterator(model_dir=memory_only_dir, use_lexicon=False)
    hyps = [[Hypothesis("devis", math.log(0.8)), Hypothesis("davis", math.log(0.7))], []]
    ranked = engine._rerank(hyps, "latin")
    assert [t for t, _ in ranked[0]] == ["davis", "devis"] and ranked[1] == []
    assert all(0 < s <= 1 for _, s in ranked[0])
    assert [t for t, _ in engine._rerank(hyps, "arabic")[0]] == ["devis", "davis"]  # Latin only
    off = Transliterator(model_dir=memory_only_dir, use_lexicon=False, lm_weight=0)
    assert [t for t, _ in off._rerank(hyps, "latin")[0]] == ["devis", "davis"]
