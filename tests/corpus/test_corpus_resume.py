"""Interrupted jobs: SIGKILL or SIGINT halfway, then resume, gives byte-identical output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from toolkit.corpus import normalize_file

from corpus_data import make_records, write_jsonl

JOB = """
import sys
from toolkit.corpus import normalize_file
normalize_file(sys.argv[1], sys.argv[2], fields=["title", "body"], key=True, workers=int(sys.argv[3]),
               chunk_bytes=2048, checkpoint_seconds=0, resume=len(sys.argv) > 4)
"""


def _salted_corpus(path: Path, n: int) -> Path:
    write_jsonl(path, make_records(n, seed=5))
    with open(path, "ab") as f:  # a few bad records too, so the error file is resumed as well
        f.write(b'{"broken\n\xff\xfe\n')
    write_jsonl(path.with_suffix(".tail"), make_records(50, seed=6))
    with open(path, "ab") as f:
        f.write(path.with_suffix(".tail").read_bytes())
    return path


def _start(src: Path, out: Path, workers: int, resume: bool = False) -> subprocess.Popen:
    args = [sys.executable, "-c", JOB, str(src), str(out), str(workers)] + (["resume"] if resume else [])
    return subprocess.Popen(args, stderr=subprocess.PIPE)


def _wait_for_checkpoint(proc: subprocess.Popen, ckpt: Path, chunks: int, timeout: float = 60) -> None:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        assert proc.poll() is None, "the job finished before it could be interrupted"
        try:
            if json.loads(ckpt.read_text())["chunk"] >= chunks:
                return
        except (FileNotFoundError, json.JSONDecodeError, KeyError):
            pass
        time.sleep(0.01)
    raise AssertionError("no checkpoint in time")


@pytest.mark.parametrize(("sig", "workers"), [(signal.SIGKILL, 1), (signal.SIGINT, 2)])
def test_interrupt_and_resume_is_byte_identical(tmp_path: Path, sig: int, workers: int) -> None:
    src = _salted_corpus(tmp_path / "news.jsonl", 700)
    ref = tmp_path / "ref.jsonl.gz"
    normalize_file(src, ref, fields=["title", "body"], key=True, workers=1, chunk_bytes=2048)
    out = tmp_path / "out.jsonl.gz"
    proc = _start(src, out, workers)
    _wait_for_checkpoint(proc, Path(str(out) + ".part.ckpt"), chunks=20)
    os.kill(proc.pid, sig)
    rc = proc.wait(timeout=60)
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if sig == signal.SIGINT:
        assert rc == 1 and "JobInterrupted" in stderr and "--resume" in stderr
    else:
        assert rc == -signal.SIGKILL
    assert not out.exists() and Path(str(out) + ".part").exists()
    ckpt = json.loads(Path(str(out) + ".part.ckpt").read_text())
    assert 0 < ckpt["counts"]["records_in"] < 752
    proc = _start(src, out, workers, resume=True)
    assert proc.wait(timeout=120) == 0, proc.stderr.read().decode() if proc.stderr else ""
    assert out.read_bytes() == ref.read_bytes()
    assert (tmp_path / "out.jsonl.gz.errors.jsonl").read_bytes() == (tmp_path / "ref.jsonl.gz.errors.jsonl").read_bytes()
    assert not Path(str(out) + ".part.ckpt").exists()


def test_resume_summary_counts_whole_job(tmp_path: Path) -> None:
    src = _salted_corpus(tmp_path / "news.jsonl", 100)
    ref = normalize_file(src, tmp_path / "ref.jsonl", fields=["title", "body"], key=True, workers=1, chunk_bytes=2048)
    out = tmp_path / "out.jsonl"
    proc = _start(src, out, 1)
    try:
        _wait_for_checkpoint(proc, Path(str(out) + ".part.ckpt"), chunks=3)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    s = normalize_file(src, out, fields=["title", "body"], key=True, workers=1, chunk_bytes=2048, resume=True)
    assert s.resumed
    assert (s.records_in, s.records_out, s.changed, s.errors, s.skipped, s.bytes_in, s.bytes_out) == (
        ref.records_in, ref.records_out, ref.changed, ref.errors, ref.skipped, ref.bytes_in, ref.bytes_out)


def test_resume_refuses_other_options(tmp_path: Path) -> None:
    src = _salted_corpus(tmp_path / "news.jsonl", 300)
    out = tmp_path / "out.jsonl"
    proc = _start(src, out, 1)
    try:
        _wait_for_checkpoint(proc, Path(str(out) + ".part.ckpt"), chunks=3)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    with pytest.raises(ValueError, match="other inputs or options"):
        normalize_file(src, out, fields=["title"], workers=1, chunk_bytes=2048, resume=True)
    # without --resume it starts over and completes
    s = normalize_file(src, out, fields=["title"], workers=1)
    assert not s.resumed and out.exists()


def test_resume_without_checkpoint_starts_over(tmp_path: Path, corpus: Path) -> None:
    s = normalize_file(corpus, tmp_path / "o.jsonl", fields=["title"], workers=1, resume=True)
    assert not s.resumed and s.records_in == 400
