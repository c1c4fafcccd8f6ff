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
    # share of sentences with some counterpart (not necessarily mutual: repeated
    # sentences, boilerplate, share their counterparts)
    coverage = min(float(np.mean(nn.sim_j >= LINK_THRESHOLD)), float(np.mean(nn.sim_i >= LINK_THRESHOLD)))
    if crossing / len(mutual) > 0.2 and crossing >= 2:
        return True
    return coverage < 0.4


def comparable_links(
    en_vecs: np.ndarray, ar_vecs: np.ndarray, nn: Neighbours, threshold: float = LINK_THRESHOLD
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
        if best_i[j] == i and sim(i, j) >= threshold:
            link_of_en[i] = link_of_ar[j] = len(groups)
            groups.append(([i], [j]))
    # an unlinked sentence joins its best counterpart's link when adjacent to it
    for i in range(n):
        if i in link_of_en:
            continue
        j = int(best_j[i])
        g = link_of_ar.get(j)
        if g is not None and sim(i, j) >= threshold and (i - 1 in groups[g][0] or i + 1 in groups[g][0]):
            groups[g][0].append(i)
            link_of_en[i] = g
    for j in range(m):
        if j in link_of_ar:
            continue
        i = int(best_i[j])
        g = link_of_en.get(i)
        if g is not None and sim(i, j) >= threshold and len(groups[g][0]) == 1 and (
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


RESCUE_THRESHOLD = 0.5  # stricter: these links cross the translation's order


def rescue_moved(
    links: list[tuple[tuple[int, ...], tuple[int, ...], float]], en_vecs: np.ndarray, ar_vecs: np.ndarray
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """After a monotone alignment, link sentences it left unlinked on both sides when
    they clearly correspond: a translation that moved a paragraph keeps the rest in
    order, and the moved sentences show up as a 1-0 here and a 0-1 there."""
    from .search import neighbours

    left_en = [e[0] for e, a, _ in links if e and not a]
    left_ar = [a[0] for e, a, _ in links if a and not e]
    if not left_en or not left_ar:
        return links
    sub_en, sub_ar = en_vecs[left_en], ar_vecs[left_ar]
    found = comparable_links(sub_en, sub_ar, neighbours(sub_en, sub_ar), RESCUE_THRESHOLD)
    rescued = [
        (tuple(left_en[i] for i in e), tuple(left_ar[j] for j in a), score) for e, a, score in found if e and a
    ]
    if not rescued:
        return links
    used_en = {i for e, _, _ in rescued for i in e}
    used_ar = {j for _, a, _ in rescued for j in a}
    kept = [l for l in links if not (l[0] and l[0][0] in used_en and not l[1]) and not (l[1] and l[1][0] in used_ar and not l[0])]
    return kept + rescued
