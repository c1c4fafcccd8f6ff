"""``toolkit align ... --entities``: the alignment and the entity list in one document."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from toolkit.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_align_with_entities_json_and_out_dir(tmp_path: Path) -> None:
    args = ["align", str(EXAMPLES / "report_en.txt"), str(EXAMPLES / "report_ar.txt"), "--encoder", "hash", "--entities"]
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["links"] and doc["entities"]
    by_en = {e["en"]: e for e in doc["entities"]}
    assert by_en["Kataeb Hezbollah"]["ar"] == "كتائب حزب الله"
    en_text = (EXAMPLES / "report_en.txt").read_text(encoding="utf-8")
    for m in by_en["Al-Qaim"]["mentions"]:
        if m["lang"] == "en":
            assert en_text[m["start"] : m["end"]] == m["text"]

    out = tmp_path / "aligned"
    result = CliRunner().invoke(app, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads((out / "entities.json").read_text(encoding="utf-8"))["entities"]
