"""Overlong input (issue 14 item 9): sentences are cut into bounded pieces before
encoding, the splitter stays linear, and alignment of a huge single line finishes."""

from __future__ import annotations

import time
from pathlib import Path

from toolkit.align import align_reports, split_lines, split_sentences
from toolkit.align.sentences import SPLIT, cut_long
from toolkit.align.types import Sentence

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _no_punctuation_line(size: int) -> str:
    words = ["militia", "Baghdad", "commander", "statement", "forces", "2024", "border", "talks"]
    out: list[str] = []
    total = 0
    k = 0
    while total < size:
        word = words[k % len(words)] + ("," if k % 17 == 0 else "")
        out.append(word)
        total += len(word) + 1
        k += 1
    return " ".join(out)


def _check_pieces(text: str, pieces: list[Sentence]) -> None:
    assert pieces
    for piece in pieces:
        assert 0 < len(piece.text) <= SPLIT.max_chars
        assert text[piece.start : piece.end] == piece.text
        assert piece.text == piece.text.strip()
    assert all(a.end <= b.start for a, b in zip(pieces, pieces[1:]))
    # nothing lost: the pieces hold every non-space character, in order
    assert "".join(p.text for p in pieces).replace(" ", "") == text.replace(" ", "")


def test_a_200kb_line_without_punctuation_is_cut_into_bounded_pieces() -> None:
    text = _no_punctuation_line(200_000)
    assert len(text) >= 200_000 and "\n" not in text
    pieces = split_sentences(text, "en")
    _check_pieces(text, pieces)
    assert len(pieces) >= 200_000 // SPLIT.max_chars
    # cut at whitespace: no word is broken
    assert all(text[p.end : p.end + 1] in ("", " ") for p in pieces)


def test_offsets_point_into_the_text_with_a_prefix_and_no_whitespace() -> None:
    body = "X" + "x" * 4_999
    text = "Short first sentence. " + body
    pieces = split_sentences(text, "en")
    assert pieces[0].text == "Short first sentence."
    _check_pieces(text, pieces)
    assert [len(p.text) for p in pieces[1:]] == [2000, 2000, 1000]  # hard cuts


def test_normal_sentences_are_not_cut() -> None:
    text = (EXAMPLES / "report_en.txt").read_text(encoding="utf-8")
    sentence = Sentence("A normal sentence.", 0, 18)
    assert cut_long("A normal sentence.", sentence) == [sentence]
    assert max(len(s.text) for s in split_sentences(text, "en")) < SPLIT.max_chars


def test_presplit_lines_stay_whole() -> None:
    text = _no_punctuation_line(10_000) + "\nsecond line\n"
    lines = split_lines(text)
    assert len(lines) == 2 and len(lines[0].text) >= 10_000


def test_the_splitter_is_linear_on_a_1mb_single_line() -> None:
    report = " ".join((EXAMPLES / "report_en.txt").read_text(encoding="utf-8").split())
    text = " ".join([report] * (1_000_000 // len(report)))
    start = time.perf_counter()
    sentences = split_sentences(text, "en")
    elapsed = time.perf_counter() - start
    assert elapsed < 15.0, elapsed  # 0.3 s measured; the quadratic splitter took minutes
    assert len(sentences) > 5_000
    assert all(text[s.start : s.end] == s.text for s in sentences[:: 97])


def test_align_reports_on_a_200kb_single_line_runs_in_bounded_time() -> None:
    en = _no_punctuation_line(200_000)
    ar = " ".join(["الفصائل", "بغداد", "القائد", "بيان", "القوات", "2024", "الحدود"] * 4_000)
    start = time.perf_counter()
    result = align_reports(en, ar, encoder="hash")
    elapsed = time.perf_counter() - start
    assert elapsed < 60.0, elapsed  # 0.2 s measured on the shared 2-core machine
    assert len(result.en) >= 100 and len(result.ar) >= 50
    assert all(len(s.text) <= SPLIT.max_chars for s in result.en + result.ar)
    linked_en = sorted(i for link in result.links for i in link.en)
    assert linked_en == list(range(len(result.en)))  # every piece appears once
