"""Names the press translates or spells letter by letter, matched across scripts."""

from toolkit.extract.model import RawMention
from toolkit.extract.projection import cross_score, project
from toolkit.extract.translated import is_acronym, spelled_acronym, translates


def en(name, typ="ORG"):
    return RawMention("en", 0, len(name), name, name, typ)


def test_acronyms_spelled_by_letter_names():
    assert is_acronym("CBS") and is_acronym("N.F.L.") and not is_acronym("Cbs")
    assert spelled_acronym("CBS", "سي بي إس") and spelled_acronym("NBC", "إن بي سي")
    assert not spelled_acronym("CBS", "بي بي سي")
    text = "وقالت شبكة سي بي إس إن المقابلة ستبث الليلة."
    m = project(en("CBS"), text, 0, len(text))
    assert m is not None and m.text == "سي بي إس" and text[m.start:m.end] == m.text


def test_translated_words_by_the_learned_table():
    assert translates("court", "المحكمة")
    assert not translates("court", "الصحة")
    assert cross_score("Supreme Court", "المحكمة العليا") > 0.8
    assert cross_score("Supreme Court", "وزارة الصحة") < 0.5


def test_a_common_word_is_not_a_one_word_name():
    assert cross_score("Kim", "قمة") == 0.0  # summit
    assert cross_score("Iraq", "العراق") > 0.9


def test_transliteration_only_when_asked():
    assert cross_score("Senate", "الشيوخ", translated=False) < cross_score("Senate", "الشيوخ")


def test_a_rare_or_madda_word_is_not_a_common_word():
    # ليدل read ل + يدل was seen once in the table's training text ("consent"), and آلدي
    # starts with آ, not the article: both are the shop names they spell.
    assert cross_score("Lidl", "ليدل") > 0.9
    assert cross_score("Aldi", "آلدي") > 0.9
    text = "مواجهة الخصومات التي يقدمها آلدي وليدل بتقديم خدمات أكثر"
    m = project(en("Aldi"), text, 0, len(text))
    assert m is not None and m.text == "آلدي"


def test_a_translated_word_is_found_under_every_clitic_reading():
    # كنيسة is the word church, though ك could be a proclitic ("like"): the whole word wins.
    text = "الذي عزف موسيقى الأجراس في كنيسة ريفرسايد قبل 18 عامًا."
    m = project(en("Riverside Church"), text, 0, len(text))
    assert m is not None and m.text == "كنيسة ريفرسايد"


def test_news_words_of_the_hand_glossary_translate():
    # west and coast: two words of the glossary (toolkit/extract/glossary.tsv) that the
    # learned table does not pair with these Arabic words.
    assert cross_score("West Coast", "الساحل الغربي") > 0.9
    assert cross_score("West Coast", "الساحل الشرقي") < 0.72


def test_arabic_tsh_is_the_sound_of_ch():
    from toolkit.extract.projection import arabic_skeleton, latin_skeleton

    assert arabic_skeleton("فيتشي") == latin_skeleton("Vichy")
    assert cross_score("Chelsea", "تشيلسي") > 0.9


def test_st_is_saint_and_a_word_is_translated_under_its_proclitics():
    assert cross_score("St. Louis", "سانت لويس") == 1.0
    # للجنة = ل + اللجنة, للحزب = ل + الحزب: the glossary reads the stems
    assert cross_score("Republican National Committee", "للجنة الوطنية للحزب الجمهوري") > 0.8


def test_words_are_paired_for_the_best_total_not_greedily():
    # the learned table pairs "ryder" with كأس (it saw "Ryder Cup"): a greedy pass in
    # English order gave Ryder كأس and Cup nothing (0.5)
    from toolkit.extract.scores import token_cover_score

    assert token_cover_score("Ryder Cup", "كأس رايدر") == 1.0
    assert token_cover_score("Champions League", "دوري الأبطال") == 1.0


def test_a_preposition_glued_to_a_translated_word_is_not_part_of_the_name():
    text = "أستاذ العلوم السياسية في كلية ماكسويل بجامعة سيراكيوز لصحيفة ذا هيل"
    m = project(en("Syracuse University"), text, 0, len(text))
    assert m is not None and m.text == "جامعة سيراكيوز"
    text = "بدأ الفريق وورلد فيجن العمل"
    m = project(en("World Vision"), text, 0, len(text))
    assert m is not None and m.text.startswith("وورلد")  # the و of World stays


def test_s_and_z_are_one_sound_class():
    assert cross_score("Rosa", "روزا") == 1.0
    assert cross_score("The Times", "ذا تايمز") > 0.72
