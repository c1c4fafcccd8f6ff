"""`toolkit translit`: single names, stdin batch JSONL, schemes, and clear errors (never a traceback)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "toolkit.cli", "translit", *args], input=stdin,
                          capture_output=True, timeout=120)


def test_single_name_readable_and_json(memory_only_dir: Path) -> None:
    proc = run("محمد السوداني", "--to", "latin", "--top", "2", "--model", str(memory_only_dir))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 2
    score, source, text = lines[0].split("\t")
    assert text == "Mohamed al-Sudani" and source in ("model", "lexicon") and 0 <= float(score) <= 1
    proc = run("Guterres", "--to", "arabic", "--json", "--model", str(memory_only_dir))
    doc = json.loads(proc.stdout)
    assert doc["input"] == "Guterres"
    assert doc["candidates"] and set(doc["candidates"][0]) == {"text", "score", "source"}


def test_stdin_batch_keeps_every_line_and_reports_bad_ones(memory_only_dir: Path) -> None:
    lines = ["محمد", "", "Guterres", "ب" * 1000, "محمد 2024 X", "\xff"]
    data = "\n".join(lines[:5]).encode() + b"\n\xff\xfe\n"
    proc = run("--json", "--model", str(memory_only_dir), stdin=data)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(rows) == 6
    assert rows[0]["candidates"][0]["text"] == "Mohamed"
    assert rows[1]["candidates"] == []
    assert rows[2]["candidates"][0]["text"] in ("غوتيريس", "غوتيريش")  # auto direction: Latin goes to Arabic
    assert rows[3]["candidates"] == [] and "1000 characters" in rows[3]["error"]
    assert rows[4]["candidates"][0]["text"] == "Mohamed 2024 X"
    stderr = proc.stderr.decode()
    assert "line 4" in stderr and "Traceback" not in stderr


def test_schemes_and_errors() -> None:
    proc = run("محمد", "--scheme", "ala-lc")
    assert proc.returncode == 0 and proc.stdout.decode().split("\t")[-1].strip() == "Mḥmd"
    assert b"short vowels" in proc.stderr
    proc = run("mHmd", "--scheme", "buckwalter", "--to", "arabic")
    assert proc.stdout.decode().split("\t")[-1].strip() == "محمد"
    for args in (["", "--to", "latin"], ["x", "--scheme", "ala-lc", "--to", "arabic"], ["ب" * 1000], ["'", "--to", "arabic"]):
        proc = run(*args)
        assert proc.returncode == 2, args
        err = proc.stderr.decode()
        assert err.startswith("toolkit: error:") and "Traceback" not in err
    proc = run("محمد", "--region", "mars")
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    proc = run("محمد", "--model", "/nonexistent/dir")
    assert proc.returncode == 2 and b"no such model directory" in proc.stderr


def test_beams_option_is_passed_and_checked(memory_only_dir: Path) -> None:
    proc = run("محمد", "--to", "latin", "--beams", "1", "--json", "--model", str(memory_only_dir))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["candidates"]
    bad = run("محمد", "--beams", "0")
    assert bad.returncode != 0 and b"Traceback" not in bad.stderr


def test_stdin_workers_keep_order_and_equal_one_process(memory_only_dir: Path) -> None:
    """1,300 lines are three batches: two go to forked workers; the answers keep input order."""
    words = ["محمد", "عزيز", "سمير", "Guterres", "", "نبيل السوداني", "Mohammed", "كريم"]
    lines = [words[i % len(words)] + ("" if i % 3 else f" {i}") for i in range(1300)]
    lines[700] = "ب" * 1000
    data = ("\n".join(lines) + "\n").encode()
    outputs = []
    for workers in ("1", "2"):
        proc = run("--json", "--model", str(memory_only_dir), "-j", workers, stdin=data)
        assert proc.returncode == 0, proc.stderr
        assert "stdin line 701:" in proc.stderr.decode() and b"Traceback" not in proc.stderr
        outputs.append(proc.stdout)
    rows = [json.loads(line) for line in outputs[1].decode().splitlines()]
    assert [r["input"] for r in rows] == lines
    assert rows[700]["candidates"] == [] and "error" in rows[700]
    assert rows[1]["candidates"][0]["text"] == "Aziz"
    assert outputs[0] == outputs[1]
