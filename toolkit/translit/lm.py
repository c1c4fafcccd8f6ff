"""A character n-gram model of Latin name spellings, for reranking the model's n-best.

The seq2seq model reads the Arabic letters; what it knows about how Latin names are
*spelled* (Harvey rather than Harvi, Davis rather than Devis) is thin. A 6-gram model of
the Latin side of the training pairs (Witten–Bell interpolation, each spelling weighted by
1 + log of its count) adds that knowledge: the n-best is reranked by

    log p_model(candidate) + w · (mean log p_lm(candidate) per character)

with ``w`` (``TranslitParams.lm_weight``, ``params.py``) chosen on the Wikidata dev split
(``models/translit/MODEL_CARD.md``); the reranking itself is ``rerank.py``.

Storage (``latin_lm.safetensors``, built by ``python -m training.translit.build_lm``): every
n-gram as a base-29 integer (``a``–``z`` = 1–26, ``^`` = 27 start, ``$`` = 28 end; six
characters fit in 32 bits), sorted, with its interpolated log-probability; every context
with its back-off log-weight. Scoring a batch of candidates is a few ``searchsorted``
calls, no Python loop per character. No torch.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

ORDER = 6
BASE = 29
_START, _END = 27, 28
_NOT_LETTER = re.compile(r"[^a-z]")
FILENAME = "latin_lm.safetensors"


def _digits(word: str) -> list[int]:
    return [ord(ch) - 96 for ch in _NOT_LETTER.sub("", word.lower())]


class LatinLM:
    """Sorted n-gram codes with log-probabilities and context back-off weights."""

    def __init__(self, gram_codes: np.ndarray, gram_logp: np.ndarray, ctx_codes: np.ndarray, ctx_bow: np.ndarray,
                 order: int = ORDER) -> None:
        self.gram_codes = gram_codes.astype(np.int64)
        self.gram_logp = gram_logp.astype(np.float32)
        self.ctx_codes = ctx_codes.astype(np.int64)
        self.ctx_bow = ctx_bow.astype(np.float32)
        self.order = order
        self.floor = float(math.log(1.0 / 28))

    # ------------------------------------------------------------ build / io
    @classmethod
    def build(cls, spellings: Iterable[tuple[str, int]], order: int = ORDER) -> LatinLM:
        """Witten–Bell interpolated n-grams over ``(spelling, count)`` pairs."""
        grams: Counter[tuple[int, ...]] = Counter()
        for word, count in spellings:
            digits = _digits(word)
            if not digits:
                continue
            weight = 1.0 + math.log(max(1, count))
            seq = [_START] * (order - 1) + digits + [_END]
            for i in range(order - 1, len(seq)):
                for n in range(order):
                    grams[tuple(seq[i - n : i + 1])] += weight
        ctx_total: Counter[tuple[int, ...]] = Counter()
        ctx_types: Counter[tuple[int, ...]] = Counter()
        for g, w in grams.items():
            ctx_total[g[:-1]] += w
            ctx_types[g[:-1]] += 1
        lam = {h: n / (n + ctx_types[h]) for h, n in ctx_total.items()}
        prob: dict[tuple[int, ...], float] = {}
        for g in sorted(grams, key=len):  # lower orders first: p(c|h) = λ ML + (1-λ) p(c|h')
            h = g[:-1]
            lower = prob.get(g[1:]) if len(g) > 1 else 1.0 / 28
            if lower is None:  # cannot happen: every suffix of a seen gram was seen
                lower = 1.0 / 28
            prob[g] = lam[h] * grams[g] / ctx_total[h] + (1 - lam[h]) * lower
        gram_codes = np.array([_code(g) for g in prob], dtype=np.int64)
        gram_logp = np.log(np.array(list(prob.values()), dtype=np.float64)).astype(np.float32)
        ctx_codes = np.array([_code(h) for h in lam], dtype=np.int64)
        ctx_bow = np.log1p(-np.array(list(lam.values()), dtype=np.float64)).astype(np.float32)
        o1, o2 = np.argsort(gram_codes), np.argsort(ctx_codes)
        return cls(gram_codes[o1], gram_logp[o1], ctx_codes[o2], ctx_bow[o2], order)

    def save(self, path: Path) -> None:
        from safetensors.numpy import save_file

        save_file({"gram_codes": self.gram_codes.astype(np.uint32), "gram_logp": self.gram_logp.astype(np.float16),
                   "ctx_codes": self.ctx_codes.astype(np.uint32), "ctx_bow": self.ctx_bow.astype(np.float16)},
                  str(path), metadata={"order": str(self.order)})

    @classmethod
    def load(cls, path: Path) -> LatinLM | None:
        """The model at ``path``, or None when there is none (reranking is then skipped)."""
        if not Path(path).is_file():
            return None
        from safetensors import safe_open

        with safe_open(str(path), framework="numpy") as f:
            order = int((f.metadata() or {}).get("order", ORDER))
            arrays = {k: f.get_tensor(k) for k in f.keys()}
        return cls(arrays["gram_codes"], arrays["gram_logp"], arrays["ctx_codes"], arrays["ctx_bow"], order)

    # ------------------------------------------------------------ scoring
    def mean_logprob(self, words: list[str]) -> np.ndarray:
        """Mean log-probability per character (end symbol included) of each word, vectorised."""
        o = self.order
        cleaned = [_NOT_LETTER.sub("", w.lower()) for w in words]
        pad = chr(96 + _START) * (o - 1)
        flat = np.frombuffer("".join(pad + w + chr(96 + _END) for w in cleaned).encode("ascii"), dtype=np.uint8)
        if not len(flat):
            return np.zeros(len(words), dtype=np.float32)
        flat = flat.astype(np.int64) - 96
        lengths = np.array([len(w) + o for w in cleaned])  # padding + letters + end
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        predicted = np.ones(len(flat), dtype=bool)  # positions whose symbol is predicted
        for j in range(o - 1):
            predicted[starts + j] = False
        pos = np.flatnonzero(predicted)
        rows = np.repeat(np.arange(len(words)), lengths - (o - 1))
        window = np.lib.stride_tricks.sliding_window_view(flat, o)[pos - (o - 1)]  # (P, o)
        positions = pos
        total = np.zeros(len(positions), dtype=np.float64)
        done = np.zeros(len(positions), dtype=bool)
        for n in range(o - 1, -1, -1):  # longest context first; back off while the n-gram is unseen
            gram = _codes(window[:, o - 1 - n :])
            hit, logp = _lookup(self.gram_codes, self.gram_logp, gram)
            new = hit & ~done
            total[new] += logp[new]
            miss = ~hit & ~done
            ctx_hit, bow = _lookup(self.ctx_codes, self.ctx_bow, _codes(window[:, o - 1 - n : o - 1]))  # n = 0: ""
            total[miss & ctx_hit] += bow[miss & ctx_hit]
            done |= hit
        total[~done] += self.floor
        sums = np.bincount(rows, weights=total, minlength=len(words))
        counts = np.bincount(rows, minlength=len(words))
        return (sums / np.maximum(counts, 1)).astype(np.float32)


def _code(gram: Iterable[int]) -> int:
    code = 0
    for d in gram:
        code = code * BASE + d
    return code


def _codes(window: np.ndarray) -> np.ndarray:
    code = np.zeros(window.shape[0], dtype=np.int64)
    for j in range(window.shape[1]):
        code = code * BASE + window[:, j]
    return code


def _lookup(keys: np.ndarray, values: np.ndarray, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    idx = np.searchsorted(keys, query)
    idx = np.minimum(idx, len(keys) - 1)
    hit = keys[idx] == query
    return hit, np.where(hit, values[idx], 0.0).astype(np.float64)
