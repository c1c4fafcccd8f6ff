"""Scoring a query against a lexicon name part by part.

Why part by part: real queries are partial ("Naim Barich" for a four-part name),
reordered, or split and joined differently ("Abdulrauf" / "Abdul Rauf", "Hezbollah" /
"حزب الله").  So both sides are cut into parts, adjacent parts may also be joined,
and each query part is paired with its best lexicon part (greedy best assignment,
no part used twice).  What the query says must be found (its coverage weighs most);
lexicon parts the query leaves out cost a little only.
"""

from __future__ import annotations

from rapidfuzz.distance import Indel

#: Pairs under this similarity count as unmatched.
MIN_PART_SIM = 0.5
#: Weight of the lexicon-side coverage: a query naming 2 of 4 parts perfectly scores
#: 1 - 0.2 * 0.5 = 0.9 rather than 0.5.
NAME_COVERAGE_WEIGHT = 0.2


def _units(parts: tuple[str, ...] | list[str]) -> list[tuple[int, int, str]]:
    """Single parts and adjacent pairs joined, as (first index, last index, text)."""
    units = [(i, i, p) for i, p in enumerate(parts)]
    units.extend((i, i + 1, parts[i] + parts[i + 1]) for i in range(len(parts) - 1))
    return units


def parts_score(query: tuple[str, ...] | list[str], name: tuple[str, ...] | list[str]) -> float:
    """Similarity in [0, 1] of two names given as parts (keys of the same kind)."""
    if not query or not name:
        return 0.0
    if len(query) > 8 or len(name) > 8:  # long texts: compare as wholes
        return Indel.normalized_similarity(" ".join(query), " ".join(name))
    q_units = _units(query)
    n_units = _units(name)
    pairs: list[tuple[float, float, int, int]] = []
    for qi, (qa, qb, qt) in enumerate(q_units):
        for ni, (na, nb, nt) in enumerate(n_units):
            sim = Indel.normalized_similarity(qt, nt)
            if sim >= MIN_PART_SIM:
                # Prefer strong pairs, then long ones (they explain more of the query).
                pairs.append((sim * sim * (len(qt) + len(nt)), sim, qi, ni))
    pairs.sort(reverse=True)
    q_used = [False] * len(query)
    n_used = [False] * len(name)
    q_total = sum(len(p) for p in query)
    n_total = sum(len(p) for p in name)
    q_got = 0.0
    n_got = 0.0
    for _, sim, qi, ni in pairs:
        qa, qb, qt = q_units[qi]
        na, nb, nt = n_units[ni]
        if any(q_used[qa : qb + 1]) or any(n_used[na : nb + 1]):
            continue
        for k in range(qa, qb + 1):
            q_used[k] = True
        for k in range(na, nb + 1):
            n_used[k] = True
        q_got += sim * len(qt)
        n_got += sim * len(nt)
    q_cov = q_got / q_total if q_total else 0.0
    n_cov = n_got / n_total if n_total else 0.0
    return q_cov * (1.0 - NAME_COVERAGE_WEIGHT + NAME_COVERAGE_WEIGHT * n_cov)
