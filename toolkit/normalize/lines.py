"""Many lines normalized at once: what ``toolkit normalize`` runs on a file.

Why: one call a line costs a Python call, the passes' fixed cost and a write per line;
a block of lines joined by "\\n" goes through each level's passes once with the "\\n"
kept (no fold reads or writes it, see :func:`.arabic.newline_is_inert`), which gives the
same bytes as one call a line (``tests/normalize/test_blocks.py`` proves it on mixed
Arabic, Latin, empty and invalid lines).  With ``lang='auto'`` each line still picks its
normalizer: the Arabic lines go as one block, the others as another, and the results
are put back in the input's order.
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
    is_ar = [has_arabic(line) for line in lines]
    if all(is_ar) or not any(is_ar):
        return _lines_of(block, "ar" if is_ar[0] else "en", level)
    # Each language's lines as one block (outputs hold no "\n" but the separators),
    # then the results put back in the order of the input.
    ar_out = iter(_lines_of("\n".join(x for x, a in zip(lines, is_ar) if a), "ar", level).split("\n"))
    en_out = iter(_lines_of("\n".join(x for x, a in zip(lines, is_ar) if not a), "en", level).split("\n"))
    return "\n".join(next(ar_out) if a else next(en_out) for a in is_ar)
