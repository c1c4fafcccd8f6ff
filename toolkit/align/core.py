"""``align_reports``: split, encode, score, search, and pick parallel or comparable.

Pipeline and the reasons for each step:

1. split both texts (or take one sentence a line with ``presplit``);
2. encode every sentence and, for merges, every run of 2..3 consecutive sentences
   (the encoder sees the joined text, which scores a merge far better than averaging);
3. centre each language's vectors on that language's mean and renormalise: both
   encoders put all sentences of one language in a narrow cone, and removing the
   shared direction leaves the content (the biggest single gain we measured);
4. find 1-1 anchors (mutual nearest neighbours), chain them, and run a banded DP
   with 1-2, 2-1, 1-3, 3-1, 2-2 merges and 1-0 / 0-1 skips (:mod:`.search`);
5. decide whether the texts are translations or comparable reports, and for the
   latter use the non-monotone matcher (:mod:`.comparable`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

import numpy as np

from ..normalize.script import arabic_share
from .anchors import name_keys, numbers
from .encoders import Encoder, get_encoder
from .search import (
    Neighbours,
    SearchParams,
    SpanFeatures,
    add_hubness,
    anchor_pairs,
    number_matrix,
    band_from_anchors,
    monotone_search,
    neighbours,
)
from .sentences import SPLIT, split_lines, split_sentences
from .spans import SummedSpans, UnitedSpans, span_sums
from .spans import centre as _centre
from .spans import normalise as _normalise
from .types import Alignment, Link

__all__ = ["align_reports", "align_sentences", "AlignmentError", "looks_swapped", "arabic_share"]

MAX_SENTENCES = 100_000  # a side; 10 MB of news is about 83,000 (benchmarks/scale.py: 182 s, 946 MB with USE); the neighbour search is O(n·m) in time, linear in memory
ENCODE_SPANS_UP_TO = 2_000  # sentences per side; beyond, merged spans use mean vectors
ENCODE_SPAN_MAX = 3  # longer merged spans use the sum of their sentences' vectors
RESCUE_MOVED = True  # link moved sentences the monotone search had to leave unlinked
ENCODE_ALL_SPANS = False  # True: encode every run, not only those near uncertain sentences


def _bounded(texts: list[str], pieces: int = 1) -> list[str]:
    """``texts`` as the encoder sees them: at most ``pieces`` x ``SPLIT.max_chars``
    characters each.  :func:`split_sentences` already cuts overlong sentences; this
    bounds one-sentence-a-line input (``presplit``, :func:`align_sentences` callers),
    whose lines must stay whole, so the encoder's cost per text stays bounded."""
    limit = pieces * SPLIT.max_chars
    return [t if len(t) <= limit else t[:limit] for t in texts]


class AlignmentError(ValueError):
    """Input that cannot be aligned, with a reason a user can act on."""


def _span_features(texts: list[str], singles: np.ndarray, mean: np.ndarray, encoder: Encoder, lang: str,
                   max_merge: int, uncertain: np.ndarray | None, with_names: bool = False,
                   centred: np.ndarray | None = None, lazy: bool = False) -> SpanFeatures:
    """Vectors, lengths and numbers of every run of 1..max_merge sentences.

    A run is encoded as one text when it touches an ``uncertain`` sentence (one
    without a confident 1-1 counterpart): only there can a merge win, and encoding
    the joined text is what makes merges score right.  Other runs get the sum of
    their sentences' vectors, which costs nothing.  ``uncertain=None``: encode all.
    ``centred``: ``_centre(singles, mean)`` when the caller has it (one copy fewer).
    ``lazy`` and more than ``ENCODE_SPANS_UP_TO`` sentences (no run is encoded): runs' vectors and number rows
    are computed when the search reads them (:mod:`.spans`), so memory stays linear
    with a small constant; ``numbers`` then holds the single sentences' sets only.
    """
    n = len(texts)
    lazy = lazy and n > ENCODE_SPANS_UP_TO
    lengths: list[np.ndarray] = []
    nums: list[list[frozenset[str]]] = []
    single_nums = [numbers(t) for t in texts]
    single_names = [name_keys(t, lang) for t in texts] if with_names else None
    names: list[list[frozenset[str]]] = []
    char_len = np.array([len(t) for t in texts], dtype=np.float64)
    wanted: list[tuple[int, int]] = []
    raws: list[np.ndarray] = []
    for k in range(1, max_merge + 1):
        count = n - k + 1
        if count <= 0:
            break
        lengths.append(np.array([char_len[i : i + k].sum() + k - 1 for i in range(count)]))
        if lazy:
            continue
        raw = singles if k == 1 else span_sums(singles, k)
        if k > 1 and n <= ENCODE_SPANS_UP_TO and k <= ENCODE_SPAN_MAX:
            wanted += [(k, i) for i in range(count) if uncertain is None or uncertain[i : i + k].any()]
        raws.append(raw)
        nums.append([frozenset().union(*single_nums[i : i + k]) for i in range(count)])
        if single_names is not None:
            names.append([frozenset().union(*single_names[i : i + k]) for i in range(count)])
    if lazy:
        first = centred if centred is not None else _centre(singles, mean)
        number_rows = number_matrix(single_nums)
        return SpanFeatures([first] + [SummedSpans(singles, mean, k) for k in range(2, len(lengths) + 1)],
                            lengths, [single_nums],
                            number_vecs=[number_rows] + [UnitedSpans(number_rows, k) for k in range(2, len(lengths) + 1)])
    if wanted:  # one encoder call for all runs that need it
        encoded = encoder.encode(_bounded([" ".join(texts[i : i + k]) for k, i in wanted], ENCODE_SPAN_MAX), lang)
        for (k, i), vector in zip(wanted, encoded):
            raws[k - 1][i] = vector
    vectors = [centred if k == 0 and centred is not None else _centre(raw, mean) for k, raw in enumerate(raws)]
    return SpanFeatures(vectors, lengths, nums, names=names if single_names is not None else None)


