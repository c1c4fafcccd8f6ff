"""``toolkit align``: an English report and its Arabic counterpart, sentence by sentence (issue 5).

The checks on the inputs are :func:`toolkit.align.inputs.check_inputs`, the files and
formats :mod:`toolkit.align.output`; this module reads, calls and prints.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from .base import app, command
from .inputs import read_text_file
from .output import emit_json, fail, out, say, stdout, warn

if TYPE_CHECKING:
    from ..align import Alignment
    from ..entities import EntityList


class AlignModeOption(str, Enum):
    auto = "auto"
    parallel = "parallel"
    comparable = "comparable"


@command(app)
def align(
    en_file: Annotated[Path, typer.Argument(help="The English report (UTF-8 text; '-' for stdin).")],
    ar_file: Annotated[Path, typer.Argument(help="The Arabic report (UTF-8 text).")],
    presplit: Annotated[bool, typer.Option("--presplit", help="One sentence a line; indices refer to lines.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document: links with indices, spans, scores.")] = False,
    out_dir: Annotated[
        Optional[Path], typer.Option("--out", help="Write alignment.json and pairs.tsv into this directory.")
    ] = None,
    encoder: Annotated[
        str, typer.Option(help="Sentence encoder: use (default), e5, use+e5, hash (no model; tests), or a local model directory.")
    ] = "use",
    mode: Annotated[
        AlignModeOption,
        typer.Option(help="auto detects comparable (non-translation) reports; parallel or comparable forces one."),
    ] = AlignModeOption.auto,
    with_entities: Annotated[
        bool,
        typer.Option("--entities", help="Also build the shared entity list over the aligned sentences (JSON: \"entities\")."),
    ] = False,
) -> None:
    """Align an English report with its Arabic counterpart, sentence by sentence.

    Links are 1-1, 1-2, 2-1, 1-3, 3-1, 2-2, and 1-0 / 0-1 for sentences without a
    counterpart. Two reports that are not translations of each other (dropped, added,
    reordered material) are detected and matched out of order.

    Examples:

      toolkit align report_en.txt report_ar.txt

      toolkit align en.txt ar.txt --presplit --json

      toolkit align en.txt ar.txt --out aligned/

      toolkit align en.txt ar.txt --entities --json
    """
    from ..align.inputs import check_inputs

    if str(ar_file) == "-":
        fail("only EN_FILE may be '-' (stdin)")
    checked = check_inputs(read_text_file(en_file), read_text_file(ar_file), str(en_file), str(ar_file))
    for message in checked.warnings:
        warn(message)
    alignment = _align(checked.en_text, checked.ar_text, presplit, encoder, mode)
    document = alignment.to_json()
    entity_list = None
    if with_entities:
        entity_list = _entities(checked.en_text, checked.ar_text, alignment, presplit)
        document["entities"] = entity_list.to_dict()["entities"]
    if out_dir is not None:
        _write_dir(out_dir, alignment, document, entity_list)
    if as_json:
        emit_json(document)
    elif out_dir is None:
        _print_pairs(alignment)
        if entity_list is not None:
            from ..entities.output import to_table

            out(to_table(entity_list))


def _align(en_text: str, ar_text: str, presplit: bool, encoder: str, mode: AlignModeOption) -> Alignment:
    """The alignment, or a one-line error (unknown encoder, a model that cannot load)."""
    from ..align import AlignmentError, align_reports

    try:
        alignment = align_reports(en_text, ar_text, presplit=presplit, encoder=encoder, mode=mode.value)
    except AlignmentError as exc:
        fail(str(exc))
    except ValueError as exc:  # unknown encoder name, incomplete model directory
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot load encoder {encoder!r}: {exc}")
    if alignment.mode == "comparable" and mode == AlignModeOption.auto:
        warn("the reports do not read as translations of each other; linked only corresponding sentences")
    return alignment


def _entities(en_text: str, ar_text: str, alignment: Alignment, presplit: bool) -> EntityList:
    """The shared entity list over the aligned sentences, its messages as warnings."""
    from ..entities import extract_entities
    from .entities import warn_messages

    entity_list = extract_entities(en_text, ar_text, alignment=alignment, presplit=presplit)
    warn_messages(entity_list.messages)
    return entity_list


def _write_dir(out_dir: Path, alignment: Alignment, document: dict[str, Any], entity_list: EntityList | None) -> None:
    from ..align.output import write_dir

    if out_dir.exists() and not out_dir.is_dir():
        fail(f"{out_dir}: exists and is not a directory")
    more = {}
    if entity_list is not None:
        from ..entities.output import to_json as entities_json

        more["entities.json"] = entities_json(entity_list, indent=1) + "\n"
    try:
        write_dir(out_dir, alignment, document, more)
    except OSError as exc:
        fail(f"{out_dir}: cannot write: {exc.strerror}")
    written = "alignment.json, pairs.tsv" + (" and entities.json" if entity_list is not None else "")
    say(f"toolkit: wrote {written} in {out_dir}")


def _print_pairs(alignment: Alignment) -> None:
    """Side by side in a terminal (rich table); tab-separated lines when piped."""
    from ..align.output import pair_lines, to_rich_table

    if sys.stdout.isatty():
        from rich.console import Console

        stdout.flush()  # rich writes to sys.stdout itself
        Console().print(to_rich_table(alignment))
        return
    for line in pair_lines(alignment):
        out(line)
