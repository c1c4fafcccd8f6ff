"""The results writer: one write per batch, yet a slow pipe gets each answer at once."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.cli.output import Stdout


class CountingStream(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def test_lines_are_handed_on_in_one_write(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = CountingStream()
    monkeypatch.setattr(sys, "stdout", stream)
    writer = Stdout()
    for i in range(100):
        writer.line(f"line {i}")
    writer.json({"a": "ب"})
    assert stream.writes == 0
    writer.flush()
    assert stream.writes == 1
    assert stream.getvalue().splitlines()[-2:] == ["line 99", '{"a": "ب"}']


def test_lone_surrogates_become_question_marks_and_big_output_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = CountingStream()
    monkeypatch.setattr(sys, "stdout", stream)
    writer = Stdout()
    writer.line("ok\udcff")
    writer.flush()
    assert stream.getvalue() == "ok?\n"
    for _ in range(3):
        writer.write("x" * Stdout.LIMIT)
    assert stream.writes == 4  # handed on at the limit, not held until the end


def _readline(proc: subprocess.Popen[bytes], timeout: float = 60.0) -> bytes:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, "no answer while the input was still open"
    return proc.stdout.readline()


@pytest.mark.skipif(sys.platform == "win32", reason="select on pipes")
@pytest.mark.parametrize("command", ["normalize", "translit"])
def test_a_slow_pipe_gets_each_answer_at_once(command: str, tmp_path: Path) -> None:
    """Without PYTHONUNBUFFERED, Python block-buffers stdout to a pipe: the answer to a
    line typed while stdin is still open must come anyway."""
    args = [command]
    if command == "translit":  # attested spellings and rules only: no model to load
        (tmp_path / "attested.tsv").write_text("direction\tsource\ttarget\tcount\nlatin\tمحمد\tmohamed\t50\n", encoding="utf-8")
        args += ["--to", "latin", "--model", str(tmp_path), "-j", "1"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    proc = subprocess.Popen([sys.executable, "-m", "toolkit.cli", *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert proc.stdin is not None and proc.stdout is not None
    try:
        proc.stdin.write("محمد\n".encode())
        proc.stdin.flush()
        first = _readline(proc).decode()
        proc.stdin.write(b"abc\n")
        proc.stdin.close()
        rest = proc.stdout.read().decode().splitlines()
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
    assert first.startswith("محمد")
    assert len(rest) == 1 and rest[0].startswith("abc")
