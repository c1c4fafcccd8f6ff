"""Issue 13's rules on small fixtures: names have evidence, guesses are suggestions,
confidence follows the evidence, and the tagger's mentions are cleaned the way the
entity list needs (nationality adjectives, headlines, proclitics, common words)."""

import json
from pathlib import Path

import pytest

from toolkit.entities import extract_entities
from toolkit.entities.confidence import Signals, confidence
from toolkit.entities.mentions import MentionParams, headlines, is_weak, outside_headlines, tagged
from toolkit.entities.naming import is_descriptive, wants_suggestion
from toolkit.extract.model import RawMention
from toolkit.normalize.arabic import normalize_arabic
from toolkit.normalize.latin import normalize_latin

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _written(name: str, text: str, lang: str) -> bool:
    if lang == "ar":
        return normalize_arabic(name, "search") in normalize_arabic(text, "search")
    return normalize_latin(name, "search") in normalize_latin(text, "search")


@pytest.fixture(scope="module")
def example():
    en = (EXAMPLES / "report_en.txt").read_text(encoding="utf-8")
    ar = (EXAMPLES / "report_ar.txt").read_text(encoding="utf-8")
    return en, ar, extract_entities(en, ar, encoder="hash")


def test_no_invented_names_on_the_example_pair(example):
    from toolkit.lexdata import shipped_entries

    lexicon = {e.id: e for e in shipped_entries()}
    en, ar, result = example
    for e in result:
        entry = lexicon.get(e.lexicon_id)
        if e.ar:
            assert _written(e.ar, ar, "ar") or (entry and e.ar in (entry.ar, *entry.ar_variants)), e.ar
        if e.en:
            assert _written(e.en, en, "en") or (entry and e.en in (entry.en, *entry.en_variants)), e.en
        for s in (*e.suggested_ar, *e.suggested_en):
            assert s.source == "translit" and 0.0 <= s.score <= 1.0


def test_confidence_varies_with_the_evidence(example):
    _, _, result = example
    scores = {e.confidence for e in result}
    assert len(scores) > 3
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_a_translated_name_gets_no_transliteration():
    en = "The Supreme Court ruled on Monday.\nThe court said the law stands.\n"
    ar = "قالت وزارة الصحة إن الوضع مستقر.\nوأضافت أن العمل مستمر.\n"
    result = extract_entities(en, ar, presplit=True, encoder="hash")
    court = next(e for e in result if "Supreme Court" in (e.en, *e.variants_en))
    assert court.ar == ""  # the Arabic report does not write it
    assert court.suggested_ar == ()  # and سوبريم كورت would be invented


def test_a_person_with_no_counterpart_gets_suggestions_not_a_name():
    en = "Talks were led by Sebastian Kurzweil on Monday.\n"
    ar = "جرت المحادثات يوم الاثنين.\n"
    result = extract_entities(en, ar, presplit=True, encoder="hash")
    person = next(e for e in result if "Kurzweil" in e.en)
    assert person.ar == ""
    assert person.suggested_ar and all(s.source == "translit" for s in person.suggested_ar)
    assert person.to_dict()["suggested_ar"][0]["source"] == "translit"


def test_descriptive_words_are_told_from_names():
    assert is_descriptive("Supreme Court", "en")
    assert is_descriptive("Ministry of Health", "en")
    assert not is_descriptive("Trump", "en")
    assert wants_suggestion("Court Jones", "PER", "en")  # people always
    assert not wants_suggestion("Supreme Court", "ORG", "en")


def test_confidence_rises_with_evidence():
    weak = Signals(pattern_only=True, one_sided=True)
    linked = Signals(lexicon=True, both_sides=True, link=1.0, ner=0.99, mentions=4)
    assert confidence(linked) > 0.9 > confidence(weak)
    assert confidence(Signals(both_sides=True, link=0.95, ner=0.9)) > confidence(Signals(both_sides=True, link=0.7, ner=0.9))


def test_nationality_adjectives_are_not_mentions():
    texts = {m.text for m in tagged("British and Indonesian officials met German envoys in Jakarta.", "en")}
    assert not texts & {"British", "Indonesian", "German"}


def test_a_headline_name_stands_when_the_body_writes_it_else_it_is_weak():
    text = "Republicans Alienating Women Voters Ahead Of Midterms With Kavanaugh Debacle\nThe vote on Kavanaugh is near.\n"
    assert headlines(text, MentionParams()) == [(0, text.index("\n"))]
    junk = RawMention("en", 0, 11, "Republicans", "Republicans", "ORG", "ner")
    start = text.index("Kavanaugh")
    name = RawMention("en", start, start + 9, "Kavanaugh", "Kavanaugh", "PER", "ner")
    kept = outside_headlines(text, [junk, name], MentionParams())
    assert kept[1] == name and is_weak(kept[0]) and not is_weak(kept[1])  # weak: only a link keeps it


