"""``toolkit normalize`` and ``toolkit match``: the normalizers and the cross-script match."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .base import LangOption, LevelOption, app, command
from .inputs import read_line_batches
from .output import emit_json, fail, out


@command(app)
def normalize(
    text: Annotated[Optional[str], typer.Argument(help="Text to normalize; omit to read stdin line by line.")] = None,
    lang: Annotated[LangOption, typer.Option(help="ar, en, or auto (Arabic when the line holds Arabic letters).")] = LangOption.auto,
    level: Annotated[
        LevelOption,
        typer.Option(help="display: clean, loses nothing a reader sees; search: what search engines fold; match: keys."),
    ] = LevelOption.search,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object a line, with offsets into the input.")] = False,
) -> None:
    """Normalize Arabic text or romanized Arabic names.

    Examples:

      toolkit normalize "أَحْمَدُ الشَّرَعِ" --level search

      toolkit normalize "Kata'ib Hizballah" --level match

      cat names.txt | toolkit normalize --json
    """
    from ..normalize import normalize_offsets
    from ..normalize.script import lang_of

    for batch in read_line_batches(text):
        for _, line in batch:
            result = normalize_offsets(line, lang.value, level.value)  # type: ignore[arg-type]  # the same strings
            if not as_json:
                out(result.text)
                continue
            emit_json(
                {
                    "input": line.encode("utf-8", "replace").decode("utf-8"),
                    "output": result.text,
                    "lang": lang.value if lang != LangOption.auto else lang_of(line),
                    "level": level.value,
                    "offsets": list(result.offsets),
                }
            )


@command(app)
def match(
    a: Annotated[str, typer.Argument(help="First name, in either script.")],
    b: Annotated[str, typer.Argument(help="Second name, in either script.")],
    threshold: Annotated[Optional[float], typer.Option(help="Decision threshold in [0, 1]; default: the measured one.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
) -> None:
    """Score two names (Arabic or Latin, any mix) in [0, 1] and decide if they are one name.

    Examples:

      toolkit match "Kataeb Hezbollah" "كتائب حزب الله"

      toolkit match "Mohammed" "Mahmoud" --json
    """
    from ..normalize.keys import match as match_names

    if threshold is not None and not 0.0 <= threshold <= 1.0:
        fail(f"--threshold must be in [0, 1], got {threshold}")
    result = match_names(a, b) if threshold is None else match_names(a, b, threshold=threshold)
    if as_json:
        emit_json(
            {
                "a": a,
                "b": b,
                "score": round(result.score, 4),
                "same": result.same,
                "threshold": result.threshold,
                "key_a": result.key_a,
                "key_b": result.key_b,
            }
        )
    else:
        verdict = "same" if result.same else "different"
        out(f"{result.score:.3f}\t{verdict}\t{result.key_a} ~ {result.key_b}")
