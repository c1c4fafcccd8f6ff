"""Fixtures for alignment tests (helpers live in align_helpers.py, beside this file)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_helpers import PseudoEncoder  # noqa: E402


@pytest.fixture
def encoder() -> PseudoEncoder:
    return PseudoEncoder()
