"""``toolkit normalize`` and ``toolkit match``: the normalizers and the cross-script match."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Optional

import typer

from .base import LangOption, LevelOption, app, command
from .inputs import input_waiting, read_line_batches
from .output import emit_json, fail, out, stdout, warn


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
    if text is None and not as_json:
        _normalize_stdin_blocks(lang.value, level.value)
        return
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


@dataclass(frozen=True)
class BlockParams:
    """How ``toolkit normalize`` reads stdin when it prints only the text."""

    #: Bytes read (and lines normalized and written) at a time: large enough that the
    #: per-block cost vanishes, small enough to keep memory flat (1 MiB: 7.4 MB of news
    #: ran at the same speed with 256 KiB to 4 MiB, 2026-12-02).
    block_bytes: int = 1 << 20


BLOCKS = BlockParams()


def _stdin_blocks(size: int) -> Iterator[tuple[int, bytes]]:
    """(number of the first line, whole lines joined by b"\\n") from stdin, a block at a
    time; a block ends early when no more input is waiting, so a slow pipe (one line
    typed at a time) still gets each answer at once."""
    if sys.stdin is None or sys.stdin.isatty():
        fail("no input: give a text argument or pipe lines on stdin")
    stream = sys.stdin.buffer
    read = getattr(stream, "read1", stream.read)
    buf = bytearray()
    number = 1
    while True:
        searched = len(buf)
        chunk = read(size)
        if not chunk:
            break
        buf += chunk
        while len(buf) < size and input_waiting():
            more = read(size - len(buf))
            if not more:
                break
            buf += more
        cut = buf.rfind(b"\n", searched)
        if cut < 0:  # a line longer than a block: read on
            continue
        block = bytes(buf[:cut])
        del buf[: cut + 1]
        yield number, block
        number += block.count(b"\n") + 1
    if buf:
        yield number, bytes(buf)


def _normalize_stdin_blocks(lang: str, level: str) -> None:
    """Stdin to stdout, a block of lines per call (see :mod:`toolkit.normalize.lines`);
    a block with invalid UTF-8 goes line by line, so that each warning names its line."""
    from ..normalize.lines import normalize_lines

    for number, block in _stdin_blocks(BLOCKS.block_bytes):
        try:
            text = block.decode("utf-8")
        except UnicodeDecodeError:
            _normalize_lines_one_by_one(number, block, lang, level)
        else:
            stdout.write(normalize_lines(text, lang, level) + "\n")  # type: ignore[arg-type]  # the same strings
        if not input_waiting():
            stdout.flush()


def _normalize_lines_one_by_one(number: int, block: bytes, lang: str, level: str) -> None:
    from ..normalize import normalize_offsets

    for offset, raw in enumerate(block.split(b"\n")):
        raw = raw.rstrip(b"\r\n")
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            warn(f"stdin line {number + offset}: invalid UTF-8 at byte {exc.start}; bad bytes replaced with U+FFFD")
            line = raw.decode("utf-8", errors="surrogateescape")
        out(normalize_offsets(line, lang, level).text)  # type: ignore[arg-type]  # the same strings


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
