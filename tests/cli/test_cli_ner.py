"""``toolkit ner``: one JSON object a line with offsets into that line; ``--document``
reads the lines as one document, so a name found on one line is found where it repeats."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from toolkit.cli import app

LINES = [
    "وقال رئيس شركة سيتروين الفرنسية إن المبيعات ارتفعت.",
    "وحققت سيتروين أرباحا كبيرة هذا العام.",
    "Barack Obama visited Paris on Monday.",
]


def _records(args: list[str]) -> list[dict]:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_json_lines_with_offsets(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    records = _records(["ner", str(path), "--json"])
    assert [r["text"] for r in records] == LINES
    for r in records:
        for m in r["mentions"]:
            assert r["text"][m["start"]:m["end"]] == m["text"]
    assert ("Barack Obama", "PER") in {(m["text"], m["type"]) for m in records[2]["mentions"]}
    assert records[1]["mentions"] == []  # alone, the second line's bare name is missed


def test_document_finds_the_name_again_on_another_line(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    records = _records(["ner", str(path), "--json", "--document"])
    assert [r["text"] for r in records] == LINES  # every line, in order, mixed languages kept
    second = records[1]["mentions"]
    assert [(m["text"], m["type"], m["source"]) for m in second] == [("سيتروين", "ORG", "document")]
    assert LINES[1][second[0]["start"]:second[0]["end"]] == "سيتروين"
    assert ("Barack Obama", "PER") in {(m["text"], m["type"]) for m in records[2]["mentions"]}