def test_a_caption_of_names_links_to_the_other_report():
    from toolkit.entities import extract_entities

    en = "BBC Scotland's Alasdair Lamont at the Tony Macaroni Arena"
    ar = "ألاسدير لامونت، من شبكة بي بي سي اسكتلندا، في ملعب توني ماكاروني"
    pairs = {(e.en, e.ar) for e in extract_entities(en, ar, presplit=True).entities}
    assert ("Alasdair Lamont", "ألاسدير لامونت") in pairs
    alone = {e.en for e in extract_entities(en, "", presplit=True).entities}
    assert "Alasdair Lamont" not in alone  # one report: nothing confirms a headline's guess


def test_arabic_tagger_spans_lose_a_proclitic_that_is_not_part_of_the_name():
    text = "وقال المدرب إن اللاعب وروري ماكدونالد سيشارك في المباراة."
    names = {m.text for m in tagged(text, "ar")}
    assert "روري ماكدونالد" in names and "وروري ماكدونالد" not in names


def test_ner_cli_json(tmp_path):
    import subprocess
    import sys

    f = tmp_path / "lines.txt"
    f.write_text("Barack Obama visited Paris on Monday.\n\nNothing here.\n", encoding="utf-8")
    exe = Path(sys.executable).parent / "toolkit"
    proc = subprocess.run([str(exe), "ner", str(f), "--lang", "en", "--json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 3 and rows[1] == {"text": "", "mentions": []}
    first = rows[0]
    assert {(m["text"], m["type"]) for m in first["mentions"]} >= {("Barack Obama", "PER"), ("Paris", "LOC")}
    for m in first["mentions"]:
        assert first["text"][m["start"]:m["end"]] == m["text"] and 0 <= m["score"] <= 1 and m["source"] == "crf"


def test_ner_cli_missing_file_is_one_line():
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "toolkit"
    proc = subprocess.run([str(exe), "ner", "/nonexistent/file.txt"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "no such file" in proc.stderr and "Traceback" not in proc.stderr


def test_invisible_and_look_alike_characters_do_not_hide_a_name():
    en = "Fighters of Kata\u200bib Hizballah crossed near Al-Qaim.\nKat\u0430eb Hezbollah denied it.\n"
    ar = "عبر مقاتلون من كتائب\u200fحزب الله قرب القائم.\nونفت كتا\u200dئب حزب الله ذلك.\n"
    result = extract_entities(en, ar, presplit=True, encoder="hash")
    kh = [e for e in result if e.lexicon_id == "org:kataeb-hezbollah"]
    assert len(kh) == 1
    texts = {"en": en, "ar": ar}
    assert len(kh[0].mentions) == 4
    for m in kh[0].mentions:  # offsets and texts are the original's, hidden characters included
        assert texts[m.lang][m.start:m.end] == m.text
    assert any("invisible or look-alike" in msg for msg in result.messages)


def test_a_title_and_for_before_a_tagged_name_is_left_out():
    from toolkit.entities.mentions import _without_title

    m = RawMention("en", 10, 48, "Spokesman for Air Navigation Indonesia", "Spokesman for Air Navigation Indonesia", "ORG", "ner")
    cut = _without_title(m)
    assert (cut.start, cut.text) == (24, "Air Navigation Indonesia")
    # "Secretary of State" is a title, not a title before a name: left alone
    keep = RawMention("en", 0, 18, "Secretary of State", "Secretary of State", "MISC", "ner")
    assert _without_title(keep) == keep


def test_words_run_together_are_not_names():
    from toolkit.entities.mentions import _glued

    assert _glued("فريقإيبروكس") and _glued("MoveOnيوم")
    assert not any(_glued(w) for w in ("الإندونيسي", "وإيران", "بالإضافة", "لإسرائيل", "إيران"))


def test_a_lexicon_country_inside_a_longer_tagger_name_gives_way():
    from toolkit.entities import extract_entities
    from toolkit.extract.scores import cross_score

    assert cross_score("U.S. Navy", "البحرية الأمريكية") >= 0.9  # U.S. read as one word, a glossary adjective
    en = "The airline and the U.S. Navy both said the plane landed in the lagoon."
    ar = "صرح كل من شركة الطيران وقوات البحرية الأمريكية، بأن الطائرة سقطت في بحيرة لاجون."
    names = {e.en for e in extract_entities(en, ar, presplit=True).entities}
    assert "U.S. Navy" in names
