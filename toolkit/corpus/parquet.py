"""Parquet in, Parquet out, through pyarrow, batch by batch.

Parquet is columnar, so the unit of work is a column slice of a record batch: workers get
plain lists of strings and return normalized lists; every other column is carried over
untouched by Arrow, without a round trip through Python.  Values that are not strings
(nulls) stay as they are.  A Parquet file only becomes valid when its footer is written,
so an interrupted Parquet job restarts from the beginning on ``--resume`` (the checkpoint
scheme of line formats does not apply); the output is still written under a temporary
name and renamed when complete.
"""

from __future__ import annotations

import os
import time
import warnings
from collections import deque
from collections.abc import Sequence
from typing import Any

from .records import Spec, normalizer_for

BATCH_ROWS = 8192


def normalize_columns(columns: dict[str, list[Any]], spec: Spec) -> tuple[dict[str, list[Any]], int]:
    """Normalize lists of values; returns the new columns (by output name) and rows changed."""
    norm = normalizer_for(spec)
    new: dict[str, list[Any]] = {}
    changed_rows: set[int] = set()
    for name, values in columns.items():
        out = []
        for i, v in enumerate(values):
            if isinstance(v, str):
                n = norm(v)
                if n != v:
                    changed_rows.add(i)
                out.append(n)
            else:
                out.append(v)
        new[spec.out_name(name)] = out
        if spec.key:
            new[name + "_key"] = [norm.skeleton(v) if isinstance(v, str) else None for v in values]
        if spec.script:
            new[name + "_script"] = [norm.detect_script(v) if isinstance(v, str) else None for v in values]
    return new, len(changed_rows)


def normalize_parquet(
    files: Sequence[str], out: str, spec: Spec, *, workers: int, resume: bool, progress: bool,
    engine: str = "local", scheduler: str | None = None,
):  # type: ignore[no-untyped-def]
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .job import JobSummary, _make_executor, _progress

    if out == "-" or "-" in files:
        raise ValueError("parquet needs named input and output files, not -")
    if resume:
        warnings.warn("parquet output cannot be resumed; starting over", stacklevel=2)
    start = time.perf_counter()
    schema = pq.read_schema(files[0])
    for f in spec.fields:
        if "." in f or f not in schema.names:
            raise ValueError(f"{files[0]}: no top-level column {f!r}; columns are {', '.join(schema.names)}")
        if not (pa.types.is_string(schema.field(f).type) or pa.types.is_large_string(schema.field(f).type)):
            raise ValueError(f"{files[0]}: column {f!r} is {schema.field(f).type}, not a string column")
    tmp = out + ".part"
    writer = None
    executor = _make_executor(engine, workers, scheduler)
    total = sum(os.path.getsize(f) for f in files)
    bar = _progress(progress, total)
    rows = changed = 0
    done_bytes = 0
    in_flight: deque[tuple[Any, Any]] = deque()

    def commit(item: tuple[Any, Any]) -> None:
        nonlocal writer, rows, changed
        fut, batch = item
        new_cols, ch = fut.result()
        table = pa.Table.from_batches([batch])
        for name, values in new_cols.items():
            arr = pa.array(values, type=pa.string())
            if name in table.column_names:
                table = table.set_column(table.column_names.index(name), name, arr)
            else:
                table = table.append_column(name, arr)
        if writer is None:
            writer = pq.ParquetWriter(tmp, table.schema)
        writer.write_table(table)
        rows += batch.num_rows
        changed += ch
        if bar is not None:
            bar[0].update(bar[1], completed=done_bytes, records=rows,
                          rps=rows / max(time.perf_counter() - start, 1e-9), mbps=0.0)

    try:
        for f in files:
            pf = pq.ParquetFile(f)
            if pf.schema_arrow != schema:
                raise ValueError(f"{f}: schema differs from {files[0]}'s")
            for batch in pf.iter_batches(batch_size=BATCH_ROWS):
                cols = {name: batch.column(name).to_pylist() for name in spec.fields}
                if len(in_flight) >= 2 * workers + 2:
                    commit(in_flight.popleft())
                in_flight.append((executor.submit(normalize_columns, cols, spec), batch))
            done_bytes += os.path.getsize(f)
        while in_flight:
            commit(in_flight.popleft())
        if writer is None:  # no rows at all: still write a valid empty file
            empty = schema
            for name in spec.fields:
                if not spec.replace:
                    empty = empty.append(pa.field(name + spec.suffix, pa.string()))
                if spec.key:
                    empty = empty.append(pa.field(name + "_key", pa.string()))
                if spec.script:
                    empty = empty.append(pa.field(name + "_script", pa.string()))
            writer = pq.ParquetWriter(tmp, empty)
    finally:
        executor.shutdown()
        if bar is not None:
            bar[0].stop()
        if writer is not None:
            writer.close()
    os.replace(tmp, out)
    size_in = sum(os.path.getsize(f) for f in files)
    return JobSummary(rows, rows, changed, 0, 0, 0, size_in, os.path.getsize(out),
                      time.perf_counter() - start, len(files), out, None, False)
