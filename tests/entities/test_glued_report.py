"""An Arabic report whose words run together: read with spaces put back, reported as given."""

from toolkit.entities import Document, extract_entities
from toolkit.entities.texts import CheckTexts
from toolkit.extract import Gazetteer
from toolkit.lexdata import Entry

GAZ = Gazetteer([
    Entry("org:kh", "ORG", "Kataeb Hezbollah", "كتائب حزب الله", (), (), ("KH",)),
    Entry("loc:qaim", "LOC", "Al-Qaim", "القائم", ("Qaim",)),
])
EN = (
    "Fighters of Kataeb Hezbollah crossed near Al-Qaim on Sunday.\n"
    "The Prime Minister said the government would meet in Baghdad tomorrow.\n"
    "The Foreign Ministry said in a statement that the talks were fruitful.\n"
)
AR_SPACED = (
    "عبر مقاتلون من كتائب حزب الله قرب القائم يوم الأحد.\n"
    "قال رئيس الوزراء إن الحكومة ستعقد اجتماعا في بغداد غدا.\n"
    "وقالت وزارة الخارجية في بيان إن المحادثات كانت مثمرة.\n"
)
AR = AR_SPACED.replace(" ", "")


def test_the_view_puts_spaces_back_and_says_so():
    doc = Document(EN, AR)
    CheckTexts()(doc)
    assert doc.ar_original == AR
    assert doc.ar_text.split() == AR_SPACED.split()
    assert any("runs words together" in m for m in doc.messages)


def test_mentions_and_names_point_into_the_text_as_given():
    result = extract_entities(EN, AR, gazetteer=GAZ, presplit=True, encoder="hash", translit_model=False)
    by_id = {e.lexicon_id or e.id: e for e in result.entities}
    kh = by_id["org:kh"]
    ar = [m for m in kh.mentions if m.lang == "ar"]
    assert ar and all(AR[m.start:m.end] == m.text for m in ar)
    assert ar[0].text == "كتائبحزبالله"
    for e in result.entities:
        for m in e.mentions:
            assert (AR if m.lang == "ar" else EN)[m.start:m.end] == m.text
        assert not e.ar or e.ar in AR or e.ar in {"كتائب حزب الله", "القائم"}  # a report span or a lexicon name


def test_sentences_map_back_for_the_review_page():
    from toolkit.entities import build_pipeline

    doc = Document(EN, AR)
    CheckTexts()(doc)
    build_pipeline(GAZ, presplit=True, encoder="hash", translit_model=False)(doc)
    sents = doc.sentences_as_given("ar")
    assert [s.text for s in sents] == AR.splitlines()
    assert all(AR[s.start:s.end] == s.text for s in sents)


def test_an_ordinary_report_is_read_as_it_is():
    doc = Document(EN, AR_SPACED)
    CheckTexts()(doc)
    assert doc.ar_text == AR_SPACED and doc.ar_original is None and not doc.ar_inserted


def test_an_alignment_computed_on_the_text_as_given_is_moved_to_the_view():
    # toolkit align --entities aligns the files as given, then builds the entity list
    from toolkit.align import align_reports

    alignment = align_reports(EN, AR, presplit=True, encoder="hash")
    with_it = extract_entities(EN, AR, gazetteer=GAZ, presplit=True, encoder="hash", translit_model=False,
                               alignment=alignment)
    without = extract_entities(EN, AR, gazetteer=GAZ, presplit=True, encoder="hash", translit_model=False)
    names = lambda r: sorted((e.en, e.ar, tuple((m.start, m.end) for m in e.mentions)) for e in r.entities)  # noqa: E731
    assert names(with_it) == names(without)
    from toolkit.entities import build_pipeline

    doc = Document(EN, AR)
    CheckTexts()(doc)
    build_pipeline(GAZ, presplit=True, encoder="hash", translit_model=False, alignment=alignment)(doc)
    assert [s.text for s in doc.ar_sents] == doc.ar_text.splitlines()  # the view's sentences, not the file's offsets
    assert all(doc.ar_text[s.start:s.end] == s.text for s in doc.ar_sents)
    for e in with_it.entities:
        for m in e.mentions:
            assert (AR if m.lang == "ar" else EN)[m.start:m.end] == m.text
