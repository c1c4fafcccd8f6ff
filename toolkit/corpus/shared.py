"""A local pool whose workers get a chunk and hand its output back through shared memory.

Why: the output of a chunk is about twice its input, and through the pool's result pipe
it is pickled and written by the worker, then read in 64 KiB pieces, joined and unpickled
by the main process before it is written out: about 0.2 CPU s of the main process per
100 MB of input, on a two-core machine CPU taken from the two workers (measured with a
bare pool, 2026-12-07).  Here each chunk in flight has a slot in one anonymous shared
mapping made before the workers are forked; the worker copies its output blocks into the
chunk's slot and returns only where they are, and the main process writes them from the
mapping.  Slot ``k % slots`` is free again when chunk ``k`` is submitted because at most
``slots`` chunks are in flight and they are committed in order (:func:`.job._pump`).
Output too big for its slot (or a pool that could not fork) goes through the pipe as
before; the bytes written are the same either way.

The input goes the same way: a block chunk's bytes (:attr:`.formats.Chunk.data`) are
copied into the chunk's input slot by the main process and out of it by the worker, so
the pool's call pipe carries a few hundred bytes per chunk instead of a pickled
megabyte (which the main process wrote in 64 KiB pieces and the worker read back and
unpickled: 0.04 s of main-process CPU and 0.1-0.2 s of the workers' per 100 MB,
measured 2026-12-07, benchmarks/README.md).  Slot ``k % slots`` is free again for the
same reason as the output's.  A block bigger than its input slot takes the pipe.
"""

from __future__ import annotations

import gc
import mmap
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ..parallel import can_fork, worker_pool
from .formats import Chunk
from .params import PARAMS

#: The mapping and its layout, set before the pool forks so every worker inherits it;
#: the lock makes sure a pool's workers are forked while ``_AREA`` is that pool's (two jobs
#: started at once from two threads of one process).
_AREA: tuple[mmap.mmap, Layout] | None = None
_FORK_LOCK = threading.Lock()


@dataclass(frozen=True)
class Layout:
    """Where the slots lie in the mapping: ``slots`` output slots of ``out_bytes``, then
    as many input slots of ``in_bytes`` (0: input through the pipe)."""

    slots: int
    out_bytes: int
    in_bytes: int = 0

    @property
    def size(self) -> int:
        return self.slots * (self.out_bytes + self.in_bytes)

    def out_at(self, slot: int) -> int:
        return slot * self.out_bytes

    def in_at(self, slot: int) -> int:
        return self.slots * self.out_bytes + slot * self.in_bytes


@dataclass(frozen=True)
class InSlot:
    """A block left in the shared mapping: a chunk's input, or an output block."""

    offset: int
    length: int


def _run_in_slot(slot: int, fn: Callable[..., Any], *args: Any) -> Any:
    """Run ``fn`` (which returns a :class:`.work.ChunkResult`) on its chunk, taken from
    the input slot when it was left there, and move its output blocks into ``slot`` when
    they fit."""
    if _AREA is None:  # not forked from the pool's parent: the pipe it is
        return fn(*args)
    area, layout = _AREA
    if args and isinstance(args[0], Chunk) and isinstance(args[0].data, InSlot):
        where = args[0].data
        args = (replace(args[0], data=area[where.offset:where.offset + where.length]), *args[1:])
    result = fn(*args)
    if sum(len(s) for s in result.segments if isinstance(s, bytes)) > layout.out_bytes:
        return result
    pos = layout.out_at(slot)
    segments: list[Any] = []
    for seg in result.segments:
        if isinstance(seg, bytes):
            area[pos:pos + len(seg)] = seg
            segments.append(InSlot(pos, len(seg)))
            pos += len(seg)
        else:
            segments.append(seg)
    return replace(result, segments=tuple(segments))


class _SlotFuture:
    """The pool's future, giving the result with its blocks as views of the mapping."""

    def __init__(self, fut: Any, view: memoryview) -> None:
        self._fut, self._view = fut, view

    def result(self) -> Any:
        result = self._fut.result()
        view = self._view
        return replace(result, segments=tuple(
            view[s.offset:s.offset + s.length] if isinstance(s, InSlot) else s for s in result.segments))

    def cancel(self) -> bool:
        return bool(self._fut.cancel())


def _tune_malloc() -> None:
    """In a worker: glibc's malloc keeps freed memory instead of trimming the heap after
    every chunk and faulting it back in for the next (:attr:`.params.JobParams.worker_trim_bytes`).
    Anywhere else (no glibc, no ``mallopt``) nothing changes."""
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
        mallopt(-1, PARAMS.worker_trim_bytes)  # M_TRIM_THRESHOLD
        mallopt(-3, PARAMS.worker_mmap_bytes)  # M_MMAP_THRESHOLD
    except Exception:  # noqa: BLE001 - a speed-up only
        return


class SlotPool:
    """:func:`toolkit.parallel.worker_pool` with ``slots`` shared output slots of
    ``slot_bytes`` and, where the workers are forked, as many input slots of ``in_bytes``."""

    def __init__(self, workers: int, slots: int, slot_bytes: int, in_bytes: int = 0) -> None:
        global _AREA
        self.slots = slots
        self.layout = Layout(slots, slot_bytes, in_bytes if can_fork() else 0)
        self.area = mmap.mmap(-1, self.layout.size)  # anonymous and shared with forked children
        with _FORK_LOCK:
            _AREA = (self.area, self.layout)
            gc.freeze()  # the workers' collector leaves what they inherit alone (no copy-on-write)
            try:
                self.pool = worker_pool(workers, _tune_malloc)
                self.pool.submit(int).result()  # a forking pool starts all its workers at the first submit
            finally:
                gc.unfreeze()
                _AREA = None
        self.view = memoryview(self.area)
        self.count = 0

    def submit(self, fn: Callable[..., Any], *args: Any) -> _SlotFuture:
        slot = self.count % self.slots
        self.count += 1
        chunk = args[0] if args else None
        if isinstance(chunk, Chunk) and type(chunk.data) is bytes and 0 < len(chunk.data) <= self.layout.in_bytes:
            pos = self.layout.in_at(slot)
            self.view[pos:pos + len(chunk.data)] = chunk.data
            args = (replace(chunk, data=InSlot(pos, len(chunk.data))), *args[1:])
        return _SlotFuture(self.pool.submit(_run_in_slot, slot, fn, *args), self.view)

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        self.pool.shutdown(wait=wait, cancel_futures=cancel_futures)
