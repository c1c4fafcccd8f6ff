"""``toolkit ner``: the trained taggers' mentions, one text a line."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer

from .base import LangOption, app, command
from .inputs import read_file_lines
from .output import emit_json, out, warn


@command(app)
def ner(
    file: Annotated[Optional[Path], typer.Argument(help="A text file, one text a line; omit (or '-') to read stdin.")] = None,
    lang: Annotated[LangOption, typer.Option(help="en, ar, or auto (Arabic when the line holds Arabic letters).")] = LangOption.auto,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object a line: the text and its mentions with offsets.")] = False,
    document: Annotated[bool, typer.Option("--document", help=(
        "Read all lines as one document: an Arabic name the tagger found on one line is also found "
        "where it stands again on another (source 'document'). Holds the input in memory."))] = False,
) -> None:
    """Named-entity mentions (PER, ORG, LOC, MISC) found by the shipped CRF taggers.

    Each line is one text; offsets count characters of that line. Without --json, one
    tab-separated row a mention: line, start, end, type, score, text. The score is the
    tagger's probability for the span's labels (its least sure token). Within a line, an
    Arabic name found once is also found where it repeats; --document does so across lines.
    Arabic words run together (a text that lost its spaces, or a word joined to the next
    after ة) are read apart; the offsets and text of a mention are still the line's.

    Examples:

      echo "Barack Obama visited Paris on Monday." | toolkit ner --lang en

      toolkit ner news_ar.txt --lang ar --json

      toolkit ner report_ar.txt --lang ar --document --json
    """
    from ..ner import find_mentions

    if document:
        rows = list(_lines(file, lang))
        pairs: Iterable[tuple[tuple[int, str, str], list]] = zip(rows, _as_document(rows))
    else:  # streamed: one line in memory at a time
        pairs = ((row, find_mentions(row[1], row[2])) for row in _lines(file, lang))  # type: ignore[arg-type]
    for (number, text, _), mentions in pairs:
        if as_json:
            emit_json({"text": text, "mentions": [
                {"start": m.start, "end": m.end, "text": m.text, "type": m.type, "score": m.score, "source": m.source}
                for m in mentions
            ]})
            continue
        for m in mentions:
            out(f"{number}\t{m.start}\t{m.end}\t{m.type}\t{m.score:.3f}\t{m.text}")


def _lines(file: Optional[Path], lang: LangOption) -> Iterator[tuple[int, str, str]]:
    """(line number, text, language "en" or "ar") of each input line, read lazily; warns
    once when a line is not in the script of the --lang asked for."""
    from ..normalize.script import lang_of

    warned = False
    for number, line in read_file_lines(file):
        text = line.encode("utf-8", "replace").decode("utf-8")  # lone surrogates -> '?', offsets kept
        which = lang.value if lang != LangOption.auto else lang_of(text)
        if lang != LangOption.auto and text.strip() and lang_of(text) != which and not warned:
            warn(f"line {number} is not in the --lang {which} script: only words in that script are tagged")
            warned = True
        yield number, text, "ar" if which == "ar" else "en"


def _as_document(rows: list[tuple[int, str, str]]) -> list:
    """The mentions of every line, the lines of each language read as one document."""
    from ..ner import find_mentions_many

    found: dict[int, list] = {}
    for which in ("en", "ar"):
        idx = [k for k, row in enumerate(rows) if row[2] == which]
        for k, mentions in zip(idx, find_mentions_many([rows[k][1] for k in idx], which, one_document=True)):  # type: ignore[arg-type]
            found[k] = mentions
    return [found[k] for k in range(len(rows))]
