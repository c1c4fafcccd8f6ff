"""Fixtures: the shipped table, and the repository root on sys.path so the tests can
import the training code (``training/`` lives beside the package, not in it)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def table():
    from toolkit.word_translation import load_table

    return load_table()
