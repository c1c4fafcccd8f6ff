"""Many lines normalized at once: what ``toolkit normalize`` runs on a file.

Why: one call a line costs a Python call, the passes' fixed cost and a write per line;
a block of lines joined by "\\n" goes through each level's passes once with the "\\n"
kept (no fold reads or writes it, see :func:`.arabic.newline_is_inert`), which gives the
same bytes as one call a line (``tests/normalize/test_blocks.py`` proves it on mixed
Arabic, Latin, empty and invalid lines).  With ``lang='auto'`` each line still picks its
normalizer: the block is cut into runs of consecutive lines of one language.
"""

from __future__ import annotations

from typing import Literal

from .arabic import normalize_arabic_lines
from .latin import normalize_latin_lines
from .levels import LEVELS, Lang, Level
from .script import has_arabic


def _lines_of(block: str, lang: Literal["ar", "en"], level: Level) -> str:
    return normalize_arabic_lines(block, level) if lang == "ar" else normalize_latin_lines(block, level)


def normalize_lines(block: str, lang: Lang = "auto", level: Level = "search") -> str:
    """``"\\n".join(normalize(line, lang, level) for line in block.split("\\n"))``, faster."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    if lang in ("ar", "en"):
        return _lines_of(block, lang, level)
    if lang != "auto":
        raise ValueError(f"unknown language {lang!r}; choose ar, en or auto")
    lines = block.split("\n")
    out: list[str] = []
    start = 0
    current: Literal["ar", "en"] | None = None
    for i, line in enumerate(lines):
        this: Literal["ar", "en"] = "ar" if has_arabic(line) else "en"
        if this != current:
            if current is not None:
                out.append(_lines_of("\n".join(lines[start:i]), current, level))
            start, current = i, this
    if current is not None:
        out.append(_lines_of("\n".join(lines[start:]), current, level))
    return "\n".join(out)
