"""Where the chunks of a bulk job run: in this process, in a local pool, or on Dask.

Why a module of its own: the line-format job and the Parquet job submit their work the
same way, to something with ``submit(fn, *args)`` and ``shutdown()``.  The local pool is
:func:`toolkit.parallel.worker_pool`, the one process pool of the toolkit (forked where
possible, workers ignore Ctrl-C so the parent can leave a clean checkpoint).
"""

from __future__ import annotations

from typing import Any

from ..parallel import worker_pool


class InlineExecutor:
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


class DaskExecutor:
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


def make_executor(engine: str, workers: int, scheduler: str | None, slots: int = 0, slot_bytes: int = 0,
                  in_bytes: int = 0) -> Any:
    """The executor of ``engine`` (local or dask) with ``workers`` workers.

    Dask is imported only here, and only for ``engine="dask"``; ``scheduler`` is the
    address of a running cluster, else a LocalCluster is started for the job.  With
    ``slots`` (one per chunk that may be in flight), a local pool hands output back
    through shared memory (:class:`.shared.SlotPool`), and chunks to the workers too
    with ``in_bytes``.
    """
    if engine == "dask":
        from distributed import Client, LocalCluster

        if scheduler:
            return DaskExecutor(Client(scheduler))
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None)
        return DaskExecutor(Client(cluster), cluster)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; choose local or dask")
    if workers <= 1:
        return InlineExecutor()
    if slots and slot_bytes:
        from .shared import SlotPool

        return SlotPool(workers, slots, slot_bytes, in_bytes)
    return worker_pool(workers)
