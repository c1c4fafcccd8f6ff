"""The bulk job: stream records from files through worker processes into one output.

Design, and why:

* **Bounded memory.**  The reader cuts the input into chunks of about ``chunk_bytes`` and
  at most ``2 * workers + 2`` chunks are in flight; nothing else grows with the input.
* **Order preserved.**  Chunks are committed in the order they were read, whatever order
  the workers finish in.
* **Deterministic bytes.**  A chunk's output depends only on its records and the options
  (:func:`.work.process_chunk` is pure) and chunk boundaries only on the input, so the
  local engine, Dask and a resumed run all write the same bytes.
* **Safe output.**  Output goes to ``OUT.part`` and is renamed to ``OUT`` when complete.
  After committed chunks a small JSON checkpoint (``OUT.part.ckpt``) records how far the
  input, output and error file got; ``resume=True`` truncates to that point and goes on.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, BinaryIO

from .errors import ErrorSink, OnError
from .formats import (
    FORMATS, Chunk, Spill, block_compressor, compression_of, csv_records, expand_inputs, format_of,
    open_input, read_lines,
)
from .records import Lang, Level, Spec
from .work import ChunkResult, Context, output_columns, process_chunk

DEFAULT_CHUNK_BYTES = 1 << 20
DEFAULT_MAX_RECORD_BYTES = 8 << 20
CHECKPOINT_VERSION = 1
CHECKPOINT_EVERY_S = 0.5
SPILL_PIECE = 1 << 20


@dataclass(frozen=True)
class JobSummary:
    """What a job did.  ``records_in == records_out + skipped`` always holds."""

    records_in: int
    records_out: int
    changed: int
    errors: int
    skipped: int
    missing_fields: int
    bytes_in: int
    bytes_out: int
    seconds: float
    files: int
    output: str
    errors_path: str | None
    resumed: bool = False

    @property
    def mb_per_s(self) -> float:
        return self.bytes_in / 1e6 / self.seconds if self.seconds > 0 else 0.0

    @property
    def records_per_s(self) -> float:
        return self.records_in / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["seconds"] = round(self.seconds, 3)
        d["mb_per_s"] = round(self.mb_per_s, 2)
        d["records_per_s"] = round(self.records_per_s, 1)
        return d


class JobInterrupted(Exception):
    """Raised when the job was interrupted; the checkpoint allows ``resume=True``."""


@dataclass
class _Counts:
    records_in: int = 0
    records_out: int = 0
    changed: int = 0
    errors: int = 0
    skipped: int = 0
    missing_fields: int = 0
    bytes_in: int = 0
    bytes_out: int = 0

    def add(self, r: ChunkResult, nbytes: int) -> None:
        self.records_in += r.records_in
        self.records_out += r.records_out
        self.changed += r.changed
        self.errors += len(r.bad)
        self.skipped += r.skipped
        self.missing_fields += r.missing
        self.bytes_in += r.bytes_in
        self.bytes_out += nbytes


@dataclass
class _ReadState:
    """Where the reader is, shared with the progress bar."""

    done_bytes: int = 0  # raw bytes of the files already finished
    counter: Any = None  # raw-byte counter of the current file
    spills: set[str] = field(default_factory=set)  # spill files not yet written out
    spill_prefix: str = ".toolkit-spill-"

    @property
    def raw_bytes(self) -> int:
        return self.done_bytes + (self.counter.count if self.counter is not None else 0)


def _ignore_sigint() -> None:
    """Workers ignore Ctrl-C: the parent handles it and leaves a clean checkpoint."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _Inline:
    """An executor that runs the work in this process (``workers=1``): no IPC at all."""

    class _Done:
        def __init__(self, value: Any) -> None:
            self._value = value

        def result(self) -> Any:
            return self._value

        def cancel(self) -> bool:
            return False

    def submit(self, fn: Any, *args: Any) -> Any:
        return self._Done(fn(*args))

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


