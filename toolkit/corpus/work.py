"""The unit of work: one chunk of raw records in, one block of output bytes out.

This function runs in worker processes (local engine) or on Dask workers; it is pure
(same chunk, same bytes), which is why the two engines give byte-identical output and a
resumed job gives the same file as an uninterrupted one.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from .errors import BadRecord, OnError, excerpt
from .formats import _COMPRESSORS, Chunk, Spill
from .records import Spec, apply_to_mapping, normalizer_for


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


def _dump_json(obj: Any) -> bytes:
    try:
        return (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")
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
    """Normalize every record of ``chunk``; bad records are reported, passed or skipped."""
    spec = ctx.spec
    norm = normalizer_for(spec)
    out: list[bytes] = []
    segments: list[bytes | Spill] = []
    bad: list[BadRecord] = []
    changed = skipped = missing = 0
    fmt = ctx.fmt
    line = chunk.first_line
    lines_used = chunk.lines_used
    if fmt in ("csv", "tsv"):
        assert ctx.header is not None
        ncols = len(ctx.header)
        index = {name: i for i, name in enumerate(ctx.header)}
        field_idx = [index[f] for f in spec.fields]
        buf = io.StringIO()
        if fmt == "csv":
            writer = csv.writer(buf, lineterminator="\n")

    for i, raw in enumerate(chunk.records):
        reason: str | None = None
        try:
            if raw is None or isinstance(raw, Spill):
                reason = f"record longer than {ctx.max_record_bytes} bytes"
            elif fmt == "jsonl":
                try:
                    text = _decode(raw)
                except UnicodeDecodeError as exc:
                    reason = _utf8_reason(exc)
                else:
                    if not text.strip():
                        reason = "blank line"
                    else:
                        try:
                            obj = json.loads(text)
                        except json.JSONDecodeError as exc:
                            reason = f"invalid JSON: {exc.msg} at column {exc.colno}"
                        else:
                            if not isinstance(obj, dict):
                                reason = f"not a JSON object but {type(obj).__name__}"
                            else:
                                ch, miss = apply_to_mapping(obj, spec, norm)
                                changed += ch
                                missing += miss
                                out.append(_dump_json(obj))
            elif fmt == "txt":
                try:
                    text = _decode(raw)
                except UnicodeDecodeError as exc:
                    reason = _utf8_reason(exc)
                else:
                    new = norm(text)
                    changed += new != text
                    cells = [new]
                    if spec.key:
                        cells.append(norm.skeleton(text))
                    if spec.script:
                        cells.append(norm.detect_script(text))
                    out.append(("\t".join(_clean_cell(c) for c in cells) + "\n").encode("utf-8"))
            else:  # csv, tsv
                try:
                    text = _decode(raw)
                except UnicodeDecodeError as exc:
                    reason = _utf8_reason(exc)
                else:
                    if fmt == "csv":
                        try:
                            rows = list(csv.reader(text.splitlines(keepends=True) or [""], strict=True))
                        except csv.Error as exc:
                            rows = []
                            reason = f"invalid CSV: {exc}"
                        if reason is None and len(rows) != 1:
                            reason = "invalid CSV: unbalanced quotes"
                        row = rows[0] if rows else []
                    else:
                        row = text.split("\t")
                    if reason is None and len(row) != ncols:
                        reason = f"wrong column count: {len(row)} instead of {ncols}"
                    if reason is None:
                        extra: list[str] = []
                        rec_changed = False
                        for j in field_idx:
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
                        changed += rec_changed
                        row.extend(extra)
                        if fmt == "csv":
                            buf.seek(0)
                            buf.truncate()
                            writer.writerow(row)
                            out.append(buf.getvalue().encode("utf-8"))
                        else:
                            out.append(("\t".join(_clean_cell(c) for c in row) + "\n").encode("utf-8"))
        except Exception as exc:  # noqa: BLE001 - a bug on one record must not kill the job
            reason = f"internal error: {type(exc).__name__}: {exc}"
        if reason is not None:
            # an oversized record that was not spilled to disk (CSV) cannot be passed on
            action: OnError = "skip" if raw is None else ctx.on_error
            bad.append(BadRecord(chunk.file, line, reason, action,
                                 excerpt(raw.head if isinstance(raw, Spill) else raw)))
            if action == "skip":
                skipped += 1
            elif isinstance(raw, Spill):
                if out:
                    segments.append(b"".join(out))
                    out = []
                segments.append(raw)
            else:
                assert raw is not None
                out.append(raw if raw.endswith(b"\n") else raw + b"\n")
        line += lines_used[i] if lines_used is not None else 1

    if out:
        segments.append(b"".join(out))
    if ctx.compression is not None:
        compress = _COMPRESSORS[ctx.compression]
        segments = [compress(seg) if isinstance(seg, bytes) else seg for seg in segments]
    n = len(chunk.records)
    return ChunkResult(chunk.index, tuple(segments), n, n - skipped, changed, skipped, missing, tuple(bad), chunk.nbytes)
