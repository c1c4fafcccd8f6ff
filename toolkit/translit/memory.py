"""Attested spellings: what the training data says a known word is written as, with counts.

The model generalises; for words it was trained on, the attested spellings and how often
each occurs are better evidence than its guess (محمد is Mohamed 553 times, Mohammed 297,
Muhammad 171). The table is built by ``train.py`` from the *training* split only (dev
forms are never in it, so dev numbers measure the model) and shipped beside the weights as
``attested.tsv``: ``direction \\t source \\t target \\t count``. Reading it needs no torch.
"""

from __future__ import annotations

import bisect
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


def ranked(counts: dict[str, int], limit: int | None = None, ties_by_text: bool = True) -> list[Attested]:
    """Spellings with their counts as :class:`Attested`, most frequent first; equal counts
    by text, or (``ties_by_text`` False) in the order the evidence gave them."""
    total = sum(counts.values())
    key = (lambda tc: (-tc[1], tc[0])) if ties_by_text else (lambda tc: -tc[1])
    order = sorted(counts.items(), key=key)[:limit]
    return [Attested(t, c, c / total) for t, c in order]


class Memory:
    """Lookup table (direction, cleaned source) → attested targets."""

    def __init__(self, table: dict[tuple[str, str], list[Attested]]) -> None:
        self.table = table
        self._lines: list[str] = []
        self._path: Path | None = None

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
        """Read ``attested.tsv`` as sorted lines and binary-search it on demand.

        Why not a dict: a cold ``toolkit translit`` call looks up a handful of words, and
        parsing 80,000 lines into objects would cost more than everything else it does.
        """
        memory = cls({})
        if not path.is_file():
            return memory
        lines = path.read_text(encoding="utf-8").split("\n")
        if lines and lines[0].startswith("direction\t"):
            lines = lines[1:]
        memory._lines = sorted(line for line in lines if line)  # C-speed; get() re-ranks by count
        memory._path = path
        return memory

    def save(self, path: Path) -> None:
        """Lines sorted by ``direction\tsource\t`` so that ``load`` can binary-search them."""
        keys = set(self.table)
        for line in self._lines:
            parts = line.split("\t")
            keys.add((parts[0], parts[1]))
        rows = []
        for direction, source in keys:
            for a in self.get(direction, source):
                rows.append((f"{direction}\t{source}\t", f"{a.text}\t{a.count}"))
        rows.sort(key=lambda r: r[0])  # stable: most frequent first within a key
        with path.open("w", encoding="utf-8") as handle:
            handle.write("direction\tsource\ttarget\tcount\n")
            for head, tail in rows:
                handle.write(head + tail + "\n")

    def get(self, direction: str, source: str) -> list[Attested]:
        key = (direction, source)
        found = self.table.get(key)
        if found is None:
            if not self._lines:
                return []
            prefix = f"{direction}\t{source}\t"
            i = bisect.bisect_left(self._lines, prefix)
            rows: list[tuple[str, int]] = []
            while i < len(self._lines) and self._lines[i].startswith(prefix):
                parts = self._lines[i].split("\t")
                if len(parts) != 4 or not parts[3].isdigit():
                    raise ValueError(f"{self._path}: malformed line {parts!r}: expected direction, source, target, count")
                rows.append((parts[2], int(parts[3])))
                i += 1
            total = sum(c for _, c in rows)
            found = [Attested(t, c, c / total) for t, c in sorted(rows, key=lambda tc: (-tc[1], tc[0]))]
            self.table[key] = found
        return found

    def __len__(self) -> int:
        return len(self.table) if not self._lines else len({tuple(line.split("\t", 2)[:2]) for line in self._lines})
