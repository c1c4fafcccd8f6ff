"""Helpers of the fault-injection tests (issue 14): run the real command, fingerprint files."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

TOOLKIT = Path(sys.executable).parent / "toolkit"


def run(*args: str | Path, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``toolkit corpus normalize ARGS`` as a user runs it (the venv's executable)."""
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run([str(TOOLKIT), "corpus", "normalize", "--no-progress", "--workers", "1",
                           *map(str, args)], capture_output=True, text=True, timeout=timeout, cwd=cwd, env=env)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(directory: Path) -> dict[str, str]:
    """Every entry of ``directory``: name -> what it is and, for a file, its content hash
    (a symlink by its target, so replacing one shows)."""
    out = {}
    for p in sorted(directory.iterdir()):
        if p.is_symlink():
            out[p.name] = "link->" + os.readlink(p)
        elif p.is_file():
            out[p.name] = sha(p)
        else:
            out[p.name] = "other"
    return out


def one_line_error(r: subprocess.CompletedProcess[str]) -> str:
    """The single line a failing command printed on stderr."""
    lines = r.stderr.strip().splitlines()
    assert r.returncode != 0, r.stderr
    assert len(lines) == 1 and lines[0].startswith("toolkit: error: "), r.stderr
    assert "Traceback" not in r.stderr and "Aborted" not in r.stderr
    return lines[0]
