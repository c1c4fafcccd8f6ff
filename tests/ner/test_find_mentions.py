"""The shipped CRF taggers: spans are slices of the input, scores are probabilities,
and obvious names are found."""

from __future__ import annotations

import json

import pytest

from toolkit.ner import TYPES, NerMention, find_mentions, find_mentions_many, mentions_record, model_path


def _check(text: str, mentions: list[NerMention]) -> None:
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.text and m.text == m.text.strip()
        assert m.type in TYPES
        assert 0.0 <= m.score <= 1.0
        assert m.source in ("crf", "document")
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_models_are_shipped_and_small() -> None:
    for lang in ("en", "ar"):
        path = model_path(lang)
        assert path.is_file()
        assert path.stat().st_size < 10_000_000


def test_english_obvious_names() -> None:
    text = "Barack Obama visited Paris on Monday."
    found = find_mentions(text, "en")
    _check(text, found)
    got = {(m.text, m.type) for m in found}
    assert ("Barack Obama", "PER") in got
    assert ("Paris", "LOC") in got
    assert all(m.text != "Monday" for m in found)


def test_arabic_obvious_names() -> None:
    text = "التقى الرئيس الفرنسي إيمانويل ماكرون في باريس مع وزير الخارجية الأمريكي."
    found = find_mentions(text, "ar")
    _check(text, found)
    got = {(m.text, m.type) for m in found}
    assert ("إيمانويل ماكرون", "PER") in got
    assert ("باريس", "LOC") in got


def test_arabic_leading_conjunction_left_out() -> None:
    text = "زار الوفد بغداد والقاهرة الأسبوع الماضي."
    found = find_mentions(text, "ar")
    _check(text, found)
    assert "القاهرة" in {m.text for m in found}


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("text", ["", " ", "\n\t  "])
def test_empty_input(lang: str, text: str) -> None:
    assert find_mentions(text, lang) == []


def test_mixed_scripts_and_long_line() -> None:
    line = "Joe Biden met Emmanuel Macron in Washington and قال إن واشنطن ستدعم باريس. " * 60
    for lang in ("en", "ar"):
        found = find_mentions(line, lang)
        _check(line, found)
    assert sum(m.text == "Macron" or m.text == "Emmanuel Macron" for m in find_mentions(line, "en")) >= 50


def test_batch_and_record() -> None:
    texts = ["Angela Merkel spoke in Berlin.", "", "No names here."]
    batch = find_mentions_many(texts, "en")
    assert batch == [find_mentions(t, "en") for t in texts]
    rec = mentions_record(texts[0], "en")
    assert json.loads(json.dumps(rec, ensure_ascii=False)) == rec
    assert rec["text"] == texts[0]
    assert set(rec["mentions"][0]) == {"start", "end", "text", "type", "score", "source"}


def test_unknown_language() -> None:
    with pytest.raises(ValueError):
        find_mentions("text", "fr")  # type: ignore[arg-type]


def test_a_tagger_on_the_other_script_proposes_nothing():
    from toolkit.ner import find_mentions

    assert find_mentions("العراق يعزز أمن حدوده الغربية مع تصاعد نشاط الفصائل قرب سوريا", "en") == []
    assert find_mentions("Iraq tightens border security near Syria.", "ar") == []
