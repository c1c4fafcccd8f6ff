"""Lookups of a long stream of queries on several processes, answers in input order.

Why a module of its own: :meth:`Lexicon.lookup_many` is CPU-bound Python, so one
process answers about a thousand fuzzy queries a second; a stream of tens of thousands
(``cat names.txt | toolkit lookup --json``) goes nearly twice as fast on two cores.

The first batch is answered in the calling process, so a short input never pays for a
pool, and the pool is forked after that batch has loaded the part vocabulary and the
name rows: workers inherit them instead of reading them again (each reopens its own
SQLite connection, which must not cross a fork).  At most ``2 * workers`` batches are
in flight, so memory stays bounded on any input; a batch smaller than ``drain_below``
means the input is arriving slowly (someone typing), and then every answer is written
before more input is awaited.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from itertools import chain
from pathlib import Path

from .lexicon import Lexicon, Match

_WORKER_LEX: Lexicon | None = None


def lookup_batches(
    lex: Lexicon,
    batches: Iterable[Sequence[str]],
    top: int = 5,
    type: str | None = None,
    workers: int = 1,
    drain_below: int = 0,
    translit: bool = True,
) -> Iterator[tuple[list[str], list[list[Match]]]]:
    """Every batch of queries with its matches (one list per query), in input order."""
    it = (list(b) for b in batches)
    first = next(it, None)
    if first is None:
        return
    yield first, lex.lookup_many(first, top=top, type=type, translit=translit)
    if workers <= 1:
        for batch in it:
            yield batch, lex.lookup_many(batch, top=top, type=type, translit=translit)
        return
    second = next(it, None)
    if second is None:
        return
    global _WORKER_LEX
    _WORKER_LEX = lex  # inherited by forked workers
    pool = _make_pool(workers, lex.path, lex.sources)
    pending: deque[tuple[list[str], Future[list[list[Match]]]]] = deque()
    try:
        for batch in chain([second], it):
            pending.append((batch, pool.submit(_lookup_batch, batch, top, type, translit)))
            slow_input = len(batch) < drain_below
            while pending and (slow_input or len(pending) >= 2 * workers or pending[0][1].done()):
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _WORKER_LEX = None


def _make_pool(workers: int, path: Path, sources: tuple[Path, ...]):  # type: ignore[no-untyped-def]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: workers start in milliseconds with the warm caches; elsewhere spawn reopens.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context(method),
        initializer=_init_worker, initargs=(str(path), tuple(str(s) for s in sources)),
    )


def _init_worker(path: str, sources: tuple[str, ...]) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    global _WORKER_LEX
    if _WORKER_LEX is not None and str(_WORKER_LEX.path) == path:
        _WORKER_LEX.reconnect()
    else:
        _WORKER_LEX = Lexicon(Path(path), [Path(s) for s in sources])


def _lookup_batch(queries: list[str], top: int, type: str | None, translit: bool) -> list[list[Match]]:
    assert _WORKER_LEX is not None, "worker not initialised"
    return _WORKER_LEX.lookup_many(queries, top=top, type=type, translit=translit)
