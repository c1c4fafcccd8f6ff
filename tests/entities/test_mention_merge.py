"""Rule spans and tagger spans merged: whose edges stand."""

from toolkit.entities.mentions import MentionParams, merge_tagged
from toolkit.extract import RawMention

TEXT = "Detective Inspector Brian O'Hagan said the inquiry had begun."
RULE = RawMention("en", 0, 33, TEXT[:33], TEXT[:33], "PER", "pattern")


def _tagger(score: float, lang: str = "en") -> RawMention:
    return RawMention(lang, 20, 33, TEXT[20:33], TEXT[20:33], "PER", "ner", "", score, extras=(("ner", "1"),))


def test_a_sure_tagger_person_inside_a_pattern_span_takes_its_edges():
    out = merge_tagged(TEXT, [RULE], [_tagger(0.97)], "mid", MentionParams())
    assert [(m.text, m.source) for m in out] == [("Brian O'Hagan", "ner")]


def test_an_unsure_tagger_span_leaves_the_pattern_span():
    out = merge_tagged(TEXT, [RULE], [_tagger(0.6)], "mid", MentionParams())
    assert [(m.text, m.source) for m in out] == [("Detective Inspector Brian O'Hagan", "pattern")]
    assert [m.text for m in merge_tagged(TEXT, [RULE], [_tagger(0.97)], "mid", MentionParams(person_edges=1.01))] == [
        "Detective Inspector Brian O'Hagan"]


def test_a_lexicon_name_keeps_its_edges():
    known = RawMention("en", 0, 33, TEXT[:33], TEXT[:33], "PER", "lexicon", "per:x")
    out = merge_tagged(TEXT, [known], [_tagger(0.99)], "mid", MentionParams())
    assert [(m.text, m.entity_id) for m in out] == [("Detective Inspector Brian O'Hagan", "per:x")]
