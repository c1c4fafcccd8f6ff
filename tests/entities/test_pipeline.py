"""The pipeline on small pairs, garbage input, single-language mode and outputs."""

import csv
import io
import json

from toolkit.entities import extract_entities
from toolkit.entities.output import to_csv, to_json, to_markdown, to_table
from toolkit.extract import Gazetteer
from toolkit.lexdata import Entry

GAZ = Gazetteer([
    Entry("org:kh", "ORG", "Kataeb Hezbollah", "كتائب حزب الله", (), (), ("KH",)),
    Entry("loc:qaim", "LOC", "Al-Qaim", "القائم", ("Qaim",)),
])

EN = ("Fighters of Kataeb Hezbollah crossed near Al-Qaim on Sunday.\n"
      "Brigadier General Salim al-Obeidi said the border was calm.\n"
      "Al-Obeidi added that patrols would continue.\n")
AR = ("عبر مقاتلون من كتائب حزب الله قرب القائم يوم الأحد.\n"
      "وقال العميد سليم العبيدي إن الحدود هادئة.\n"
      "وأضاف العبيدي أن الدوريات ستستمر.\n")


def run(en, ar=None):
    return extract_entities(en, ar, gazetteer=GAZ, presplit=True, encoder="hash", translit_model=False)


def test_pair_links_lexicon_and_unknown_names_with_offsets():
    result = run(EN, AR)
    by_en = {e.en: e for e in result}
    assert by_en["Kataeb Hezbollah"].ar == "كتائب حزب الله"
    assert by_en["Al-Qaim"].ar == "القائم"
    person = by_en["Salim al-Obeidi"]
    assert person.ar == "سليم العبيدي"
    assert person.type == "PER"
    assert {m.text for m in person.mentions} == {"Salim al-Obeidi", "Al-Obeidi", "سليم العبيدي", "العبيدي"}
    assert any(ev.kind in ("link", "projection") for ev in person.evidence)
    for e in result:
        for m in e.mentions:
            src = EN if m.lang == "en" else AR
            assert src[m.start:m.end] == m.text


def test_single_language_gives_other_script_names_from_the_lexicon():
    result = run(EN)
    assert {e.en: e.ar for e in result}["Kataeb Hezbollah"] == "كتائب حزب الله"
    assert any("one language only" in msg for msg in result.messages)
    arabic_only = run(AR)
    assert {e.ar: e.en for e in arabic_only}["كتائب حزب الله"] == "Kataeb Hezbollah"


def test_garbage_gives_an_empty_list_and_a_message():
    for en, ar in [("\x00\x01\x02binary\x00" * 50, None), ("", None), ("12345 67890 !!!", None),
                   ("\ufffd" * 400, "\ufffd" * 400), ("no names in this text at all.", None)]:
        result = run(en, ar)
        assert len(result) == 0
        assert result.messages


def test_arabic_text_in_the_english_slot_is_reported():
    result = run(AR, AR)
    assert any("no Latin-script" in msg for msg in result.messages)


def test_outputs_carry_every_mention():
    result = run(EN, AR)
    doc = json.loads(to_json(result))
    first = doc["entities"][0]
    assert set(first) >= {"id", "type", "en", "ar", "variants_en", "variants_ar", "mentions", "confidence", "evidence"}
    assert set(first["mentions"][0]) >= {"lang", "start", "end", "text", "sentence", "source"}
    rows = list(csv.DictReader(io.StringIO(to_csv(result))))
    assert len(rows) == sum(len(e.mentions) for e in result)
    md = to_markdown(result)
    assert md.count("\n") == len(result) + 2
    assert "Kataeb Hezbollah" in to_table(result)


def test_swapped_files_are_read_the_right_way_round():
    result = run(AR, EN)
    assert any("swapped" in msg for msg in result.messages)
    assert {e.en: e.ar for e in result}["Kataeb Hezbollah"] == "كتائب حزب الله"
