"""A registry corrupted in the middle, held by another writer, or not a registry at all
(issue 14, item 11): a one-line RegistryError naming the file, never a traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from toolkit.entities.registry import Registry, RegistryError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def _filled(path: Path, n: int = 4000) -> Path:
    with Registry(path) as reg:
        reg.import_entities((f"per:p{i}", "PER", f"Person Number {i} al-Qasimi", f"شخص رقم {i}") for i in range(n))
    return path


def _corrupt_middle(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size // 2)
        fh.write(b"\x07\xff" * 8192)


def _hold_write_lock(path: Path, held: threading.Event, release: threading.Event) -> None:
    con = sqlite3.connect(path, timeout=0)
    con.execute("BEGIN IMMEDIATE")
    con.execute("INSERT INTO docs VALUES ('other writer', 0, 0)")
    held.set()
    release.wait(30)
    con.rollback()
    con.close()


def test_a_registry_held_by_another_writer_says_locked(tmp_path: Path) -> None:
    path = _filled(tmp_path / "reg.db", 10)
    held, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(path, held, release))
    holder.start()
    try:
        assert held.wait(10)
        start = time.monotonic()
        with pytest.raises(RegistryError) as caught:
            with Registry(path, timeout=0.3) as reg:
                reg.import_entities([("per:new", "PER", "New Person", "")])
        waited = time.monotonic() - start
    finally:
        release.set()
        holder.join()
    message = str(caught.value)
    assert message.startswith(str(path)) and "locked by another writer" in message and "\n" not in message
    assert 0.25 <= waited < 10  # it waited for the timeout, then gave up
    with Registry(path, timeout=0.3) as reg:  # the other writer is done: it works again
        assert reg.import_entities([("per:new", "PER", "New Person", "")]) == 1


def test_a_registry_waits_for_a_short_writer(tmp_path: Path) -> None:
    path = _filled(tmp_path / "reg.db", 10)
    held, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(path, held, release))
    holder.start()
    assert held.wait(10)
    threading.Timer(0.3, release.set).start()
    with Registry(path, timeout=10) as reg:
        reg.import_entities([("per:late", "PER", "Late Person", "")])
        assert reg.find("Late Person") == ["per:late"]
    holder.join()


def test_a_registry_corrupted_in_the_middle_says_corrupt(tmp_path: Path) -> None:
    path = _filled(tmp_path / "reg.db")
    _corrupt_middle(path)
    with pytest.raises(RegistryError) as caught:
        with Registry(path) as reg:
            list(reg.entities())
            reg.import_entities((f"per:q{i}", "PER", f"Other {i}", "") for i in range(2000))
    message = str(caught.value)
    assert message.startswith(str(path)) and "corrupt" in message and "\n" not in message


def test_a_file_that_is_no_registry(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database\n" * 200)
    with pytest.raises(RegistryError, match="not a registry database"):
        Registry(path)


def _entities_cli(registry: Path, timeout: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TOOLKIT_REGISTRY_TIMEOUT": timeout}
    return subprocess.run(
        [sys.executable, "-m", "toolkit.cli", "entities", str(EXAMPLES / "report_en.txt"), str(EXAMPLES / "report_ar.txt"),
         "--registry", str(registry)],
        capture_output=True, text=True, env=env, timeout=300,
    )


def _one_error_line(stderr: str) -> str:
    errors = [line for line in stderr.splitlines() if line.startswith("toolkit: error:")]
    assert len(errors) == 1 and "Traceback" not in stderr, stderr
    return errors[0]


def test_cli_registry_locked_by_another_process(tmp_path: Path) -> None:
    path = _filled(tmp_path / "reg.db", 10)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]); c.execute('BEGIN IMMEDIATE'); "
         "c.execute(\"INSERT INTO docs VALUES ('x', 0, 0)\"); print('held', flush=True); time.sleep(60)", str(path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        proc = _entities_cli(path, "0.5")
    finally:
        holder.kill()
        holder.wait()
    assert proc.returncode == 2
    line = _one_error_line(proc.stderr)
    assert str(path) in line and "locked by another writer" in line


def test_cli_registry_corrupt(tmp_path: Path) -> None:
    path = _filled(tmp_path / "reg.db")
    _corrupt_middle(path)
    proc = _entities_cli(path, "1")
    assert proc.returncode == 2
    line = _one_error_line(proc.stderr)
    assert str(path) in line and "corrupt" in line
