"""Vectors of merged spans, computed on demand for long documents.

Why: the search scores runs of 2..3 consecutive sentences.  For a long document
(beyond ``ENCODE_SPANS_UP_TO`` sentences, where no run is encoded as text) a run's
vector is the sum of its sentences' vectors, centred; holding those for every run
costs two more n x dim matrices a side (680 MB a side at 83,000 sentences with USE),
while the banded search only ever reads a few dozen rows at a time.  These objects
compute the rows it asks for, with the same operations in the same order as the
precomputed matrices, so the values are bit for bit the same.
"""

from __future__ import annotations

import numpy as np

__all__ = ["normalise", "centre", "SummedSpans", "UnitedSpans"]


def normalise(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero), as float32."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


def centre(vectors: np.ndarray, mean: np.ndarray) -> np.ndarray:
    """Rows normalised, the language direction ``mean`` removed, normalised again."""
    return normalise(normalise(vectors) - mean)


def span_sums(singles: np.ndarray, k: int, starts: np.ndarray | None = None) -> np.ndarray:
    """Row ``i`` = ``singles[i] + ... + singles[i+k-1]`` (added left to right, as
    ``singles[i:i+k].sum(axis=0)`` does), for every start or for ``starts``."""
    if starts is None:
        count = singles.shape[0] - k + 1
        raw = singles[:count].copy()
        for step in range(1, k):
            raw += singles[step : step + count]
        return raw
    raw = singles[starts]  # fancy indexing: a copy
    for step in range(1, k):
        raw += singles[starts + step]
    return raw


class SummedSpans:
    """The centred vectors of every run of ``k`` sentences, as rows on demand:
    ``spans[i]`` (one row) or ``spans[array_of_starts]`` (a matrix)."""

    def __init__(self, singles: np.ndarray, mean: np.ndarray, k: int) -> None:
        self.singles, self.mean, self.k = singles, mean, k
        self.shape = (max(0, singles.shape[0] - k + 1), singles.shape[1])

    def __getitem__(self, index: int | np.ndarray) -> np.ndarray:
        starts = np.atleast_1d(np.asarray(index, dtype=np.int64))
        rows = centre(span_sums(self.singles, self.k, starts), self.mean)
        return rows[0] if np.ndim(index) == 0 else rows


class UnitedSpans:
    """Binary anchor rows (numbers) of every run of ``k`` sentences on demand: the
    union of its sentences' rows, which is the row of the union of their sets."""

    def __init__(self, singles: np.ndarray, k: int) -> None:
        self.singles, self.k = singles, k
        self.shape = (max(0, singles.shape[0] - k + 1), singles.shape[1])

    def __getitem__(self, index: int | np.ndarray) -> np.ndarray:
        starts = np.atleast_1d(np.asarray(index, dtype=np.int64))
        rows = self.singles[starts]
        for step in range(1, self.k):
            rows = np.maximum(rows, self.singles[starts + step])
        return rows[0] if np.ndim(index) == 0 else rows
