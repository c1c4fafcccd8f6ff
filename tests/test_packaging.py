"""An installed wheel (not only the editable checkout) carries the lexicons and models."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_carries_package_data_and_finds_it(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    # the distribution is arabeng-toolkit ("toolkit" on PyPI is another project); the
    # import name and the command stay toolkit
    wheel = next(dist.glob("arabeng_toolkit-*.whl"))
    archive = zipfile.ZipFile(wheel)
    names = archive.namelist()
    shipped_lexicons = sorted(p.name for p in (ROOT / "lexicons").glob("*.tsv"))
    for name in shipped_lexicons:
        assert f"toolkit/_data/lexicons/{name}" in names
    assert "toolkit/_data/models/README.md" in names
    assert "toolkit/py.typed" in names
    for model in sorted((ROOT / "models" / "ner").glob("*.crfsuite")):
        assert f"toolkit/_data/models/ner/{model.name}" in names
    assert any(n.startswith("toolkit/_data/models/ner/") and n.endswith(".crfsuite") for n in names)
    assert "toolkit/_data/models/word_translation/table.tsv" in names
    assert "toolkit/_data/models/translit/model.safetensors" in names
    assert "toolkit/review/__init__.py" in names and "toolkit/cli/review.py" in names
    meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
    assert "\nName: arabeng-toolkit\n" in archive.read(meta).decode("utf-8")
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "toolkit = toolkit.cli:main" in archive.read(entry_points).decode("utf-8")

    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    probe = (
        "import toolkit, toolkit.resources as r; "
        "print(toolkit.__file__); print(r.lexicons_dir()); print(r.models_dir()); "
        "print(len(list(r.lexicons_dir().glob('*.tsv'))))"
    )
    env = {**os.environ, "PYTHONPATH": str(site), "TOOLKIT_CACHE": str(tmp_path / "cache")}
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path, env=env
    ).stdout.splitlines()
    assert out[0].startswith(str(site))
    assert out[1].startswith(str(site)) and out[2].startswith(str(site))
    assert int(out[3]) == len(shipped_lexicons)

    # the installed command, with the installed models: the NER taggers and the review page
    page = tmp_path / "review.html"
    subprocess.run(
        [str(site / "bin" / "toolkit"), "review", str(ROOT / "examples" / "report_en.txt"),
         str(ROOT / "examples" / "report_ar.txt"), "-o", str(page)],
        check=True, capture_output=True, text=True, cwd=tmp_path, env=env,
    )
    assert "Mohammed Shiaa al-Sudani" in page.read_text(encoding="utf-8")
    ner = subprocess.run(
        [sys.executable, "-c", "import toolkit; print(len(toolkit.find_mentions('Kataeb Hezbollah met in Baghdad.', 'en')))"],
        check=True, capture_output=True, text=True, cwd=tmp_path, env=env,
    ).stdout
    assert int(ner) >= 1
