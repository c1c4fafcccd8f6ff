"""The lookup and lexicon commands, through typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from toolkit.cli import app

runner = CliRunner()


def test_lookup_json_from_argument(news_tsv: Path) -> None:
    res = runner.invoke(app, ["lookup", "Kata'ib Hizballah", "--lexicon", str(news_tsv), "--json", "--top", "2"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout.splitlines()[0])
    assert doc["query"] == "Kata'ib Hizballah"
    top = doc["matches"][0]
    assert top["id"] == "org:kataeb-hezbollah" and top["why"] == "variant"
    assert set(top) == {"id", "type", "en", "ar", "score", "why", "matched"}
    assert len(doc["matches"]) <= 2


def test_lookup_stdin_one_line_per_query(news_tsv: Path) -> None:
    res = runner.invoke(app, ["lookup", "--lexicon", str(news_tsv), "--top", "1"], input="Anbar\nالعراق\n")
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("Anbar\tloc:iq-anbar 1.00 exact")
    assert lines[1].startswith("العراق\tloc:iq ")


def test_lookup_stdin_jsonl_and_type(news_tsv: Path) -> None:
    res = runner.invoke(app, ["lookup", "-l", str(news_tsv), "--json", "--type", "PER"], input="Qais al-Khazali\nAnbar\n")
    assert res.exit_code == 0, res.output
    docs = [json.loads(line) for line in res.stdout.splitlines()]
    assert [d["query"] for d in docs] == ["Qais al-Khazali", "Anbar"]
    assert docs[0]["matches"][0]["id"] == "per:qais-al-khazali"
    assert all(m["type"] == "PER" for d in docs for m in d["matches"])


def test_lookup_table(news_tsv: Path) -> None:
    res = runner.invoke(app, ["lookup", "Hezbollah", "-l", str(news_tsv)])
    assert res.exit_code == 0 and "org:hezbollah" in res.stdout and "exact" in res.stdout


def test_lookup_bad_lexicon_fails_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\ttype\ten\nx:1\tORG\n", encoding="utf-8")
    res = runner.invoke(app, ["lookup", "anything", "-l", str(bad)])
    assert res.exit_code == 2
    assert f"{bad}:2: expected 3" in res.stderr


def test_validate(news_tsv: Path, tmp_path: Path, write_lexicon, rows) -> None:  # type: ignore[no-untyped-def]
    ok = runner.invoke(app, ["lexicon", "validate", str(news_tsv), "-q"])
    assert ok.exit_code == 0, ok.output
    bad = write_lexicon(tmp_path / "bad.tsv", rows + ["loc:x\tTOWN\tX\tاكس\t\t\t\t\t"])
    res = runner.invoke(app, ["lexicon", "validate", str(bad)])
    assert res.exit_code == 1
    assert f"error: {bad}:12: type: unknown type 'TOWN'" in res.stdout


def test_build_and_stats(news_tsv: Path) -> None:
    res = runner.invoke(app, ["lexicon", "build", str(news_tsv)])
    assert res.exit_code == 0 and "9 entities" in res.stdout
    again = runner.invoke(app, ["lexicon", "build", str(news_tsv)])
    assert "up to date" in again.stdout
    stats = runner.invoke(app, ["lexicon", "stats", str(news_tsv), "--json"])
    doc = json.loads(stats.stdout)
    assert doc["entities"] == 9 and doc["by_type"]["ORG"] == 4
