"""The model's Arabic → Latin n-best reranked by the Latin spelling model (``lm.py``).

score = exp(mean log p_model + w · (mean log p_lm − the best mean log p_lm of the list)):
the spelling the n-gram model likes best keeps the model's probability, the others lose in
proportion to how unusual their spelling is. ``w`` is ``TranslitParams.lm_weight``.
"""

from __future__ import annotations

import math
from typing import Any


def plain(hyps: list[list[Any]]) -> list[list[tuple[str, float]]]:
    """The n-best as (text, probability), in the model's order."""
    return [[(x.text, x.prob) for x in h] for h in hyps]


def rerank(hyps: list[list[Any]], lm: Any, weight: float) -> list[list[tuple[str, float]]]:
    """Each word's n-best (``model.Hypothesis`` lists) as (text, score), best first."""
    flat = [x.text for h in hyps for x in h]
    scores = iter(lm.mean_logprob(flat).tolist()) if flat else iter(())
    out = []
    for h in hyps:
        lms = [next(scores) for _ in h]
        if not h:
            out.append([])
            continue
        best = max(lms)
        ranked = [(x.text, math.exp(x.logprob + weight * (v - best))) for x, v in zip(h, lms)]
        out.append(sorted(ranked, key=lambda ts: -ts[1]))
    return out
