"""What the commands read: one item a line from an argument or stdin, or whole files.

Every failure to read is a one-line error (``fail``), never a traceback; invalid UTF-8
on stdin is a warning naming the line, not a reason to stop.
"""

from __future__ import annotations

import select
import sys
from collections.abc import Iterator
from pathlib import Path

from .output import fail, stdout, warn

#: Lines read from stdin per batch by the batch commands (:func:`read_line_batches`).
BATCH_LINES = 512


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


def read_file_lines(path: Path | None, what: str = "stdin") -> Iterator[tuple[int, str]]:
    """Yield (line number, line) of a file (stdin when ``path`` is None or '-'); invalid
    UTF-8 is a warning naming the file and line, the bad bytes kept as lone surrogates."""
    if path is None or str(path) == "-":
        yield from read_lines(None, what)
        return
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        fail(f"{path}: no such file")
    except IsADirectoryError:
        fail(f"{path}: is a directory, expected a text file")
    except OSError as exc:
        fail(f"{path}: cannot read: {exc.strerror}")
    with handle:
        for number, raw in enumerate(handle, start=1):
            raw = raw.rstrip(b"\r\n")
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                warn(f"{path}:{number}: invalid UTF-8 at byte {exc.start}; bad bytes replaced with U+FFFD")
                line = raw.decode("utf-8", errors="surrogateescape")
            yield number, line


def read_line_batches(text: str | None, what: str = "stdin", size: int = BATCH_LINES) -> Iterator[list[tuple[int, str]]]:
    """:func:`read_lines` in batches, for commands that are faster a batch at a time.

    A batch ends at ``size`` lines or when no more input is waiting, so a slow pipe
    (one query typed at a time) still gets each answer at once: the results printed
    so far are handed on before more input is awaited.
    """
    batch: list[tuple[int, str]] = []
    for item in read_lines(text, what):
        batch.append(item)
        if len(batch) >= size or not input_waiting():
            yield batch
            batch = []
            if not input_waiting():
                stdout.flush()
    if batch:
        yield batch


def input_waiting() -> bool:
    """True when stdin has more bytes (or its end) ready to read without blocking."""
    try:
        return bool(select.select([sys.stdin], [], [], 0)[0])
    except (OSError, ValueError, TypeError, AttributeError):
        return True  # not a selectable stream (a test's buffer, Windows): all of it is there


def read_bytes(path: Path) -> bytes:
    """A whole file (or stdin for '-'), with a one-line error when it cannot be read."""
    if str(path) == "-":
        return sys.stdin.buffer.read()
    try:
        return path.read_bytes()
    except FileNotFoundError:
        fail(f"{path}: no such file")
    except IsADirectoryError:
        fail(f"{path}: is a directory, expected a text file")
    except OSError as exc:
        fail(f"{path}: cannot read: {exc.strerror}")


def read_text_file(path: Path) -> str:
    """Read a whole UTF-8 file with a clear error when it is missing or not text."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        fail(f"{path}:{line}: invalid UTF-8 at byte {exc.start}; is this a text file?")


def read_report(path: Path) -> str:
    """A report file as text; bad bytes become U+FFFD so binary input is reported as
    such by the entity pipeline (an empty list and a message), not as a traceback. The
    first invalid byte is a warning naming the file and line, as ``normalize`` warns."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = sum(1 for c in data.decode("utf-8", errors="replace") if c == "\ufffd")
        warn(f"{path}:{line}: invalid UTF-8 at byte {exc.start}; {bad} bad byte sequence(s) replaced with U+FFFD")
        return data.decode("utf-8-sig", errors="replace")
