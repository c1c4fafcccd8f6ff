"""``toolkit entities``: one entity list across a report and its counterpart (issue 6)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .base import app, command
from .inputs import read_report
from .output import fail, stdout, warn

if TYPE_CHECKING:
    from ..entities import EntityList


def warn_messages(messages: Iterable[str]) -> None:
    """The entity pipeline's messages as warnings, but for the note on which sentence
    aligner ran (it is in the JSON document; on stderr it is noise)."""
    for message in messages:
        if not message.startswith("sentences aligned by"):
            warn(message)


@command(app)
def entities(
    en_file: Annotated[Optional[Path], typer.Argument(help="English report (or a report in either language alone); '-' or omitted: stdin.")] = None,
    ar_file: Annotated[Optional[Path], typer.Argument(help="Arabic counterpart of the report (optional).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document: {\"entities\": [...]}.")] = False,
    csv_path: Annotated[Optional[Path], typer.Option("--csv", help="Also write one CSV row per mention to this file.")] = None,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print a Markdown table instead of the plain table.")] = False,
    registry: Annotated[Optional[Path], typer.Option("--registry", help="SQLite registry: file the entities there, with stable ids across documents.")] = None,
    doc: Annotated[Optional[str], typer.Option("--doc", help="Document name in the registry (default: the file names).")] = None,
    ner_model: Annotated[Optional[Path], typer.Option("--ner-model", help="Local transformers token-classification model directory to add mentions.")] = None,
    presplit: Annotated[bool, typer.Option("--presplit", help="One sentence a line in both files.")] = False,
    encoder: Annotated[Optional[str], typer.Option("--encoder", help="Sentence encoder for the aligner (use, e5, hash, or a local directory).")] = None,
) -> None:
    """One entity list across an English report and its Arabic counterpart.

    Mentions come from the shipped taggers (toolkit ner) and the curated lexicon; English
    and Arabic mentions are linked inside aligned sentences, by sound (transliterated
    names) and by meaning (translated ones: Supreme Court / المحكمة العليا). Every entity
    has its names, variants, mentions with offsets in both texts, the evidence for each
    link, and a confidence: the calibrated chance that it is real and its names right.
    A name is only ever one a report writes or the lexicon holds; where the other report
    has no counterpart, transliterations are offered as suggestions (shown "≈ ", JSON
    "suggested_ar"/"suggested_en"), never as the name. With one file, the other-script
    name comes from the lexicon, else a suggestion.

    Examples:

      toolkit entities examples/report_en.txt examples/report_ar.txt

      toolkit entities examples/report_en.txt examples/report_ar.txt --json

      toolkit entities report.txt --registry entities.db --csv mentions.csv
    """
    from ..entities import extract_entities
    from ..entities.output import to_csv, to_json, to_markdown, to_table

    en_text = read_report(en_file if en_file is not None else Path("-"))
    ar_text = read_report(ar_file) if ar_file is not None else None
    if ner_model is not None and not ner_model.is_dir():
        fail(f"--ner-model {ner_model}: not a directory")
    try:
        result = extract_entities(en_text, ar_text, presplit=presplit, ner_model=ner_model, encoder=encoder)
    except ValueError as exc:
        fail(str(exc))
    warn_messages(result.messages)
    if registry is not None:
        name = doc or " + ".join(str(p) for p in (en_file, ar_file) if p is not None) or "stdin"
        result = _file(result, registry, name)
    if csv_path is not None:
        try:
            csv_path.write_text(to_csv(result), encoding="utf-8")
        except OSError as exc:
            fail(f"{csv_path}: cannot write: {exc.strerror}")
    if as_json:
        stdout.write(to_json(result) + "\n")
    elif markdown:
        stdout.write(to_markdown(result))
    elif len(result):
        stdout.write(to_table(result))


def _file(result: EntityList, registry: Path, doc: str) -> EntityList:
    """File the entities in the registry; the list under its registry ids."""
    from ..entities.registry import Registry, RegistryError

    try:
        with Registry(registry) as reg:
            filing = reg.file(result, doc)
    except RegistryError as exc:
        fail(str(exc))
    filed = len(filing.assignments)
    warn(f"registry {registry}: {filed} entities filed under {doc!r} ({filing.new} new, {filed - filing.new} known)")
    return filing.entities
