"""Arabic mentions: clitic stripping with exact offsets, cue words, weak one-word hits."""

import pytest

from toolkit.extract import Gazetteer, clitic_readings, extract_arabic
from toolkit.lexdata import Entry

GAZ = Gazetteer([
    Entry("org:kh", "ORG", "Kataeb Hezbollah", "كتائب حزب الله"),
    Entry("loc:qaim", "LOC", "Al-Qaim", "القائم"),
    Entry("loc:anbar", "LOC", "Anbar", "الأنبار", (), ("محافظة الأنبار",)),
    Entry("org:pmf", "ORG", "Popular Mobilisation Forces", "هيئة الحشد الشعبي", (), ("الحشد الشعبي",), ("الحشد",)),
    Entry("loc:gharbia", "LOC", "Gharbia", "الغربية"),
    Entry("org:sov", "ORG", "Sovereignty Alliance", "تحالف السيادة", (), ("السيادة",)),
])


@pytest.mark.parametrize(
    "word, name",
    [
        ("والقائم", "القائم"), ("فالقائم", "القائم"), ("بالقائم", "القائم"), ("وبالقائم", "القائم"),
        ("كالقائم", "القائم"), ("للقائم", "لقائم"), ("القائم", "القائم"),
    ],
)
def test_clitics_are_stripped_with_exact_offsets(word, name):
    text = f"قالوا إن {word} هادئة"
    ms = extract_arabic(text, GAZ)
    assert [m.entity_id for m in ms] == ["loc:qaim"]
    m = ms[0]
    assert text[m.start:m.end] == m.text == name


def test_offsets_survive_diacritics_and_tatweel():
    text = "وَبِالقـائِمِ قتال"
    ms = extract_arabic(text, GAZ)
    assert len(ms) == 1
    assert text[ms[0].start:ms[0].end] == ms[0].text
    assert ms[0].text.startswith("ال")


def test_multiword_name_with_prefix():
    text = "ومقاتلو وكتائب حزب الله عبروا"
    ms = extract_arabic(text, GAZ)
    assert [(m.text, m.entity_id) for m in ms] == [("كتائب حزب الله", "org:kh")]


def test_readings_include_the_contracted_article():
    stems = [stem for _, stem in clitic_readings("للحشد")]
    assert "الحشد" in stems


def test_person_cue_keeps_title_apart():
    text = "وقال رئيس الوزراء العراقي محمد شياع السوداني إن الحدود آمنة"
    ms = extract_arabic(text, GAZ)
    per = [m for m in ms if m.type == "PER"]
    assert [m.text for m in per] == ["محمد شياع السوداني"]
    assert per[0].title.startswith("رئيس الوزراء")


def test_nisba_name_ends_a_person_name():
    ms = extract_arabic("والتقى اللواء كريم عبد الستار الجبوري بقادة العشائر", GAZ)
    assert [m.text for m in ms if m.type == "PER"] == ["كريم عبد الستار الجبوري"]


def test_definite_common_noun_is_not_a_cue():
    assert [m.text for m in extract_arabic("انسحبت القوات الأمريكية من المنطقة الحدودية", GAZ)] == []


def test_organisation_cue_absorbs_a_known_place():
    ms = extract_arabic("اجتماع مع قادة في قيادة عمليات الأنبار أمس", GAZ)
    assert [(m.text, m.type) for m in ms] == [("قيادة عمليات الأنبار", "ORG")]


def test_adjective_after_a_noun_is_not_a_place():
    assert extract_arabic("عزز الجيش الحدود الغربية", GAZ) == []


def test_one_word_for_a_longer_organisation_is_weak():
    ms = extract_arabic("انتهاك للسيادة", GAZ)
    assert all(("weak", "1") in m.extras for m in ms)


def test_a_title_in_the_lexicon_stays_a_title():
    gaz = Gazetteer([Entry("org:liwaa", "ORG", "Al-Liwaa", "اللواء")])
    ms = extract_arabic("وقال اللواء كريم عبد الستار الجبوري إن الحدود آمنة", gaz)
    assert [(m.text, m.title) for m in ms] == [("كريم عبد الستار الجبوري", "اللواء")]
