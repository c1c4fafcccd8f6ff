"""The shipped word translation table, read once per process.

``models/word_translation/table.tsv`` has one row per kept word pair,
``en <TAB> ar <TAB> p(ar | en) <TAB> p(en | ar)``, both conditionals of IBM Model 1
trained in each direction (see the model card). Reading it into two dictionaries takes
about 0.3 s, so it is done lazily, on the first question, and kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..resources import models_dir

TABLE_NAME = "table.tsv"
WORDS_NAME = "words.tsv"


@dataclass(frozen=True)
class Table:
    """Both directions of the table: ``en2ar[en][ar] = p(ar|en)``, ``ar2en[ar][en] =
    p(en|ar)``; a pair kept for one direction carries the other direction's
    probability too (0 where that one was not above the pruning floor)."""

    en2ar: dict[str, dict[str, float]]
    ar2en: dict[str, dict[str, float]]
    en_words: frozenset[str]  # every English word of the table
    ar_words: frozenset[str]  # every Arabic word of the table
    path: Path
    en_counts: dict[str, int] = field(default_factory=dict)  # training-corpus counts (words.tsv)
    ar_counts: dict[str, int] = field(default_factory=dict)

    def pair(self, en: str, ar: str) -> tuple[float, float]:
        """``(p(ar|en), p(en|ar))`` of two table words, ``(0, 0)`` when not kept."""
        fwd = self.en2ar.get(en, {}).get(ar, 0.0)
        bwd = self.ar2en.get(ar, {}).get(en, 0.0)
        return fwd, bwd


def default_path() -> Path:
    """Where the shipped table lives."""
    return models_dir() / "word_translation" / TABLE_NAME


def read_table(path: Path) -> Table:
    """Read a table file; a malformed row raises ``ValueError`` naming file and line."""
    en2ar: dict[str, dict[str, float]] = {}
    ar2en: dict[str, dict[str, float]] = {}
    en_words: set[str] = set()
    ar_words: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                raise ValueError(f"{path}:{n}: expected 4 tab-separated fields, got {len(parts)}")
            en, ar, fwd, bwd = parts
            try:
                pf, pb = float(fwd), float(bwd)
            except ValueError as err:
                raise ValueError(f"{path}:{n}: probability is not a number") from err
            en_words.add(en)
            ar_words.add(ar)
            if pf > 0:
                en2ar.setdefault(en, {})[ar] = pf
            if pb > 0:
                ar2en.setdefault(ar, {})[en] = pb
    en_counts, ar_counts = read_counts(Path(path).with_name(WORDS_NAME))
    return Table(en2ar, ar2en, frozenset(en_words), frozenset(ar_words), Path(path), en_counts, ar_counts)


def read_counts(path: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Word counts of ``words.tsv`` (``lang <TAB> word <TAB> count``); empty when the
    file is absent (a table without counts weighs every content word alike)."""
    counts: dict[str, dict[str, int]] = {"en": {}, "ar": {}}
    if not path.is_file():
        return counts["en"], counts["ar"]
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[0] not in counts or not parts[2].isdigit():
                raise ValueError(f"{path}:{n}: expected lang (en|ar), word and a count")
            counts[parts[0]][parts[1]] = int(parts[2])
    return counts["en"], counts["ar"]


@lru_cache(maxsize=1)
def arabic_words(path: Path | None = None) -> frozenset[str]:
    """The Arabic words of the table (match level, proclitics split off), read from its
    second column only: about 0.05 s, where the whole table takes 0.2-0.3 s. The
    transliterator asks it whether a spelling is a word of the language."""
    words: set[str] = set()
    source = Path(path) if path is not None else default_path()
    if not source.is_file():
        return frozenset()
    with open(source, encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                cells = line.split("\t", 2)
                if len(cells) > 2:
                    words.add(cells[1])
    return frozenset(words)


@lru_cache(maxsize=4)
def load_table(path: Path | None = None) -> Table:
    """The table at ``path`` (the shipped one by default), read once per process."""
    return read_table(Path(path) if path is not None else default_path())
