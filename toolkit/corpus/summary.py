"""What a bulk job did: the running counts, the final summary, and how an interrupted job ends.

Why a module of its own: the line-format job (:mod:`.job`) and the Parquet job
(:mod:`.parquet`) both return a :class:`JobSummary`; keeping it here lets neither import
the other.  The counts are part of the resume checkpoint, so they are a plain dataclass
that round-trips through ``asdict`` and JSON.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .work import ChunkResult


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
class Counts:
    """Running totals of a line-format job, saved in every checkpoint."""

    records_in: int = 0
    records_out: int = 0
    changed: int = 0
    errors: int = 0
    skipped: int = 0
    missing_fields: int = 0
    bytes_in: int = 0
    bytes_out: int = 0

    def add(self, r: ChunkResult, nbytes: int) -> None:
        """Count a committed chunk whose output took ``nbytes``."""
        self.records_in += r.records_in
        self.records_out += r.records_out
        self.changed += r.changed
        self.errors += len(r.bad)
        self.skipped += r.skipped
        self.missing_fields += r.missing
        self.bytes_in += r.bytes_in
        self.bytes_out += nbytes

    def summary(self, seconds: float, files: int, output: str, errors_path: str | None,
                resumed: bool) -> JobSummary:
        """The job's :class:`JobSummary` from these totals."""
        return JobSummary(
            self.records_in, self.records_out, self.changed, self.errors, self.skipped,
            self.missing_fields, self.bytes_in, self.bytes_out, seconds, files, output,
            errors_path if self.errors else None, resumed,
        )
