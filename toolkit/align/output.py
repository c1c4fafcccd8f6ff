"""Writing an alignment: the JSON document, ``pairs.tsv``, tab-separated lines, a table.

Why beside the aligner (as :mod:`toolkit.entities.output` is beside the entity list): the
formats are part of the contract (../shared/DESIGN.md), and a script that aligns a folder
of reports should write the same files as ``toolkit align --out``.

``pairs.tsv`` has a header and leaves an empty side empty; the lines for a pipe have no
header and write an empty side as ``-`` so that ``cut -f1`` never yields an empty field.
Both collapse the whitespace inside a side, so one link is always one line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .types import Alignment

PAIRS_HEADER = "en\tar\tscore\ten_text\tar_text"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def pair_lines(alignment: Alignment) -> Iterator[str]:
    """One tab-separated line per link: indices (``-`` for none), score, both texts."""
    for en_side, ar_side, link in alignment.pairs():
        yield (
            f"{','.join(map(str, link.en)) or '-'}\t{','.join(map(str, link.ar)) or '-'}\t{link.score:.3f}\t"
            f"{_one_line(en_side)}\t{_one_line(ar_side)}"
        )


def to_tsv(alignment: Alignment) -> str:
    """The ``pairs.tsv`` file: a header, then one row per link."""
    rows = [PAIRS_HEADER]
    for en_side, ar_side, link in alignment.pairs():
        rows.append(
            "\t".join(
                [
                    ",".join(map(str, link.en)),
                    ",".join(map(str, link.ar)),
                    f"{link.score:.3f}",
                    _one_line(en_side),
                    _one_line(ar_side),
                ]
            )
        )
    return "\n".join(rows) + "\n"


def to_json(document: Mapping[str, Any], indent: int | None = None) -> str:
    """A document from :meth:`Alignment.to_json` (perhaps with more keys) as JSON text."""
    return json.dumps(document, ensure_ascii=False, indent=indent)


def to_rich_table(alignment: Alignment) -> Any:
    """Side by side for a terminal: a ``rich.table.Table`` (rich is imported here, late)."""
    from rich.table import Table

    pairs = alignment.pairs()
    table = Table(show_lines=True, title=f"{len(pairs)} links ({alignment.mode})")
    table.add_column("en", justify="right", no_wrap=True)
    table.add_column("English", ratio=1)
    table.add_column("Arabic", ratio=1, justify="right")
    table.add_column("ar", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    for en_side, ar_side, link in pairs:
        table.add_row(
            ",".join(map(str, link.en)) or "-",
            en_side or "—",
            ar_side or "—",
            ",".join(map(str, link.ar)) or "-",
            f"{link.score:.2f}",
        )
    return table


def write_dir(
    out_dir: Path, alignment: Alignment, document: Mapping[str, Any], more: Mapping[str, str] | None = None
) -> list[str]:
    """Write ``alignment.json`` (``document``), ``pairs.tsv`` and the ``more`` files
    (name -> text) into ``out_dir``, created when missing; the names written, in order.
    An ``OSError`` says what could not be written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {"alignment.json": to_json(document, indent=1) + "\n", "pairs.tsv": to_tsv(alignment), **(more or {})}
    for name, text in files.items():
        (out_dir / name).write_text(text, encoding="utf-8")
    return list(files)
