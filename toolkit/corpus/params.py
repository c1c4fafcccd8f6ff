"""The tuned numbers of the bulk job, in one place.

Why one frozen dataclass: every constant that shapes the job's memory, speed or output
is named here once with where it comes from; the job reads :data:`PARAMS`.  Changing
``chunk_bytes`` changes where output compression blocks end (so the compressed bytes),
which is why it is part of the resume checkpoint's fingerprint.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class JobParams:
    """Sizes and intervals of the corpus job (:func:`toolkit.corpus.normalize_file`)."""

    #: Unit of parallel work and of output compression: about 1 MB of input per chunk
    #: (docs/corpus.md).  Big enough that a chunk's IPC and compressor set-up cost little
    #: next to its normalization, small enough to keep ``2N+2`` chunks in memory.
    chunk_bytes: int = 1 << 20
    #: Inside a worker a JSONL chunk is parsed, normalized and dumped in batches of about
    #: this many bytes, so that a batch's objects stay in cache.  Measured in one process
    #: (best of 3 CPU seconds, 2-core VM, 2026-12-07): 20 MB of the news JSONL of
    #: benchmarks/README.md 0.637 s with 256 KiB, 0.636-0.639 s with 64-128 KiB, 0.680 s
    #: with whole 1 MiB chunks; 20 MB of benchmarks/corpus.py's records 0.524 s against
    #: 0.537 s.  Output bytes do not depend on it (chunks still set the compression blocks).
    work_batch_bytes: int = 256 << 10
    #: A chunk's output run of at most this many pieces is handed on unjoined (a JSONL
    #: chunk has one piece per work batch, 4-5 at 256 KiB), saving a copy of the whole
    #: output; the per-record formats' runs of a piece per record are joined, as writing
    #: or copying thousands of pieces costs more than joining them.
    pieces_unjoined: int = 16
    #: Longer records are reported, never held whole in memory (``--max-record-bytes``,
    #: default 8 MiB in docs/corpus.md and the CLI).
    max_record_bytes: int = 8 << 20
    #: How often a checkpoint is written after a committed chunk: every half second
    #: (docs/corpus.md), so a resumed job redoes at most that much work.
    checkpoint_seconds: float = 0.5
    #: Piece size when an oversized record is streamed from its spill file to the output.
    spill_piece: int = 1 << 20
    #: Chunks in flight are at most ``in_flight_per_worker * workers + in_flight_extra``
    #: (``2N+2`` in docs/corpus.md): enough to keep every worker busy while the parent
    #: writes, and what bounds memory on any input.
    in_flight_per_worker: int = 2
    in_flight_extra: int = 2
    #: Shared output slots of a local pool (:mod:`.shared`): one per chunk in flight, each
    #: this many times ``chunk_bytes`` (a chunk's JSONL output is about twice its input;
    #: bigger output takes the pipe), and none when they would map more than
    #: ``shared_area_max`` bytes in all (huge chunks, many workers).
    slot_factor: int = 4
    shared_area_max: int = 256 << 20
    #: Shared input slots beside them, each this many times ``chunk_bytes``: a block
    #: chunk is ``chunk_bytes`` and the rest of its last line, so twice holds all but a
    #: chunk ending in a line of over 1 MB, which takes the pipe (:mod:`.shared`).  Main-
    #: process CPU with 2 workers on 100 MB of news: see benchmarks/README.md (2026-12-07).
    in_slot_factor: int = 2
    #: glibc malloc settings of a forked pool's workers (:mod:`.shared`): keep up to this
    #: much freed memory at the top of the heap instead of giving it back after every
    #: chunk (``M_TRIM_THRESHOLD``), and serve blocks below 32 MiB from the heap
    #: (``M_MMAP_THRESHOLD``, glibc's maximum).  Measured with 2 workers on 100 MB of news
    #: (2026-12-07): the workers' page faults 45,000-110,000 -> 25,000, their system CPU
    #: 0.12-0.27 -> 0.05-0.10 s, the job's CPU about 3% less; the trim threshold alone
    #: does it, the mmap threshold alone is worse (it turns glibc's own tuning off).
    worker_trim_bytes: int = 64 << 20
    worker_mmap_bytes: int = 32 << 20
    #: Rows per Parquet record batch handed to a worker (:mod:`.parquet`).
    parquet_batch_rows: int = 8192
    #: Compressed bytes fed to the zstd decompressor at a time (:mod:`.compressed`).  Small
    #: because one call returns everything they decode to and zstd reaches ~32,000:1 on
    #: runs, so 4 KiB bounds a call to ~128 MiB even on a hostile file; measured on the
    #: tests' 9 MB generated JSONL (ratio ~6): 0.03 s to read, as with ``stream_reader``.
    zstd_piece: int = 1 << 12
    #: Version of the checkpoint file layout; a checkpoint of another version is refused.
    checkpoint_version: int = 1

    def slot_bytes(self, chunk_bytes: int, slots: int) -> int:
        """Size of one shared output slot, or 0 for no shared slots."""
        return self.slot_factor * chunk_bytes if self._fits(chunk_bytes, slots) else 0

    def in_slot_bytes(self, chunk_bytes: int, slots: int) -> int:
        """Size of one shared input slot, or 0 for input through the pipe."""
        fits = self.slot_factor and self._fits(chunk_bytes, slots)
        return self.in_slot_factor * chunk_bytes if fits else 0

    def _fits(self, chunk_bytes: int, slots: int) -> bool:
        return (self.slot_factor + self.in_slot_factor) * chunk_bytes * slots <= self.shared_area_max

    def in_flight(self, workers: int) -> int:
        """How many chunks may wait for their turn to be written."""
        return self.in_flight_per_worker * workers + self.in_flight_extra


PARAMS = JobParams()
