"""Arabic words run together, put apart again: a reading view with spaces put back.

Why: some Arabic text reaches us with most of its spaces lost (a broken copy from a PDF or
a web page that spaced words with markup: ``طلابجامعةهارفارديتلقون`` for
``طلاب جامعة هارفارد يتلقون``). Every later step reads words, so such a report yields no
names at all (one of the 57 NTREX reports, dailymail.co.uk.298759, is written so).

How: a word-frequency table of Arabic (``models/words/ar_frequency.tsv``, built from
wordfreq by ``training/words/build_frequency.py``) and the most probable cut of a long
unknown letter run into known words (dynamic programming over unigram costs, as word
segmenters of unspaced scripts do). Cutting is risky on ordinary text (a rare foreign name,
نيستلروي, is "نيس تل روي" to a unigram model), so it happens only in a text that is
*clearly* run together: enough of its words split, each piece a common word
(:class:`GluedParams`). Ordinary news never opens that gate (``benchmarks/glued.py``).
In any other text only one cut is made: after a teh marbuta (or an alef maqsura ending a
known word) that stands inside a run, where no word has it (المحكمةالابتدائية).

The view only inserts spaces: :func:`to_given` maps an offset of the view back to the text
as given, so every mention still points into what the user gave.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from ..resources import models_dir
from .arabic import normalize_arabic

#: An Arabic letter run: letters, harakat, dagger alef and tatweel (no digits, no spaces).
LETTER_RUN = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0670\u0640]+")


@dataclass(frozen=True)
class GluedParams:
    """When a text counts as run together, and how its runs are cut.

    Chosen by hand on ordinary text (ANERcorp's training part and AQMAR in documents of 20
    sentences) against the one run-together NTREX report, before its entity list was
    measured; ``python benchmarks/glued.py`` (2026-12-07) with these values: no ordinary
    document opens the gate (ANERcorp 0/200, AQMAR 0/135, Tatoeba 0/155, NTREX 0/56;
    at most 3.9% of a document's words cut strongly, against 43% of the run-together
    report's), and documents run together on purpose are found (ANERcorp 200/200, AQMAR
    135/135) with their spaces put back at precision 0.93 and recall 0.95 / 0.92.
    """

    #: A run this long (letters after folding) that the table does not hold may count
    #: as run together (two words of four letters and more) ...
    gate_letters: int = 9
    #: ... when common words (Zipf frequency at least ``gate_zipf``) cover ``gate_cover``
    #: of its letters (all-common cuts missed whole sentences run together: one rarer
    #: word, ستعقد, is enough to spoil a sentence) ...
    gate_zipf: float = 3.5
    gate_cover: float = 0.8
    #: ... and a text is run together when this share of its Arabic words are such runs
    #: and at least ``gate_min`` are.
    gate_share: float = 0.10
    gate_min: int = 3
    #: In a run-together text, every unknown run this long is cut where the best cut has
    #: two pieces or more (each piece two letters or more, unknown pieces three or more).
    cut_letters: int = 6
    #: The longest piece looked up (letters); the costs of a piece: a known word costs
    #: 9 - Zipf (minus log10 of its frequency per word), an unknown one
    #: ``unknown_base + unknown_letter`` per letter, so that cutting a name into a common
    #: word and an unknown rest never pays.
    max_piece: int = 16
    unknown_base: float = 9.0
    unknown_letter: float = 1.0


DEFAULT = GluedParams()


@dataclass(frozen=True, slots=True)
class Respaced:
    """The reading view: ``text`` with spaces put back at ``inserted`` (offsets of the view,
    ascending); ``glued``: the runs cut; ``words``: the Arabic runs of the text as given;
    ``run_together``: the whole text was read as run together (else only words joined
    after a word-final letter were cut)."""

    text: str
    inserted: tuple[int, ...] = ()
    glued: int = 0
    words: int = 0
    run_together: bool = False


@lru_cache(maxsize=1)
def frequencies() -> dict[str, float]:
    """``models/words/ar_frequency.tsv``: search-normalized word -> Zipf frequency. A missing
    file raises: without it no text can be read as run together."""
    path = models_dir() / "words" / "ar_frequency.tsv"
    if not path.is_file():
        raise FileNotFoundError(f"Arabic word frequencies not found: {path} (rebuild with training/words/build_frequency.py)")
    table: dict[str, float] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            word, _, zipf = line.rstrip("\n").partition("\t")
            try:
                table[word] = float(zipf)
            except ValueError:
                raise ValueError(f"{path}:{n}: expected 'word<TAB>zipf', got {line!r}") from None
    return table


def _folded(run: str) -> tuple[str, list[int]]:
    """The run search-normalized letter by letter, and for each folded letter the offset
    of its letter in the run (harakat and tatweel fold to nothing)."""
    letters: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(run):
        for f in normalize_arabic(ch, "search"):
            letters.append(f)
            where.append(i)
    return "".join(letters), where


def best_cut(key: str, params: GluedParams = DEFAULT) -> list[str]:
    """The most probable pieces of a folded run (one piece: keep it whole)."""
    table = frequencies()
    n = len(key)
    cost = [0.0] + [math.inf] * n
    back = [0] * (n + 1)
    whole = params.unknown_base + params.unknown_letter * n
    for j in range(1, n + 1):
        for i in range(max(0, j - params.max_piece), j):
            piece = key[i:j]
            zipf = table.get(piece) if j - i >= 2 else None
            if zipf is not None:
                c = 9.0 - zipf
            elif j - i >= 3:
                c = params.unknown_base + params.unknown_letter * (j - i)
            else:
                continue
            if cost[i] + c < cost[j]:
                cost[j], back[j] = cost[i] + c, i
    if cost[n] >= whole:
        return [key]
    pieces: list[str] = []
    j = n
    while j > 0:
        pieces.append(key[back[j]:j])
        j = back[j]
    return _rejoin_article(pieces[::-1])


#: Pieces that are a word's proclitics and article, not a word: the table holds some as
#: words (بال "mind", وال "governor"), but before another piece they are its prefix
#: (بالتزود is بالتزود, not بال تزود).
_ARTICLES = frozenset({"ال", "بال", "وال", "فال", "كال", "لل", "وبال", "ولل", "فبال", "فلل"})


def _rejoin_article(pieces: list[str]) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        if out and out[-1] in _ARTICLES:
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _strong(pieces: list[str], params: GluedParams) -> bool:
    """A cut that only run-together text makes: common words (``gate_zipf``) cover
    ``gate_cover`` of its letters."""
    table = frequencies()
    common = sum(len(p) for p in pieces if table.get(p, 0.0) >= params.gate_zipf)
    return len(pieces) >= 2 and common >= params.gate_cover * sum(map(len, pieces))


def respace(text: str, params: GluedParams = DEFAULT) -> Respaced:
    """The reading view of ``text``: the words joined after a letter that ends words are
    read apart (:func:`final_letter_cuts`), and when the runs of letters that leaves show a
    text clearly run together (see the module docstring), every long unknown one is cut into
    words too; most text is returned as it is. Judging the runs the first cuts leave makes
    the view stable: the view of a view is the view."""
    runs = [(m.start(), m.end()) for m in LETTER_RUN.finditer(text)]
    final = {s: final_letter_cuts(text[s:e], s) for s, e in runs}
    parts = [(a, b) for s, e in runs for a, b in zip([s, *final[s]], [*final[s], e])]
    more = _run_together_cuts(text, parts, params)
    owner = {a: s for s, e in runs for a in [s, *final[s]]}  # each part's run
    groups = {s: list(c) for s, c in final.items() if c}
    for part_start, cuts in (more or {}).items():
        groups.setdefault(owner[part_start], []).extend(cuts)
    return _with_spaces(text, [sorted(c) for c in groups.values()], len(runs), more is not None)


def _run_together_cuts(text: str, runs: list[tuple[int, int]], params: GluedParams) -> dict[int, list[int]] | None:
    """Where the runs of a run-together text are cut (offsets of the text, by the start of
    the run cut), or None when the text is not run together."""
    long_runs = sum(1 for s, e in runs if e - s >= params.gate_letters)
    if long_runs < params.gate_min or long_runs < params.gate_share * len(runs):
        return None  # cannot pass the gate: the table is not even read
    table = frequencies()
    cuts: dict[int, list[int]] = {}
    strong = 0
    for s, e in runs:
        key, where = _folded(text[s:e])
        if len(key) < params.cut_letters or key in table:
            continue
        pieces = best_cut(key, params)
        if len(pieces) < 2:
            continue
        cuts[s] = [s + start for start in _piece_starts(pieces, where)[1:]]
        strong += len(key) >= params.gate_letters and _strong(pieces, params)
    if strong < params.gate_min or strong < params.gate_share * len(runs):
        return None
    return cuts


#: Teh marbuta ends the words it is written in; alef maqsura too, but older spelling
#: writes ىء inside words (شاطىء) and a few typists ى for ي (رئىس), so a cut after it also
#: needs a known word before it (على, مستشفى). Ordinary text (benchmarks/glued.py):
#: ANERcorp and AQMAR hold such joins 0.9-2.2 times in 10,000 words, almost all real
#: (المدينةالنبوية, الفترةأظهرت); NTREX 28 times (المحكمةالابتدائية, إلىصنداي).
_FINAL_RE = re.compile(r"([ةى])[\u064b-\u065f\u0670\u0640]*(?=[\u0621-\u064a][\u064b-\u065f\u0670\u0640]*[\u0621-\u064a])")


def final_letter_cuts(run: str, offset: int = 0) -> list[int]:
    """Offsets (``offset`` + index in ``run``) where a word ended by ة or ى is joined to the
    next one: المحكمةالابتدائية -> المحكمة | الابتدائية. At least two letters on each side."""
    cuts: list[int] = []
    last = 0
    for m in _FINAL_RE.finditer(run):
        at = m.end()
        left = run[last:at]
        if sum(ch.isalpha() for ch in left) < 2 or (m.group(1) == "ى" and (
                run[at] == "ء" or normalize_arabic(left, "search") not in frequencies())):
            continue
        cuts.append(offset + at)
        last = at
    return cuts


def _with_spaces(text: str, cuts: list[list[int]], words: int, run_together: bool) -> Respaced:
    """``text`` with a space at each cut (``cuts``: the offsets of each run cut)."""
    if not cuts:
        return Respaced(text, words=words)
    out: list[str] = []
    inserted: list[int] = []
    last = 0
    for at in sorted(c for run in cuts for c in run):
        out.append(text[last:at])
        inserted.append(at + len(inserted))
        out.append(" ")
        last = at
    out.append(text[last:])
    return Respaced("".join(out), tuple(inserted), len(cuts), words, run_together)


def pieces(run: str, params: GluedParams = DEFAULT) -> list[tuple[int, int, float]]:
    """The most probable words of one unknown letter run, as (start, end, Zipf frequency)
    offsets into ``run`` (0.0 for a piece the table does not hold); a known word, a short
    run or one that does not cut is one piece."""
    key, where = _folded(run)
    table = frequencies()
    if len(key) < params.cut_letters or key in table:
        return [(0, len(run), table.get(key, 0.0))]
    cut = best_cut(key, params)
    starts = _piece_starts(cut, where)
    return [(a, b, table.get(piece, 0.0)) for piece, a, b in zip(cut, starts, [*starts[1:], len(run)])]


def _piece_starts(pieces: list[str], where: list[int]) -> list[int]:
    """The offset in the run of each piece's first letter (``where``: :func:`_folded`'s map
    from folded letters to the run); the first piece starts the run, harakat before it too."""
    return [0, *(where[k] for k in accumulate(map(len, pieces[:-1])))]


def to_given(offset: int, inserted: tuple[int, ...]) -> int:
    """The offset in the text as given of ``offset`` in the view (spaces before it removed)."""
    return offset - bisect_left(inserted, offset)


def given_positions(inserted: tuple[int, ...]) -> list[int]:
    """Where each space of the view goes in the text as given (ascending): computed once
    for the many offsets :func:`to_view` maps."""
    return [at - k for k, at in enumerate(inserted)]


def to_view(offset: int, given: list[int], side: str = "start") -> int:
    """The offset in the view of ``offset`` in the text as given (``given``:
    :func:`given_positions` of the view). Where a space was put back right at ``offset``, a
    span's start goes after it and its end before it."""
    return offset + (bisect_right(given, offset) if side == "start" else bisect_left(given, offset))
