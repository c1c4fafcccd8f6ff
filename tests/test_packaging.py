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
    wheel = next(dist.glob("toolkit-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    shipped_lexicons = sorted(p.name for p in (ROOT / "lexicons").glob("*.tsv"))
    for name in shipped_lexicons:
        assert f"toolkit/_data/lexicons/{name}" in names
    assert "toolkit/_data/models/README.md" in names
    assert "toolkit/py.typed" in names

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
