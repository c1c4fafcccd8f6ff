"""The bulk job: stream records from files through worker processes into one output.

Design, and why:

* **Bounded memory.**  The reader cuts the input into chunks of about ``chunk_bytes`` and
  at most ``2 * workers + 2`` chunks are in flight; nothing else grows with the input.
* **Order preserved.**  Chunks are committed in the order they were read, whatever order
  the workers finish in.
* **Deterministic bytes.**  A chunk's output depends only on its records and the options
  (:func:`.work.process_chunk` is pure) and chunk boundaries only on the input, so the
  local engine, Dask and a resumed run all write the same bytes.
* **Safe output.**  Every path is checked first (:mod:`.targets`: no side file may be an
  input or another side file).  Output goes to ``OUT.part`` and is renamed to ``OUT`` when
  complete (a FIFO or a device OUT is written directly).
  After committed chunks a small JSON checkpoint (``OUT.part.ckpt``) records how far the
  input, output and error file got; ``resume=True`` truncates to that point and goes on.

The pieces: :mod:`.reader` cuts chunks, :mod:`.work` normalizes one, :mod:`.writer`
commits them in order, :mod:`.checkpoint` opens or resumes the output, :mod:`.executors`
runs the work, :mod:`.params` holds the tuned sizes.  This module checks the options and
runs the loop.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any

from ..normalize.levels import Lang, Level
from .checkpoint import CHECKPOINT_VERSION, Output, open_output
from .errors import ErrorSink, OnError
from .executors import make_executor
from .formats import FORMATS, Chunk, block_compressor, compression_of, expand_inputs, format_of
from .params import PARAMS
from .progress import progress_bar
from .reader import ReadState, chunks, first_header, spill_dir_for
from .records import Spec
from .summary import JobInterrupted, JobSummary
from .targets import Target, plan_target
from .work import Context, process_chunk
from .writer import Writer, header_bytes

__all__ = ["CHECKPOINT_VERSION", "DEFAULT_CHUNK_BYTES", "DEFAULT_MAX_RECORD_BYTES", "JobInterrupted", "JobSummary",
           "normalize_file"]

DEFAULT_CHUNK_BYTES = PARAMS.chunk_bytes
DEFAULT_MAX_RECORD_BYTES = PARAMS.max_record_bytes
CHECKPOINT_EVERY_S = PARAMS.checkpoint_seconds
SPILL_PIECE = PARAMS.spill_piece


def normalize_file(
    inp: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    fields: Sequence[str] | None = None,
    level: Level = "search",
    lang: Lang = "auto",
    replace: bool = False,
    suffix: str = "_norm",
    key: bool = False,
    script: bool = False,
    workers: int | None = None,
    on_error: OnError = "pass",
    errors_path: str | None = None,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
    resume: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool = False,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    checkpoint_seconds: float = CHECKPOINT_EVERY_S,
) -> JobSummary:
    """Normalize the records of ``inp`` (a file, a directory, a glob or ``-``) into ``out``.

    ``fmt`` defaults to the input's extension; ``fields`` to ``("text",)`` for JSONL and
    Parquet and is required for CSV/TSV (column names).  Bad records are written to
    ``errors_path`` (default ``OUT.errors.jsonl``; stderr when OUT is ``-``, a FIFO or a
    device) and passed through (``on_error="pass"``) or skipped.  ``workers`` defaults to
    all cores.  Raises ``FileNotFoundError``/``ValueError`` with a one-line reason on bad
    input (a truncated or corrupt compressed file: :class:`.formats.CorruptInput`) or on a
    side file that could destroy data (:mod:`.targets`), ``OSError`` when writing fails, and
    :class:`JobInterrupted` on Ctrl-C (rerun with ``resume=True``).  ``chunk_bytes`` is the
    unit of work and of output compression; ``checkpoint_seconds`` how often progress is
    saved for ``resume`` (a resumed job redoes at most that much work).
    """
    inp, out = os.fspath(inp), os.fspath(out)
    files, fmt = _inputs(inp, out, fmt)
    spec = _spec(fmt, fields, level, lang, replace, suffix, key, script, on_error, max_record_bytes)
    workers = workers or os.cpu_count() or 1
    # every path is checked before anything is opened for writing (see .targets)
    target = plan_target(out, files, errors_path, parquet=fmt == "parquet", resume=resume)
    if fmt == "parquet":
        from .parquet import normalize_parquet

        return normalize_parquet(files, target.path, spec, workers=workers, resume=resume, progress=progress,
                                 engine=engine, scheduler=scheduler)
    if resume and (out == "-" or "-" in files):
        raise ValueError("--resume needs named input and output files, not -")
    compression = block_compressor(out) and compression_of(out)
    start = time.perf_counter()
    header = first_header(files, fmt, spec, max_record_bytes)
    ctx = Context(spec, fmt, on_error, max_record_bytes, compression, header)
    output = open_output(target, files, ctx, chunk_bytes, resume)
    _run(files, target, ctx, output, workers, engine, scheduler, progress, chunk_bytes, checkpoint_seconds)
    _finish(output, target)
    return output.counts.summary(time.perf_counter() - start, len(files), out, target.errors, output.resumed)


def _inputs(inp: str, out: str, fmt: str | None) -> tuple[list[str], str]:
    """The input files and their format (named, or told by the first file's extension,
    or by the output's when the input is stdin)."""
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    files = expand_inputs(inp, fmt)
    fmt = fmt or format_of(files[0] if files[0] != "-" else "") or (format_of(out) if out != "-" else None)
    if fmt is None:
        raise ValueError(f"cannot tell the format of {inp}; give --format")
    return files, fmt


def _spec(fmt: str, fields: Sequence[str] | None, level: Level, lang: Lang, replace: bool, suffix: str,
          key: bool, script: bool, on_error: str, max_record_bytes: int) -> Spec:
    """The checked options of the job as the :class:`Spec` every worker gets."""
    if on_error not in ("pass", "skip"):
        raise ValueError(f"on_error must be pass or skip, not {on_error!r}")
    if max_record_bytes < 1:
        raise ValueError("max_record_bytes must be positive")
    if fields is None or not list(fields):
        if fmt in ("csv", "tsv"):
            raise ValueError(f"{fmt} input needs --field COLUMN (which columns to normalize)")
        fields = ("text",)
    return Spec(tuple(fields), level, lang, replace, suffix, key, script)


def _run(files: Sequence[str], target: Target, ctx: Context, output: Output, workers: int, engine: str,
         scheduler: str | None, progress: bool, chunk_bytes: int, checkpoint_seconds: float) -> None:
    """Read, normalize and commit every chunk from the output's start position on."""
    state = ReadState()
    errors = ErrorSink(target.errors, output.err_bytes, stream=target.errors_stream)
    writer = Writer(output, errors, state, ctx.compression, None, checkpoint_seconds)
    if ctx.header is not None and not output.resumed:
        writer.write_header(header_bytes(ctx.header, ctx.spec, ctx.fmt, target.name))
    total = None if "-" in files else sum(os.path.getsize(f) for f in files)
    spill_dir = spill_dir_for(ctx.on_error, ctx.fmt, target, state)
    if output.resumed:
        state.done_bytes = sum(os.path.getsize(f) for f in files[:output.start_file])
    writer.bar = progress_bar(progress, total)
    limit = PARAMS.in_flight(workers)
    executor = make_executor(engine, workers, scheduler, limit, PARAMS.slot_bytes(chunk_bytes, limit),
                             PARAMS.in_slot_bytes(chunk_bytes, limit))
    writer.start()
    headers = [ctx.header] if ctx.header is not None else []
    read = chunks(files, ctx.fmt, output.start_file, output.start_line, output.chunk_index, chunk_bytes,
                  ctx.max_record_bytes, state, headers, spill_dir)
    _pump(read, executor, writer, ctx, limit)


def _pump(read: Iterator[tuple[Chunk, int, int]], executor: Any, writer: Writer, ctx: Context, limit: int) -> None:
    """Submit chunks as they are read and commit them in order, ``limit`` in flight at
    most; on Ctrl-C or an error keep what is committed and shut the workers down."""
    in_flight: deque[tuple[Any, int, int]] = deque()
    ok = False
    try:
        for chunk, fi, consumed in read:
            if len(in_flight) >= limit:
                writer.commit(in_flight.popleft())
            in_flight.append((executor.submit(process_chunk, chunk, ctx), fi, consumed))
        while in_flight:
            writer.commit(in_flight.popleft())
        ok = True
    except KeyboardInterrupt:
        raise JobInterrupted(
            f"interrupted after {writer.counts.records_in:,} records"
            + ("; rerun with --resume to continue" if writer.output.ckpt_path else "")
        ) from None
    finally:
        for fut, _, _ in in_flight:
            fut.cancel()
        try:
            executor.shutdown(wait=ok, cancel_futures=True)
        except TypeError:  # executors without cancel_futures
            executor.shutdown()
        if writer.bar is not None:
            writer.bar.stop()
        writer.close(ok)


def _finish(output: Output, target: Target) -> None:
    """Give the complete output its name; drop an empty error file and the checkpoint
    (never a FIFO, a device or a symlink: those are only ever written to)."""
    errors = target.errors
    removable = errors != "-" and not (target.errors_stream or target.errors_link)
    if removable and os.path.isfile(errors) and os.path.getsize(errors) == 0:
        os.remove(errors)
    if output.tmp is not None:
        os.replace(output.tmp, target.path)
        if output.ckpt_path is not None and os.path.exists(output.ckpt_path):
            os.remove(output.ckpt_path)
