"""Writing a line-format job's output in input order, and saving how far it got.

Why a module of its own: this is the half of the job that makes it resumable.  Chunks
are committed strictly in the order they were read; after a complete commit the
position (input file and line, output and error-file bytes, counts) is recorded, and at
most every ``checkpoint_seconds`` written to the checkpoint, so an interruption never
records half a chunk.
"""

from __future__ import annotations

import csv
import io
import os
import time
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any, BinaryIO

from .checkpoint import CHECKPOINT_VERSION, Output, write_checkpoint
from .errors import ErrorSink
from .formats import COMPRESSORS, Spill, block_compressor
from .params import PARAMS
from .progress import ProgressBar
from .reader import ReadState
from .records import Spec
from .work import ChunkResult, output_columns


def header_bytes(header: tuple[str, ...], spec: Spec, fmt: str, out: str) -> bytes:
    """The CSV/TSV output header line (input columns, then the added ones), compressed
    as one block when the output is."""
    line = output_columns(header, spec)
    if fmt == "csv":
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow(line)
        head = buf.getvalue().encode("utf-8")
    else:
        head = ("\t".join(line) + "\n").encode("utf-8")
    compress = block_compressor(out)
    return compress(head) if compress else head


def write_spill(spill: Spill, sink: BinaryIO, compression: str | None) -> int:
    """Stream a spilled oversized record into the output, piece by piece; delete it."""
    compress = COMPRESSORS[compression] if compression else None
    written = 0
    with open(spill.path, "rb") as f:
        pieces = iter(lambda: f.read(PARAMS.spill_piece), b"")
        for piece in _with_newline(pieces, spill.newline):
            data = compress(piece) if compress else piece
            sink.write(data)
            written += len(data)
    os.remove(spill.path)
    return written


def _with_newline(pieces: Iterator[bytes], has_newline: bool) -> Iterator[bytes]:
    yield from pieces
    if not has_newline:
        yield b"\n"


class Writer:
    """Commits finished chunks to the output and the error file, in order."""

    def __init__(self, output: Output, errors: ErrorSink, state: ReadState, compression: str | None,
                 bar: ProgressBar | None, checkpoint_seconds: float) -> None:
        self.output, self.errors, self.state = output, errors, state
        self.compression, self.bar, self.checkpoint_seconds = compression, bar, checkpoint_seconds
        self.counts = output.counts
        self.out_bytes = self.counts.bytes_out

    def write_header(self, head: bytes) -> None:
        """Write the CSV/TSV header of a fresh output (a resumed one has it already)."""
        self.output.sink.write(head)
        self.out_bytes += len(head)
        self.counts.bytes_out += len(head)

    def start(self) -> None:
        """Mark where this session starts: the rates of the bar and the position a
        checkpoint records until the first commit."""
        o = self.output
        self.last_ckpt = time.monotonic()
        self.session_start_in = self.counts.bytes_in
        self.session_t0 = time.perf_counter()
        self.session_start_records = self.counts.records_in
        self.committed: dict[str, Any] = dict(
            file=o.start_file, line=o.start_line, chunk=o.chunk_index, out_bytes=self.out_bytes,
            err_bytes=o.err_bytes, counts=asdict(self.counts))

    def commit(self, item: tuple[Any, int, int]) -> None:
        """Write one chunk's output and bad records; ``item`` is (future, file index,
        physical lines of that file consumed after the chunk)."""
        fut, fi, consumed = item
        result: ChunkResult = fut.result()
        nbytes = 0
        for seg in result.segments:
            if isinstance(seg, (bytes, memoryview)):  # memoryview: a shared slot (.shared)
                self.output.sink.write(seg)
                nbytes += len(seg)
            else:
                nbytes += write_spill(seg, self.output.sink, self.compression)
                self.state.spills.discard(seg.path)
        self.out_bytes += nbytes
        for bad in result.bad:
            self.errors.write(bad)
        self.counts.add(result, nbytes)
        self.committed.update(file=fi, line=consumed, chunk=result.index + 1, out_bytes=self.out_bytes,
                              err_bytes=self.errors.bytes, counts=asdict(self.counts))
        now = time.monotonic()
        if self.output.ckpt_path is not None and now - self.last_ckpt >= self.checkpoint_seconds:
            self.checkpoint()
            self.last_ckpt = now
        if self.bar is not None:
            dt = time.perf_counter() - self.session_t0
            self.bar.update(
                self.state.raw_bytes, self.counts.records_in,
                (self.counts.records_in - self.session_start_records) / max(dt, 1e-9),
                (self.counts.bytes_in - self.session_start_in) / 1e6 / max(dt, 1e-9),
            )

    def checkpoint(self) -> None:
        """Save the position of the last complete commit."""
        # the snapshot is taken at the end of a complete commit, so an interruption in the
        # middle of one never records half a chunk
        assert self.output.ckpt_path is not None
        self.output.sink.flush()
        self.errors.flush()
        write_checkpoint(self.output.ckpt_path, {
            "version": CHECKPOINT_VERSION, "fingerprint": self.output.fingerprint, **self.committed,
        })

    def close(self, ok: bool) -> None:
        """Close the files; after a failure keep what is committed for ``--resume``."""
        if self.output.ckpt_path is not None and not ok and self.committed["chunk"] > 0:
            try:
                self.checkpoint()
            except Exception:  # noqa: BLE001 - never mask the original error, but say so
                _log().warning("could not save the checkpoint %s", self.output.ckpt_path, exc_info=True)
        self.errors.close()
        for path in self.state.spills:  # oversized records of chunks never written
            try:
                os.remove(path)
            except OSError:
                _log().debug("spill file %s already gone", path)
        if self.output.tmp is None and not self.output.owned:  # stdout: not ours to close
            self.output.sink.flush()
        else:
            self.output.sink.close()


def _log() -> Any:
    """This module's logger; logging is imported only when there is something to say."""
    import logging

    return logging.getLogger(__name__)
