"""Finding, opening and cutting input files; compressing output blocks.

Why bytes and not text: the reader never decodes.  It hands raw record bytes to the
workers, so invalid UTF-8 becomes a per-record error (with its line) instead of killing
the job, and a record can be passed through byte for byte.  Record length is bounded
while reading (``max_record_bytes``), so one giant line cannot blow up memory.

Compression is chosen by extension (``.gz``, ``.bz2``, ``.xz``, ``.zst``).  Output is
compressed block by block (one gzip member / bz2 stream / xz stream / zstd frame per
chunk): the blocks are compressed in parallel by the workers, and every block boundary is
a valid end of file, which is what makes ``--resume`` exact.  All standard tools read
concatenated members and frames.
"""

from __future__ import annotations

import bz2
import glob
import gzip
import io
import lzma
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from .compressed import open_decompressed

Format = Literal["txt", "jsonl", "csv", "tsv", "parquet"]
FORMATS: tuple[str, ...] = ("txt", "jsonl", "csv", "tsv", "parquet")
COMPRESSIONS = {".gz": "gzip", ".gzip": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd", ".zstd": "zstd"}
_EXT_FORMAT = {
    ".txt": "txt", ".text": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".parquet": "parquet", ".pq": "parquet",
}


def compression_of(path: str) -> str | None:
    return COMPRESSIONS.get(Path(path).suffix.lower())


def format_of(path: str) -> str | None:
    """Format named by the extension under any compression suffix (``a.jsonl.gz`` -> jsonl)."""
    p = Path(path)
    if p.suffix.lower() in COMPRESSIONS:
        p = p.with_suffix("")
    return _EXT_FORMAT.get(p.suffix.lower())


def expand_inputs(spec: str, fmt: str | None = None) -> list[str]:
    """Turn IN (a file, ``-``, a directory or a glob) into a sorted list of files.

    A directory contributes the files under it (recursively) whose extension names a
    known format, or ``fmt`` when given; hidden files are ignored.
    """
    if spec == "-":
        return ["-"]
    if os.path.isdir(spec):
        found = []
        for root, dirs, files in os.walk(spec):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in files:
                if name.startswith("."):
                    continue
                f = format_of(name)
                if f is not None and (fmt is None or f == fmt):
                    found.append(os.path.join(root, name))
        if not found:
            raise FileNotFoundError(f"{spec}: directory holds no {fmt or 'known'} files")
        return sorted(found)
    if any(ch in spec for ch in "*?["):
        found = sorted(p for p in glob.glob(spec, recursive=True) if os.path.isfile(p))
        if not found:
            raise FileNotFoundError(f"{spec}: no file matches")
        return found
    if not os.path.exists(spec):
        raise FileNotFoundError(f"{spec}: no such file")
    return [spec]


class _Counting(io.RawIOBase):
    """Counts the raw (possibly compressed) bytes read, for the progress bar."""

    def __init__(self, f: BinaryIO) -> None:
        self._f = f
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        n = self._f.readinto(b)  # type: ignore[attr-defined]
        self.count += n or 0
        return n or 0

    def tell(self) -> int:
        """Raw bytes read so far: with it the buffered reader on top tells the offset
        its reader reached (named in the error of a corrupt compressed file)."""
        return self.count

    def close(self) -> None:
        self._f.close()
        super().close()


def open_input(path: str) -> tuple[BinaryIO, _Counting]:
    """Open a file (or stdin for ``-``) for binary reading, decompressing by extension.

    Returns the stream of decompressed bytes and the counter of raw bytes.  A truncated
    or corrupt compressed file raises :class:`.compressed.CorruptInput` (a ``ValueError``
    naming the file and the byte offset) when the reader gets there.
    """
    raw: BinaryIO = sys.stdin.buffer if path == "-" else open(path, "rb", buffering=0)  # noqa: SIM115
    counting = _Counting(raw)
    buffered = io.BufferedReader(counting, 1 << 20)
    comp = compression_of(path) if path != "-" else None
    if comp is None:
        return buffered, counting
    size = os.fstat(raw.fileno()).st_size if path != "-" else None
    return open_decompressed(buffered, comp, path, buffered.tell, size), counting


@dataclass(frozen=True)
class Spill:
    """An oversized record copied to a temporary file instead of memory, so that
    ``--on-error pass`` can still pass it through: the writer streams it into the output
    when its turn comes and deletes the file."""

    path: str
    size: int
    head: bytes  # the first bytes, for the error report
    newline: bool  # ends with a newline


def read_lines(
    stream: BinaryIO, max_bytes: int, spill_dir: str | None = None, spills: set[str] | None = None,
    spill_prefix: str = ".toolkit-spill-",
) -> Iterator[tuple[bytes | Spill | None, int]]:
    """Yield (line bytes including the newline, length) for each line.

    An oversized line is never held whole: it is read in ``max_bytes`` pieces and either
    dropped (``None``) or, with ``spill_dir``, copied to a temporary file (a :class:`Spill`,
    whose path is added to ``spills`` so the caller can clean up).
    """
    limit = max_bytes + 2  # room for \r\n
    readline = stream.readline
    while True:
        line = readline(limit)
        if not line:
            return
        if len(line) < limit or line.endswith(b"\n"):
            yield line, len(line)
            continue
        yield finish_oversized(readline, line, limit, spill_dir, spills, spill_prefix)


def finish_oversized(
    readline: Callable[[int], bytes], first: bytes, limit: int, spill_dir: str | None,
    spills: set[str] | None, spill_prefix: str = ".toolkit-spill-",
) -> tuple[Spill | None, int]:
    """Read the rest of an oversized line whose first ``first`` bytes (no newline among
    them) are already read: drop it (``None``) or copy it to a spill file in ``spill_dir``.

    Returns the record and its whole length.  Shared by :func:`read_lines` and the block
    reader (:mod:`.reader`), so an oversized line is the same record whichever cut it.
    """
    total = len(first)
    head = first[:200]
    out = None
    if spill_dir is not None:
        import tempfile

        fd, path = tempfile.mkstemp(prefix=spill_prefix, dir=spill_dir)
        out = os.fdopen(fd, "wb")
        if spills is not None:
            spills.add(path)
        out.write(first)
    piece = first
    while True:
        piece = readline(limit)
        total += len(piece)
        if out is not None and piece:
            out.write(piece)
        if not piece or piece.endswith(b"\n"):
            break
    if out is None:
        return None, total
    out.close()
    return Spill(path, total, head, piece.endswith(b"\n")), total


def csv_records(lines: Iterator[tuple[bytes | None, int]], max_bytes: int) -> Iterator[tuple[bytes | None, int, int]]:
    """Group physical lines into CSV records (a quoted field may hold newlines).

    Yields (record bytes or None when oversized, physical lines used, byte length).
    A record is complete when its double quotes are balanced, as in RFC 4180.
    """
    parts: list[bytes] = []
    quotes = 0
    size = 0
    nlines = 0
    oversized = False
    for line, length in lines:
        nlines += 1
        size += length
        if line is None or oversized or size > max_bytes + 2:
            oversized = True
            parts = []
            if line is not None:
                quotes += line.count(b'"')
            # an oversized line has unknown quotes; end the record at the line
            if line is None or quotes % 2 == 0:
                yield None, nlines, size
                parts, quotes, size, nlines, oversized = [], 0, 0, 0, False
            continue
        parts.append(line)
        quotes += line.count(b'"')
        if quotes % 2 == 0:
            yield b"".join(parts) if len(parts) > 1 else line, nlines, size
            parts, quotes, size, nlines = [], 0, 0, 0
    if parts or oversized:
        # unbalanced quote at end of file: hand it over, the worker reports it
        yield (None if oversized else b"".join(parts)), nlines, size


@dataclass(frozen=True)
class Chunk:
    """A run of consecutive records of one file: the unit of parallel work.

    ``first_line`` is the 1-based line of the first record, ``lines_used`` how many
    physical lines each record spans (1 except for CSV with quoted newlines).  ``None``
    marks an oversized record that was dropped, a :class:`Spill` one that was saved aside.
    ``index`` counts chunks across the whole job.
    """

    index: int
    file: str
    first_line: int
    records: list[bytes | Spill | None]
    lines_used: list[int] | None  # None: every record is one line
    nbytes: int
    final: bool  # last chunk of its file
    #: Block form (one record a line: jsonl, txt, tsv): the chunk's complete lines as ONE
    #: bytes object, which the worker splits (``records`` is then empty), and ``tail``,
    #: the oversized line that crosses the end of the block, if any.  Why: the parent then
    #: reads, sends and cuts a chunk with a few C calls instead of a Python step per line,
    #: so with two workers it is not the bottleneck.
    data: bytes | None = None
    tail: tuple[Spill | None, ...] = ()


def block_compressor(out_path: str) -> Callable[[bytes], bytes] | None:
    """A function compressing one output block for ``out_path``'s extension (or None)."""
    comp = compression_of(out_path) if out_path != "-" else None
    if comp is None:
        return None
    return COMPRESSORS[comp]


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def _bz2(data: bytes) -> bytes:
    return bz2.compress(data, 9)


def _xz(data: bytes) -> bytes:
    return lzma.compress(data, preset=6)


def _zstd(data: bytes) -> bytes:
    import zstandard

    return zstandard.ZstdCompressor(level=3).compress(data)


#: One-block compressor by compression name (see :data:`COMPRESSIONS`).  Public because the
#: workers compress their chunks and the writer compresses headers and spilled records with
#: the same functions: every block must use the same settings for the bytes to be stable.
COMPRESSORS = {"gzip": _gzip, "bz2": _bz2, "xz": _xz, "zstd": _zstd}
