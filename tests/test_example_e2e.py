"""End to end on the example report pair: the README's first command.

Every named entity of the English report is in the list with its Arabic name, no entity
is split or merged, and every mention's offsets point at its text.
"""

import json
from pathlib import Path

import pytest

from toolkit.entities import extract_entities
from toolkit.normalize.arabic import normalize_arabic

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def result():
    en = (EXAMPLES / "report_en.txt").read_text(encoding="utf-8")
    ar = (EXAMPLES / "report_ar.txt").read_text(encoding="utf-8")
    return en, ar, extract_entities(en, ar)


@pytest.fixture(scope="module")
def expected():
    return json.loads((EXAMPLES / "expected_entities.json").read_text(encoding="utf-8"))["entities"]


def _find(entities, exp):
    found = [e for e in entities if e.en == exp["en"] and e.type == exp["type"]]
    assert len(found) == 1, f"{exp['en']}: {len(found)} entities (split or missing)"
    return found[0]


def test_every_expected_entity_with_its_arabic_name(result, expected):
    _, _, entities = result
    for exp in expected:
        e = _find(entities, exp)
        assert e.ar == exp["ar"], exp["en"]


def test_key_pairs(result):
    _, _, entities = result
    pairs = {e.en: e.ar for e in entities}
    assert pairs["Kataeb Hezbollah"] == "كتائب حزب الله"
    assert pairs["Al-Qaim"] == "القائم"
    assert pairs["Mohammed Shiaa al-Sudani"] == "محمد شياع السوداني"
    pmf = next(e for e in entities if e.en == "Popular Mobilisation Forces")
    assert "الحشد الشعبي" in (pmf.ar, *pmf.variants_ar) or "الحشد الشعبي" in pmf.ar


def test_no_split_no_merge(result, expected):
    _, _, entities = result
    for exp in expected:
        e = _find(entities, exp)
        got_en = [m.text for m in e.mentions if m.lang == "en"]
        assert got_en == exp["mentions_en"], exp["en"]
        got_ar = [m.text for m in e.mentions if m.lang == "ar"]
        if exp["mentions_en"] and exp["mentions_ar"]:
            assert got_ar, f"{exp['en']}: no Arabic mention"
        # Every Arabic mention is a form of this entity's name, not another entity's.
        names = {normalize_arabic(x, "match") for x in exp["mentions_ar"] + [exp["ar"]]}
        for t in got_ar:
            assert normalize_arabic(t, "match") in names or any(
                normalize_arabic(t, "match") in n or n in normalize_arabic(t, "match") for n in names
            ), (exp["en"], t)
    assert len(entities) <= len(expected) + 2


def test_offsets(result):
    en, ar, entities = result
    n = 0
    for e in entities:
        for m in e.mentions:
            text = en if m.lang == "en" else ar
            assert text[m.start:m.end] == m.text
            n += 1
    assert n > 100
