"""The shipped lexicons: one place that finds and reads ``lexicons/*.tsv``.

Why here, below the lookup index and the transliterator: extraction, transliteration and
the index all need the shipped entries, and none of them should need the others to get
them. Reading the TSV files straight costs about 0.05 s; the compiled search index, whose
first build on a fresh installation takes seconds, is only for fuzzy lookup.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..resources import lexicons_dir
from .load import load_file
from .schema import Entry


def shipped_paths() -> list[Path]:
    """The shipped lexicons: every ``*.tsv`` in the lexicons folder, sorted."""
    folder = lexicons_dir()
    return sorted(p.resolve() for p in folder.glob("*.tsv")) if folder.is_dir() else []


@lru_cache(maxsize=1)
def _shipped_entries() -> tuple[Entry, ...]:
    return tuple(e for path in shipped_paths() for e in load_file(path).entries)


def shipped_entries() -> list[Entry]:
    """Every entry of the shipped lexicons, in file order (read once per process).

    A broken shipped file raises :class:`~toolkit.lexdata.errors.LexiconError` naming the
    file and line: the files ship with the wheel, so a fault there is a bug to see.
    """
    return list(_shipped_entries())
