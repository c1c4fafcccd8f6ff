"""The ``toolkit`` command line: a thin typer layer over the library.

Contract (../shared/DESIGN.md): every command reads stdin when no input is given, writes
results to stdout and messages to stderr, and exits non-zero with a one-line reason on
bad input.  ``--json`` gives JSONL for batch commands, one JSON document otherwise.

Heavy imports (torch, transformers, encoders, pyarrow, dask) happen inside the command
that needs them, so ``toolkit --help`` and ``toolkit lookup`` start fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

app = typer.Typer(
    name="toolkit",
    help=(
        "Arabic-English names: normalize, transliterate, look up, align reports and build one "
        "entity list across both languages.\n\n"
        "Every command reads stdin when no input is given (one item a line), prints results "
        "to stdout and messages to stderr. Add --json for machine-readable output."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


# ---------------------------------------------------------------- shared helpers


def fail(reason: str, code: int = 2) -> NoReturn:
    """Stop with a one-line reason on stderr and a non-zero exit code."""
    typer.echo(f"toolkit: error: {reason}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    typer.echo(f"toolkit: warning: {message}", err=True)


def emit_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def read_lines(text: str | None, what: str = "stdin") -> Iterator[tuple[int, str]]:
    """Yield (line number, line) from the argument, or from stdin line by line.

    Invalid UTF-8 on stdin is not fatal: the bad bytes are kept as lone surrogates
    (which every normalizer turns into U+FFFD) and a warning names the line.
    """
    if text is not None:
        yield 1, text
        return
    if sys.stdin is None or sys.stdin.isatty():
        fail(f"no input: give a text argument or pipe lines on {what}")
    stream = sys.stdin.buffer
    for number, raw in enumerate(stream, start=1):
        raw = raw.rstrip(b"\r\n")
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            warn(f"{what} line {number}: invalid UTF-8 at byte {exc.start}; bad bytes replaced with U+FFFD")
            line = raw.decode("utf-8", errors="surrogateescape")
        yield number, line


def read_text_file(path: Path) -> str:
    """Read a whole UTF-8 file with a clear error when it is missing or not text."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            fail(f"{path}: no such file")
        except IsADirectoryError:
            fail(f"{path}: is a directory, expected a text file")
        except OSError as exc:
            fail(f"{path}: cannot read: {exc.strerror}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        fail(f"{path}:{line}: invalid UTF-8 at byte {exc.start}; is this a text file?")


def out(text: str) -> None:
    """Write one result line; lone surrogates cannot reach stdout as bytes."""
    sys.stdout.write(text.encode("utf-8", errors="replace").decode("utf-8") + "\n")


# ---------------------------------------------------------------- normalize, match


class LangOption(str, Enum):
    ar = "ar"
    en = "en"
    auto = "auto"


class LevelOption(str, Enum):
    display = "display"
    search = "search"
    match = "match"


@app.command()
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
    from .normalize import detect_script, normalize_offsets

    for _, line in read_lines(text):
        result = normalize_offsets(line, lang.value, level.value)  # type: ignore[arg-type]
        if as_json:
            script = detect_script(line)
            emit_json(
                {
                    "input": line.encode("utf-8", "replace").decode("utf-8"),
                    "output": result.text,
                    "lang": lang.value if lang != LangOption.auto else ("ar" if script in ("arabic", "mixed") else "en"),
                    "level": level.value,
                    "offsets": list(result.offsets),
                }
            )
        else:
            out(result.text)


@app.command()
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
    from .normalize.keys import match as match_names

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


# ---------------------------------------------------------------- translit (issue 4)
# TRANSLIT-COMMANDS

# ---------------------------------------------------------------- lookup, lexicon (issue 3)
# LEXICON-COMMANDS

# ---------------------------------------------------------------- align (issue 5)
# ALIGN-COMMANDS

# ---------------------------------------------------------------- entities (issue 6)
# ENTITIES-COMMANDS

# ---------------------------------------------------------------- corpus (issue 7)
# CORPUS-COMMANDS


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except BrokenPipeError:  # `toolkit ... | head`
        sys.stderr.close()
        sys.exit(0)
    except KeyboardInterrupt:
        typer.echo("toolkit: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
