"""Training code outside the runtime package: the data split, the tables, both ways to run it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from training.translit.pairs import Pair, filter_noise, is_dev_form, load_splits
from training.translit.tables import build_latin_lm, build_memory

ROOT = Path(__file__).resolve().parents[2]


def _data(tmp_path: Path) -> Path:
    """A shared-data folder in miniature: the four files the trainer reads."""
    names = tmp_path / "data" / "names"
    names.mkdir(parents=True)
    (names / "wikidata_person_tokens.tsv").write_text(
        "smith\tس م ي ث\t40\njones\tج و ن ز\t30\nsamir\tس م ي ر\t12\nyasmina\tس م ي ر\t1\n", encoding="utf-8")
    for split, rows in (("train", "كريم\tkarim\n"), ("eval", "سليم\tsalim\n"), ("test", "كمال\tkamal\n")):
        (names / f"google_ar2en_{split}.tsv").write_text(rows, encoding="utf-8")
    return tmp_path / "data"


def test_the_split_and_the_tables(tmp_path: Path) -> None:
    assert is_dev_form("محمد") == is_dev_form("محمد")  # a stable hash, not Python's salted one
    kept = filter_noise([Pair("سمير", "samir", 12, "w"), Pair("سمير", "yasmina", 1, "w")])
    assert [p.latin for p in kept] == ["samir"]  # a one-off spelling unlike the dominant one
    train, _, test = load_splits(_data(tmp_path))
    assert {p.arabic for p in test} == {"كمال"} and not {"كمال", "سليم"} & {p.arabic for p in train}
    memory = build_memory(train)
    assert memory.get("latin", "سميث")[0].text == "smith"
    lm = build_latin_lm(train)
    assert lm.mean_logprob(["smith"])[0] > lm.mean_logprob(["xqzv"])[0]


@pytest.mark.parametrize("how", [["-m", "training.translit.train"], ["training/translit/train.py"]])
def test_tables_only_runs_from_the_repository_root(tmp_path: Path, how: list[str]) -> None:
    out = tmp_path / "model"
    subprocess.run([sys.executable, *how, "--data", str(_data(tmp_path)), "--out", str(out), "--tables-only"],
                   cwd=ROOT, check=True, capture_output=True, text=True)
    assert {p.name for p in out.iterdir()} == {"attested.tsv", "latin_lm.safetensors"}


def test_the_latin_lm_alone(tmp_path: Path) -> None:
    from training.translit.build_lm import main

    main(["--data", str(_data(tmp_path)), "--out", str(tmp_path / "model")])
    assert (tmp_path / "model" / "latin_lm.safetensors").is_file()


def test_the_package_never_imports_training() -> None:
    bad = []
    for path in sorted((ROOT / "toolkit").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
            bad += [f"{path.relative_to(ROOT)}:{node.lineno}" for n in names if n.split(".")[0] == "training"]
    assert not bad, bad
