"""Run a CPU-bound function over a stream of batches on several processes, in input order.

Why a module of its own: lookups and transliterations are CPU-bound Python and numpy, so
one process uses one core; a long stream on stdin (``cat names.txt | toolkit translit``)
goes nearly twice as fast on two. Both commands share this pool.

How: the first batch is done in the calling process, so a short input never pays for a
pool, and it warms whatever the work needs (a lexicon's caches, a model's weights).
The pool is then *forked*, so workers inherit that warm state instead of loading it
again; ``after_fork`` runs in each worker to reopen what must not cross a fork (an SQLite
connection). At most ``2 * workers`` batches are in flight, so memory stays bounded on
any input; a batch smaller than ``drain_below`` means the input is arriving slowly
(someone typing), and then every answer is handed out before more input is awaited.
Where fork is unavailable (Windows) the batches are done in the calling process.

:func:`worker_pool` is the one place the toolkit builds a process pool: ``map_batches``
uses it, and so does the corpus job (:mod:`toolkit.corpus.executors`), so both get the
same start method and the same worker set-up (Ctrl-C ignored in workers, ``after_fork``).
This module imports nothing from the toolkit: every layer may use it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # the process machinery is imported only when a pool is built
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")
R = TypeVar("R")

# The work of the pool being built: a forked worker inherits it, so the (unpicklable)
# closure never travels; only the batches and their results do.
_WORK: Callable[[list[Any]], Any] | None = None


def map_batches(
    work: Callable[[list[T]], R],
    batches: Iterable[Sequence[T]],
    workers: int = 1,
    drain_below: int = 0,
    after_fork: Callable[[], None] | None = None,
) -> Iterator[tuple[list[T], R]]:
    """Every batch with ``work(batch)``, in input order.

    A worker that dies (out of memory) surfaces as
    ``concurrent.futures.process.BrokenProcessPool`` from the iterator.
    """
    it = (list(b) for b in batches)
    first = next(it, None)
    if first is None:
        return
    yield first, work(first)
    if workers <= 1 or not can_fork():
        for batch in it:
            yield batch, work(batch)
        return
    second = next(it, None)
    if second is None:
        return
    global _WORK
    _WORK = work
    pool = worker_pool(workers, after_fork)
    pending: deque[tuple[list[T], Future[R]]] = deque()
    try:
        for batch in chain([second], it):
            pending.append((batch, pool.submit(_run, batch)))
            slow_input = len(batch) < drain_below
            while pending and (slow_input or len(pending) >= 2 * workers or pending[0][1].done()):
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _WORK = None


def can_fork() -> bool:
    """True where processes can be forked (not on Windows)."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def worker_pool(workers: int, after_fork: Callable[[], None] | None = None) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes whose workers ignore Ctrl-C and run ``after_fork``.

    Why fork where it exists: workers start in milliseconds, inherit the parent's warm
    state (and :func:`map_batches`' work, which is never pickled) and need no importable
    ``__main__`` (stdin scripts, notebooks). Elsewhere spawn, the only safe choice; there
    ``after_fork`` must be picklable (``None`` always is).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: the initializer is inherited, not pickled, so a closure is fine here
    context = multiprocessing.get_context("fork" if can_fork() else "spawn")
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(after_fork,),
    )


def _init_worker(after_fork: Callable[[], None] | None) -> None:
    """Set up a worker: the parent handles Ctrl-C (and leaves a clean state behind)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if after_fork is not None:
        after_fork()


def _run(batch: list[Any]) -> Any:
    assert _WORK is not None, "worker not forked from map_batches"
    return _WORK(batch)
