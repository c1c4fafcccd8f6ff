"""Comparable reports: two accounts of one event that drop, add and reorder material.

A translation keeps the order, so a monotone search is right for it; two independent
reports do not, and forcing a monotone path through them invents links.  Here we
detect that case and link only what corresponds: mutual nearest neighbours above a
threshold, in any order, then let an unlinked neighbour join a link when it is
clearly part of the same statement (one report often says in one sentence what the
other says in two).
"""

from __future__ import annotations

import numpy as np

from .search import Neighbours

__all__ = ["looks_comparable", "comparable_links", "LINK_THRESHOLD"]

LINK_THRESHOLD = 0.35  # centred cosine; unrelated news sentences sit near 0.0-0.2


def looks_comparable(nn: Neighbours, chain: list[tuple[int, int, float]], n: int, m: int) -> bool:
    """True when the texts do not read as a translation of each other.

    Signals: many confident mutual-nearest-neighbour pairs that cross the monotone
    chain (reordering), or few sentences with a confident counterpart at all
    (added / dropped material), or very different lengths.
    """
    if min(n, m) < 4:
        return False
    mutual = [(i, j) for i, j, _ in nn.mutual(LINK_THRESHOLD)]
    if not mutual:
        return True
    on_chain = {(i, j) for i, j, _ in chain}
    crossing = sum(1 for p in mutual if p not in on_chain)
    coverage = len(mutual) / min(n, m)
    if crossing / len(mutual) > 0.2 and crossing >= 2:
        return True
    return coverage < 0.4


def comparable_links(
    en_vecs: np.ndarray, ar_vecs: np.ndarray, nn: Neighbours
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Non-monotone links: every sentence appears once; unmatched ones in 1-0 / 0-1.

    ``en_vecs`` / ``ar_vecs`` are the centred sentence vectors, ``nn`` their
    nearest neighbours."""
    n, m = en_vecs.shape[0], ar_vecs.shape[0]
    if n == 0 or m == 0:
        return [((i,), (), 0.0) for i in range(n)] + [((), (j,), 0.0) for j in range(m)]
    best_j, best_i = nn.best_j, nn.best_i

    def sim(i: int, j: int) -> float:
        return float(en_vecs[i] @ ar_vecs[j])

    link_of_en: dict[int, int] = {}
    link_of_ar: dict[int, int] = {}
    groups: list[tuple[list[int], list[int]]] = []
    for i, j in enumerate(best_j):
        j = int(j)
        if best_i[j] == i and sim(i, j) >= LINK_THRESHOLD:
            link_of_en[i] = link_of_ar[j] = len(groups)
            groups.append(([i], [j]))
    # an unlinked sentence joins its best counterpart's link when adjacent to it
    for i in range(n):
        if i in link_of_en:
            continue
        j = int(best_j[i])
        g = link_of_ar.get(j)
        if g is not None and sim(i, j) >= LINK_THRESHOLD and (i - 1 in groups[g][0] or i + 1 in groups[g][0]):
            groups[g][0].append(i)
            link_of_en[i] = g
    for j in range(m):
        if j in link_of_ar:
            continue
        i = int(best_i[j])
        g = link_of_en.get(i)
        if g is not None and sim(i, j) >= LINK_THRESHOLD and len(groups[g][0]) == 1 and (
            j - 1 in groups[g][1] or j + 1 in groups[g][1]
        ):
            groups[g][1].append(j)
            link_of_ar[j] = g
    links: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
    for e, a in groups:
        score = float(np.mean([sim(i, j) for i in e for j in a]))
        confidence = float(np.clip((score - 0.1) / 0.5, 0.0, 1.0))
        links.append((tuple(sorted(e)), tuple(sorted(a)), confidence))
    links += [((i,), (), 0.0) for i in range(n) if i not in link_of_en]
    links += [((), (j,), 0.0) for j in range(m) if j not in link_of_ar]
    return links
