"""The command-line contract for normalize and match (other commands are tested beside their packages)."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from toolkit.cli import app

runner = CliRunner()


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "toolkit.cli", *args], input=stdin, capture_output=True, timeout=120)


def test_normalize_argument() -> None:
    result = runner.invoke(app, ["normalize", "أَحْمَدُ  الشَّرَعِ", "--level", "search"])
    assert result.exit_code == 0
    assert result.stdout.strip() == "احمد الشرع"


def test_normalize_stdin_lines_json_with_offsets() -> None:
    proc = run("normalize", "--json", "--level", "match", stdin="Kata'ib Hizballah\nكتائب حزب الله\n".encode())
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["output"] for r in rows] == ["katayb hazbala", "كتايب حزب الله"]
    assert rows[0]["lang"] == "en" and rows[1]["lang"] == "ar"
    for r in rows:
        assert len(r["offsets"]) == len(r["output"])
        assert all(0 <= o < len(r["input"]) for o in r["offsets"])


def test_invalid_utf8_on_stdin_is_a_warning_not_a_traceback() -> None:
    proc = run("normalize", stdin=b"ok\n\xff\xfe\xd8\xa3\xd8\xad\xd9\x85\xd8\xaf\n")
    assert proc.returncode == 0
    assert b"Traceback" not in proc.stderr
    assert b"line 2: invalid UTF-8" in proc.stderr
    lines = proc.stdout.decode("utf-8").splitlines()
    assert lines == ["ok", "\ufffd\ufffdاحمد"]


def test_empty_stdin_gives_empty_output() -> None:
    proc = run("normalize", stdin=b"")
    assert proc.returncode == 0 and proc.stdout == b""


def test_ten_megabyte_single_line() -> None:
    line = ("السودانيُّ Reuters ١٢٣ " * 500_000).encode()[: 10 * 1024 * 1024]
    proc = run("normalize", stdin=line)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert len(proc.stdout) > 5_000_000


def test_match_score_and_decision() -> None:
    result = runner.invoke(app, ["match", "Kataeb Hezbollah", "كتائب حزب الله", "--json"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["same"] is True and 0.87 <= doc["score"] <= 1.0
    result = runner.invoke(app, ["match", "Mohammed", "Mahmoud"])
    assert result.exit_code == 0 and "different" in result.stdout


def test_match_bad_threshold_is_one_line_error() -> None:
    proc = run("match", "a", "b", "--threshold", "3")
    assert proc.returncode == 2
    assert proc.stderr.decode().strip().startswith("toolkit: error: --threshold")


def test_help_teaches() -> None:
    result = runner.invoke(app, ["normalize", "--help"])
    assert result.exit_code == 0 and "Examples" in result.stdout


def test_an_empty_query_is_one_line_for_lookup_and_translit():
    for args in (["lookup", ""], ["translit", "", "--to", "latin"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output


def test_entities_warns_of_invalid_utf8_with_the_line(tmp_path):
    from pathlib import Path

    report = tmp_path / "report.txt"
    report.write_bytes(b"Officials met in Baghdad.\nBarack Obama visited \xff\xfe Paris.\n")
    exe = Path(sys.executable).parent / "toolkit"
    proc = subprocess.run([str(exe), "entities", str(report), "--json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0
    assert f"{report}:2: invalid UTF-8 at byte" in proc.stderr
    assert json.loads(proc.stdout)["entities"]


def test_every_command_is_mapped_to_the_module_that_registers_it() -> None:
    import typer.main

    import toolkit.cli as cli

    group = typer.main.get_command(app)
    assert set(group.commands) == set(cli.COMMAND_MODULE)  # a new command needs its entry
    assert set(cli.COMMAND_MODULE.values()) == set(cli.MODULES)


def test_a_named_command_loads_only_its_module() -> None:
    code = ("import sys; sys.argv = ['toolkit', 'normalize', '--help']\n"
            "import toolkit.cli as c\n"
            "try:\n    c.main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('toolkit.cli.')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    loaded = proc.stdout.strip().splitlines()[-1]
    assert "toolkit.cli.normalize" in loaded and "toolkit.cli.entities" not in loaded and "toolkit.cli.corpus" not in loaded
    # and a single-command module still reads its name as a command (typer's group form)
    proc = run("ner", "--help")
    assert proc.returncode == 0 and b"--lang" in proc.stdout
