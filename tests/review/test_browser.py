"""The page in a real browser: headless Chromium (skipped where it is not installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import chromium, run_test_hook, screenshot
from synthetic import synthetic_review
from toolkit.review import render

pytestmark = [pytest.mark.browser, pytest.mark.skipif(chromium() is None, reason="chromium is not on PATH")]


def test_example_page_in_chromium(example_review, example_page, tmp_path: Path):
    page = tmp_path / "review.html"
    page.write_text(example_page, encoding="utf-8")
    result, dom, _ = run_test_hook(page)
    assert result["rows"] == len(example_review.rows)
    assert result["marks"] == example_page.count('<mark class="m ')
    assert result["entities"] == len(example_review.entities)
    # clicking a mention marked its counterpart in the other report, and its table row
    assert result["counterpart"] and result["marked_en"] >= 1 and result["marked_ar"] >= 1
    assert result["row_selected"]
    # the table sorts by confidence and the filter leaves only the low-confidence rows
    assert result["sorted"]
    low = sum(1 for e in example_review.entities if e.confidence < 0.5)
    assert result["low_shown"] == low
    assert dom.count('class="m ') == result["marks"]
    png = screenshot(page, tmp_path / "review.png")
    assert png.stat().st_size > 20_000
    print(f"screenshot: {png}")


def test_a_hostile_5000_sentence_page_opens_safely_and_fast(tmp_path: Path):
    review = synthetic_review(5000)
    page = tmp_path / "hostile.html"
    page.write_text(render(review), encoding="utf-8")
    result, dom, seconds = run_test_hook(page)
    assert result["rows"] == len(review.rows) and result["counterpart"]
    assert result["sorted"] and result["low_shown"] == 3
    assert dom.count("<script") == 1 and "<img" not in dom and "<i>" not in dom
    # from navigation to the end of the page's script, in the page's own clock
    assert result["ms"] < 5000, result
    print(f"5,000 sentences: {result['ms']} ms in the page, {seconds:.1f} s with browser start-up")
    screenshot(page, tmp_path / "hostile.png")
