"""Spans of text already taken by a mention, asked "does this overlap?" many times.

Why a class: the extractors ask it for every word of a report while adding mentions;
a list scanned on every question makes a long report quadratic (issue 14: 100 KB of
English took 5 s, 1 MB did not finish). Kept sorted by start, a question costs a
bisection plus the few spans near the answer.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator


class Taken:
    """A set of (start, end) spans with a fast overlap test."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int]] = sorted(spans)
        self._longest = max((e - s for s, e in self._spans), default=0)

    def append(self, span: tuple[int, int]) -> None:
        bisect.insort(self._spans, span)
        self._longest = max(self._longest, span[1] - span[0])

    def remove(self, span: tuple[int, int]) -> None:
        i = bisect.bisect_left(self._spans, span)
        if i == len(self._spans) or self._spans[i] != span:
            raise ValueError(f"{span} is not taken")
        del self._spans[i]

    def overlaps(self, start: int, end: int) -> bool:
        """True when a taken span overlaps ``[start, end)``."""
        j = bisect.bisect_left(self._spans, (end, -1)) - 1
        floor = start - self._longest
        while j >= 0 and self._spans[j][0] >= floor:
            a, b = self._spans[j]
            if a < end and start < b:
                return True
            j -= 1
        return False

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)
