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
from typing import TYPE_CHECKING, Any

from .executors import make_executor
from .params import PARAMS
from .progress import ProgressBar, progress_bar
from .records import Spec, normalizer_for
from .summary import JobSummary

if TYPE_CHECKING:  # pyarrow is imported only when a Parquet job runs
    import pyarrow as pa

BATCH_ROWS = PARAMS.parquet_batch_rows


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
) -> JobSummary:
    """Normalize the spec's string columns of Parquet ``files`` into one Parquet ``out``.

    Called by :func:`toolkit.corpus.job.normalize_file` for ``fmt="parquet"``, which has
    already checked the options; batches go to the workers in order and are written in
    order, so the output does not depend on ``workers`` or ``engine``.
    """
    import pyarrow.parquet as pq

    if out == "-" or "-" in files:
        raise ValueError("parquet needs named input and output files, not -")
    if resume:
        warnings.warn("parquet output cannot be resumed; starting over", stacklevel=2)
    start = time.perf_counter()
    schema = pq.read_schema(files[0])
    _check_columns(schema, spec, files[0])
    tmp = out + ".part"
    executor = make_executor(engine, workers, scheduler)
    total = sum(os.path.getsize(f) for f in files)
    sink = _ParquetSink(tmp, progress_bar(progress, total), start)
    in_flight: deque[tuple[Any, Any]] = deque()
    try:
        for f in files:
            pf = pq.ParquetFile(f)
            if pf.schema_arrow != schema:
                raise ValueError(f"{f}: schema differs from {files[0]}'s")
            for batch in pf.iter_batches(batch_size=BATCH_ROWS):
                cols = {name: batch.column(name).to_pylist() for name in spec.fields}
                if len(in_flight) >= PARAMS.in_flight(workers):
                    sink.commit(in_flight.popleft())
                in_flight.append((executor.submit(normalize_columns, cols, spec), batch))
            sink.done_bytes += os.path.getsize(f)
        while in_flight:
            sink.commit(in_flight.popleft())
        sink.ensure_file(_empty_schema(schema, spec))
    finally:
        executor.shutdown()
        sink.close()
    os.replace(tmp, out)
    size_in = sum(os.path.getsize(f) for f in files)
    return JobSummary(sink.rows, sink.rows, sink.changed, 0, 0, 0, size_in, os.path.getsize(out),
                      time.perf_counter() - start, len(files), out, None, False)


def _check_columns(schema: pa.Schema, spec: Spec, path: str) -> None:
    """Every field must be a top-level string column: only those are normalized."""
    import pyarrow as pa

    for f in spec.fields:
        if "." in f or f not in schema.names:
            raise ValueError(f"{path}: no top-level column {f!r}; columns are {', '.join(schema.names)}")
        if not (pa.types.is_string(schema.field(f).type) or pa.types.is_large_string(schema.field(f).type)):
            raise ValueError(f"{path}: column {f!r} is {schema.field(f).type}, not a string column")


def _empty_schema(schema: pa.Schema, spec: Spec) -> pa.Schema:
    """The output schema when there are no rows at all (a valid empty file is still written)."""
    import pyarrow as pa

    empty = schema
    for name in spec.fields:
        if not spec.replace:
            empty = empty.append(pa.field(name + spec.suffix, pa.string()))
        if spec.key:
            empty = empty.append(pa.field(name + "_key", pa.string()))
        if spec.script:
            empty = empty.append(pa.field(name + "_script", pa.string()))
    return empty


class _ParquetSink:
    """Writes normalized batches in order to ``tmp``; the writer opens on the first batch,
    whose schema (input columns, then the added ones) every later batch shares."""

    def __init__(self, tmp: str, bar: ProgressBar | None, start: float) -> None:
        self.tmp, self.bar, self.start = tmp, bar, start
        self.writer: Any = None
        self.rows = self.changed = self.done_bytes = 0

    def commit(self, item: tuple[Any, Any]) -> None:
        """Write one batch with its new columns; ``item`` is (future, record batch)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        fut, batch = item
        new_cols, ch = fut.result()
        table = pa.Table.from_batches([batch])
        for name, values in new_cols.items():
            arr = pa.array(values, type=pa.string())
            if name in table.column_names:
                table = table.set_column(table.column_names.index(name), name, arr)
            else:
                table = table.append_column(name, arr)
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.tmp, table.schema)
        self.writer.write_table(table)
        self.rows += batch.num_rows
        self.changed += ch
        if self.bar is not None:
            self.bar.update(self.done_bytes, self.rows, self.rows / max(time.perf_counter() - self.start, 1e-9), 0.0)

    def ensure_file(self, schema: pa.Schema) -> None:
        """Open the writer with ``schema`` if no batch did (no rows at all)."""
        import pyarrow.parquet as pq

        if self.writer is None:
            self.writer = pq.ParquetWriter(self.tmp, schema)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
        if self.writer is not None:
            self.writer.close()
