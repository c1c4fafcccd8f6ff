"""The links stage: a sure projection corrects the tagger's span edge."""

from toolkit.entities.document import Document, Pair, Sent
from toolkit.entities.link import LinkParams
from toolkit.entities.linking import LinkMentions
from toolkit.entities.texts import CheckTexts
from toolkit.extract import Gazetteer, RawMention

EN = "Indonesian President Joko Widodo arrived in Palu on Sunday."
AR = "الرئيس الإندونيسي جوكو ويدودو وصل لمدينة بالو يوم الأحد."


def one_pair(en: str, ar: str) -> Document:
    """A report pair of one sentence a side, aligned."""
    doc = Document(en, ar)
    CheckTexts()(doc)
    doc.en_sents, doc.ar_sents = [Sent(en, 0, len(en))], [Sent(ar, 0, len(ar))]
    doc.pairs = [Pair((0,), (0,), 1.0)]
    return doc


def linked(params: LinkParams) -> list[tuple[str, str]]:
    doc = one_pair(EN, AR)
    s = EN.index("Joko Widodo")
    doc.en_mentions = [RawMention("en", s, s + 11, "Joko Widodo", "Joko Widodo", "PER", "ner", "", 0.99).with_sentence(0)]
    a = AR.index("الإندونيسي جوكو")
    # The tagger's span starts one word early and stops one word short.
    doc.ar_mentions = [RawMention("ar", a, a + 15, AR[a:a + 15], AR[a:a + 15], "PER", "ner", "", 0.6).with_sentence(0)]
    LinkMentions(Gazetteer([]), params)(doc)
    return [(doc.en_mentions[l.en].text, doc.ar_mentions[l.ar].text) for l in doc.links]


def test_a_sure_projection_takes_over_an_unlinked_tagger_span():
    assert linked(LinkParams()) == [("Joko Widodo", "جوكو ويدودو")]


def test_without_the_takeover_the_wrong_edge_stays():
    # The same document with takeovers off: the projection must go around the tagger's
    # span and finds a worse one (this is what the takeover fixes).
    assert linked(LinkParams(ner_takeover=1.01, ner_soft_score=0.0)) != [("Joko Widodo", "جوكو ويدودو")]


def test_a_linked_span_takes_the_edges_its_partner_projects():
    en = "The first shop opened last week in Croydon, south London."
    ar = "تم افتتاح المتجر الأول الأسبوع الماضي في كريدون بجنوب لندن."
    doc = one_pair(en, ar)
    s, a = en.index("Croydon"), ar.index("كريدون") + 1  # the tagger took ك for "like"
    doc.en_mentions = [RawMention("en", s, s + 7, "Croydon", "Croydon", "LOC", "ner", "", 0.99).with_sentence(0)]
    doc.ar_mentions = [RawMention("ar", a, a + 5, "ريدون", "ريدون", "LOC", "ner", "", 0.7).with_sentence(0)]
    LinkMentions(Gazetteer([]))(doc)
    assert [doc.ar_mentions[l.ar].text for l in doc.links] == ["كريدون"]


def test_a_word_after_a_title_cue_is_scored_by_its_sound():
    from toolkit.entities.linking import score_fn

    score = score_fn(Gazetteer([]))
    e = RawMention("en", 0, 6, "Fleiss", "Fleiss", "PER", "ner")
    cue = RawMention("ar", 6, 10, "فليس", "فليس", "PER", "cue")
    plain = RawMention("ar", 6, 10, "فليس", "فليس", "PER", "ner")
    assert score(e, cue)[0] >= 0.7 > score(e, plain)[0]  # فليس is also "so it is not"


