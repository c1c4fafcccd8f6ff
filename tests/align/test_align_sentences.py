"""Sentence splitting: rules for English and Arabic news, offsets into the input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.align import split_lines, split_sentences


def texts(text: str, lang: str = "en") -> list[str]:
    return [s.text for s in split_sentences(text, lang)]


def test_english_abbreviations_numbers_and_initials() -> None:
    text = "Dr. Smith of the U.S. Army arrived at 3.5 p.m. on Jan. 5. He met J. Doe. No. 10 was closed."
    assert texts(text) == [
        "Dr. Smith of the U.S. Army arrived at 3.5 p.m. on Jan. 5.",
        "He met J. Doe.",
        "No. 10 was closed.",
    ]


def test_dotted_acronym_ends_a_sentence_before_a_typical_opener() -> None:
    assert texts("He moved to the U.S. The move was quick.") == ["He moved to the U.S.", "The move was quick."]


def test_quotations_are_not_split_and_closing_quotes_stay() -> None:
    text = "“We will win. They will lose,” he said. She agreed. \"Yes. Of course.\" Then silence."
    assert texts(text) == [
        "“We will win. They will lose,” he said.",
        "She agreed.",
        "\"Yes. Of course.\"",
        "Then silence.",
    ]


def test_arabic_punctuation_comma_abbreviation_and_guillemets() -> None:
    text = "قال د. أحمد إن الوضع صعب، لكنه تحسن. وأضاف «هذا جيد. جدا» للصحفيين؟ نعم؛ ثم غادر!"
    assert texts(text, "ar") == [
        "قال د. أحمد إن الوضع صعب، لكنه تحسن.",
        "وأضاف «هذا جيد. جدا» للصحفيين؟",
        "نعم؛",
        "ثم غادر!",
    ]


def test_headlines_bullets_and_wrapped_lines() -> None:
    text = "Storm hits the coast\n\nThousands fled on Monday.\n- roads closed\n- schools shut\nThe storm was\nweaker than feared."
    assert texts(text) == [
        "Storm hits the coast",
        "Thousands fled on Monday.",
        "- roads closed",
        "- schools shut",
        "The storm was\nweaker than feared.",
    ]


def test_offsets_point_into_the_original_text() -> None:
    text = "  First one.  Second one?\n\n«ثالث» هنا.  "
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_presplit_keeps_line_numbers_including_empty_lines() -> None:
    lines = split_lines("one\n\n three \nfour\n")
    assert [s.text for s in lines] == ["one", "", "three", "four"]
    assert lines[2].start == 6 and lines[2].end == 11


def test_empty_text() -> None:
    assert split_sentences("") == [] and split_sentences("  \n\n ") == []
    assert split_lines("") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .?!،؛؟«»“”\"\nDr.U.S 12ابت")), max_size=120))
def test_sentences_are_ordered_non_overlapping_slices(text: str) -> None:
    previous_end = 0
    for sentence in split_sentences(text):
        assert sentence.text and sentence.text == sentence.text.strip()
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= previous_end
        previous_end = sentence.end
    # nothing but whitespace is lost
    covered = "".join(s.text for s in split_sentences(text))
    assert covered.replace(" ", "").replace("\n", "") == "".join(text.split())
