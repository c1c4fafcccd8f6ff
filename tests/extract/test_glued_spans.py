"""An English name projected into Arabic words a translator ran together."""

import pytest

from toolkit.extract import RawMention
from toolkit.extract.glued_spans import GluedSpanParams, project_glued


def _en(name: str, typ: str = "PER") -> RawMention:
    return RawMention("en", 0, len(name), name, name, typ, "ner")


@pytest.mark.parametrize("name, ar, forms, found", [
    ("Ovie Ejaria", "وهجمة مكسورة منأوفي إيجاريا.", (), "أوفي إيجاريا"),  # a head word run in: من
    ("Mike Pompeo", "قال مايكبومبيو إن المحادثات", (), "مايكبومبيو"),  # read with a space inside
    ("Security Council", "وجوب مكافأة مجلسالأمن الدولي", (), "مجلسالأمن"),  # by meaning
    ("China", "مناقشة الصينوروسيابشأن وجوب", ("الصين",), "الصين"),
    ("Russia", "مناقشة الصينوروسيابشأن وجوب", ("روسيا",), "روسيا"),  # without its و
])
def test_a_name_inside_a_word_is_found_as_the_report_writes_it(name, ar, forms, found):
    m = project_glued(_en(name), ar, 0, len(ar), [], arabic_forms=forms)
    assert m is not None and m.text == found and ar[m.start:m.end] == found
    assert m.source == "projection" and ("glued", "1") in m.extras


def test_no_evidence_no_span():
    ar = "مناقشة الصينوروسيابشأن وجوب"
    # China sounds like شأن ("matter"), a common word: never a one-word name inside a word
    assert project_glued(_en("China", "LOC"), ar, 0, len(ar), []) is None
    # whole words are the ordinary projection's: nothing here when no word is run together
    spaced = "سجل مايك بومبيو هدفا"
    assert project_glued(_en("Mike Pompeo"), spaced, 0, len(spaced), []) is None
    # a span over a mention already taken is not offered
    ar2 = "قال مايكبومبيو إن"
    assert project_glued(_en("Mike Pompeo"), ar2, 0, len(ar2), [(4, 14)]) is None
    # the bar is the parameter's
    assert project_glued(_en("Mike Pompeo"), ar2, 0, len(ar2), [], params=GluedSpanParams(threshold=1.01)) is None


@pytest.mark.parametrize("span, name", [
    ("سنوب دوغالذي", "سنوب دوغ"),  # Snoop Dogg + الذي
    ("كريس روكقامبتحميل", "كريس روك"),  # Chris Rock + قام بتحميل
    ("سوتوبو بورو نوجروهو", "سوتوبو بورو نوجروهو"),  # Nugroho ends in وهو: kept
    ("فيردر بريمن", "فيردر بريمن"),  # Bremen ends in من: two letters, kept
    ("جامعة القاهرة", "جامعة القاهرة"),  # known words: never looked into
    ("منأوفي إيجاريا", "منأوفي إيجاريا"),  # the start is never moved
])
def test_a_tagger_span_ends_where_the_name_does(span, name):
    from toolkit.extract.glued_spans import trim_glued

    text = "قال " + span + " أمس"
    start, end = trim_glued(text, 4, 4 + len(span))
    assert text[start:end] == name
