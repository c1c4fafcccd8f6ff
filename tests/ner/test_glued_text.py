"""Arabic words run together: the tagger reads them apart, the mentions point into the text as given."""

from toolkit.ner import find_mentions, find_mentions_many

#: Written for these tests: a short report, then the same with its spaces lost.
SPACED = [
    "قال رئيس الوزراء العراقي إن الحكومة ستعقد اجتماعا في بغداد غدا.",
    "وأضاف أن وفدا من الأمم المتحدة سيزور جامعة القاهرة الأسبوع المقبل.",
    "وقالت وزارة الخارجية في بيان إن المحادثات كانت مثمرة.",
    "ولم يعلق المتحدث باسم الحكومة على هذه التقارير.",
]
GLUED = [s.replace(" ", "") for s in SPACED]


def _names(text: str, mentions) -> list[str]:
    assert all(text[m.start:m.end] == m.text for m in mentions)
    return [m.text.replace(" ", "") for m in mentions]


def test_a_run_together_text_gives_the_names_of_the_spaced_one():
    spaced, glued = "\n".join(SPACED), "\n".join(GLUED)
    found = _names(glued, find_mentions(glued, "ar"))
    assert {"بغداد", "الأممالمتحدة", "جامعةالقاهرة"} <= set(found)
    assert found == _names(spaced, find_mentions(spaced, "ar"))


def test_lines_read_as_one_document_keep_their_own_offsets():
    per_line = find_mentions_many(GLUED, "ar", one_document=True)
    assert len(per_line) == len(GLUED)
    for line, mentions in zip(GLUED, per_line, strict=True):
        _names(line, mentions)
    assert any(m.text == "بغداد" for m in per_line[0])


def test_a_word_joined_after_teh_marbuta_is_found():
    # read as one token, جامعةالقاهرة is no name to the tagger; read apart, it is
    text = "قال رئيس جامعةالقاهرة إن الدراسة ستبدأ غدا."
    mentions = find_mentions(text, "ar")
    assert [(m.text, m.type) for m in mentions] == [("جامعةالقاهرة", "ORG")]
    assert all(text[m.start:m.end] == m.text for m in mentions)
