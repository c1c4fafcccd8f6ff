"""Merged spans on demand (long documents) give the same values as precomputed ones."""

from __future__ import annotations

import numpy as np

from toolkit.align.core import ENCODE_SPANS_UP_TO, _span_features  # internals under test
from toolkit.align.encoders import HashEncoder
from toolkit.align.search import SearchParams, link_values, number_matrix
from toolkit.align.spans import SummedSpans, UnitedSpans, centre, span_sums


def test_summed_spans_equal_the_precomputed_matrix_bit_for_bit() -> None:
    rng = np.random.default_rng(3)
    singles = rng.normal(size=(500, 64)).astype(np.float32)
    mean = rng.normal(size=64).astype(np.float32) * 0.1
    for k in (2, 3):
        full = centre(np.stack([singles[i : i + k].sum(axis=0) for i in range(500 - k + 1)]), mean)
        lazy = SummedSpans(singles, mean, k)
        assert lazy.shape == full.shape
        starts = np.array([0, 7, 8, 9, 250, 500 - k])
        assert np.array_equal(lazy[starts], full[starts])
        assert np.array_equal(lazy[42], full[42])
        assert np.array_equal(span_sums(singles, k), np.stack([singles[i : i + k].sum(axis=0) for i in range(500 - k + 1)]))


def test_united_spans_are_the_rows_of_the_united_sets() -> None:
    sets = [frozenset({"1"}), frozenset(), frozenset({"2", "3"}), frozenset({"3"}), frozenset({"40"})]
    rows = number_matrix(sets)
    for k in (2, 3):
        want = number_matrix([frozenset().union(*sets[i : i + k]) for i in range(len(sets) - k + 1)])
        got = UnitedSpans(rows, k)
        assert np.array_equal(got[np.arange(len(sets) - k + 1)], want)
        assert np.array_equal(got[1], want[1])


def test_lazy_features_score_links_exactly_as_precomputed_ones() -> None:
    n = ENCODE_SPANS_UP_TO + 50
    texts = [f"sentence {i} about talks in Baghdad on day {i % 31}" for i in range(n)]
    encoder = HashEncoder()
    singles = encoder.encode(texts, "en")
    mean = singles.mean(axis=0) * 0.5
    args = (texts, singles, mean, encoder, "en", 3, None)
    eager = _span_features(*args, lazy=False)
    lazy = _span_features(*args, lazy=True)
    params = SearchParams()
    starts = np.arange(100, 140)
    for a in (1, 2, 3):
        for b in (1, 2, 3):
            want = link_values(eager, eager, a, b, 120, starts, 1.2, params)
            assert np.array_equal(link_values(lazy, lazy, a, b, 120, starts, 1.2, params), want)