def _uncertain(nn: Neighbours, en_len: np.ndarray, ar_len: np.ndarray, min_sim: float = 0.45,
               tolerance: float = 1.5) -> tuple[np.ndarray, np.ndarray]:
    """Sentences without a confident 1-1 counterpart: not a mutual nearest neighbour
    with similarity >= ``min_sim`` and a length ratio within ``tolerance`` of the
    document's.  Merges are only looked for around these."""
    ratio = max(1e-3, float(ar_len.sum()) / max(1.0, float(en_len.sum())))
    en_u = np.ones(len(en_len), dtype=bool)
    ar_u = np.ones(len(ar_len), dtype=bool)
    for i, j, _ in nn.mutual(min_sim):
        r = (ar_len[j] + 10.0) / (ratio * en_len[i] + 10.0)
        if 1.0 / tolerance <= r <= tolerance:
            en_u[i] = ar_u[j] = False
    return en_u, ar_u


def _mean(vectors: np.ndarray) -> np.ndarray:
    """The language direction to remove.  Shrunk for short texts, where the mean of a
    handful of sentences is mostly those sentences' content."""
    n = vectors.shape[0]
    if n == 0:
        return np.zeros(vectors.shape[1], dtype=np.float32)
    return _normalise(vectors).mean(axis=0) * (n / (n + 2.0))


def align_sentences(
    en_sentences: Sequence[str],
    ar_sentences: Sequence[str],
    *,
    encoder: Encoder | str | None = None,
    params: SearchParams | None = None,
    mode: Literal["auto", "parallel", "comparable"] = "auto",
) -> tuple[list[tuple[tuple[int, ...], tuple[int, ...], float]], str]:
    """Align two lists of non-empty sentences; returns (links, mode)."""
    params = params or SearchParams()
    n, m = len(en_sentences), len(ar_sentences)
    if n == 0 or m == 0:
        links = [((i,), (), 0.0) for i in range(n)] + [((), (j,), 0.0) for j in range(m)]
        return links, "parallel" if mode == "auto" else mode
    enc = get_encoder(encoder)
    en_list, ar_list = list(en_sentences), list(ar_sentences)
    en_raw = _normalise(enc.encode(_bounded(en_list), "en"))
    ar_raw = _normalise(enc.encode(_bounded(ar_list), "ar"))
    en_mean, ar_mean = _mean(en_raw), _mean(ar_raw)
    en_c, ar_c = _centre(en_raw, en_mean), _centre(ar_raw, ar_mean)
    nn = neighbours(en_c, ar_c)

    from .comparable import comparable_links, looks_comparable

    if mode == "comparable":
        return comparable_links(en_c, ar_c, nn), "comparable"

    anchors = anchor_pairs(nn, min_sim=0.2)
    if mode == "auto" and looks_comparable(nn, anchors, n, m):
        return comparable_links(en_c, ar_c, nn), "comparable"

    if ENCODE_ALL_SPANS:
        en_u = ar_u = None
    else:
        en_u, ar_u = _uncertain(nn, np.array([len(t) for t in en_list], dtype=np.float64),
                                np.array([len(t) for t in ar_list], dtype=np.float64))
    with_names = params.name_weight > 0
    # long documents: merged spans on demand (bit-identical values, a fraction of the memory)
    lazy = not with_names and not params.margin_weight
    en_f = _span_features(en_list, en_raw, en_mean, enc, "en", params.max_merge, en_u, with_names, en_c, lazy)
    ar_f = _span_features(ar_list, ar_raw, ar_mean, enc, "ar", params.max_merge, ar_u, with_names, ar_c, lazy)
    if params.margin_weight:
        add_hubness(en_f, ar_f, params.margin_k)
    ratio = max(1e-3, float(ar_f.lengths[0].sum()) / max(1.0, float(en_f.lengths[0].sum())))
    if (n + 1) * (m + 1) <= params.full_dp_cells:
        lo = np.zeros(n + 1, dtype=np.int64)
        hi = np.full(n + 1, m, dtype=np.int64)
    else:
        lo, hi = band_from_anchors(n, m, anchors, params.band)
    raw_links = monotone_search(en_f, ar_f, ratio, params, lo, hi)
    links = [(e, a, _confidence(e, a, v, params)) for e, a, v in raw_links]
    if RESCUE_MOVED:
        from .comparable import rescue_moved

        links = rescue_moved(links, en_c, ar_c)
    return links, "parallel"


