"""The unit of work: one chunk of raw records in, one block of output bytes out.

This function runs in worker processes (local engine) or on Dask workers; it is pure
(same chunk, same bytes), which is why the two engines give byte-identical output and a
resumed job gives the same file as an uninterrupted one.  JSONL chunks take their own
path (:mod:`.jsonl_chunk`); text, CSV and TSV records are handled here, one by one.
"""

from __future__ import annotations

import csv
import io
import logging
from typing import Any

from .formats import Chunk, Spill
from .jsonl import decode_line
from .jsonl_chunk import jsonl_chunk
from .outcome import ChunkResult, Context, Handler, Tally, chunk_result, decode_one, records_of, report, reported
from .records import Normalizer, Prepared, Spec, normalizer_for

__all__ = ["ChunkResult", "Context", "output_columns", "process_chunk"]

log = logging.getLogger(__name__)


def output_columns(header: tuple[str, ...], spec: Spec) -> list[str]:
    """CSV/TSV output header: the input columns, then the added ones, in field order."""
    cols = list(header)
    for f in spec.fields:
        if not spec.replace:
            cols.append(f + spec.suffix)
        if spec.key:
            cols.append(f + "_key")
        if spec.script:
            cols.append(f + "_script")
    return cols


def _clean_cell(value: str) -> str:
    # TSV has no quoting: a tab or newline inside a value would break the row
    return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def process_chunk(chunk: Chunk, ctx: Context) -> ChunkResult:
    """Normalize every record of ``chunk``; bad records are reported, passed or skipped.

    A bad record (or a bug on one record) never stops the chunk: it gets a reason and
    its line, and the record is passed through untouched or skipped.
    """
    records, too_long = records_of(chunk, ctx.max_record_bytes)
    if ctx.fmt == "jsonl":
        return jsonl_chunk(chunk, ctx, records, too_long)
    parsed = _parse_all(records, too_long) if ctx.fmt == "txt" else []
    norm = _prepare(chunk, ctx, parsed)
    handle = _handler(ctx, norm)
    tally = Tally()
    line = chunk.first_line
    lines_used = chunk.lines_used
    for i, raw in enumerate(records):
        try:
            reason = decode_one(i, raw, parsed[i] if parsed else None, ctx, handle, tally, i in too_long)
        except Exception as exc:  # noqa: BLE001 - a bug on one record must not kill the job
            reason = f"internal error: {type(exc).__name__}: {exc}"
        if reason is not None:
            report(reported(raw, i in too_long, ctx), reason, chunk.file, line, ctx.on_error, tally)
        line += lines_used[i] if lines_used is not None else 1
    return chunk_result(chunk, ctx, tally, len(records))


def _parse_all(records: list[bytes | Spill | None], too_long: set[int]) -> list[Any]:
    """Each text record decoded, or None where that fails or it is too long; failures go
    through the per-record path, which says why."""
    out: list[Any] = []
    for i, raw in enumerate(records):
        if not isinstance(raw, bytes) or i in too_long:
            out.append(None)
            continue
        try:
            out.append(decode_line(raw))
        except UnicodeDecodeError:
            out.append(None)
    return out


def _prepare(chunk: Chunk, ctx: Context, parsed: list[Any]) -> Normalizer:
    """The chunk's normalizer: its values normalized in one batch (txt), or, if the
    batch raises, the per-record normalizer, so a bug on one value is reported on its
    record and does not fail the chunk."""
    norm = normalizer_for(ctx.spec)
    if ctx.fmt != "txt":
        return norm
    try:
        return Prepared(norm, [t for t in parsed if t is not None])
    except Exception:  # noqa: BLE001 - fall back to one value at a time, errors per record
        log.warning("batch normalization failed on chunk %d; normalizing record by record",
                    chunk.index, exc_info=True)
        return norm


def _handler(ctx: Context, norm: Normalizer) -> Handler:
    """The record handler of ``ctx.fmt`` (txt, csv, tsv), bound to the spec and the
    normalizer; JSONL chunks go through :func:`jsonl_chunk` instead."""
    spec = ctx.spec
    if ctx.fmt == "txt":
        return lambda i, text, tally: _txt(text, spec, norm, tally)
    return _Rows(ctx, norm)


def _txt(text: str, spec: Spec, norm: Normalizer, tally: Tally) -> str | None:
    """A line of text in, the normalized line out (with key and script as TSV cells)."""
    new = norm(text)
    tally.changed += new != text
    cells = [new]
    if spec.key:
        cells.append(norm.skeleton(text))
    if spec.script:
        cells.append(norm.detect_script(text))
    tally.out.append(("\t".join(_clean_cell(c) for c in cells) + "\n").encode("utf-8"))
    return None


class _Rows:
    """CSV/TSV records: the spec's columns normalized, the added ones appended."""

    def __init__(self, ctx: Context, norm: Normalizer) -> None:
        assert ctx.header is not None
        self.spec, self.norm, self.csv = ctx.spec, norm, ctx.fmt == "csv"
        self.ncols = len(ctx.header)
        index = {name: i for i, name in enumerate(ctx.header)}
        self.field_idx = [index[f] for f in self.spec.fields]
        self.buf = io.StringIO()
        self.writer = csv.writer(self.buf, lineterminator="\n")

    def _row(self, text: str) -> tuple[list[str], str | None]:
        """The cells of one record, or why it is not a record of this table."""
        if not self.csv:
            row = text.split("\t")
        else:
            try:
                rows = list(csv.reader(text.splitlines(keepends=True) or [""], strict=True))
            except csv.Error as exc:
                return [], f"invalid CSV: {exc}"
            if len(rows) != 1:
                return [], "invalid CSV: unbalanced quotes"
            row = rows[0]
        if len(row) != self.ncols:
            return row, f"wrong column count: {len(row)} instead of {self.ncols}"
        return row, None

    def __call__(self, i: int, text: str, tally: Tally) -> str | None:
        row, reason = self._row(text)
        if reason is not None:
            return reason
        spec, norm = self.spec, self.norm
        extra: list[str] = []
        rec_changed = False
        for j in self.field_idx:
            old = row[j]
            new = norm(old)
            rec_changed |= new != old
            if spec.replace:
                row[j] = new
            else:
                extra.append(new)
            if spec.key:
                extra.append(norm.skeleton(old))
            if spec.script:
                extra.append(norm.detect_script(old))
        tally.changed += rec_changed
        row.extend(extra)
        if self.csv:
            self.buf.seek(0)
            self.buf.truncate()
            self.writer.writerow(row)
            tally.out.append(self.buf.getvalue().encode("utf-8"))
        else:
            tally.out.append(("\t".join(_clean_cell(c) for c in row) + "\n").encode("utf-8"))
        return None
