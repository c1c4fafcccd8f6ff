"""Lookup: tiers, both directions, decorated and partial queries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.defaults import Lexicon, lookup  # the lexicon with the shipped model as its speller
from toolkit.lexicon import Match
from toolkit.lexicon.names import strip_titles


@pytest.fixture
def lex(news_tsv: Path) -> Lexicon:
    return Lexicon.from_paths([news_tsv])


def first(lex: Lexicon, query: str, **kw) -> Match:  # type: ignore[no-untyped-def]
    matches = lex.lookup(query, **kw)
    assert matches, f"nothing found for {query!r}"
    return matches[0]


def test_exact_variant_acronym(lex: Lexicon) -> None:
    m = first(lex, "Hezbollah")
    assert (m.id, m.why, m.score) == ("org:hezbollah", "exact", 1.0)
    m = first(lex, "Kata'ib Hizballah")
    assert (m.id, m.why) == ("org:kataeb-hezbollah", "variant")
    m = first(lex, "PMF")
    assert (m.id, m.why, m.matched) == ("org:pmf", "variant", "PMF")
    assert first(lex, "الحشد").id == "org:pmf"


def test_issue_demo_queries(lex: Lexicon) -> None:
    assert first(lex, "Hashd al-Shaabi").id == "org:pmf"
    assert first(lex, "محمد شياع السوداني").id == "per:mohammed-shiaa-al-sudani"
    assert first(lex, "al-Araby al-Jadid").id == "org:al-araby-al-jadeed"


def test_match_key_finds_unlisted_spellings(lex: Lexicon) -> None:
    m = first(lex, "Kataib Hezbollah")
    assert m.id == "org:kataeb-hezbollah"
    assert m.score >= 0.9


def test_ranking_is_by_score_and_tiers(lex: Lexicon) -> None:
    matches = lex.lookup("Hezbollah", top=5)
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert matches[0].why == "exact" and all(m.why != "exact" for m in matches[1:])
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_latin_query_finds_arabic_only_entry(tmp_path: Path) -> None:
    path = tmp_path / "ar_only.tsv"
    path.write_text(
        "id\tar\n1\tنعيم عبد الله باريش الكردي\n2\tعبد الرؤوف الحسيني\n3\tقيس الخزعلي\n4\tمحمود نعمان\n5\tبارق الشمري\n",
        encoding="utf-8",
    )
    lex = Lexicon.from_paths([path])
    assert first(lex, "Naim Barich").id == "1"  # two of four parts, English spelling
    assert first(lex, "Abdulrauf al-Husseini").id == "2"  # run together
    assert first(lex, "Abdul Rauf Husseini").id == "2"  # split
    m = first(lex, "Mullah Qais Khazali")  # title stripped, article dropped
    assert m.id == "3" and m.why in ("translit", "fuzzy")


def test_arabic_query_finds_latin_only_entry(tmp_path: Path) -> None:
    path = tmp_path / "en_only.csv"
    path.write_text("id,en\na,Qais al-Khazali\nb,Hadi al-Amiri\nc,Faleh al-Fayyadh\n", encoding="utf-8")
    lex = Lexicon.from_paths([path])
    assert first(lex, "هادي العامري").id == "b"
    assert first(lex, "الشيخ قيس الخزعلي").id == "a"


def test_titles_and_kunyas(lex: Lexicon) -> None:
    assert first(lex, "Sheikh Qais al-Khazali").id == "per:qais-al-khazali"
    assert first(lex, "الشيخ قيس الخزعلي").id == "per:qais-al-khazali"
    assert first(lex, "Prime Minister Mohammed Shia al-Sudani").id == "per:mohammed-shiaa-al-sudani"
    assert strip_titles("Sheikh Qais al-Khazali") == "Qais al-Khazali"
    assert strip_titles("Dr. Gen. Ali") == "Ali"
    assert strip_titles("السيد مقتدى الصدر") == "مقتدى الصدر"
    assert strip_titles("Abu Fadak al-Mohammadawi") == "Abu Fadak al-Mohammadawi"
    assert strip_titles("Sheikh") == "Sheikh"


def test_type_filter_and_top(lex: Lexicon) -> None:
    assert all(m.type == "LOC" for m in lex.lookup("Qaim", type="LOC"))
    assert lex.lookup("Qaim", type="loc")[0].id == "loc:iq-al-qaim"
    assert len(lex.lookup("Hezbollah", top=2)) <= 2
    assert lex.lookup("", top=3) == [] and lex.lookup("Hezbollah", top=0) == []


def test_module_level_lookup(news_tsv: Path) -> None:
    assert lookup("Anbar", lexicons=[news_tsv])[0].id == "loc:iq-anbar"
    assert lookup("Anbar", lexicons=[news_tsv], top=1, type="ORG") == [] or lookup(
        "Anbar", lexicons=[news_tsv], type="ORG"
    )[0].type == "ORG"


def test_match_is_frozen(lex: Lexicon) -> None:
    m = first(lex, "Anbar")
    with pytest.raises(AttributeError):
        m.score = 0.5  # type: ignore[misc]
    assert set(m.as_dict()) == {"id", "type", "en", "ar", "score", "why", "matched"}


def test_lookup_never_imports_torch(news_tsv: Path) -> None:
    code = (
        "import sys; from toolkit.defaults import Lexicon;"
        f"Lexicon.from_paths([{str(news_tsv)!r}]).lookup('Naim Barich');"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('torch', 'transformers', 'camel_tools')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


_names = st.text(alphabet=st.sampled_from(list("abdehiklmnoqrsuyz '-") + list("ابتثجحخدذرزسشصضطظعغفقكلمنهوية ")), max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=_names)
def test_any_query_gives_sorted_scores_in_range(lex: Lexicon, query: str) -> None:
    matches = lex.lookup(query, top=5)
    assert len(matches) <= 5
    assert len({m.id for m in matches}) == len(matches)
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)


@settings(max_examples=40, deadline=None)
@given(query=_names)
def test_strip_titles_keeps_a_name(query: str) -> None:
    stripped = strip_titles(query)
    assert (stripped.strip() != "") == (query.strip() != "")
    assert stripped in " ".join(query.split()) or stripped == query


def test_names_of_one_entity_do_not_crowd_out_others(lex: Lexicon) -> None:
    ids = [m.id for m in lex.lookup("Hizbollah", top=3)]
    assert ids[0] == "org:hezbollah"
    assert "org:kataeb-hezbollah" in ids


def test_acronyms_match_only_as_written(tmp_path: Path, write_lexicon) -> None:  # type: ignore[no-untyped-def]
    path = write_lexicon(
        tmp_path / "p.tsv",
        [
            "per:ksm\tPER\tKhalid Sheikh Mohammed\tخالد شيخ محمد\tKSM\t\tKSM\t\t",
            "per:naim-qassem\tPER\tNaim Qassem\tنعيم قاسم\t\t\t\t\t",
            "loc:qassim\tLOC\tQassim\tالقصيم\t\t\t\t\t",
        ],
    )
    lex = Lexicon.from_paths([path])
    assert lex.lookup("KSM")[0].id == "per:ksm"
    assert all(m.matched != "KSM" for m in lex.lookup("Qassem"))  # same skeleton, not a spelling
    assert lex.lookup("Qassem", type="PER")[0].id == "per:naim-qassem"


def test_generic_place_words_are_translated(tmp_path: Path) -> None:
    from toolkit.lexicon.names import translate_generic_words

    assert translate_generic_words("North Sinai") == "شمال Sinai"
    assert translate_generic_words("Republic of the Congo") == "جمهورية Congo"
    assert translate_generic_words("Kataeb Hezbollah") is None
    assert translate_generic_words("شمال سيناء") is None
    path = tmp_path / "places.tsv"
    path.write_text("id\tar\nnorth\tشمال سيناء\nsouth\tجنوب سيناء\nsinai\tسيناء\nlj\tجوبا السفلى\njuba\tجوبا\n", encoding="utf-8")
    lex = Lexicon.from_paths([path])
    assert lex.lookup("North Sinai")[0].id == "north"
    assert lex.lookup("South Sinai")[0].id == "south"
    assert lex.lookup("Sinai")[0].id == "sinai"
    assert lex.lookup("Lower Juba")[0].id == "lj"
