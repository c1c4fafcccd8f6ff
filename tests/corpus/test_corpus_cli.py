"""The `toolkit corpus normalize` command: stdin/stdout, exit codes, summary, help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from toolkit.normalize import normalize

from corpus_data import make_records, write_jsonl


def _cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "toolkit.cli", "corpus", "normalize", *args],
                          input=stdin, capture_output=True, timeout=120)


def test_stdin_to_stdout_txt() -> None:
    r = _cli("-", "-", "--format", "txt", "--no-progress", "--workers", "1",
             stdin="أَحْمَدُ\nKata'ib Hizballah\n\xff\n".encode("utf-8") + b"\xff\n")
    assert r.returncode == 0, r.stderr
    out = r.stdout.split(b"\n")
    assert out[0].decode() == normalize("أَحْمَدُ") and out[1].decode() == normalize("Kata'ib Hizballah")
    assert out[3] == b"\xff", "bad record passed through untouched"
    err = r.stderr.decode()
    assert '"line": 4' in err and "invalid UTF-8" in err  # error report on stderr when OUT is -
    assert "4 records in, 4 out" in err


def test_jsonl_file_json_summary(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", make_records(30))
    r = _cli(str(src), str(tmp_path / "o.jsonl.zst"), "-f", "title", "--key", "--json", "--workers", "2")
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stderr.decode().strip().splitlines()[-1])
    assert summary["records_in"] == 30 and summary["records_out"] == 30 and summary["errors"] == 0
    assert (tmp_path / "o.jsonl.zst").exists()


def test_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    r = _cli(str(tmp_path / "missing.jsonl"), str(tmp_path / "o.jsonl"))
    assert r.returncode == 2 and r.stderr.decode().count("\n") == 1 and "no such file" in r.stderr.decode()
    src = tmp_path / "a.csv"
    src.write_text("id,name\n1,x\n")
    r = _cli(str(src), str(tmp_path / "o.csv"), "-f", "nme")
    assert r.returncode == 2 and "no column 'nme'" in r.stderr.decode()
    r = _cli(str(src), str(tmp_path / "o.csv"), "-f", "name", "--scheduler", "tcp://x:1")
    assert r.returncode == 2 and "--engine dask" in r.stderr.decode()


def test_missing_field_warns(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", make_records(5))
    r = _cli(str(src), str(tmp_path / "o.jsonl"), "-f", "titel", "--workers", "1")
    assert r.returncode == 0 and "missing from every record" in r.stderr.decode()


def test_help_teaches() -> None:
    r = _cli("--help")
    text = r.stdout.decode()
    assert r.returncode == 0 and "Examples" in text and "--resume" in text and "--engine" in text
