"""Fixtures of the corpus tests: small corpora written to tmp_path."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # corpus_data, shared by the test modules

from corpus_data import make_records, write_jsonl  # noqa: E402


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "news.jsonl", make_records(400))
