"""The review page's content: rows, highlights, the entity table, and safety."""

from __future__ import annotations

import re
import time
from pathlib import Path

from hostile import hostile_pair
from synthetic import synthetic_review
from toolkit.entities.document import Pair
from toolkit.review import render, review_html
from toolkit.review.data import Row, rows_of
from toolkit.review.text import clean, esc

BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def test_example_page_has_a_row_per_link_and_every_mention(example_review, example_page):
    r = example_review
    assert example_page.count('<div class="row') == len(r.rows)
    linked = {i for row in r.rows for i in row.en}, {j for row in r.rows for j in row.ar}
    assert linked == (set(range(len(r.en_sents))), set(range(len(r.ar_sents))))
    assert '<div class="side ar" lang="ar" dir="rtl">' in example_page
    assert '<div class="side en" lang="en" dir="ltr">' in example_page
    shown = sum(len(v) for side in r.spans.values() for v in side.values())
    assert example_page.count('<mark class="m ') == shown > 50
    # the 1-0 and 0-1 links of the example pair are marked, every other link has its score
    assert example_page.count('class="row unmatched"') == sum(1 for x in r.rows if not x.en or not x.ar) >= 4
    for row in r.rows:
        if row.en and row.ar:
            assert f"<b>{row.score:.2f}</b>" in example_page


def test_highlights_sit_on_the_mentioned_text(example_review, example_page):
    for k, e in enumerate(example_review.entities):
        for m in e.mentions[:3]:
            assert re.search(f'data-e="{k}"[^>]*>{re.escape(esc(m.text))}</mark>', example_page), (e.id, m.text)


def test_header_and_table(example_review, example_page):
    r = example_review
    assert "report_en.txt" in example_page and "report_ar.txt" in example_page
    assert f"toolkit {r.version}" in example_page and r.version != "unknown"
    assert f"{len(r.en_sents)} English / {len(r.ar_sents)} Arabic sentences" in example_page
    assert "<body>" in example_page  # two columns
    assert example_page.count("<tr data-e=") == len(r.entities)
    assert 'id="only-low"' in example_page and 'aria-label="entities"' in example_page
    assert "Mohammed Shiaa al-Sudani" in example_page and "محمد شياع السوداني" in example_page


def test_the_page_needs_no_network(example_page):
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", example_page)
    assert "@import" not in example_page and "url(" not in example_page
    assert "default-src 'none'" in example_page
    assert example_page.count("<script") == 1


def test_suggestions_and_one_language_entities_are_marked(example_review, example_page):
    one = [e for e in example_review.entities if len({m.lang for m in e.mentions}) == 1]
    assert one and example_page.count('class="badge one"') == len(one)
    assert example_page.count('class="oneside') == len(one)
    page = render(synthetic_review(20))
    assert '<span class="sugg" title="suggested name, not written in either report: translit, score 0.40">' in page
    assert '<span class="badge">suggested</span>' in page
    assert "only in the English report" not in page  # the markup entity has no mentions on either side
    assert page.count('<tr data-e="') == 5 and page.count(' class="low') == 3  # confidence 0.3, 0.0 and 0.2
    assert page.count("<tr data-e=") == 5


def test_a_hostile_report_cannot_inject_markup_or_reorder_the_page():
    en, ar = hostile_pair(12)
    page = review_html(en, ar, presplit=True, encoder="hash", en_name="<b>en</b>\u202e.txt")
    assert page.count("<script") == 1 and "</script>" not in page.split("<script>")[0]
    assert "<img" not in page and "<b>border" not in page and "<b>en</b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert not BIDI.search(page)
    assert "bidirectional control characters removed" in page
    page = render(synthetic_review(40))
    assert page.count("<script") == 1 and "<i>" not in page and not BIDI.search(page)


def test_clean_strips_bidi_controls_and_unwritable_characters():
    assert clean("a\u202eb\u2067c\u200fd") == "abc\u200fd"  # marks stay, controls go
    assert clean("x\ud800y\x00z\x07") == "x\ufffdy\ufffdz\ufffd"
    review_html("\udcff broken Baghdad text here.", None).encode("utf-8")


def test_rows_keep_document_order_and_place_unlinked_sentences():
    pairs = [Pair((0,), (0,), 0.9), Pair((2,), (1,), 0.8)]
    assert rows_of(pairs, 3, 3) == [
        Row((0,), (0,), 0.9), Row((1,), (), None), Row((2,), (1,), 0.8), Row((), (2,), None),
    ]
    assert [r.en or r.ar for r in rows_of([], 2, 2)] == [(0,), (0,), (1,), (1,)]


def test_one_report_alone_and_unreadable_input():
    page = review_html("Iraqi Prime Minister Mohammed Shiaa al-Sudani visited Baghdad on Sunday.")
    assert "al-Sudani" in page and '<body class="single">' in page and "English, 0 Arabic sentences · one report" in page
    assert "العربية" not in page.split('<section id="entities"')[0].split('id="reports"')[1]
    page = review_html("\x00\x01\x02 binary", "\x00\x00")
    assert "looks binary" in page and "<tr data-e=" not in page


def test_public_api():
    import toolkit

    assert toolkit.review_html is review_html


def test_a_5000_sentence_page_is_written_fast():
    review = synthetic_review(5000)
    t = time.perf_counter()
    page = render(review)
    seconds = time.perf_counter() - t
    assert page.count('<div class="row') == len(review.rows) == 5500
    assert seconds < 10, f"{seconds:.1f} s"


def test_a_5000_sentence_hostile_pair_goes_through_the_pipeline_fast():
    """The whole path, pipeline included (7.3 s here with the default encoder; the bound
    leaves room for a loaded CI machine)."""
    en, ar = hostile_pair(5000)
    t = time.perf_counter()
    page = review_html(en, ar, presplit=True, encoder="hash")
    seconds = time.perf_counter() - t
    assert seconds < 30, f"{seconds:.1f} s"
    assert page.count("<script") == 1 and "&lt;script&gt;alert" in page
    assert page.count('<div class="row') >= 5000


def test_cli_writes_the_page(tmp_path):
    from typer.testing import CliRunner

    from toolkit.cli import app

    root = Path(__file__).resolve().parents[2]

    out = tmp_path / "review.html"
    res = CliRunner().invoke(app, ["review", str(root / "examples/report_en.txt"), str(root / "examples/report_ar.txt"),
                                   "-o", str(out), "--registry", str(tmp_path / "reg.db")])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert "entities filed under" in page and page.startswith("<!DOCTYPE html>")
    en, ar = tmp_path / "en.txt", tmp_path / "ar.txt"
    for path, text in zip((en, ar), hostile_pair(6)):
        path.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(app, ["review", str(en), str(ar), "--presplit", "--encoder", "hash"])
    assert res.exit_code == 0 and res.stdout.count('<div class="row') == 6 and "<img" not in res.stdout
    res = CliRunner().invoke(app, ["review", str(tmp_path / "missing.txt")])
    assert res.exit_code != 0 and "no such file" in res.output
