"""Cross-script scores and projection of an English name into an Arabic sentence."""

from toolkit.extract import RawMention, cross_score, project


def en(name: str, typ: str = "PER") -> RawMention:
    return RawMention("en", 0, len(name), name, name, typ)


def test_cross_script_scores_separate_same_and_different_names():
    assert cross_score("Mohammed Shiaa al-Sudani", "محمد شياع السوداني") > 0.9
    assert cross_score("Washington", "واشنطن") > 0.8
    assert cross_score("Iraqi News Agency", "وكالة الأنباء العراقية") > 0.8  # glossary words
    assert cross_score("Ahmed Jassim al-Khafaji", "جاسم") < 0.7
    assert cross_score("Hamid al-Karbouli", "محمد شياع السوداني") < 0.5


def test_projection_finds_the_span_and_strips_clitics():
    text = "وأضاف الجبوري أن الدوريات ستبدأ، وقال للخفاجي إن الوضع هادئ"
    m = project(en("al-Jubouri"), text, 0, len(text))
    assert m is not None and m.text == "الجبوري" and text[m.start:m.end] == m.text
    m = project(en("Khafaji"), text, 0, len(text))
    assert m is not None and text[m.start:m.end] == m.text and m.text.endswith("خفاجي")


def test_projection_does_not_take_function_words_or_taken_spans():
    text = "قال أحمد جاسم الخفاجي إن القوات منتشرة"
    m = project(en("Ahmed Jassim al-Khafaji"), text, 0, len(text))
    assert m is not None and m.text == "أحمد جاسم الخفاجي"
    start = text.index("أحمد")
    assert project(en("Ahmed Jassim al-Khafaji"), text, 0, len(text), [(start, start + 4)], threshold=0.95) is None


def test_projection_gives_up_below_threshold():
    text = "انعقد الاجتماع في القاعة الكبرى"
    assert project(en("Hamid al-Karbouli"), text, 0, len(text)) is None


def test_a_possessive_is_scored_written_and_unwritten():
    from toolkit.extract.scores import cross_score

    assert cross_score("Palu's Army Hospital", "مستشفى بالو العسكري") >= 0.9  # the Arabic drops the 's
    assert cross_score("McDonald's", "ماكدونالدز") >= 0.9  # a brand keeps it
