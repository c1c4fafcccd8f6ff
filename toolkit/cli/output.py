"""What the commands print: results on stdout through one buffered writer, messages on stderr.

Why a writer of our own: a batch command answers thousands of lines, and a write (with
``PYTHONUNBUFFERED`` or a terminal, a system call) per line is most of its output cost;
yet a slow pipe, one name typed at a time, must get each answer at once. So results are
gathered and handed to ``sys.stdout`` in one write when a batch is done (the batch
readers end a batch when no more input is waiting), when a message goes to stderr (so a
terminal shows warnings beside the results they are about), and when the command ends.
``sys.stdout`` is looked up at each write, so typer's test runner sees the output too.

A stdout that cannot take the results (a full disk, ``> /dev/full``, a closed pipe) is
not a traceback: :func:`stdout_failed` tells such a failure from any other ``OSError``,
and :func:`discard_stdout` points stdout at the null device, so that nothing written
later (the interpreter flushes stdout as it exits) fails again.
"""

from __future__ import annotations

import errno
import io
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn, TextIO

import typer


class Stdout:
    """The one buffered writer of results; :meth:`flush` hands them on."""

    #: Buffered text beyond which the results are handed on without waiting for the
    #: batch to end, so memory stays bounded (64 KiB: a few hundred JSON answers).
    LIMIT = 1 << 16

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._size = 0
        #: The error of the last write that failed (see :func:`stdout_failed`).
        self.error: OSError | None = None

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
        try:
            if sys.stdout is None:  # started with stdout closed (`>&-`)
                raise OSError(errno.EBADF, "stdout is closed")
            if self._parts:
                data = "".join(self._parts)
                self._parts.clear()
                self._size = 0
                sys.stdout.write(data)
            sys.stdout.flush()
        except OSError as exc:
            self.error = exc
            raise


#: The writer every command prints its results through.
stdout = Stdout()


class _GuardedStream:
    """``sys.stdout`` as it is, remembering the error of a write that failed, so that a
    write by another hand (rich prints its tables itself) is told from other errors."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            stdout.error = exc
            raise

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            stdout.error = exc
            raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def guarded_stdout() -> Iterator[None]:
    """While a command runs, every write to ``sys.stdout`` goes through a
    :class:`_GuardedStream` (see :func:`stdout_failed`)."""
    original = sys.stdout
    if original is None:
        yield
        return
    setattr(sys, "stdout", _GuardedStream(original))
    try:
        yield
    finally:
        if isinstance(sys.stdout, _GuardedStream):
            sys.stdout = original


def stdout_failed(exc: OSError) -> bool:
    """Whether ``exc`` is stdout refusing the results (full, closed, gone), not another
    ``OSError`` (an input file, a model directory)."""
    return exc is stdout.error


def discard_stdout() -> None:
    """Send whatever is still to be written to stdout to the null device: the results
    could not be written, and the interpreter's last flush must not fail again."""
    stdout._parts.clear()
    stdout._size = 0
    try:
        # None: started closed, and fd 1 may now be another file: never dup2 onto it.
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # a test runner's stream
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


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
