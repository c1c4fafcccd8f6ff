"""``toolkit translit``: names Arabic to Latin or Latin to Arabic (issue 4).

The work is :func:`toolkit.translit.batch.answer_batches`; this module reads the names,
prints the answers and turns the engine's complaints into warnings or one-line errors.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .base import app, command, workers_or_default
from .inputs import read_line_batches
from .output import emit_json, fail, out, warn

if TYPE_CHECKING:
    from ..translit.batch import Answer


class TranslitTo(str, Enum):
    latin = "latin"
    arabic = "arabic"


class SchemeOption(str, Enum):
    buckwalter = "buckwalter"
    safebw = "safebw"
    hsb = "hsb"
    ala_lc = "ala-lc"
    din = "din"


class StyleOption(str, Enum):
    press = "press"
    official = "official"
    scholarly = "scholarly"


class RegionOption(str, Enum):
    levant = "levant"
    gulf = "gulf"
    iraq = "iraq"
    egypt = "egypt"
    maghreb = "maghreb"


@command(app)
def translit(
    name: Annotated[Optional[str], typer.Argument(help="A name in either script; omit to read names from stdin, one a line.")] = None,
    to: Annotated[
        Optional[TranslitTo], typer.Option("--to", help="Target script; default: the other script than the input's.")
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, max=50, help="How many candidates.")] = 5,
    scheme: Annotated[
        Optional[SchemeOption],
        typer.Option(help="A standard scheme instead of press spellings (exact; buckwalter/safebw/hsb map back with --to arabic)."),
    ] = None,
    region: Annotated[Optional[RegionOption], typer.Option(help="Prefer a region's press conventions (Arabic to Latin).")] = None,
    style: Annotated[
        StyleOption,
        typer.Option(help="Arabic to Latin: press (Mohammed, Abdulrahman), official as UN/OFAC/EU lists write names "
                          "(Muhammad, Abd al-Rahman, Hasan) or scholarly ALA-LC (Muḥammad, ʿAbd al-Raḥmān)."),
    ] = StyleOption.press,
    model: Annotated[Optional[Path], typer.Option(help="A model directory (default: the shipped one).")] = None,
    beams: Annotated[
        Optional[int],
        typer.Option("--beams", min=1, max=16, help="Beam width of the model (default 5; 1 or 3 for volume: about 1.9x / 1.2x faster, fewer good n-best)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON: one object per input line.")] = False,
    workers: Annotated[
        int, typer.Option("--workers", "-j", min=0, help="Processes for names on stdin (0: one per core, at most 4).")
    ] = 0,
) -> None:
    """Transliterate names Arabic to Latin or Latin to Arabic: ranked candidates with score and source.

    Sources: lexicon (a known entity) > model (attested spellings, the Arab name dictionary
    and the learned model) > rules. A Latin name asked --to latin is respelled in the
    --style asked through its best Arabic spellings (source pivot, the two legs' scores
    multiplied; lexicon when both legs are a known entity's names).

    Examples:

      toolkit translit "عبد العزيز" --to latin

      toolkit translit "Mohammed Shiaa al-Sudani" --to latin --style scholarly

      toolkit translit "Guterres" --to arabic --top 3 --json

      toolkit translit "مُحَمَّد" --scheme ala-lc

      toolkit translit "عبد الرحمن الحسيني" --style official

      cut -f1 names.tsv | toolkit translit --to latin --json > out.jsonl

    On stdin, names are read in batches of 512 and shared among --workers processes;
    the answers keep the input order, one line (or JSON object) per input line.
    """
    from concurrent.futures.process import BrokenProcessPool

    from ..translit.batch import BATCH, Request, answer_batches, engine_for

    if model is not None and not model.is_dir():
        fail(f"{model}: no such model directory")
    if name is not None and not name.strip():
        fail("empty name: nothing to transliterate")
    engine = engine_for(model, beams)
    request = Request(to.value if to else None, top, scheme.value if scheme else None, region.value if region else None,
                      style.value)
    workers = workers_or_default(workers)
    names = ([line for _, line in batch] for batch in read_line_batches(name, size=BATCH.names_per_batch))
    printer = _Printer(as_json, single=name is not None, scheme=request.scheme)
    try:
        for answers in answer_batches(engine, names, request, workers):
            for answer in answers:
                printer.print(answer)
            if engine.model_error:
                printer.warn_once("model", f"transliteration model unavailable ({engine.model_error}); using attested spellings and rules")
    except BrokenProcessPool:
        fail(f"a transliteration worker process died (out of memory?); rerun with --workers 1 (was {workers})")


class _Printer:
    """Prints each answer as it comes, numbering the input lines; says each distinct
    note once, and stops with an error when the one name given has no answer."""

    def __init__(self, as_json: bool, single: bool, scheme: str | None) -> None:
        self.as_json = as_json
        self.single = single
        self.scheme = scheme
        self.number = 0
        self.warned: set[str] = set()

    def warn_once(self, key: str, message: str) -> None:
        if key not in self.warned:
            self.warned.add(key)
            warn(message)

    def print(self, answer: Answer) -> None:
        self.number += 1
        if answer.error and self.single:
            fail(answer.error)
        if self.single and not answer.candidates:
            fail(f"nothing to transliterate in {answer.name!r}: no letters of either script")
        if answer.error:
            warn(f"stdin line {self.number}: {answer.error}")
        elif answer.note:
            self.warn_once(answer.note, f"{self.scheme}: {answer.note}")
        clean = answer.name.encode("utf-8", "replace").decode("utf-8")
        if self.as_json:
            obj: dict[str, object] = {"input": clean, "candidates": [c.as_dict() for c in answer.candidates]}
            if answer.error:
                obj["error"] = answer.error
            emit_json(obj)
        elif self.single:
            for c in answer.candidates:
                out(f"{c.score:.3f}\t{c.source}\t{c.text}")
        else:
            out(clean + "\t" + " | ".join(c.text for c in answer.candidates))
