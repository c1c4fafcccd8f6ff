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
from .records import Normalizer, Prepared, Spec, apply_to_mapping, field_strings, normalizer_for

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


def _decode(raw: bytes) -> str:
    """Strict UTF-8 without the line ending; a BOM at the start of a file is dropped."""
    if raw.endswith(b"\n"):
        raw = raw[:-2] if raw.endswith(b"\r\n") else raw[:-1]
    text = raw.decode("utf-8")
    return text[1:] if text.startswith("\ufeff") else text


def _utf8_reason(exc: UnicodeDecodeError) -> str:
    return f"invalid UTF-8 at byte {exc.start}"


#: ``json.dumps(obj, ensure_ascii=False)`` builds this encoder on every call; one built
#: once gives the same bytes (same options) without the per-record set-up.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def _dump_json(obj: Any) -> bytes:
    try:
        return (_ENCODE(obj) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from \ud800-style escapes: keep them escaped
        return (json.dumps(obj, ensure_ascii=True) + "\n").encode("ascii")


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
    parsed = _parse_all(chunk.records) if ctx.fmt in ("jsonl", "txt") else []
    norm = _prepare(chunk, ctx, parsed)
    handle = _handler(ctx, norm, parsed)
    tally = _Tally()
    line = chunk.first_line
    lines_used = chunk.lines_used
    for i, raw in enumerate(chunk.records):
        try:
            reason = _one(i, raw, parsed[i] if parsed else None, ctx, handle, tally)
        except Exception as exc:  # noqa: BLE001 - a bug on one record must not kill the job
            reason = f"internal error: {type(exc).__name__}: {exc}"
        if reason is not None:
            _report(raw, reason, chunk.file, line, ctx.on_error, tally)
        line += lines_used[i] if lines_used is not None else 1
    tally.flush()
    segments = tally.segments
    if ctx.compression is not None:
        compress = COMPRESSORS[ctx.compression]
        segments = [compress(seg) if isinstance(seg, bytes) else seg for seg in segments]
    n = len(chunk.records)
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


def _parse_all(records: list[bytes | Spill | None] | tuple[bytes | Spill | None, ...]) -> list[Any]:
    """Each record decoded (txt) or decoded and parsed (jsonl: a dict, else None), or None
    where that fails; failures go through the per-record path, which says why."""
    out: list[Any] = []
    for raw in records:
        if not isinstance(raw, bytes):
            out.append(None)
            continue
        try:
            out.append(_decode(raw))
        except UnicodeDecodeError:
            out.append(None)
    return out


def _prepare(chunk: Chunk, ctx: Context, parsed: list[Any]) -> Normalizer:
    """The chunk's normalizer: its values normalized in one batch (txt, jsonl), or, if the
    batch raises, the per-record normalizer, so a bug on one value is reported on its
    record and does not fail the chunk."""
    norm = normalizer_for(ctx.spec)
    if ctx.fmt == "jsonl":
        for i, text in enumerate(parsed):
            try:
                obj = json.loads(text) if text is not None else None
            except (ValueError, RecursionError):  # the per-record path reports it
                obj = None
            parsed[i] = obj if isinstance(obj, dict) else None
        texts = field_strings((o for o in parsed if o is not None), ctx.spec)
    elif ctx.fmt == "txt":
        texts = [t for t in parsed if t is not None]
    else:
        return norm
    try:
        return Prepared(norm, texts)
    except Exception:  # noqa: BLE001 - fall back to one value at a time, errors per record
        log.warning("batch normalization failed on chunk %d; normalizing record by record",
                    chunk.index, exc_info=True)
        return norm


def _one(i: int, raw: bytes | Spill | None, pre: Any, ctx: Context, handle: Handler, tally: _Tally) -> str | None:
    """Decode one raw record and hand it to the format's handler; the reason it is bad.

    ``pre`` is what :func:`_prepare` already made of it (txt: the text; jsonl: the
    object, which the handler takes from its list, so the text is not needed): no
    second decode."""
    if pre is not None:
        return handle(i, pre if isinstance(pre, str) else "", tally)
    if raw is None or isinstance(raw, Spill):
        return f"record longer than {ctx.max_record_bytes} bytes"
    try:
        text = _decode(raw)
    except UnicodeDecodeError as exc:
        return _utf8_reason(exc)
    return handle(i, text, tally)


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


def _handler(ctx: Context, norm: Normalizer, parsed: list[Any]) -> Handler:
    """The record handler of ``ctx.fmt``, bound to the spec, the normalizer and (jsonl)
    the records already parsed by :func:`_prepare`."""
    spec = ctx.spec
    if ctx.fmt == "jsonl":
        return lambda i, text, tally: _jsonl(parsed[i], text, spec, norm, tally)
    if ctx.fmt == "txt":
        return lambda i, text, tally: _txt(text, spec, norm, tally)
    return _Rows(ctx, norm)


def _jsonl(obj: dict[str, Any] | None, text: str, spec: Spec, norm: Normalizer, tally: _Tally) -> str | None:
    """One JSON object a line; the spec's fields are normalized in place."""
    if obj is not None:
        return _jsonl_obj(obj, spec, norm, tally)
    if not text.strip():
        return "blank line"
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return f"invalid JSON: {exc.msg} at column {exc.colno}"
    if not isinstance(obj, dict):
        return f"not a JSON object but {type(obj).__name__}"
    return _jsonl_obj(obj, spec, norm, tally)


def _jsonl_obj(obj: dict[str, Any], spec: Spec, norm: Normalizer, tally: _Tally) -> str | None:
    ch, miss = apply_to_mapping(obj, spec, norm)
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
