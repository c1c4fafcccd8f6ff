"""Fixtures: the hand-written spelling-pair tables in data/ and a precision/recall helper."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def load_pairs(name: str) -> list[tuple[str, str, bool]]:
    rows = []
    for line in (DATA / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        a, b, same = line.split("\t")
        rows.append((a, b, same == "1"))
    return rows


def precision_recall(rows: list[tuple[str, str, bool]], score, threshold: float) -> tuple[float, float]:
    tp = fp = fn = 0
    for a, b, same in rows:
        hit = score(a, b) >= threshold
        tp += hit and same
        fp += hit and not same
        fn += (not hit) and same
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


@pytest.fixture(scope="session")
def latin_pairs() -> list[tuple[str, str, bool]]:
    return load_pairs("latin_pairs")


@pytest.fixture(scope="session")
def cross_pairs() -> list[tuple[str, str, bool]]:
    return load_pairs("cross_pairs")


@pytest.fixture(scope="session")
def pr():
    """precision_recall(rows, score, threshold) -> (precision, recall)."""
    return precision_recall
