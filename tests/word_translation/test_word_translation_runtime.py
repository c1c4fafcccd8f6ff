"""The shipped table and phrase_score: obvious translations high, unrelated pairs low."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.word_translation import (
    DEFAULT_PARAMS, PhraseParams, best_span, phrase_score, translation_prob, translations,
)
from toolkit.word_translation.tokens import ar_readings, ar_words, en_tokens, split_article

TRUE_PAIRS = [
    ("Supreme Court", "المحكمة العليا"),
    ("Ministry of Health", "وزارة الصحة"),
    ("United Nations General Assembly", "الجمعية العامة للأمم المتحدة"),
    ("Senate Judiciary Committee", "اللجنة القضائية بمجلس الشيوخ"),
    ("Consumer Energy Alliance", "تحالف طاقة المستهلك"),
]


@pytest.mark.parametrize("en, ar", [("court", "محكمة"), ("ministry", "وزارة"), ("health", "الصحة"),
                                    ("committee", "لجنة"), ("energy", "طاقة")])
def test_obvious_translations_score_high(table, en, ar):
    assert translation_prob(en, ar) > 0.3


@pytest.mark.parametrize("en, ar", [("court", "وزارة"), ("health", "محكمة"), ("ministry", "طاقة")])
def test_unrelated_words_score_low(table, en, ar):
    assert translation_prob(en, ar) < 0.05


def test_clitics_are_looked_through(table):
    assert translation_prob("court", "والمحكمة") == pytest.approx(translation_prob("court", "محكمة"))
    assert translation_prob("nations", "للأمم") > 0.3


def test_translations_both_directions(table):
    assert translations("court", to="ar", top=1)[0][0] == "محكمه"
    assert translations("المحكمة", to="en", top=1)[0][0] == "court"
    top = translations("ministry", to="ar", top=3)
    assert len(top) == 3 and [p for _, p in top] == sorted((p for _, p in top), reverse=True)
    assert translations("", to="ar") == [] and translations("court", top=0) == []
    with pytest.raises(ValueError):
        translations("court", to="fr")


@pytest.mark.parametrize("en, ar", TRUE_PAIRS)
def test_true_pair_beats_false_pairs(table, en, ar):
    score = phrase_score(en, ar)
    assert score >= DEFAULT_PARAMS.threshold
    for other_en, other_ar in TRUE_PAIRS:
        if other_ar != ar:
            assert phrase_score(en, other_ar) < score
            assert phrase_score(en, other_ar) < DEFAULT_PARAMS.threshold


def test_extra_or_missing_word_costs(table):
    exact = phrase_score("Ministry of Health", "وزارة الصحة")
    assert phrase_score("Ministry of Health", "وزارة الصحة والتعليم العالي") < exact
    assert phrase_score("Ministry of Health and Environment", "وزارة الصحة") < exact
    assert phrase_score("Ministry", "وزارة الصحة") < exact


def test_empty_input_gives_zero(table):
    assert phrase_score("", "وزارة الصحة") == 0.0
    assert phrase_score("Ministry of Health", "") == 0.0
    assert phrase_score("  ", " ، ") == 0.0
    assert translation_prob("", "") == 0.0
    assert translation_prob("supreme court", "محكمة") == 0.0  # not one word


def test_scores_in_unit_interval_and_roughly_symmetric(table):
    # The score reads both directions: swapping which side is "extra" costs about alike.
    a = phrase_score("Ministry of Health", "وزارة الصحة العراقية")  # extra Arabic word
    b = phrase_score("Iraqi Ministry of Health", "وزارة الصحة")  # extra English word
    assert 0.0 <= a <= 1.0 and 0.0 <= b <= 1.0
    assert abs(a - b) < 0.25
    for en, ar in TRUE_PAIRS:
        assert 0.0 <= phrase_score(en, ar) <= 1.0


def test_sound_match_for_unseen_names(table):
    with_sound = phrase_score("Brookings Institution", "معهد بروكينغز")
    without = phrase_score("Brookings Institution", "معهد بروكينغز", PhraseParams(translit_weight=0.0))
    assert with_sound >= without
    assert with_sound >= DEFAULT_PARAMS.threshold


def test_tokens():
    assert en_tokens("The Ministry of Health's U.S. office") == ["the", "ministry", "of", "health", "us", "office"]
    assert ar_words("وزارةُ الصحّة") == ["وزاره", "الصحه"]
    assert split_article("والمحكمه") == ["و+", "ال+", "محكمه"]
    assert split_article("للامم") == ["ل+", "ال+", "امم"]
    assert split_article("الذي") == ["الذي"]
    assert ar_readings("وزاره") == ["وزاره", "زاره"]
    assert ar_readings("بالولايات") == ["ولايات"]


def test_best_span_finds_the_translated_name(table):
    toks = "وقالت وزارة الصحة العراقية في بيان إن المحكمة الاتحادية العليا أصدرت قرارا".split()
    i, j, score = best_span("Ministry of Health", toks)
    assert toks[i:j] == ["وزارة", "الصحة"] and score >= DEFAULT_PARAMS.threshold
    assert score == pytest.approx(phrase_score("Ministry of Health", "وزارة الصحة"))
    i, j, _ = best_span("Iraqi Ministry of Health", toks)
    assert toks[i:j] == ["وزارة", "الصحة", "العراقية"]
    i, j, _ = best_span("Federal Supreme Court", toks)
    assert toks[i:j] == ["المحكمة", "الاتحادية", "العليا"]
    assert best_span("Ministry of Health", []) == (0, 0, 0.0)
    assert best_span("", toks) == (0, 0, 0.0)
    assert best_span("Ministry of Health", toks, max_words=1)[1] - best_span("Ministry of Health", toks, max_words=1)[0] == 1


def test_table_files_are_read_strictly(tmp_path):
    from toolkit.word_translation import read_table

    good = tmp_path / "table.tsv"
    good.write_text("# header\ncourt\tمحكمه\t0.5\t0.7\n", encoding="utf-8")
    t = read_table(good)
    assert t.pair("court", "محكمه") == (0.5, 0.7) and t.en_counts == {}
    (tmp_path / "words.tsv").write_text("en\tcourt\t12\nar\tمحكمه\t9\n", encoding="utf-8")
    assert read_table(good).en_counts == {"court": 12}
    bad = tmp_path / "bad" / "table.tsv"
    bad.parent.mkdir()
    bad.write_text("court\tمحكمه\t0.5\n", encoding="utf-8")
    with pytest.raises(ValueError, match="table.tsv:1"):
        read_table(bad)


def test_shipped_table_is_compact_and_documented(table):
    folder = table.path.parent
    assert (folder / "MODEL_CARD.md").is_file()
    assert table.path.stat().st_size < 6_000_000
    assert len(table.en_words) > 10_000 and len(table.ar_words) > 10_000


def test_arabic_words_reads_the_second_column_only(tmp_path: Path) -> None:
    from toolkit.word_translation.table import arabic_words

    table = tmp_path / "table.tsv"
    table.write_text("# en\tar\tp\tq\ncourt\tمحكمه\t0.9\t0.8\nsupreme\tعليا\t0.7\t0.6\nbad line\n", encoding="utf-8")
    assert arabic_words(table) == frozenset({"محكمه", "عليا"})
    assert arabic_words(tmp_path / "none.tsv") == frozenset()
    assert "محكمه" in arabic_words()  # the shipped table
