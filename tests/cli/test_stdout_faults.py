"""A stdout that cannot take the results (issue 14, item 12): a full device is one line
and exit code 1, a pipe closed by its reader (``| head``) a quiet exit, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EN, AR = str(ROOT / "examples" / "report_en.txt"), str(ROOT / "examples" / "report_ar.txt")
FULL = "toolkit: error: cannot write the results to stdout: No space left on device"

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


def _run(args: list[str], stdout: object, stdin: bytes | None = None, **kw: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "toolkit.cli", *args], stdout=stdout, stderr=subprocess.PIPE, input=stdin, timeout=300, **kw
    )


@pytest.mark.parametrize(
    "args",
    [
        ["normalize", "abc"],
        ["lookup", "Hezbollah"],
        ["lookup", "--json", "Hezbollah"],
        ["translit", "محمد"],
        ["match", "Ali", "Aly"],
        ["entities", EN, AR],
        ["align", EN, AR],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_a_full_stdout_is_one_line_and_exit_code_1(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        proc = _run(args, stdout=full)
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert err.strip().splitlines()[-1] == FULL and "Traceback" not in err and "Exception ignored" not in err


def test_a_full_stdout_on_a_batch(tmp_path: Path) -> None:
    names = ("محمد\n" * 5000).encode()
    with open("/dev/full", "w") as full:
        proc = _run(["normalize"], stdout=full, stdin=names)
    err = proc.stderr.decode()
    assert proc.returncode == 1 and err.strip() == FULL


@pytest.mark.parametrize("args", [["normalize"], ["lookup", "--no-translit"]], ids=lambda a: a[0])
def test_a_pipe_closed_by_its_reader_exits_quietly(args: list[str]) -> None:
    names = ("Hezbollah\n" * 20000).encode()
    proc = subprocess.Popen(
        [sys.executable, "-m", "toolkit.cli", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    stdin = proc.stdin

    def feed() -> None:
        try:
            stdin.write(names)
            stdin.close()
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed)
    writer.start()
    first = proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read().decode()
    writer.join(timeout=300)
    assert proc.wait(timeout=300) == 0, err
    assert first and err == ""


def test_a_closed_stdout_is_one_line() -> None:
    proc = _run(["normalize", "abc"], stdout=None, preexec_fn=lambda: os.close(1))  # `>&-`
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert err.strip() == "toolkit: error: cannot write the results to stdout: stdout is closed"


def test_other_os_errors_are_not_blamed_on_stdout(tmp_path: Path) -> None:
    proc = _run(["normalize", "--help"], stdout=subprocess.PIPE)
    assert proc.returncode == 0  # the guard changes nothing when stdout is fine
    proc = _run(["align", str(tmp_path / "missing_en.txt"), AR], stdout=subprocess.PIPE)
    assert b"cannot write the results" not in proc.stderr
