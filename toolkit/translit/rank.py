"""One n-best list from many sources: lexicon > model > rules, scores in [0, 1].

Candidates for a whole name are built unit by unit (see ``rules_ar2lat.split_units``):
each unit has its own ranked spellings and the name's candidates are the best products,
scored by the geometric mean of the unit scores so a five-word name is not punished for
its length. The final list is ordered by source tier first, score second, and scores are
made non-increasing down the list so that a reader can trust the order and the numbers
together.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from typing import Literal

from .spelling import latin_key

Source = Literal["lexicon", "model", "rules", "scheme", "translation", "pivot"]
#: a translation (another name, not a spelling: issue 16) always ranks below the spellings;
#: a pivot (a Latin name respelled through its Arabic spellings, :mod:`.pivot`) is a model
#: guess made twice
TIER: dict[str, int] = {"lexicon": 0, "scheme": 0, "model": 1, "pivot": 1, "rules": 2, "translation": 3}


@dataclass(frozen=True)
class Candidate:
    """One spelling of the name in the target script, how sure we are, and where it came from."""

    text: str
    score: float
    source: Source

    def as_dict(self) -> dict[str, object]:
        return {"text": self.text, "score": round(self.score, 4), "source": self.source}


@dataclass(frozen=True)
class Option:
    """A spelling of one unit (or a pass-through piece: ``source`` None, score 1)."""

    text: str
    score: float
    source: Source | None


def worst_source(sources: list[Source | None]) -> Source:
    real = [s for s in sources if s is not None]
    if not real:
        return "rules"
    return max(real, key=lambda s: TIER[s])


def combine(slots: list[list[Option]], separators: list[str], top: int, units: int | None = None) -> list[Candidate]:
    """Best ``top`` whole-name spellings from per-slot options (k-best product search).

    ``units``: how many slots are name units, for the geometric mean (default: the slots
    whose options have a source). A fixed form (bin, Abdullah) has no source of its own
    so that it does not make a name "rules", but it is still a unit of the name.
    """
    if not slots or any(not s for s in slots):
        return []
    slots = [sorted(s, key=lambda o: -o.score) for s in slots]
    n = len(slots)
    real = max(1, units if units is not None else sum(1 for s in slots if s[0].source is not None))

    def logscore(idx: tuple[int, ...]) -> float:
        return sum(math.log(max(slots[i][j].score, 1e-9)) for i, j in enumerate(idx))

    varying = [i for i, s in enumerate(slots) if len(s) > 1]
    if len(varying) <= 1:  # one slot with choices (a one-word name): its order is the answer
        i = varying[0] if varying else 0
        if n == 1:  # one unit: no products to form
            out_one: list[Candidate] = []
            seen_one: set[str] = set()
            for option in slots[0]:
                text = (separators[0] + option.text).strip()
                key = latin_key(text)
                if key and key not in seen_one:
                    seen_one.add(key)
                    score = math.exp(math.log(max(option.score, 1e-9)) / real)
                    out_one.append(Candidate(text, score, option.source or "rules"))
                    if len(out_one) >= top:
                        break
            return out_one
        fixed = [s[0] for s in slots]
        out_fast: list[Candidate] = []
        seen_fast: set[str] = set()
        for option in slots[i]:
            parts = fixed[:i] + [option] + fixed[i + 1 :]
            text = "".join(sep + p.text for sep, p in zip(separators, parts)).strip()
            key = latin_key(text)
            if key and key not in seen_fast:
                seen_fast.add(key)
                neg = -sum(math.log(max(p.score, 1e-9)) for p in parts)
                out_fast.append(Candidate(text, math.exp(-neg / real), worst_source([p.source for p in parts])))
                if len(out_fast) >= top:
                    break
        return out_fast
    start = tuple(0 for _ in slots)
    heap = [(-logscore(start), start)]
    seen = {start}
    out: list[Candidate] = []
    texts: set[str] = set()
    while heap and len(out) < top:
        neg, idx = heapq.heappop(heap)
        parts = [slots[i][j] for i, j in enumerate(idx)]
        text = "".join(sep + p.text for sep, p in zip(separators, parts)).strip()
        key = latin_key(text)
        if key and key not in texts:
            texts.add(key)
            out.append(Candidate(text, math.exp(-neg / real), worst_source([p.source for p in parts])))
        for i in range(n):
            if idx[i] + 1 < len(slots[i]):
                nxt = idx[:i] + (idx[i] + 1,) + idx[i + 1 :]
                if nxt not in seen:
                    seen.add(nxt)
                    heapq.heappush(heap, (-logscore(nxt), nxt))
    return out


def merge(groups: list[list[Candidate]], top: int) -> list[Candidate]:
    """Merge lists: first spelling wins by tier then score; scores made non-increasing."""
    best: dict[str, Candidate] = {}
    for group in groups:
        for c in group:
            key = latin_key(c.text)
            if not key:
                continue
            old = best.get(key)
            if old is None or (TIER[c.source], -c.score) < (TIER[old.source], -old.score):
                best[key] = c
    ranked = sorted(best.values(), key=lambda c: (TIER[c.source], -c.score))[:top]
    out: list[Candidate] = []
    ceiling = 1.0
    for c in ranked:
        score = min(max(0.0, min(1.0, c.score)), ceiling)
        ceiling = score
        out.append(Candidate(c.text, round(score, 4), c.source))
    return out


def with_standard(cands: list[Candidate], standard: Candidate | None, top: int) -> list[Candidate]:
    """``cands`` (an n-best, spellings before translations) holding ``standard`` (the
    other style's first spelling): at the last place among the first ``top`` spellings when
    no spelling is it already, or above the first spelling of a lower tier than its source;
    never first; scores stay non-increasing."""
    if standard is None or top < 2 or standard.source == "translation":
        return cands
    if any(latin_key(c.text) == latin_key(standard.text) for c in cands):
        return cands
    at = min(top - 1, sum(c.source != "translation" for c in cands))
    # (sources stay in tier order, lexicon, model, rules: above the first of a lower tier)
    at = next((k for k, c in enumerate(cands[:at]) if TIER[c.source] > TIER[standard.source]), at)
    if at < 1:
        return cands  # never first: the first spelling is the style's own
    out: list[Candidate] = []
    ceiling = 1.0
    for c in [*cands[:at], standard, *cands[at:]][:top]:
        ceiling = min(c.score, ceiling)
        out.append(Candidate(c.text, ceiling, c.source))
    return out
