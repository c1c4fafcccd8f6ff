"""``toolkit lookup``: the entity behind any spelling of a name (issue 3)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .base import app, command, workers_or_default
from .inputs import BATCH_LINES, read_line_batches
from .output import emit_json, fail, out, stdout

if TYPE_CHECKING:
    from ..lexicon import Lexicon, Match


class TypeOption(str, Enum):
    PER = "PER"
    ORG = "ORG"
    LOC = "LOC"
    MISC = "MISC"


def open_lexicon(paths: Optional[list[Path]], with_shipped: bool, translit: bool = True) -> Lexicon:
    """The lexicon the lookup commands search: the shipped ones, or the given files
    (plus the shipped ones with --with-shipped), with the transliteration model as its
    speller. Errors stop with file:line: reason."""
    from ..defaults import lexicon_from
    from ..lexdata.errors import LexiconError

    try:
        return lexicon_from(paths or [], with_shipped, translit=translit)
    except LexiconError as exc:
        fail(str(exc))


@command(app)
def lookup(
    query: Annotated[Optional[str], typer.Argument(help="A name in either script; omit to read stdin, one query a line.")] = None,
    lexicon: Annotated[
        Optional[list[Path]],
        typer.Option("--lexicon", "-l", help="A user lexicon (TSV, CSV, JSONL with 'id' and 'ar' or 'en'); repeatable."),
    ] = None,
    with_shipped: Annotated[bool, typer.Option("--with-shipped", help="Search the shipped lexicons too when --lexicon is given.")] = False,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many matches per query.")] = 5,
    type_: Annotated[Optional[TypeOption], typer.Option("--type", "-t", case_sensitive=False, help="Only entities of this type.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per query (JSONL).")] = False,
    workers: Annotated[
        int, typer.Option("--workers", "-j", min=0, help="Processes for queries on stdin (0: one per core, at most 4).")
    ] = 0,
    translit: Annotated[
        bool,
        typer.Option(
            "--translit/--no-translit",
            help="Ask the transliteration model for the Arabic spellings of a Latin query that found no sure match.",
        ),
    ] = True,
) -> None:
    """Find the entity behind any spelling of a name, in English or Arabic.

    Examples:

      toolkit lookup "Kata'ib Hizballah"

      toolkit lookup "محمد شياع السوداني" --top 3

      toolkit lookup "Naim Barich" --lexicon people.tsv --json

      cat names.txt | toolkit lookup --lexicon my_list.csv --with-shipped --json
    """
    if query is not None and not query.strip():
        fail("empty query: nothing to look up")  # the rule of translit "" too
    from concurrent.futures.process import BrokenProcessPool

    from ..lexicon.parallel import lookup_batches

    lex = open_lexicon(lexicon, with_shipped)
    workers = workers_or_default(workers)
    batches = (
        [line.encode("utf-8", "replace").decode("utf-8") for _, line in batch]
        for batch in read_line_batches(query, size=BATCH_LINES)
    )
    answers = lookup_batches(
        lex, batches, top=top, type=type_.value if type_ else None, workers=workers, drain_below=BATCH_LINES,
        translit=translit,
    )
    try:
        for lines, matches_of_batch in answers:
            for line, matches in zip(lines, matches_of_batch):
                _print_answer(line, matches, as_json, single=query is not None)
    except BrokenProcessPool:
        fail(f"a lookup worker process died (out of memory?); rerun with --workers 1 (was {workers})")


def _print_answer(line: str, matches: list[Match], as_json: bool, single: bool) -> None:
    """One query's answer: a JSON line, a table (a single query) or a tab-separated line."""
    if not line.strip():
        if as_json:
            emit_json({"query": line, "matches": []})
        return
    if as_json:
        emit_json({"query": line, "matches": [m.as_dict() for m in matches]})
    elif single:
        _print_table(line, matches)
    else:
        found = "; ".join(f"{m.id} {m.score:.2f} {m.why} ({m.en or m.ar})" for m in matches)
        out(f"{line}\t{found or '-'}")


def _print_table(query: str, matches: list[Match]) -> None:
    from rich.console import Console
    from rich.table import Table

    if not matches:
        out(f"no match for {query!r}")
        return
    table = Table(title=f"lookup: {query}", title_justify="left")
    for col in ("#", "id", "type", "en", "ar", "score", "why", "matched"):
        table.add_column(col, justify="right" if col in ("#", "score") else "left")
    for rank, m in enumerate(matches, start=1):
        table.add_row(str(rank), m.id, m.type, m.en, m.ar, f"{m.score:.3f}", m.why, m.matched)
    stdout.flush()  # rich writes to sys.stdout itself
    # A pipe gets full-width rows rather than names cut at 80 columns.
    Console(soft_wrap=False, width=None if sys.stdout.isatty() else 200).print(table)
