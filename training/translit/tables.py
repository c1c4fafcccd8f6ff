"""The tables shipped beside the model: attested spellings and the Latin spelling model.

``attested.tsv`` (:func:`build_memory`) is built from every public pair, held-out forms
included (``pairs.all_pairs``); the benchmark measures the held-out sets with the
training split's table instead (:func:`training_memory`). The Latin spelling n-gram
model (``latin_lm.safetensors``, :func:`build_latin_lm`) is built from the training split
only. Neither needs torch.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from toolkit.translit.lm import LatinLM
from toolkit.translit.memory import Memory

from training.translit.pairs import Pair, load_splits


def training_memory(data: Path) -> Memory:
    """The attested table of the training split only, for honest dev and test numbers."""
    return build_memory(load_splits(data)[0])


def build_memory(pairs: list[Pair]) -> Memory:
    """Attested spellings of the words of ``pairs`` (both directions), for ``attested.tsv``."""
    rows = []
    for p in pairs:
        rows.append(("latin", p.arabic, p.latin, p.count))
        rows.append(("arabic", p.latin, p.arabic, p.count))
    return Memory.build(rows)


def build_latin_lm(pairs: list[Pair]) -> LatinLM:
    """The Latin spelling n-gram model of the training pairs, for reranking (``lm.py``)."""
    counts: dict[str, int] = defaultdict(int)
    for p in pairs:
        counts[p.latin] += p.count
    return LatinLM.build(counts.items())
