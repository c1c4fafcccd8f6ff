"""toolkit.parallel.map_batches: input order, forked workers that inherit state, bounded and failing loudly."""

from __future__ import annotations

import os
from concurrent.futures.process import BrokenProcessPool

import pytest

from toolkit.parallel import map_batches


def test_results_in_input_order_and_work_done_in_workers() -> None:
    batches = [[i, i + 1] for i in range(0, 40, 2)]
    seen_pids: set[int] = set()

    def work(batch: list[int]) -> list[tuple[int, int]]:
        return [(x * x, os.getpid()) for x in batch]

    for batch, result in map_batches(work, batches, workers=2):
        assert [sq for sq, _ in result] == [x * x for x in batch]
        seen_pids.update(pid for _, pid in result)
    got = [b for b, _ in map_batches(work, batches, workers=2)]
    assert got == batches
    assert os.getpid() in seen_pids  # the first batch runs here
    assert len(seen_pids) >= 2  # the rest in forked workers


def test_workers_inherit_state_and_run_after_fork(tmp_path) -> None:  # type: ignore[no-untyped-def]
    state = {"table": {n: n * 10 for n in range(100)}}  # loaded once, before the fork
    marks = tmp_path / "forked"
    marks.mkdir()

    def after_fork() -> None:
        (marks / str(os.getpid())).touch()

    out = [r for _, r in map_batches(lambda b: [state["table"][x] for x in b], [[1], [2], [3], [4]], 2, 0, after_fork)]
    assert out == [[10], [20], [30], [40]]
    assert 1 <= len(list(marks.iterdir())) <= 2
    assert str(os.getpid()) not in {p.name for p in marks.iterdir()}


def test_one_worker_or_one_batch_forks_nothing() -> None:
    pids = [r for _, r in map_batches(lambda b: os.getpid(), [[1], [2], [3]], workers=1)]
    assert pids == [os.getpid()] * 3
    assert [r for _, r in map_batches(lambda b: os.getpid(), [[1]], workers=4)] == [os.getpid()]
    assert list(map_batches(lambda b: b, [], workers=2)) == []


def test_a_dead_worker_is_an_error_not_a_hang() -> None:
    def work(batch: list[int]) -> list[int]:
        if batch == [3]:
            os._exit(1)
        return batch

    with pytest.raises(BrokenProcessPool):
        list(map_batches(work, [[1], [2], [3], [4]], workers=2))


def _pid_and_sigint(_: int) -> tuple[int, bool]:
    import signal

    return os.getpid(), signal.getsignal(signal.SIGINT) == signal.SIG_IGN


def test_worker_pool_is_the_one_pool_workers_ignore_ctrl_c(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from toolkit.corpus.executors import make_executor
    from toolkit.parallel import worker_pool

    marks = tmp_path / "forked"
    marks.mkdir()
    pool = worker_pool(2, after_fork=lambda: (marks / str(os.getpid())).touch())
    try:
        results = list(pool.map(_pid_and_sigint, range(8)))
    finally:
        pool.shutdown()
    assert all(ignored for _, ignored in results)  # Ctrl-C is the parent's to handle
    assert {pid for pid, _ in results} <= {int(p.name) for p in marks.iterdir()}
    assert os.getpid() not in {pid for pid, _ in results}
    # the corpus job's local engine runs on the same pool
    executor = make_executor("local", 2, None)
    try:
        assert type(executor) is type(pool)
        assert executor.submit(_pid_and_sigint, 0).result()[1]
    finally:
        executor.shutdown()
