"""Cross-language links between mentions of one aligned sentence pair.

Why one-to-one with the best total score: inside a sentence pair a name is translated
once, so each English mention takes at most one Arabic mention; solving the assignment
for the best total (Hungarian algorithm, scipy's ``linear_sum_assignment``) avoids the
greedy error where a strong but wrong pair steals the partner of a weaker right one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..extract.model import RawMention

LINK_THRESHOLD = 0.7


@dataclass(frozen=True, slots=True)
class Link:
    en: int  # index into the English mention list
    ar: int  # index into the Arabic mention list
    score: float
    why: str


def assign(scores: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Row/column pairs maximizing the total score (rectangular matrices allowed)."""
    if not scores or not scores[0]:
        return []
    try:
        import numpy as np
        from scipy.optimize import linear_sum_assignment

        rows, cols = linear_sum_assignment(np.asarray(scores, dtype=float), maximize=True)
        return [(int(r), int(c)) for r, c in zip(rows, cols)]
    except ImportError:  # pragma: no cover - scipy comes with camel-tools
        pairs = sorted(((s, r, c) for r, row in enumerate(scores) for c, s in enumerate(row)), reverse=True)
        used_r: set[int] = set()
        used_c: set[int] = set()
        out: list[tuple[int, int]] = []
        for _, r, c in pairs:
            if r not in used_r and c not in used_c:
                used_r.add(r)
                used_c.add(c)
                out.append((r, c))
        return out


def pair_score(en: RawMention, ar: RawMention, score_fn: Callable[[RawMention, RawMention], tuple[float, str]]) -> tuple[float, str]:
    """Lexicon identity decides when both sides carry an id; otherwise the names score."""
    if en.entity_id and ar.entity_id:
        if en.entity_id == ar.entity_id:
            return 1.0, f"same lexicon id {en.entity_id}"
        return 0.0, "different lexicon ids"
    return score_fn(en, ar)


def link_pair(
    en_mentions: Sequence[tuple[int, RawMention]],
    ar_mentions: Sequence[tuple[int, RawMention]],
    score_fn: Callable[[RawMention, RawMention], tuple[float, str]],
    threshold: float = LINK_THRESHOLD,
) -> list[Link]:
    """Link the mentions of one aligned sentence pair; indices are the callers'."""
    if not en_mentions or not ar_mentions:
        return []
    matrix: list[list[float]] = []
    whys: list[list[str]] = []
    for _, e in en_mentions:
        row, wrow = [], []
        for _, a in ar_mentions:
            s, why = pair_score(e, a, score_fn)
            row.append(s)
            wrow.append(why)
        matrix.append(row)
        whys.append(wrow)
    out: list[Link] = []
    for r, c in assign(matrix):
        if matrix[r][c] >= threshold:
            out.append(Link(en_mentions[r][0], ar_mentions[c][0], matrix[r][c], whys[r][c]))
    return out
