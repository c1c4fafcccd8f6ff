"""English mentions: lexicon hits with case rules, patterns, titles, acronyms, offsets."""

from toolkit.extract import Gazetteer, extract_english
from toolkit.lexdata import Entry

GAZ = Gazetteer([
    Entry("org:kh", "ORG", "Kataeb Hezbollah", "كتائب حزب الله", ("Kata'ib Hizballah",), (), ("KH",)),
    Entry("org:hezbollah", "ORG", "Hezbollah", "حزب الله"),
    Entry("loc:qaim", "LOC", "Al-Qaim", "القائم", ("Qaim",)),
    Entry("loc:anbar", "LOC", "Anbar", "الأنبار"),
    Entry("org:pmf", "ORG", "Popular Mobilisation Forces", "هيئة الحشد الشعبي", (), ("الحشد الشعبي",), ("PMF",)),
])


def spans(text: str):
    return [(m.text, m.type, m.source, m.entity_id) for m in extract_english(text, GAZ)]


def test_offsets_point_at_the_text():
    text = "Fighters of Kata'ib Hizballah crossed near al-Qaim, said Prime Minister Mohammed Shiaa al-Sudani."
    ms = extract_english(text, GAZ)
    assert ms, "mentions expected"
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_longest_lexicon_match_wins_over_shorter_name():
    got = spans("Kataeb Hezbollah is not Hezbollah.")
    assert ("Kataeb Hezbollah", "ORG", "lexicon", "org:kh") in got
    assert ("Hezbollah", "ORG", "lexicon", "org:hezbollah") in got
    assert len(got) == 2


def test_case_rules_reject_lower_case_and_mixed_case_acronyms():
    assert spans("the kh unit and the anbar desert") == []
    assert spans("The Kh said") == []
    assert ("KH", "ORG", "lexicon", "org:kh") in spans("Officials said KH denied it.")


def test_title_is_stripped_but_kept():
    ms = extract_english("Iraqi Prime Minister Mohammed Shiaa al-Sudani ordered it.", GAZ)
    person = [m for m in ms if m.type == "PER"]
    assert [m.text for m in person] == ["Mohammed Shiaa al-Sudani"]
    assert person[0].title == "Prime Minister"


def test_particles_join_the_name_and_a_hyphenated_article_opens_it():
    ms = extract_english("He met Deir ez-Zor officials, and al-Jubouri said so.", GAZ)
    texts = [m.text for m in ms]
    assert "Deir ez-Zor" in texts
    assert "al-Jubouri" in texts


def test_acronym_defined_in_parentheses():
    text = "The Syrian Democratic Forces (SDF) moved. Later the SDF said no."
    ms = extract_english(text, GAZ)
    sdf = [m for m in ms if m.text == "SDF"]
    assert len(sdf) == 2
    assert all(m.acronym_of == "Syrian Democratic Forces" for m in sdf)


def test_sentence_initial_word_is_not_a_name_unless_capitalized_elsewhere():
    assert spans("Officials said nothing.") == []
    assert [t for t, *_ in spans("Tarmiyah fell. They left Tarmiyah.")] == ["Tarmiyah", "Tarmiyah"]


def test_organisation_cue_absorbs_a_known_place():
    ms = extract_english("the commander of the Anbar Operations Command said", GAZ)
    assert [(m.text, m.type) for m in ms] == [("Anbar Operations Command", "ORG")]


def test_possessive_is_not_part_of_the_name():
    ms = extract_english("It tests al-Sudani's promise.", GAZ)
    assert [m.text for m in ms] == ["al-Sudani"]
