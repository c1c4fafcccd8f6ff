"""The compiled index: cached, rebuilt on change, never half-built."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from toolkit.lexicon import Lexicon, LexiconError
from toolkit.lexicon.index import ensure, index_path, is_fresh


def test_build_then_reuse(news_tsv: Path, private_cache: Path) -> None:
    first = ensure([news_tsv])
    assert first.rebuilt and first.path.parent == private_cache
    assert first.entities == 9 and first.names > 20
    again = ensure([news_tsv])
    assert not again.rebuilt and again.path == first.path


def test_touch_without_change_is_not_a_rebuild(news_tsv: Path) -> None:
    db = ensure([news_tsv]).path
    st = news_tsv.stat()
    os.utime(news_tsv, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    assert is_fresh(db, [news_tsv.resolve()])
    assert not ensure([news_tsv]).rebuilt


def test_changed_source_rebuilds(news_tsv: Path, write_lexicon, rows) -> None:  # type: ignore[no-untyped-def]
    lex = Lexicon.from_paths([news_tsv])
    with pytest.raises(KeyError):
        lex.get("loc:sy")
    write_lexicon(news_tsv, rows + ["loc:sy\tLOC\tSyria\tسوريا\t\t\t\t\t"])
    assert Lexicon.from_paths([news_tsv]).get("loc:sy").ar == "سوريا"


def test_broken_source_keeps_the_old_index_and_raises(news_tsv: Path, private_cache: Path) -> None:
    db = ensure([news_tsv]).path
    good = db.read_bytes()
    text = news_tsv.read_text(encoding="utf-8")
    news_tsv.write_text(text + "loc:bad\tLOC\tBad Place\n", encoding="utf-8")  # too few fields
    with pytest.raises(LexiconError, match=r"news.tsv:12: expected 9"):
        Lexicon.from_paths([news_tsv])
    assert db.read_bytes() == good  # nothing half-built replaced it
    # no temp files left (the index and its checksum record, see toolkit.lexicon.integrity)
    assert sorted(p.name for p in private_cache.iterdir()) == [db.name, db.name + ".sum"]


def test_validation_errors_stop_the_build(tmp_path: Path, private_cache: Path, write_lexicon, rows) -> None:  # type: ignore[no-untyped-def]
    path = write_lexicon(tmp_path / "dup.tsv", rows + [rows[0]])
    with pytest.raises(LexiconError) as info:
        Lexicon.from_paths([path])
    assert "dup.tsv:12: id: duplicate id 'loc:iq'" in str(info.value)
    assert not index_path([path.resolve()]).exists()


def test_index_tables(news_tsv: Path) -> None:
    db = ensure([news_tsv]).path
    con = sqlite3.connect(db)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"entity", "name", "vocab", "joined", "meta"} <= tables
    row = con.execute("SELECT norm, mkey, skel, syms, stoks FROM name WHERE surface = 'Kataeb Hezbollah'").fetchone()
    assert all(row)


def test_entries_get_and_names(news_tsv: Path) -> None:
    lex = Lexicon.from_paths([news_tsv])
    assert len(lex) == 9
    ids = [e.id for e in lex.entries()]
    assert ids[0] == "loc:iq" and ids[-1] == "org:al-araby-al-jadeed"
    pmf = lex.get("org:pmf")
    assert pmf.acronyms == ("PMF", "PMU", "الحشد") and pmf.line == 6 and pmf.source == str(news_tsv.resolve())
    en = set(lex.names("en"))
    ar = set(lex.names("ar"))
    assert ("PMF", "org:pmf") in en and ("Hashd al-Shaabi", "org:pmf") in en
    assert ("الحشد", "org:pmf") in ar and ("حزب الله", "org:hezbollah") in ar
    assert not any(any("\u0600" <= c <= "\u06ff" for c in name) for name, _ in en)
    stats = lex.stats()
    assert stats["by_type"] == {"LOC": 3, "ORG": 4, "PER": 2}
