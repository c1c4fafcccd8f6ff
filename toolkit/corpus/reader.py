"""Reading the input of a line-format job: headers, resuming mid-file, and cutting chunks.

Why a module of its own: this is the half of the job that decides chunk boundaries, and
they must depend on the input only (never on timing or the number of workers) for the
output to be deterministic and ``--resume`` exact.  The reader never decodes records;
the workers do (:mod:`.work`).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from .formats import Chunk, Spill, csv_records, finish_oversized, open_input, read_lines
from .records import Spec
from .targets import Target


@dataclass
class ReadState:
    """Where the reader is, shared with the progress bar."""

    done_bytes: int = 0  # raw bytes of the files already finished
    counter: Any = None  # raw-byte counter of the current file
    spills: set[str] = field(default_factory=set)  # spill files not yet written out
    spill_prefix: str = ".toolkit-spill-"

    @property
    def raw_bytes(self) -> int:
        return self.done_bytes + (self.counter.count if self.counter is not None else 0)


def read_header(stream: BinaryIO, fmt: str, path: str, max_bytes: int) -> tuple[tuple[str, ...], int]:
    """The first record of a CSV/TSV file, and how many physical lines it took."""
    lines = read_lines(stream, max_bytes)
    if fmt == "csv":
        first = next(csv_records(lines, max_bytes), None)
        if first is None:
            raise ValueError(f"{path}: empty file, expected a header line")
        raw, nlines, _ = first
    else:
        item = next(lines, None)
        if item is None:
            raise ValueError(f"{path}: empty file, expected a header line")
        raw, nlines = item[0], 1
    if raw is None:
        raise ValueError(f"{path}:1: header longer than {max_bytes} bytes")
    try:
        text = raw.decode("utf-8-sig").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}:1: header is not valid UTF-8 (byte {exc.start})") from None
    if fmt == "csv":
        header = next(csv.reader([text]))
    else:
        header = text.split("\t")
    return tuple(header), nlines


def first_header(files: Sequence[str], fmt: str, spec: Spec, max_bytes: int) -> tuple[str, ...] | None:
    """The columns of a CSV/TSV job, read before the workers start (they need them);
    None for other formats.  Every field of ``spec`` must be one of them."""
    if fmt not in ("csv", "tsv"):
        return None
    if files[0] == "-":
        raise ValueError(f"{fmt} from stdin is not supported; save it to a file first")
    stream, _ = open_input(files[0])
    try:
        header = read_header(stream, fmt, files[0], max_bytes)[0]
    finally:
        stream.close()
    unknown = [f for f in spec.fields if f not in header]
    if unknown:
        raise ValueError(f"{files[0]}:1: no column {', '.join(map(repr, unknown))}; columns are {', '.join(header)}")
    return header


def chunks(
    files: Sequence[str], fmt: str, start_file: int, start_line: int, chunk_index: int,
    chunk_bytes: int, max_bytes: int, state: ReadState, headers: list[tuple[str, ...]],
    spill_dir: str | None = None,
) -> Iterator[tuple[Chunk, int, int]]:
    """Yield (chunk, file index, physical lines of that file consumed after the chunk).

    Starts at line ``start_line`` of file ``start_file`` (a checkpoint's position).  With
    ``spill_dir``, oversized lines (not CSV records) are saved aside for passing on.
    """
    for fi in range(start_file, len(files)):
        path = files[fi]
        stream, counter = open_input(path)
        state.counter = counter
        try:
            skip = start_line if fi == start_file else 0
            recs, consumed = _records(stream, fmt, path, skip, max_bytes, headers)
            name = "<stdin>" if path == "-" else path
            cut = (_cut(recs, name, consumed, chunk_index, chunk_bytes) if fmt == "csv" else
                   _blocks(stream, name, consumed, chunk_index, chunk_bytes, max_bytes, state, spill_dir))
            for chunk, after in cut:
                yield chunk, fi, after
                chunk_index = chunk.index + 1
        finally:
            state.done_bytes += counter.count
            state.counter = None
            if path != "-":
                stream.close()


def _records(
    stream: BinaryIO, fmt: str, path: str, skip: int, max_bytes: int, headers: list[tuple[str, ...]],
) -> tuple[Iterator[tuple[Any, int, int]], int]:
    """Skip a file's header and its first ``skip`` physical lines (header included); how
    many lines that passed over and, for CSV, the (raw record, physical lines, bytes) after
    them (the other formats are read on by :func:`_blocks`).

    Why the header is checked here: every file of a CSV/TSV job must have the first
    file's columns, or the workers would put values under the wrong names.
    """
    consumed = 0
    if fmt in ("csv", "tsv"):
        header, consumed = read_header(stream, fmt, path, max_bytes)
        if not headers:
            headers.append(header)
        elif header != headers[0]:
            raise ValueError(f"{path}:1: header differs from the first file's: {list(header)} != {list(headers[0])}")
    lines = read_lines(stream, max_bytes)
    skip = max(skip - consumed, 0)
    for _ in range(skip):
        if next(lines, None) is None:
            raise ValueError(f"{path}: shorter than the checkpoint says; was the input changed?")
    consumed += skip
    if fmt == "csv":
        return csv_records(lines, max_bytes), consumed
    return iter(()), consumed  # the other formats are cut by _blocks, straight from the stream


def _cut(
    recs: Iterator[tuple[Any, int, int]], name: str, consumed: int, chunk_index: int, chunk_bytes: int,
) -> Iterator[tuple[Chunk, int]]:
    """Group records into chunks of at least ``chunk_bytes`` (the last of a file may be
    smaller); yields each chunk with the physical lines of the file consumed after it."""
    records: list[Any] = []
    used: list[int] = []
    multi = False
    size = 0
    first_line = consumed + 1
    for raw, nlines, n in recs:
        records.append(raw)
        used.append(nlines)
        multi |= nlines != 1
        size += n
        consumed += nlines
        if size >= chunk_bytes:
            yield Chunk(chunk_index, name, first_line, records, used if multi else None, size, False), consumed
            chunk_index += 1
            records, used, multi, size, first_line = [], [], False, 0, consumed + 1
    if records:
        yield Chunk(chunk_index, name, first_line, records, used if multi else None, size, True), consumed



def _blocks(
    stream: BinaryIO, name: str, consumed: int, chunk_index: int, chunk_bytes: int, max_bytes: int,
    state: ReadState, spill_dir: str | None,
) -> Iterator[tuple[Chunk, int]]:
    """Cut a one-record-a-line file into chunks read as blocks: the same boundaries as
    :func:`_cut` over :func:`.formats.read_lines` (a chunk ends with the first line that
    brings it to ``chunk_bytes``), found with one read, one ``readline`` and one newline
    count per chunk instead of a Python step per line.

    An oversized line that crosses the end of a block is finished by
    :func:`.formats.finish_oversized` (spilled or dropped, never held whole) and becomes
    the chunk's ``tail``; one wholly inside the block is already in memory, and the worker
    reports it (:mod:`.work`).
    """
    limit = max_bytes + 2  # room for \r\n, as in read_lines
    read, readline = stream.read, stream.readline
    while True:
        block = read(chunk_bytes)
        while 0 < len(block) < chunk_bytes:  # a short read is not the end of the input
            more = read(chunk_bytes - len(block))
            if not more:
                break
            block += more
        if not block:
            return
        tail: tuple[Spill | None, ...] = ()
        size = len(block)
        if size == chunk_bytes and not block.endswith(b"\n"):
            cut = block.rfind(b"\n") + 1
            partial = size - cut
            rest = readline(limit - partial) if partial < limit else b""
            if partial < limit and (rest.endswith(b"\n") or len(rest) < limit - partial):
                block += rest  # the last line completed (or the input ended)
                size = len(block)
            else:  # the last line is oversized
                record, total = finish_oversized(readline, block[cut:] + rest, limit, spill_dir, state.spills,
                                                 state.spill_prefix)
                block, tail, size = block[:cut], (record,), cut + total
        nlines = block.count(b"\n") + (not block.endswith(b"\n") and bool(block)) + len(tail)
        yield (Chunk(chunk_index, name, consumed + 1, [], None, size, size < chunk_bytes, block, tail),
               consumed + nlines)
        consumed += nlines
        chunk_index += 1


def spill_dir_for(on_error: str, fmt: str, target: Target, state: ReadState) -> str | None:
    """Where oversized records to pass through wait: on disk beside the output, never in
    memory (None when they are not passed on: ``skip``, or CSV, whose records cannot be
    cut from a stream safely).  Leftovers of a killed run of this job are removed."""
    if on_error != "pass" or fmt == "csv":
        return None
    if target.stream:  # stdout, a FIFO, a device: no directory of its own
        import tempfile

        return tempfile.gettempdir()
    spill_dir = os.path.dirname(os.path.abspath(target.path))
    # named after OUT, so that leftovers of a killed run of this job can be removed
    # (.targets refuses an input named like one)
    state.spill_prefix = target.spill_prefix
    for name in os.listdir(spill_dir):
        if name.startswith(state.spill_prefix):
            os.remove(os.path.join(spill_dir, name))
    return spill_dir
