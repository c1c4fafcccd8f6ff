"""``toolkit ner``: the trained taggers' mentions, one text a line."""

from __future__ import annotations

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
) -> None:
    """Named-entity mentions (PER, ORG, LOC, MISC) found by the shipped CRF taggers.

    Each line is one text; offsets count characters of that line. Without --json, one
    tab-separated row a mention: line, start, end, type, score, text. The score is the
    tagger's probability for the span's labels (its least sure token).

    Examples:

      echo "Barack Obama visited Paris on Monday." | toolkit ner --lang en

      toolkit ner news_ar.txt --lang ar --json
    """
    from ..ner import find_mentions
    from ..normalize.script import lang_of

    warned = False
    for number, line in read_file_lines(file):
        text = line.encode("utf-8", "replace").decode("utf-8")  # lone surrogates -> '?', offsets kept
        which = lang.value if lang != LangOption.auto else lang_of(text)
        if lang != LangOption.auto and text.strip() and lang_of(text) != which and not warned:
            warn(f"line {number} is not in the --lang {which} script: only words in that script are tagged")
            warned = True
        mentions = find_mentions(text, "ar" if which == "ar" else "en")
        if as_json:
            emit_json({"text": text, "mentions": [
                {"start": m.start, "end": m.end, "text": m.text, "type": m.type, "score": m.score, "source": m.source}
                for m in mentions
            ]})
            continue
        for m in mentions:
            out(f"{number}\t{m.start}\t{m.end}\t{m.type}\t{m.score:.3f}\t{m.text}")
