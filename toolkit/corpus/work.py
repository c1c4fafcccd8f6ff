"""The unit of work: one chunk of raw records in, one block of output bytes out.

This function runs in worker processes (local engine) or on Dask workers; it is pure
(same chunk, same bytes), which is why the two engines give byte-identical output and a
resumed job gives the same file as an uninterrupted one.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import BadRecord, OnError, excerpt
from .formats import COMPRESSORS, Chunk, Spill
from .jsonl import decode_line as _decode
from .jsonl import dump_line as _dump_json
from .jsonl import dump_lines
from .jsonl import needs_digit_check, parse_objects
from .params import PARAMS
from .records import Normalizer, Prepared, Spec, apply_many, apply_to_mapping, normalizer_for

log = logging.getLogger(__name__)


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


def _utf8_reason(exc: UnicodeDecodeError) -> str:
    return f"invalid UTF-8 at byte {exc.start}"


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
    records, too_long = _records_of(chunk, ctx.max_record_bytes)
    if ctx.fmt == "jsonl":
        return _jsonl_chunk(chunk, ctx, records, too_long)
    parsed = _parse_all(records, too_long) if ctx.fmt == "txt" else []
    norm = _prepare(chunk, ctx, parsed)
    handle = _handler(ctx, norm)
    tally = _Tally()
    line = chunk.first_line
    lines_used = chunk.lines_used
    for i, raw in enumerate(records):
        try:
            reason = _one(i, raw, parsed[i] if parsed else None, ctx, handle, tally, i in too_long)
        except Exception as exc:  # noqa: BLE001 - a bug on one record must not kill the job
            reason = f"internal error: {type(exc).__name__}: {exc}"
        if reason is not None:
            _report(_reported(raw, i in too_long, ctx), reason, chunk.file, line, ctx.on_error, tally)
        line += lines_used[i] if lines_used is not None else 1
    return _result(chunk, ctx, tally, len(records))


def _result(chunk: Chunk, ctx: Context, tally: _Tally, n: int) -> ChunkResult:
    """The chunk's output blocks (compressed when the output is) and counts."""
    tally.flush()
    segments = tally.segments
    if ctx.compression is not None:
        compress = COMPRESSORS[ctx.compression]
        segments = [compress(seg) if isinstance(seg, bytes) else seg for seg in segments]
    return ChunkResult(chunk.index, tuple(segments), n, n - tally.skipped, tally.changed, tally.skipped,
                       tally.missing, tuple(tally.bad), chunk.nbytes)


@dataclass
class _Tally:
    """What a chunk has produced so far: output lines not yet joined into a block, the
    blocks and spilled records in order, the bad records, and the counts."""

    out: list[bytes] = field(default_factory=list)
    segments: list[bytes | Spill] = field(default_factory=list)
    bad: list[BadRecord] = field(default_factory=list)
    changed: int = 0
    skipped: int = 0
    missing: int = 0

    def flush(self) -> None:
        """Join the pending lines into one block (before a spilled record, and at the end)."""
        if self.out:
            self.segments.append(b"".join(self.out))
            self.out = []


#: Normalizes one decoded record (its index in the chunk, its text) into the tally;
#: returns why it is bad, or None.
Handler = Callable[[int, str, _Tally], "str | None"]


def _records_of(chunk: Chunk, max_bytes: int) -> tuple[list[bytes | Spill | None], set[int]]:
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


def _reported(raw: bytes | Spill | None, too_long: bool, ctx: Context) -> bytes | Spill | None:
    """The record as :func:`_report` gets it: an oversized one that the reader would have
    dropped (``--on-error skip``: nothing to pass on) is None, as it was then."""
    return None if too_long and ctx.on_error == "skip" else raw


def _parse_all(records: list[bytes | Spill | None], too_long: set[int]) -> list[Any]:
    """Each text record decoded, or None where that fails or it is too long; failures go
    through the per-record path, which says why."""
    out: list[Any] = []
    for i, raw in enumerate(records):
        if not isinstance(raw, bytes) or i in too_long:
            out.append(None)
            continue
        try:
            out.append(_decode(raw))
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


def _one(i: int, raw: bytes | Spill | None, pre: Any, ctx: Context, handle: Handler, tally: _Tally,
         too_long: bool = False) -> str | None:
    """Decode one raw record and hand it to the format's handler; the reason it is bad.

    ``pre`` is the text :func:`_parse_all` already decoded (txt): no second decode."""
    if pre is not None:
        return handle(i, pre, tally)
    if raw is None or isinstance(raw, Spill) or too_long:
        return f"record longer than {ctx.max_record_bytes} bytes"
    try:
        text = _decode(raw)
    except UnicodeDecodeError as exc:
        return _utf8_reason(exc)
    return handle(i, text, tally)


