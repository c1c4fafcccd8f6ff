"""Fixtures of the review page tests: the example pair's review, built once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))  # hostile.py, synthetic.py, browser.py


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: opens pages in headless Chromium (skipped without `chromium`)")


@pytest.fixture(scope="session")
def example_review():
    from toolkit.review import build_review

    en = (ROOT / "examples" / "report_en.txt").read_text(encoding="utf-8")
    ar = (ROOT / "examples" / "report_ar.txt").read_text(encoding="utf-8")
    return build_review(en, ar, en_name="report_en.txt", ar_name="report_ar.txt")


@pytest.fixture(scope="session")
def example_page(example_review) -> str:
    from toolkit.review import render

    return render(example_review)
