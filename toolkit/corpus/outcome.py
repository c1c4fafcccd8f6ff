"""What a worker makes of one chunk: its context in, its result out, and the tally in
between that every format's path fills the same way.

Why a module of its own: the JSONL path (:mod:`.jsonl_chunk`) and the other formats'
(:mod:`.work`) report bad records, pass or skip them and count them alike; both build
on this module, so neither has to import the other.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import BadRecord, OnError, excerpt
from .formats import COMPRESSORS, Chunk, Spill
from .jsonl import decode_line
from .params import PARAMS
from .records import Spec


@dataclass(frozen=True)
class Context:
    """Everything a worker needs besides the chunk; small and picklable."""

    spec: Spec
    fmt: str
    on_error: OnError
    max_record_bytes: int
    compression: str | None = None
    header: tuple[str, ...] | None = None  # CSV/TSV columns of the input


@dataclass(frozen=True)
class ChunkResult:
    """Output of a chunk: byte blocks (compressed when the output is) and, between them,
    oversized records passed through from their spill files by the writer."""

    index: int
    segments: tuple[bytes | Spill, ...]
    records_in: int
    records_out: int
    changed: int
    skipped: int
    missing: int
    bad: tuple[BadRecord, ...]
    bytes_in: int


def utf8_reason(exc: UnicodeDecodeError) -> str:
    return f"invalid UTF-8 at byte {exc.start}"


@dataclass
class Tally:
    """What a chunk has produced so far: output pieces of the current run, the runs
    and spilled records in order, the bad records, and the counts."""

    out: list[bytes] = field(default_factory=list)
    segments: list[list[bytes] | Spill] = field(default_factory=list)
    bad: list[BadRecord] = field(default_factory=list)
    changed: int = 0
    skipped: int = 0
    missing: int = 0

    def flush(self) -> None:
        """End the run of pending pieces (before a spilled record, and at the end)."""
        if self.out:
            self.segments.append(self.out)
            self.out = []


#: Normalizes one decoded record (its index in the chunk, its text) into the tally;
#: returns why it is bad, or None.
Handler = Callable[[int, str, Tally], "str | None"]


def records_of(chunk: Chunk, max_bytes: int) -> tuple[list[bytes | Spill | None], set[int]]:
    """The chunk's raw records, and which of them are longer than ``max_bytes``.

    A block chunk (:attr:`.formats.Chunk.data`) is split here, in the worker, into the
    lines ``readline`` would give (``\n`` only, endings kept); a line over the limit that
    lies wholly in the block is already in memory and is reported like one the reader
    spilled (same reason, same bytes passed on)."""
    if chunk.data is None:
        return chunk.records, set()
    records: list[bytes | Spill | None] = io.BytesIO(chunk.data).readlines() if chunk.data else []
    too_long: set[int] = set()
    limit = max_bytes + 2  # as read_lines: a line is over when its text reaches this
    if len(chunk.data) >= limit:
        too_long = {i for i, raw in enumerate(records) if len(raw) - raw.endswith(b"\n") >= limit}
    records.extend(chunk.tail)
    return records, too_long


def reported(raw: bytes | Spill | None, too_long: bool, ctx: Context) -> bytes | Spill | None:
    """The record as :func:`report` gets it: an oversized one that the reader would have
    dropped (``--on-error skip``: nothing to pass on) is None, as it was then."""
    return None if too_long and ctx.on_error == "skip" else raw


def decode_one(i: int, raw: bytes | Spill | None, pre: Any, ctx: Context, handle: Handler, tally: Tally,
         too_long: bool = False) -> str | None:
    """Decode one raw record and hand it to the format's handler; the reason it is bad.

    ``pre`` is the text :func:`_parse_all` already decoded (txt): no second decode."""
    if pre is not None:
        return handle(i, pre, tally)
    if raw is None or isinstance(raw, Spill) or too_long:
        return f"record longer than {ctx.max_record_bytes} bytes"
    try:
        text = decode_line(raw)
    except UnicodeDecodeError as exc:
        return utf8_reason(exc)
    return handle(i, text, tally)


def report(raw: bytes | Spill | None, reason: str, file: str, line: int, on_error: OnError, tally: Tally) -> None:
    """Record a bad record, and pass it through or skip it."""
    # an oversized record that was not spilled to disk (CSV) cannot be passed on
    action: OnError = "skip" if raw is None else on_error
    tally.bad.append(BadRecord(file, line, reason, action, excerpt(raw.head if isinstance(raw, Spill) else raw)))
    if action == "skip":
        tally.skipped += 1
    elif isinstance(raw, Spill):
        tally.flush()
        tally.segments.append(raw)
    else:
        assert raw is not None
        tally.out.append(raw if raw.endswith(b"\n") else raw + b"\n")


def chunk_result(chunk: Chunk, ctx: Context, tally: Tally, n: int) -> ChunkResult:
    """The chunk's output blocks and counts: each run of pieces between spilled records
    joined into one block and compressed when the output is; uncompressed, a run of a
    few big pieces (JSONL batches) is left as it is, sparing a copy of the chunk's
    output (the writer or the shared slot takes the pieces in turn)."""
    tally.flush()
    compress = COMPRESSORS[ctx.compression] if ctx.compression is not None else None
    segments: list[bytes | Spill] = []
    for seg in tally.segments:
        if isinstance(seg, Spill):
            segments.append(seg)
        elif compress is not None:
            segments.append(compress(b"".join(seg)))
        elif len(seg) <= PARAMS.pieces_unjoined:
            segments.extend(seg)
        else:
            segments.append(b"".join(seg))
    return ChunkResult(chunk.index, tuple(segments), n, n - tally.skipped, tally.changed, tally.skipped,
                       tally.missing, tuple(tally.bad), chunk.nbytes)