def _jsonl_chunk(chunk: Chunk, ctx: Context, records: list[bytes | Spill | None], too_long: set[int]) -> ChunkResult:
    """A JSONL chunk, in batches of about ``PARAMS.work_batch_bytes`` (the chunk stays the
    unit of transfer, compression and checkpoints; the batch only keeps the work in cache)."""
    tally = _Tally()
    step = max(1, len(records) * PARAMS.work_batch_bytes // max(chunk.nbytes, 1))
    check_digits = needs_digit_check(chunk.data)
    line = chunk.first_line
    for start in range(0, len(records), step):
        line = _jsonl_batch(chunk, ctx, records, too_long, range(start, min(start + step, len(records))),
                            check_digits, line, tally)
    return _result(chunk, ctx, tally, len(records))


def _jsonl_batch(chunk: Chunk, ctx: Context, records: list[bytes | Spill | None], too_long: set[int],
                 span: range, check_digits: bool, line: int, tally: _Tally) -> int:
    """Records ``span`` of a JSONL chunk: every line parsed (:func:`.jsonl.parse_objects`),
    every object's fields normalized in one batch (:func:`.records.apply_many`), then
    written in order; a line that is not an object goes the per-record way, which says
    why.  Returns the line number after the span."""
    objs = parse_objects(records[span.start:span.stop], check_digits)
    for i in too_long:
        if i in span:
            objs[i - span.start] = None
    results = _apply_all(objs, ctx.spec, chunk.index)
    if all(type(r) is tuple for r in results):  # no bad record: the whole batch at once
        try:
            tally.out.extend(dump_lines(objs))
        except Exception:  # noqa: BLE001 - a record that cannot be written: record by record below
            log.debug("chunk %d: a record failed to dump; writing record by record", chunk.index)
        else:
            tally.changed += sum(r[0] for r in results)
            tally.missing += sum(r[1] for r in results)
            return line + len(span) if chunk.lines_used is None else line + sum(chunk.lines_used[i] for i in span)
    for k, i in enumerate(span):
        raw, res = records[i], results[k]
        try:
            if type(res) is tuple:
                tally.changed += res[0]
                tally.missing += res[1]
                tally.out.append(_dump_json(objs[k]))
                reason = None
            elif res is not None:
                reason = f"internal error: {type(res).__name__}: {res}"
            else:
                reason = _one(i, raw, None, ctx, lambda _i, text, t: _jsonl(text, ctx.spec, t), tally, i in too_long)
        except Exception as exc:  # noqa: BLE001 - a bug on one record must not kill the job
            reason = f"internal error: {type(exc).__name__}: {exc}"
        if reason is not None:
            _report(_reported(raw, i in too_long, ctx), reason, chunk.file, line, ctx.on_error, tally)
        line += chunk.lines_used[i] if chunk.lines_used is not None else 1
    return line


def _apply_all(objs: list[dict[str, Any] | None], spec: Spec, index: int) -> list[Any]:
    """:func:`.records.apply_many` over the chunk's objects; if the batch raises, each
    object on its own, so a bug on one value is reported on its record."""
    norm = normalizer_for(spec)
    try:
        return apply_many(objs, spec, norm)
    except Exception:  # noqa: BLE001 - fall back to one value at a time, errors per record
        log.warning("batch normalization failed on chunk %d; normalizing record by record", index, exc_info=True)
    out: list[Any] = []
    for obj in objs:
        try:
            out.append(None if obj is None else apply_to_mapping(obj, spec, norm))
        except Exception as exc:  # noqa: BLE001 - reported on its record
            out.append(exc)
    return out


def _report(raw: bytes | Spill | None, reason: str, file: str, line: int, on_error: OnError, tally: _Tally) -> None:
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


def _handler(ctx: Context, norm: Normalizer) -> Handler:
    """The record handler of ``ctx.fmt`` (txt, csv, tsv), bound to the spec and the
    normalizer; JSONL chunks go through :func:`_jsonl_chunk` instead."""
    spec = ctx.spec
    if ctx.fmt == "txt":
        return lambda i, text, tally: _txt(text, spec, norm, tally)
    return _Rows(ctx, norm)


def _jsonl(text: str, spec: Spec, tally: _Tally) -> str | None:
    """A line that did not parse to an object: why (blank, invalid JSON, not an object)."""
    if not text.strip():
        return "blank line"
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return f"invalid JSON: {exc.msg} at column {exc.colno}"
    if not isinstance(obj, dict):
        return f"not a JSON object but {type(obj).__name__}"
    # parse_objects refused what json accepts now: normalize it as any other record
    ch, miss = apply_to_mapping(obj, spec, normalizer_for(spec))
    tally.changed += ch
    tally.missing += miss
    tally.out.append(_dump_json(obj))
    return None


def _txt(text: str, spec: Spec, norm: Normalizer, tally: _Tally) -> str | None:
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

    def __call__(self, i: int, text: str, tally: _Tally) -> str | None:
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
