"""Bad records: what is wrong with them, and the error file that names each one.

A bulk job over millions of scraped lines always meets a few broken ones.  The job
keeps going, and each bad record is written as one JSON line to the error file::

    {"file": "news.jsonl", "line": 1204, "reason": "invalid JSON: ...", "action": "skip",
     "excerpt": "{\\"title\\": \\"..."}

``action`` is ``pass`` (copied to the output untouched) or ``skip`` (left out).  Nothing
is dropped silently: records in = records out + skipped, and the summary says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import BinaryIO, Literal

OnError = Literal["pass", "skip"]
EXCERPT_BYTES = 120


@dataclass(frozen=True)
class BadRecord:
    """One bad record: where it is and why it was not normalized."""

    file: str
    line: int
    reason: str
    action: OnError
    excerpt: str

    def to_json(self) -> bytes:
        return (json.dumps(
            {"file": self.file, "line": self.line, "reason": self.reason, "action": self.action,
             "excerpt": self.excerpt},
            ensure_ascii=False,
        ) + "\n").encode("utf-8")


def excerpt(raw: bytes | None) -> str:
    """The start of a bad record, readable whatever its bytes (bad UTF-8 shown as U+FFFD)."""
    if raw is None:
        return ""
    return raw[:EXCERPT_BYTES].rstrip(b"\r\n").decode("utf-8", errors="replace")


class ErrorSink:
    """Appends bad records to the error file, opened only when the first one arrives.

    ``path`` may be ``-`` (stderr).  The file offset is part of the resume checkpoint;
    a ``stream`` (a FIFO, a device, ``/dev/stderr``) is only ever appended to, never truncated.
    """

    def __init__(self, path: str | None, start_bytes: int = 0, *, stream: bool = False) -> None:
        self.path = path
        self.stream = stream
        self.bytes = start_bytes
        self.count = 0
        self._f: BinaryIO | None = None

    def write(self, bad: BadRecord) -> None:
        self.count += 1
        if self.path is None:
            return
        data = bad.to_json()
        if self._f is None:
            if self.path == "-":
                import sys

                self._f = sys.stderr.buffer
            else:
                resumed = bool(self.bytes) and not self.stream
                mode = "ab" if self.stream else "r+b" if resumed else "wb"
                self._f = open(self.path, mode)  # noqa: SIM115
                if resumed:
                    self._f.seek(self.bytes)
                    self._f.truncate()
        self._f.write(data)
        self.bytes += len(data)

    def flush(self) -> None:
        if self._f is not None:
            self._f.flush()

    def close(self) -> None:
        if self._f is not None and self.path != "-":
            self._f.close()
        self._f = None