class _DaskExecutor:
    """Adapter giving a ``distributed.Client`` the executor interface the job uses."""

    def __init__(self, client: Any, cluster: Any = None) -> None:
        self.client = client
        self.cluster = cluster

    def submit(self, fn: Any, *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _make_executor(engine: str, workers: int, scheduler: str | None) -> Any:
    if engine == "dask":
        from distributed import Client, LocalCluster

        if scheduler:
            return _DaskExecutor(Client(scheduler))
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None)
        return _DaskExecutor(Client(cluster), cluster)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; choose local or dask")
    if workers <= 1:
        return _Inline()
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: workers start in milliseconds and need no importable __main__ (stdin scripts,
    # notebooks); elsewhere spawn, the only safe choice
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_ignore_sigint)


def _read_header(stream: BinaryIO, fmt: str, path: str, max_bytes: int) -> tuple[tuple[str, ...], int]:
    """The first record of a CSV/TSV file, and how many physical lines it took."""
    import csv

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


def _chunks(
    files: Sequence[str], fmt: str, start_file: int, start_line: int, chunk_index: int,
    chunk_bytes: int, max_bytes: int, state: _ReadState, headers: list[tuple[str, ...]],
    spill_dir: str | None = None,
) -> Iterator[tuple[Chunk, int, int]]:
    """Yield (chunk, file index, physical lines of that file consumed after the chunk).

    With ``spill_dir``, oversized lines (not CSV records) are saved aside for passing on.
    """
    for fi in range(start_file, len(files)):
        path = files[fi]
        stream, counter = open_input(path)
        state.counter = counter
        try:
            consumed = 0
            if fmt in ("csv", "tsv"):
                header, consumed = _read_header(stream, fmt, path, max_bytes)
                if not headers:
                    headers.append(header)
                elif header != headers[0]:
                    raise ValueError(f"{path}:1: header differs from the first file's: {list(header)} != {list(headers[0])}")
            lines = read_lines(stream, max_bytes)
            skip = start_line - consumed if fi == start_file else 0
            for _ in range(max(skip, 0)):
                if next(lines, None) is None:
                    raise ValueError(f"{path}: shorter than the checkpoint says; was the input changed?")
            consumed += max(skip, 0)
            if spill_dir is not None and fmt != "csv":
                lines = read_lines(stream, max_bytes, spill_dir, state.spills, state.spill_prefix)
            recs: Iterator[tuple[Any, int, int]]
            if fmt == "csv":
                recs = csv_records(lines, max_bytes)
            else:
                recs = ((raw, 1, n) for raw, n in lines)
            name = "<stdin>" if path == "-" else path
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
                    yield Chunk(chunk_index, name, first_line, records, used if multi else None, size, False), fi, consumed
                    chunk_index += 1
                    records, used, multi, size, first_line = [], [], False, 0, consumed + 1
            if records:
                yield Chunk(chunk_index, name, first_line, records, used if multi else None, size, True), fi, consumed
                chunk_index += 1
        finally:
            state.done_bytes += counter.count
            state.counter = None
            if path != "-":
                stream.close()


def _write_spill(spill: Spill, sink: BinaryIO, compression: str | None) -> int:
    """Stream a spilled oversized record into the output, piece by piece; delete it."""
    from .formats import _COMPRESSORS

    compress = _COMPRESSORS[compression] if compression else None
    written = 0
    with open(spill.path, "rb") as f:
        pieces = iter(lambda: f.read(SPILL_PIECE), b"")
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


def _fingerprint(files: Sequence[str], ctx: Context, out: str, errors_path: str | None, chunk_bytes: int) -> dict[str, Any]:
    spec = ctx.spec
    return {
        "files": [[f, os.stat(f).st_size, os.stat(f).st_mtime_ns] for f in files],
        "spec": [list(spec.fields), spec.level, spec.lang, spec.replace, spec.suffix, spec.key, spec.script],
        "fmt": ctx.fmt, "on_error": ctx.on_error, "max_record_bytes": ctx.max_record_bytes,
        "compression": ctx.compression, "chunk_bytes": chunk_bytes, "out": os.path.abspath(out),
        "errors": os.path.abspath(errors_path) if errors_path and errors_path != "-" else errors_path,
    }


