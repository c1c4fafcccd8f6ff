"""Attested spellings: what the training data says a known word is written as, with counts.

The model generalises; for words it was trained on, the attested spellings and how often
each occurs are better evidence than its guess (محمد is Mohamed 553 times, Mohammed 297,
Muhammad 171). The table is built by ``train.py`` from the *training* split only (dev
forms are never in it, so dev numbers measure the model) and shipped beside the weights as
``attested.tsv``: ``direction \\t source \\t target \\t count``. Reading it needs no torch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MIN_COUNT = 2  # count-1 Wikidata alignments are too noisy to be evidence on their own


@dataclass(frozen=True)
class Attested:
    """Attested targets for one source word, most frequent first, with its share of the total."""

    text: str
    count: int
    share: float

    @property
    def score(self) -> float:
        """In [0.6, 1): a frequent, dominant spelling scores high; memory outranks guesses."""
        total = self.count / max(self.share, 1e-9)
        return 0.6 + 0.4 * self.share * (total / (total + 2.0))


class Memory:
    """Lookup table (direction, cleaned source) → attested targets."""

    def __init__(self, table: dict[tuple[str, str], list[Attested]]) -> None:
        self.table = table

    @classmethod
    def empty(cls) -> Memory:
        return cls({})

    @classmethod
    def build(cls, rows: Iterable[tuple[str, str, str, int]]) -> Memory:
        counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for direction, source, target, count in rows:
            counts[(direction, source)][target] += count
        table: dict[tuple[str, str], list[Attested]] = {}
        for key, targets in counts.items():
            total = sum(targets.values())
            kept = sorted(((t, c) for t, c in targets.items() if c >= MIN_COUNT), key=lambda tc: (-tc[1], tc[0]))
            if kept:
                table[key] = [Attested(t, c, c / total) for t, c in kept[:8]]
        return cls(table)

    @classmethod
    def load(cls, path: Path) -> Memory:
        if not path.is_file():
            return cls.empty()
        rows = []
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                parts = line.rstrip("\n").split("\t")
                if number == 1 and parts[0] == "direction":
                    continue
                if len(parts) != 4 or not parts[3].isdigit():
                    raise ValueError(f"{path}:{number}: expected direction, source, target, count")
                rows.append((parts[0], parts[1], parts[2], int(parts[3])))
        return cls.build(rows)

    def save(self, path: Path) -> None:
        with path.open("w", encoding="utf-8") as handle:
            handle.write("direction\tsource\ttarget\tcount\n")
            for (direction, source), targets in sorted(self.table.items()):
                for a in targets:
                    handle.write(f"{direction}\t{source}\t{a.text}\t{a.count}\n")

    def get(self, direction: str, source: str) -> list[Attested]:
        return self.table.get((direction, source), [])

    def __len__(self) -> int:
        return len(self.table)
