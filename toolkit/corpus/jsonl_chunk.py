"""The JSONL path of a worker: a chunk of JSON Lines parsed, normalized and written in
batches, with any line that is not an object reported on its own.

Why a module of its own: it is the path almost every corpus takes, tuned for it
(benchmarks/README.md, corpus section): orjson parsing and writing where they give
json's objects and bytes (:mod:`.jsonl`), one normalizer call per batch
(:func:`.records.apply_many`).  The per-record way stays for whatever the batch cannot
take, and says why a line is bad in json's words.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from .formats import Chunk, Spill
from .jsonl import Scan, dump_block, dump_line, parse_objects, scan
from .outcome import ChunkResult, Context, Tally, chunk_result, decode_one, report, reported
from .params import PARAMS
from .records import Spec, apply_many, apply_to_mapping, normalizer_for

log = logging.getLogger(__name__)


def jsonl_chunk(chunk: Chunk, ctx: Context, records: list[bytes | Spill | None], too_long: set[int]) -> ChunkResult:
    """A JSONL chunk, in batches of about ``PARAMS.work_batch_bytes`` (the chunk stays the
    unit of transfer, compression and checkpoints; the batch only keeps the work in cache)."""
    tally = Tally()
    step = max(1, len(records) * PARAMS.work_batch_bytes // max(chunk.nbytes, 1))
    scanned = scan(chunk.data, records[:len(records) - len(chunk.tail)])
    line = chunk.first_line
    for start in range(0, len(records), step):
        line = _jsonl_batch(chunk, ctx, records, too_long, range(start, min(start + step, len(records))),
                            scanned, line, tally)
    return chunk_result(chunk, ctx, tally, len(records))


def _jsonl_batch(chunk: Chunk, ctx: Context, records: list[bytes | Spill | None], too_long: set[int],
                 span: range, scanned: Scan, line: int, tally: Tally) -> int:
    """Records ``span`` of a JSONL chunk: every line parsed (:func:`.jsonl.parse_objects`),
    every object's fields normalized in one batch (:func:`.records.apply_many`), then
    written in order (:func:`.jsonl.dump_block`; ``scanned`` is :func:`.jsonl.scan` of the
    chunk); a line that is not an object goes the per-record way, which says why.
    Returns the line number after the span."""
    by_json: list[int] = []
    objs = parse_objects(records[span.start:span.stop], scanned.long_digits, by_json, scanned.heavy_in(span))
    for i in too_long:
        if i in span:
            objs[i - span.start] = None
    results = _apply_all(objs, ctx.spec, chunk.index)
    if all(type(r) is tuple for r in results):  # no bad record: the whole batch at once
        slow = set(by_json)
        slow.update(i - span.start for i in scanned.floats if span.start <= i < span.stop)
        try:
            tally.out.append(dump_block(objs, slow))
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
                tally.out.append(dump_line(objs[k]))
                reason = None
            elif res is not None:
                reason = f"internal error: {type(res).__name__}: {res}"
            else:
                reason = decode_one(i, raw, None, ctx, lambda _i, text, t: _jsonl(text, ctx.spec, t), tally, i in too_long)
        except Exception as exc:  # noqa: BLE001 - a bug on one record must not kill the job
            reason = f"internal error: {type(exc).__name__}: {exc}"
        if reason is not None:
            report(reported(raw, i in too_long, ctx), reason, chunk.file, line, ctx.on_error, tally)
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


def _jsonl(text: str, spec: Spec, tally: Tally) -> str | None:
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
    tally.out.append(dump_line(obj))
    return None