def _confidence(en: tuple[int, ...], ar: tuple[int, ...], value: float, params: SearchParams) -> float:
    """Map a link value to [0, 1]; 0.5 is the point where linking and leaving the
    sentences unlinked are worth the same.  Unlinked sentences (1-0, 0-1) score 0."""
    if not en or not ar:
        return 0.0
    return 1.0 / (1.0 + math.exp(-value / 0.08))


def looks_swapped(en_text: str, ar_text: str) -> bool:
    """True when the "English" text is mostly Arabic and the "Arabic" one is not: the
    two inputs were given in the wrong order.  Whole-document letter shares rather
    than a per-text label, so quoted names in the other script do not matter."""
    return arabic_share(en_text) > 0.6 and arabic_share(ar_text) < 0.4


def align_reports(
    en_text: str,
    ar_text: str,
    *,
    presplit: bool = False,
    encoder: Encoder | str | None = None,
    mode: Literal["auto", "parallel", "comparable"] = "auto",
    swap: Literal["error", "swap"] = "error",
    params: SearchParams | None = None,
) -> Alignment:
    """Align an English report with its Arabic counterpart.

    ``presplit``: one sentence a line (indices then refer to lines).  ``encoder``: an
    :class:`~toolkit.align.encoders.Encoder` or a name (``use`` default, ``e5``,
    ``use+e5``, ``hash``, a local model directory).  ``mode``: ``auto`` detects
    comparable (non-translation) reports and links only what corresponds.

    A pair given in the wrong order (Arabic as English) raises :class:`AlignmentError`,
    or is swapped back with ``swap="swap"`` (the result then still has ``en`` holding
    the English text).
    """
    if mode not in ("auto", "parallel", "comparable"):
        raise AlignmentError(f"unknown mode {mode!r}: auto, parallel or comparable")
    if looks_swapped(en_text, ar_text):
        if swap == "swap":
            en_text, ar_text = ar_text, en_text
        else:
            raise AlignmentError("the English text is Arabic and the Arabic text is not: are the two files swapped?")
    en_all = split_lines(en_text) if presplit else split_sentences(en_text, "en")
    ar_all = split_lines(ar_text) if presplit else split_sentences(ar_text, "ar")
    if len(en_all) > MAX_SENTENCES or len(ar_all) > MAX_SENTENCES:
        raise AlignmentError(f"too many sentences ({len(en_all)} / {len(ar_all)}); the limit is {MAX_SENTENCES} a side")
    en_keep = [k for k, s in enumerate(en_all) if s.text]
    ar_keep = [k for k, s in enumerate(ar_all) if s.text]
    links_local, found_mode = align_sentences(
        [en_all[k].text for k in en_keep], [ar_all[k].text for k in ar_keep], encoder=encoder, params=params, mode=mode
    )
    links = [
        Link(tuple(en_keep[i] for i in e), tuple(ar_keep[j] for j in a), round(float(s), 4)) for e, a, s in links_local
    ]
    # empty lines (presplit) stay visible as unlinked
    en_empty = [Link((k,), (), 0.0) for k, s in enumerate(en_all) if not s.text]
    ar_empty = [Link((), (k,), 0.0) for k, s in enumerate(ar_all) if not s.text]
    links = _sorted_links(links + en_empty + ar_empty)
    return Alignment(tuple(en_all), tuple(ar_all), tuple(links), found_mode)  # type: ignore[arg-type]


def _sorted_links(links: list[Link]) -> list[Link]:
    """Order links by their first English index; Arabic-only links sit after the
    link holding the Arabic sentence before them."""
    linked = sorted((l for l in links if l.en), key=lambda l: l.en[0])
    ar_only = sorted((l for l in links if not l.en), key=lambda l: l.ar[0])
    result: list[Link] = []
    pending = list(ar_only)
    for link in linked:
        if link.ar:
            while pending and pending[0].ar[0] < link.ar[0]:
                result.append(pending.pop(0))
        result.append(link)
    result.extend(pending)
    return result

