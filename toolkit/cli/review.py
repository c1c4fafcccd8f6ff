"""``toolkit review``: a report pair as one self-contained HTML page (issue 17)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .base import app, command
from .inputs import read_report
from .output import fail, say, stdout


@command(app)
def review(
    en_file: Annotated[Path, typer.Argument(help="English report ('-': stdin).")],
    ar_file: Annotated[Optional[Path], typer.Argument(help="Arabic counterpart of the report (optional).")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the page to this file (default: stdout).")] = None,
    presplit: Annotated[bool, typer.Option("--presplit", help="One sentence a line in both files.")] = False,
    registry: Annotated[Optional[Path], typer.Option("--registry", help="SQLite registry: file the entities there and show their registry ids.")] = None,
    doc: Annotated[Optional[str], typer.Option("--doc", help="Document name in the registry (default: the file names).")] = None,
    encoder: Annotated[Optional[str], typer.Option("--encoder", help="Sentence encoder for the aligner (use, e5, hash, or a local directory).")] = None,
) -> None:
    """A review page: both reports side by side and the entity list, in one HTML file.

    English on the left, Arabic right-to-left on the right, aligned sentences on one row
    (unmatched ones marked) with each link's score; every mention highlighted by type,
    and hovering or clicking one marks all mentions of its entity in both reports. The
    entity table sorts by any column and filters low-confidence entities; names that
    are only suggestions (transliterations) are marked. The file needs no network.

    Examples:

      toolkit review examples/report_en.txt examples/report_ar.txt -o review.html

      toolkit review en.txt ar.txt --presplit --registry entities.db -o review.html
    """
    from ..entities.registry import RegistryError
    from ..review import review_html

    en_text = read_report(en_file)
    ar_text = read_report(ar_file) if ar_file is not None else None
    names = [str(p) for p in (en_file, ar_file) if p is not None]
    try:
        page = review_html(
            en_text, ar_text, en_name=names[0], ar_name=names[1] if len(names) > 1 else "",
            presplit=presplit, encoder=encoder, registry=registry, doc=doc or " + ".join(names),
        )
    except (ValueError, RegistryError) as exc:
        fail(str(exc))
    if output is None:
        stdout.write(page)
        return
    try:
        output.write_text(page, encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: cannot write: {exc.strerror}")
    say(f"toolkit: review page written to {output}")
