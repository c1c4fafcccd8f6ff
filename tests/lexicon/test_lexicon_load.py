"""Reading lexicon files: formats, multi-values, and errors that name file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.lexicon import Entry, LexiconError
from toolkit.lexdata.load import load_file


def test_curated_tsv_reads_every_column(news_tsv: Path) -> None:
    loaded = load_file(news_tsv)
    assert loaded.curated
    assert len(loaded.entries) == 9
    pmf = next(e for e in loaded.entries if e.id == "org:pmf")
    assert isinstance(pmf, Entry)
    assert pmf.type == "ORG"
    assert pmf.en == "Popular Mobilisation Forces"
    assert pmf.ar == "هيئة الحشد الشعبي"
    assert pmf.en_variants == ("Hashd al-Shaabi", "Popular Mobilization Units")
    assert pmf.acronyms == ("PMF", "PMU", "الحشد")
    assert pmf.parent == "loc:iq"
    assert pmf.source == str(news_tsv)
    assert pmf.line == 6  # comment line 1, header line 2, rows from line 3


def test_wrong_field_count_names_file_and_line(tmp_path: Path, write_lexicon, rows) -> None:  # type: ignore[no-untyped-def]
    rows[2] = rows[2].rsplit("\t", 2)[0]  # two fields short
    path = write_lexicon(tmp_path / "bad.tsv", rows)
    with pytest.raises(LexiconError) as info:
        load_file(path)
    assert f"{path}:5:" in str(info.value)
    assert "expected 9" in str(info.value)


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bin.tsv"
    path.write_bytes(b"id\ten\nx:1\tok\nx:2\t\xff\xfe\n")
    with pytest.raises(LexiconError, match=r"bin.tsv:3: invalid UTF-8"):
        load_file(path)


def test_header_without_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "noid.tsv"
    path.write_text("name\tar\nx\tس\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"noid.tsv:1: header has no 'id' column"):
        load_file(path)


def test_user_tsv_with_id_and_ar_only(tmp_path: Path) -> None:
    path = tmp_path / "user.tsv"
    path.write_text("id\tar\n17\tنعيم باريش\n", encoding="utf-8")
    loaded = load_file(path)
    assert not loaded.curated
    (e,) = loaded.entries
    assert (e.id, e.ar, e.en, e.type) == ("17", "نعيم باريش", "", "MISC")


def test_csv_and_jsonl_user_lexicons(tmp_path: Path) -> None:
    csv_path = tmp_path / "user.csv"
    csv_path.write_text('id,en,en_variants\np1,"Ali, Hassan",Ali Hasan | Aly Hassan\n', encoding="utf-8")
    (e,) = load_file(csv_path).entries
    assert e.en == "Ali, Hassan"
    assert e.en_variants == ("Ali Hasan", "Aly Hassan")

    jsonl = tmp_path / "user.jsonl"
    jsonl.write_text(
        json.dumps({"id": "p2", "ar": "علي", "en_variants": ["Ali", "Aly"], "type": "PER"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    (e,) = load_file(jsonl).entries
    assert (e.id, e.type, e.ar, e.en_variants) == ("p2", "PER", "علي", ("Ali", "Aly"))


def test_jsonl_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "en": "A"}\n{"id": "b", "en": \n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad.jsonl:2: invalid JSON"):
        load_file(path)


def test_empty_parts_of_multi_values_warn(tmp_path: Path, write_lexicon, rows) -> None:  # type: ignore[no-untyped-def]
    rows[0] = "loc:iq\tLOC\tIraq\tالعراق\tRepublic of Iraq |  | Iraq Republic\t\t\t\t"
    loaded = load_file(write_lexicon(tmp_path / "w.tsv", rows))
    iraq = loaded.entries[0]
    assert iraq.en_variants == ("Republic of Iraq", "Iraq Republic")
    assert any(w.field == "en_variants" and w.line == 3 for w in loaded.warnings)
