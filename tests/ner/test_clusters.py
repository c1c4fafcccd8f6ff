"""The Arabic word-cluster features (on in the shipped model): the table reader rejects
malformed lines, and the features follow FeatureParams, keyed as the lexicon features are."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from toolkit.ner import features, wordlists
from toolkit.ner.gazetteer import arabic_key


@pytest.fixture
def table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A two-clustering table in a private models folder, and clean caches around the test."""
    (tmp_path / "ner").mkdir()
    shutil.copy(wordlists.models_dir() / "ner" / "ar_person_words.txt", tmp_path / "ner")
    path = tmp_path / "ner" / "ar_clusters.tsv"
    path.write_text(f"{arabic_key('القاهرة')}\t0110101\t1110\n{arabic_key('بغداد')}\t0110111\t1011\n",
                    encoding="utf-8")
    monkeypatch.setattr(wordlists, "models_dir", lambda: tmp_path)
    wordlists.word_clusters.cache_clear()
    features.clear_cache()
    yield path
    wordlists.word_clusters.cache_clear()
    features.clear_cache()


def test_reader(table: Path) -> None:
    got = wordlists.word_clusters("ar_clusters")
    assert got[arabic_key("بغداد")] == ("0110111", "1011")
    table.write_text("قاهره\t\n", encoding="utf-8")
    wordlists.word_clusters.cache_clear()
    with pytest.raises(ValueError, match="expected"):
        wordlists.word_clusters("ar_clusters")


def test_shipped_settings_read_the_table(table: Path) -> None:
    own, ctx = features._arabic_word("والقاهرة")
    assert features.FEATURES.arabic_clusters == (4, 6, 10, 0)
    assert {"c0.4=0110", "c0.6=011010", "c0.0=0110101", "c1.4=1110"} <= set(own)
    assert not any(f.startswith("c0") for f in ctx)  # the neighbours see no cluster


def test_the_shipped_table_covers_the_news_words() -> None:
    table = wordlists.word_clusters("ar_clusters")
    assert len(table) > 10_000
    assert all(len(bits) == 5 for bits in list(table.values())[:100])
    assert arabic_key("بغداد") in table


def test_cluster_features_follow_the_settings(table: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(features, "FEATURES", replace(features.FEATURES, arabic_clusters=(4, 0),
                                                      arabic_cluster_context=2))
    own, ctx = features._arabic_word("والقاهرة")  # clitics stripped: the table's key
    assert {"c0.4=0110", "c0.0=0110101", "c1.4=1110", "c1.0=1110"} <= set(own)
    assert {"c0=01", "c1=11"} <= set(ctx)
    unknown, _ = features._arabic_word("زززززز")
    assert not any(f.startswith("c0.") for f in unknown)