def test_a_name_gets_a_second_try_after_another_took_over_the_tagger_span():
    en = "a professor at Syracuse University's Maxwell School told The Hill"
    ar = "أستاذ في كلية ماكسويل بجامعة سيراكيوز لصحيفة ذا هيل"
    doc = one_pair(en, ar)
    ms = []
    for name, typ in (("Syracuse University", "ORG"), ("Maxwell School", "ORG")):
        s = en.index(name)
        ms.append(RawMention("en", s, s + len(name), name, name, typ, "ner", "", 0.99).with_sentence(0))
    doc.en_mentions = ms
    a = ar.index("كلية")
    span = "كلية ماكسويل بجامعة سيراكيوز"  # the tagger ran the two names together
    doc.ar_mentions = [RawMention("ar", a, a + len(span), span, span, "ORG", "ner", "", 0.6).with_sentence(0)]
    LinkMentions(Gazetteer([]))(doc)
    got = {doc.en_mentions[l.en].text: doc.ar_mentions[l.ar].text for l in doc.links}
    assert got == {"Maxwell School": "كلية ماكسويل", "Syracuse University": "جامعة سيراكيوز"}


def _kent(params: LinkParams, score: float) -> list[str]:
    en = "Rangers winger Ryan Kent scored twice on Saturday."
    ar = "سجل جناح رينجرز ريان كينت هدفين يوم السبت."
    doc = one_pair(en, ar)
    s, a = en.index("Ryan Kent"), ar.index("ريان")
    doc.en_mentions = [RawMention("en", s, s + 9, "Ryan Kent", "Ryan Kent", "PER", "ner", "", 0.99).with_sentence(0)]
    # the tagger hesitated: one word of the name, as a place
    doc.ar_mentions = [RawMention("ar", a, a + 4, "ريان", "ريان", "LOC", "ner", "", score).with_sentence(0)]
    LinkMentions(Gazetteer([]), params)(doc)
    return [doc.ar_mentions[l.ar].text for l in doc.links]


def test_a_projection_takes_over_a_span_the_tagger_was_unsure_of():
    assert _kent(LinkParams(), 0.41) == ["ريان كينت"]
    # a sure tagger span is not taken over by a projection below ner_takeover ...
    assert _kent(LinkParams(ner_takeover=1.01), 0.95) != ["ريان كينت"]
    # ... and without the rule the unsure one is not either
    assert _kent(LinkParams(ner_takeover=1.01, ner_soft_score=0.0), 0.41) != ["ريان كينت"]


def _projected(en: str, ar: str, name: str, params: LinkParams = LinkParams()) -> list[str]:
    doc = one_pair(en, ar)
    s = en.index(name)
    doc.en_mentions = [RawMention("en", s, s + len(name), name, name, "LOC", "ner", "", 0.9).with_sentence(0)]
    LinkMentions(Gazetteer([]), params)(doc)
    return [doc.ar_mentions[l.ar].text for l in doc.links]


def test_a_one_word_name_is_projected_by_sound_not_by_translation():
    # A tagger that cut "Brigham and Women's Hospital" apart leaves "Hospital": its
    # translation, مستشفى, is a common noun of the Arabic report, not a name.
    en, ar = "He works at the Hospital in Boston.", "يعمل في مستشفى في بوسطن."
    assert _projected(en, ar, "Hospital") == []
    assert _projected(en, ar, "Hospital", LinkParams(translate_one_word=True)) == ["مستشفى"]
    assert _projected(en, ar, "Boston") == ["بوسطن"]
    # names of several words still link by their translated words
    en2, ar2 = "He works at the Supreme Court in Boston.", "يعمل في المحكمة العليا في بوسطن."
    assert _projected(en2, ar2, "Supreme Court") == ["المحكمة العليا"]


def test_a_projection_onto_a_run_in_word_narrows_to_the_known_name():
    from toolkit.lexdata import Entry

    gaz = Gazetteer([Entry("loc:london", "LOC", "London", "لندن")])
    en, ar = "The concert in London drew thousands.", "اجتذب الحفل في لندنفي الأسبوع الآلاف."
    doc = one_pair(en, ar)
    s = en.index("London")
    doc.en_mentions = [RawMention("en", s, s + 6, "London", "London", "LOC", "lexicon", "loc:london", 1.0).with_sentence(0)]
    LinkMentions(gaz)(doc)
    assert [doc.ar_mentions[l.ar].text for l in doc.links] == ["لندن"]
