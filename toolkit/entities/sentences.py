"""Sentences and their alignment, through :mod:`toolkit.align` when it is available.

Why a fallback here: the entity list must not fail because the sentence aligner (or
its encoder) is missing or fails on odd input; a small length-and-anchor aligner is
enough to bound where a name's translation can be, since linking then only needs the
right neighbourhood, not a perfect sentence alignment.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Sent:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Pair:
    en: tuple[int, ...]
    ar: tuple[int, ...]
    score: float


_SPLIT_RE = re.compile(r"[^.!?\u061F\u06D4\n]+(?:[.!?\u061F\u06D4]+[\"'\u201d\u2019)\u00bb]*|\n|$)")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Brig|Lt|Col|Maj|Capt|Sgt|St|No|Jr|Sr|U\.S|U\.N|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Rep|Sen|Gov|Prof|Inc|Ltd|Co|vs|etc)|\b[A-Z])\.$")


def split(text: str, lang: str, presplit: bool = False) -> list[Sent]:
    """Sentences of ``text`` with offsets; ``presplit``: one sentence a line."""
    if presplit:
        out: list[Sent] = []
        pos = 0
        for line in text.split("\n"):
            out.append(Sent(line, pos, pos + len(line)))
            pos += len(line) + 1
        if out and not out[-1].text:
            out.pop()
        return out
    try:
        from ..align import split_sentences  # type: ignore[attr-defined]

        return [Sent(s.text, s.start, s.end) for s in split_sentences(text, lang)]
    except Exception:
        pass
    raw: list[Sent] = []
    for m in _SPLIT_RE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            raw.append(Sent(text[s:e], s, e))
    # Re-join splits made after abbreviations ("Brig. Gen. Qassim").
    merged: list[Sent] = []
    for s in raw:
        if merged and _ABBREV.search(merged[-1].text) and "\n" not in text[merged[-1].end : s.start]:
            prev = merged.pop()
            merged.append(Sent(text[prev.start : s.end], prev.start, s.end))
        else:
            merged.append(s)
    return merged


def align(
    en_text: str,
    ar_text: str,
    presplit: bool,
    anchors: Callable[[Sent, str], set[str]],
    encoder: object | None = None,
    alignment: object | None = None,
) -> tuple[list[Sent], list[Sent], list[Pair], str]:
    """Sentences of both sides and their links; the mode says which aligner ran.

    ``alignment``: an :class:`toolkit.align.Alignment` already computed for this pair
    (``toolkit align --entities`` passes its own); ``encoder`` is handed to the aligner.
    """
    try:
        if alignment is not None:
            al = alignment
        else:
            from ..align import align_reports  # type: ignore[attr-defined]

            kwargs = {"encoder": encoder} if encoder is not None else {}
            al = align_reports(en_text, ar_text, presplit=presplit, **kwargs)
        en = [Sent(s.text, s.start, s.end) for s in al.en]
        ar = [Sent(s.text, s.start, s.end) for s in al.ar]
        pairs = [Pair(tuple(l.en), tuple(l.ar), float(l.score)) for l in al.links]
        return en, ar, pairs, f"toolkit.align ({getattr(al, 'mode', '')})".replace(" ()", "")  # type: ignore[attr-defined]
    except ImportError:
        mode = "fallback (length and name anchors; toolkit.align not installed)"
    except Exception as exc:  # the aligner failed on this input: keep going
        mode = f"fallback (length and name anchors; toolkit.align failed: {type(exc).__name__})"
    en = split(en_text, "en", presplit)
    ar = split(ar_text, "ar", presplit)
    en_a = [anchors(s, "en") for s in en]
    ar_a = [anchors(s, "ar") for s in ar]
    return en, ar, _dp_align(en, ar, en_a, ar_a), mode


def _dp_align(en: Sequence[Sent], ar: Sequence[Sent], en_a: Sequence[set[str]], ar_a: Sequence[set[str]]) -> list[Pair]:
    """Monotone alignment with 1-1, 1-2, 2-1, 1-0 and 0-1 beads.

    A bead scores the names and numbers both sides share plus how well their lengths
    agree (Arabic runs about as long as English in characters); skipping costs a little.
    """
    n, m = len(en), len(ar)
    if not n or not m:
        return []
    ratio = sum(len(s.text) for s in ar) / max(1, sum(len(s.text) for s in en))
    NEG = -1e18
    best = [[NEG] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    skip = -0.6
    beads = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))

    def bead(i0: int, i1: int, j0: int, j1: int) -> float:
        if i1 == i0 or j1 == j0:
            return skip
        a = set().union(*en_a[i0:i1])
        b = set().union(*ar_a[j0:j1])
        shared = len(a & b)
        union = len(a | b)
        le = sum(len(s.text) for s in en[i0:i1]) * ratio
        la = sum(len(s.text) for s in ar[j0:j1])
        length = 1.0 - abs(le - la) / max(le, la, 1.0)
        s = length + (1.5 * shared / union if union else 0.0) - 0.3 * (union - shared > 0 and shared == 0)
        return s - (0.35 if (i1 - i0) + (j1 - j0) > 2 else 0.0)

    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == NEG:
                continue
            for di, dj in beads:
                a, b = i + di, j + dj
                if a > n or b > m:
                    continue
                v = best[i][j] + bead(i, a, j, b)
                if v > best[a][b]:
                    best[a][b] = v
                    back[a][b] = (i, j)
    out: list[Pair] = []
    i, j = n, m
    while (i, j) != (0, 0):
        prev = back[i][j]
        assert prev is not None
        pi, pj = prev
        if i > pi and j > pj:
            out.append(Pair(tuple(range(pi, i)), tuple(range(pj, j)), round(max(0.0, min(1.0, bead(pi, i, pj, j) / 2.5)), 3)))
        i, j = pi, pj
    out.reverse()
    return out
