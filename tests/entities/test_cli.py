"""`toolkit entities`: outputs, registry, garbage input never a traceback."""

import json

from typer.testing import CliRunner

from toolkit.cli import app

runner = CliRunner()

EN = "Fighters of Kataeb Hezbollah crossed near Al-Qaim on Sunday.\n"
AR = "عبر مقاتلون من كتائب حزب الله قرب القائم يوم الأحد.\n"


def files(tmp_path):
    en = tmp_path / "en.txt"
    ar = tmp_path / "ar.txt"
    en.write_text(EN, encoding="utf-8")
    ar.write_text(AR, encoding="utf-8")
    return en, ar


def test_json_and_csv_and_registry(tmp_path):
    en, ar = files(tmp_path)
    db = tmp_path / "reg.db"
    out_csv = tmp_path / "m.csv"
    r = runner.invoke(app, ["entities", str(en), str(ar), "--json", "--csv", str(out_csv), "--registry", str(db),
                            "--presplit", "--encoder", "hash"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    names = {(e["en"], e["ar"]) for e in doc["entities"]}
    assert ("Kataeb Hezbollah", "كتائب حزب الله") in names
    assert out_csv.read_text(encoding="utf-8").startswith("id,type,en,ar")
    assert db.exists()


def test_binary_file_gives_empty_list_and_message(tmp_path):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(bytes(range(256)) * 20)
    r = runner.invoke(app, ["entities", str(bad), "--json"])
    assert r.exit_code == 0
    assert json.loads(r.stdout) == {"entities": []}
    assert "binary" in r.stderr


def test_missing_file_is_a_one_line_error(tmp_path):
    r = runner.invoke(app, ["entities", str(tmp_path / "nope.txt")])
    assert r.exit_code == 2
    assert "no such file" in r.stderr
