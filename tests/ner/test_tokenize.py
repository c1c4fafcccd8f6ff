"""The NER tokenizer cuts like the training corpora and never loses an offset."""

from __future__ import annotations

import pytest

from toolkit.ner import tokenize


def _words(text: str) -> list[str]:
    toks = tokenize(text)
    assert all(text[t.start:t.end] == t.text for t in toks)
    return [t.text for t in toks]


def test_english_like_conll() -> None:
    assert _words("Obama's visit to the U.S. on 1996-08-22, Mr. Smith (AT&T) said.") == [
        "Obama", "'s", "visit", "to", "the", "U.S.", "on", "1996-08-22", ",", "Mr.", "Smith",
        "(", "AT&T", ")", "said", ".",
    ]


def test_hyphens_apostrophes_numbers() -> None:
    assert _words("O'Brien left Al-Qaim in the 1990s with 3.5% and 10,000") == [
        "O'Brien", "left", "Al-Qaim", "in", "the", "1990s", "with", "3.5", "%", "and", "10,000",
    ]


def test_arabic_punctuation_split_clitics_kept() -> None:
    assert _words("أعلن الاتحاد في ألمانيا، والقاهرة؟ (د ب أ)") == [
        "أعلن", "الاتحاد", "في", "ألمانيا", "،", "والقاهرة", "؟", "(", "د", "ب", "أ", ")",
    ]


def test_harakat_and_tatweel_stay_in_the_word() -> None:
    assert _words("مُحَمَّد الســوداني") == ["مُحَمَّد", "الســوداني"]


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty(text: str) -> None:
    assert tokenize(text) == []


def test_mixed_scripts_offsets() -> None:
    text = "قال Joe Biden إن   واشنطن\u200c ستدعم NATO."
    words = _words(text)
    assert "Joe" in words and "Biden" in words and "واشنطن" in words and "NATO" in words
