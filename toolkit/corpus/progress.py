"""The progress bar of a bulk job, on stderr.

Why a module of its own: the line-format job and the Parquet job show the same bar, and
rich is imported only when a bar is asked for (``progress=True``), never by a library
call that does not want one.
"""

from __future__ import annotations

from typing import Any


class ProgressBar:
    """A rich bar over the input bytes, with records, records/s and MB/s beside it."""

    def __init__(self, total: int | None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("[bold]normalize"), BarColumn(), TextColumn("{task.percentage:>5.1f}%" if total else ""),
            TextColumn("{task.fields[records]:,} rec  {task.fields[rps]:,.0f} rec/s  {task.fields[mbps]:.1f} MB/s"),
            TimeElapsedColumn(), console=Console(stderr=True), transient=False,
        )
        self._progress.start()
        self._task: Any = self._progress.add_task("normalize", total=total, records=0, rps=0.0, mbps=0.0)

    def update(self, completed: int, records: int, rps: float, mbps: float) -> None:
        """Show ``completed`` input bytes and ``records`` records at the given rates."""
        self._progress.update(self._task, completed=completed, records=records, rps=rps, mbps=mbps)

    def stop(self) -> None:
        self._progress.stop()


def progress_bar(enabled: bool, total: int | None) -> ProgressBar | None:
    """A started bar over ``total`` input bytes (unknown: None), or None when not wanted."""
    return ProgressBar(total) if enabled else None
