"""What the commands print: results on stdout through one buffered writer, messages on stderr.

Why a writer of our own: a batch command answers thousands of lines, and a write (with
``PYTHONUNBUFFERED`` or a terminal, a system call) per line is most of its output cost;
yet a slow pipe, one name typed at a time, must get each answer at once. So results are
gathered and handed to ``sys.stdout`` in one write when a batch is done (the batch
readers end a batch when no more input is waiting), when a message goes to stderr (so a
terminal shows warnings beside the results they are about), and when the command ends.
``sys.stdout`` is looked up at each write, so typer's test runner sees the output too.
"""

from __future__ import annotations

import json
import sys
from typing import NoReturn

import typer


class Stdout:
    """The one buffered writer of results; :meth:`flush` hands them on."""

    #: Buffered text beyond which the results are handed on without waiting for the
    #: batch to end, so memory stays bounded (64 KiB: a few hundred JSON answers).
    LIMIT = 1 << 16

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._size = 0

    def write(self, text: str) -> None:
        """Text as it is (it ends its own lines)."""
        self._parts.append(text)
        self._size += len(text)
        if self._size >= self.LIMIT:
            self.flush()

    def line(self, text: str) -> None:
        """One result line; lone surrogates (from invalid UTF-8 input) become ``?``."""
        self.write(text.encode("utf-8", errors="replace").decode("utf-8") + "\n")

    def json(self, obj: object) -> None:
        """One JSON document on one line."""
        self.write(json.dumps(obj, ensure_ascii=False) + "\n")

    def flush(self) -> None:
        """Hand everything written so far to ``sys.stdout`` in one write, and flush it."""
        if self._parts:
            data = "".join(self._parts)
            self._parts.clear()
            self._size = 0
            sys.stdout.write(data)
        sys.stdout.flush()


#: The writer every command prints its results through.
stdout = Stdout()


def out(text: str) -> None:
    """Write one result line (see :meth:`Stdout.line`)."""
    stdout.line(text)


def emit_json(obj: object) -> None:
    """Write one JSON document on one line."""
    stdout.json(obj)


def say(message: str) -> None:
    """A message for the reader on stderr, after the results printed before it."""
    stdout.flush()
    typer.echo(message, err=True)


def warn(message: str) -> None:
    say(f"toolkit: warning: {message}")


def fail(reason: str, code: int = 2) -> NoReturn:
    """Stop with a one-line reason on stderr and a non-zero exit code."""
    say(f"toolkit: error: {reason}")
    raise typer.Exit(code)