def _write_checkpoint(path: str, data: dict[str, Any]) -> None:
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f)
    os.replace(tmp, path)


def _progress(enabled: bool, total: int | None):  # type: ignore[no-untyped-def]
    if not enabled:
        return None
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    prog = Progress(
        TextColumn("[bold]normalize"), BarColumn(), TextColumn("{task.percentage:>5.1f}%" if total else ""),
        TextColumn("{task.fields[records]:,} rec  {task.fields[rps]:,.0f} rec/s  {task.fields[mbps]:.1f} MB/s"),
        TimeElapsedColumn(), console=Console(stderr=True), transient=False,
    )
    prog.start()
    task = prog.add_task("normalize", total=total, records=0, rps=0.0, mbps=0.0)
    return prog, task


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
    ``errors_path`` (default ``OUT.errors.jsonl``; stderr when OUT is ``-``) and passed
    through (``on_error="pass"``) or skipped.  ``workers`` defaults to all cores.
    Raises ``FileNotFoundError``/``ValueError`` with a one-line reason on bad input and
    :class:`JobInterrupted` on Ctrl-C (rerun with ``resume=True``).  ``chunk_bytes`` is the
    unit of work and of output compression; ``checkpoint_seconds`` how often progress is
    saved for ``resume`` (a resumed job redoes at most that much work).
    """
    inp, out = os.fspath(inp), os.fspath(out)
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    files = expand_inputs(inp, fmt)
    fmt = fmt or format_of(files[0] if files[0] != "-" else "") or (format_of(out) if out != "-" else None)
    if fmt is None:
        raise ValueError(f"cannot tell the format of {inp}; give --format")
    if on_error not in ("pass", "skip"):
        raise ValueError(f"on_error must be pass or skip, not {on_error!r}")
    if max_record_bytes < 1:
        raise ValueError("max_record_bytes must be positive")
    if fields is None or not list(fields):
        if fmt in ("csv", "tsv"):
            raise ValueError(f"{fmt} input needs --field COLUMN (which columns to normalize)")
        fields = ("text",)
    spec = Spec(tuple(fields), level, lang, replace, suffix, key, script)
    workers = workers or os.cpu_count() or 1
    if out != "-" and os.path.isdir(out):
        raise ValueError(f"{out}: is a directory; give an output file name")
    if out != "-" and any(f != "-" and os.path.abspath(f) == os.path.abspath(out) for f in files):
        raise ValueError(f"{out}: output would overwrite the input")
    if fmt == "parquet":
        from .parquet import normalize_parquet

        return normalize_parquet(files, out, spec, workers=workers, resume=resume, progress=progress,
                                 engine=engine, scheduler=scheduler)
    if errors_path is None:
        errors_path = "-" if out == "-" else out + ".errors.jsonl"
    if resume and (out == "-" or "-" in files):
        raise ValueError("--resume needs named input and output files, not -")

    compression = block_compressor(out) and compression_of(out)
    start = time.perf_counter()
    # CSV/TSV: the header is needed before the workers start; read the first file's
    headers: list[tuple[str, ...]] = []
    if fmt in ("csv", "tsv") and files[0] != "-":
        stream, _ = open_input(files[0])
        try:
            headers.append(_read_header(stream, fmt, files[0], max_record_bytes)[0])
        finally:
            stream.close()
    elif fmt in ("csv", "tsv"):
        raise ValueError(f"{fmt} from stdin is not supported; save it to a file first")
    header = headers[0] if headers else None
    if header is not None:
        unknown = [f for f in spec.fields if f not in header]
        if unknown:
            raise ValueError(f"{files[0]}:1: no column {', '.join(map(repr, unknown))}; columns are {', '.join(header)}")
    ctx = Context(spec, fmt, on_error, max_record_bytes, compression, header)

    # ------------------------------------------------------------ output, checkpoint
    counts = _Counts()
    start_file = start_line = chunk_index = 0
    err_bytes = 0
    resumed = False
    if out == "-":
        sink: BinaryIO = sys.stdout.buffer
        tmp = ckpt_path = None
        fingerprint = None
    else:
        tmp, ckpt_path = out + ".part", out + ".part.ckpt"
        fingerprint = _fingerprint(files, ctx, out, errors_path, chunk_bytes)
        ckpt = None
        if resume and os.path.exists(ckpt_path) and os.path.exists(tmp):
            with open(ckpt_path, encoding="utf-8") as f:
                ckpt = json.load(f)
            if os.path.getsize(tmp) < ckpt.get("out_bytes", 0):
                raise ValueError(f"{tmp}: shorter than its checkpoint; rerun without --resume to start over")
            if ckpt.get("version") != CHECKPOINT_VERSION or ckpt.get("fingerprint") != fingerprint:
                raise ValueError(
                    f"{ckpt_path}: made with other inputs or options; rerun without --resume to start over"
                )
        if ckpt is not None:
            resumed = True
            start_file, start_line, chunk_index = ckpt["file"], ckpt["line"], ckpt["chunk"]
            err_bytes = ckpt["err_bytes"]
            counts = _Counts(**ckpt["counts"])
            sink = open(tmp, "r+b")  # noqa: SIM115
            sink.seek(ckpt["out_bytes"])
            sink.truncate()
            if errors_path != "-" and os.path.exists(errors_path):
                with open(errors_path, "r+b") as ef:
                    ef.truncate(err_bytes)
        else:
            if os.path.exists(ckpt_path):  # a stale checkpoint must never meet a fresh .part
                os.remove(ckpt_path)
            sink = open(tmp, "wb")  # noqa: SIM115
            if errors_path != "-" and os.path.exists(errors_path):
                os.remove(errors_path)
    errors = ErrorSink(errors_path, err_bytes)
    out_bytes = counts.bytes_out

    if header is not None and not resumed:
        line = output_columns(header, spec)
        if fmt == "csv":
            import csv
            import io

            buf = io.StringIO()
            csv.writer(buf, lineterminator="\n").writerow(line)
            head = buf.getvalue().encode("utf-8")
        else:
            head = ("\t".join(line) + "\n").encode("utf-8")
        if compression:
            head = block_compressor(out)(head)
        sink.write(head)
        out_bytes += len(head)
        counts.bytes_out += len(head)

    total = None
    if "-" not in files:
        total = sum(os.path.getsize(f) for f in files)
    state = _ReadState()
    # oversized records to pass through wait on disk beside the output, never in memory
    spill_dir = None
    if on_error == "pass" and fmt != "csv":
        spill_dir = os.path.dirname(os.path.abspath(out)) if out != "-" else None
        if spill_dir is None:
            import tempfile

            spill_dir = tempfile.gettempdir()
        else:
            # named after OUT, so that leftovers of a killed run of this job can be removed
            state.spill_prefix = f".{os.path.basename(out)}.spill-"
            for name in os.listdir(spill_dir):
                if name.startswith(state.spill_prefix):
                    os.remove(os.path.join(spill_dir, name))
    if resumed:
        state.done_bytes = sum(os.path.getsize(f) for f in files[:start_file])
    bar = _progress(progress, total)
    executor = _make_executor(engine, workers, scheduler)
    in_flight: deque[tuple[Any, int, int]] = deque()
    limit = 2 * workers + 2
    last_ckpt = time.monotonic()
    session_start_in = counts.bytes_in
    session_t0 = time.perf_counter()
    pos = (start_file, start_line, chunk_index)
    session_start_records = counts.records_in
    committed: dict[str, Any] = dict(file=start_file, line=start_line, chunk=chunk_index, out_bytes=out_bytes,
                                     err_bytes=err_bytes, counts=asdict(counts))

    def commit(item: tuple[Any, int, int]) -> None:
        nonlocal out_bytes, last_ckpt, pos
        fut, fi, consumed = item
        result: ChunkResult = fut.result()
        nbytes = 0
        for seg in result.segments:
            if isinstance(seg, bytes):
                sink.write(seg)
                nbytes += len(seg)
            else:
                nbytes += _write_spill(seg, sink, compression)
                state.spills.discard(seg.path)
        out_bytes += nbytes
        for bad in result.bad:
            errors.write(bad)
        counts.add(result, nbytes)
        pos = (fi, consumed, result.index + 1)
        committed.update(file=fi, line=consumed, chunk=result.index + 1, out_bytes=out_bytes,
                         err_bytes=errors.bytes, counts=asdict(counts))
        now = time.monotonic()
        if ckpt_path is not None and now - last_ckpt >= checkpoint_seconds:
            checkpoint()
            last_ckpt = now
        if bar is not None:
            prog, task = bar
            dt = time.perf_counter() - session_t0
            prog.update(
                task, completed=state.raw_bytes, records=counts.records_in,
                rps=(counts.records_in - session_start_records) / max(dt, 1e-9),
                mbps=(counts.bytes_in - session_start_in) / 1e6 / max(dt, 1e-9),
            )

    def checkpoint() -> None:
        # the snapshot is taken at the end of a complete commit, so an interruption in the
        # middle of one never records half a chunk
        sink.flush()
        errors.flush()
        _write_checkpoint(ckpt_path, {  # type: ignore[arg-type]
            "version": CHECKPOINT_VERSION, "fingerprint": fingerprint, **committed,
        })

    ok = False
    try:
        for chunk, fi, consumed in _chunks(files, fmt, start_file, start_line, chunk_index, chunk_bytes,
                                           max_record_bytes, state, headers, spill_dir):
            if len(in_flight) >= limit:
                commit(in_flight.popleft())
            in_flight.append((executor.submit(process_chunk, chunk, ctx), fi, consumed))
        while in_flight:
            commit(in_flight.popleft())
        ok = True
    except KeyboardInterrupt:
        raise JobInterrupted(
            f"interrupted after {counts.records_in:,} records"
            + ("; rerun with --resume to continue" if ckpt_path else "")
        ) from None
    finally:
        for fut, _, _ in in_flight:
            fut.cancel()
        try:
            executor.shutdown(wait=ok, cancel_futures=True)
        except TypeError:  # executors without cancel_futures
            executor.shutdown()
        if bar is not None:
            bar[0].stop()
        if ckpt_path is not None and not ok and committed["chunk"] > 0:
            # keep what is committed so --resume can go on from there
            try:
                checkpoint()
            except Exception:  # noqa: BLE001 - never mask the original error
                pass
        errors.close()
        for path in state.spills:  # oversized records of chunks never written
            try:
                os.remove(path)
            except OSError:
                pass
        if out == "-":
            sink.flush()
        else:
            sink.close()

    assert tmp is None or ckpt_path is not None
    if errors_path not in (None, "-") and os.path.exists(errors_path) and os.path.getsize(errors_path) == 0:
        os.remove(errors_path)
    if tmp is not None:
        os.replace(tmp, out)
        if os.path.exists(ckpt_path):  # type: ignore[arg-type]
            os.remove(ckpt_path)  # type: ignore[arg-type]
    return JobSummary(
        counts.records_in, counts.records_out, counts.changed, counts.errors, counts.skipped,
        counts.missing_fields, counts.bytes_in, counts.bytes_out, time.perf_counter() - start,
        len(files), out, errors_path if counts.errors else None, resumed,
    )
