"""``toolkit lexicon validate | build | stats``: check, compile and count lexicons."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .base import app, command
from .lookup import open_lexicon
from .output import emit_json, fail, out, say, warn

lexicon_app = typer.Typer(
    help="Check, compile and count lexicons (see lexicons/README.md for the format).",
    no_args_is_help=True,
)
app.add_typer(lexicon_app, name="lexicon")

_PATHS_HELP = "Lexicon files (TSV, CSV, JSONL); none: the shipped lexicons."

#: Index build warnings printed by ``lexicon build`` before "... and N more".
SHOWN_BUILD_WARNINGS = 20


@command(lexicon_app, "validate")
def lexicon_validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help=_PATHS_HELP)] = None,
    with_shipped: Annotated[bool, typer.Option("--with-shipped", help="Validate together with the shipped lexicons.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only, not warnings.")] = False,
) -> None:
    """Check lexicon files: print every problem as file:line: field: reason.

    Exits 1 when there is an error (duplicate id, unknown type, empty name, Arabic
    field without Arabic letters, missing parent, ...); warnings do not fail.
    """
    from ..lexdata.validate import validate_lexicons

    files, issues = validate_lexicons(paths or [], with_shipped)
    errors = [i for i in issues if i.severity == "error"]
    for issue in issues:
        if issue.severity == "error" or not quiet:
            out(f"{issue.severity}: {issue}")
    summary = f"{len(files)} file(s): {len(errors)} error(s), {len(issues) - len(errors)} warning(s)"
    if errors:
        say(f"toolkit: {summary}")
        raise typer.Exit(1)
    say(f"toolkit: ok, {summary}")


@command(lexicon_app, "build")
def lexicon_build(
    paths: Annotated[Optional[list[Path]], typer.Argument(help=_PATHS_HELP)] = None,
    with_shipped: Annotated[bool, typer.Option("--with-shipped", help="Compile the shipped lexicons in too.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Rebuild even when the cached index is up to date.")] = False,
) -> None:
    """Compile lexicons into the cached SQLite index and print where it is."""
    from ..lexdata.errors import LexiconError
    from ..lexdata.validate import lexicon_paths
    from ..lexicon.index import build, ensure, index_path

    files = lexicon_paths(paths or [], with_shipped)
    try:
        report = build(files, index_path(files)) if force else ensure(files)
    except LexiconError as exc:
        fail(str(exc))
    if not report.rebuilt:
        out(f"{report.path}\tup to date")
        return
    for w in report.warnings[:SHOWN_BUILD_WARNINGS]:
        warn(str(w))
    if len(report.warnings) > SHOWN_BUILD_WARNINGS:
        warn(f"... and {len(report.warnings) - SHOWN_BUILD_WARNINGS} more warnings (see toolkit lexicon validate)")
    out(f"{report.path}\t{report.entities} entities\t{report.names} names\t{report.seconds:.1f}s")


@command(lexicon_app, "stats")
def lexicon_stats(
    paths: Annotated[Optional[list[Path]], typer.Argument(help=_PATHS_HELP)] = None,
    with_shipped: Annotated[bool, typer.Option("--with-shipped", help="Count the shipped lexicons too.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
) -> None:
    """Count entities per type and per file, and names per kind."""
    stats = open_lexicon(paths, with_shipped if paths else False, translit=False).stats()
    if as_json:
        emit_json(stats)
        return
    out(f"index\t{stats['index']}")
    out(f"entities\t{stats['entities']}")
    out(f"names\t{stats['names']}")
    for key in ("by_type", "by_source", "by_kind"):
        for name, count in stats[key].items():  # type: ignore[union-attr]
            out(f"{key[3:]}\t{name}\t{count}")
