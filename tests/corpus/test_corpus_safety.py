"""Nothing overwritten (issue 14, items 1-3): side files, symlinks, hard links, FIFOs, devices.

Every fault is injected for real (``os.symlink``, ``os.link``, ``os.mkfifo`` with a reader
thread, ``/dev/full``), the command is the venv's ``toolkit`` executable, and each test
checks the reason printed and that no input byte changed.  Devices are reached through a
symlink in ``tmp_path``: were the job ever to replace OUT again, it would replace the link,
never ``/dev/full`` of the machine.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from corpus_data import make_records, write_jsonl
from safety_helpers import one_line_error, run, sha, snapshot


@pytest.fixture
def src(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "in.jsonl", make_records(60))


def _refused(r, tmp_path: Path, before: dict[str, str], reason: str) -> None:  # type: ignore[no-untyped-def]
    """Refused with ``reason`` on one line, and nothing in the directory touched."""
    line = one_line_error(r)
    assert reason in line, line
    assert snapshot(tmp_path) == before, "nothing created, removed or changed"


# -- item 1: the error file, the checkpoint and every side file ---------------------------


@pytest.mark.parametrize(("errors", "reason"), [
    ("in.jsonl", "the error file would overwrite the input in.jsonl"),
    ("link-to-in.jsonl", "the error file would overwrite the input in.jsonl"),
    ("hard-in.jsonl", "the error file would overwrite the input in.jsonl"),
    ("out.jsonl", "the error file would be the output too"),
    ("out.jsonl.part", "the error file would be the temporary output too"),
    ("out.jsonl.part.ckpt", "the error file would be the checkpoint too"),
])
def test_errors_file_never_the_input_or_a_side_file(tmp_path: Path, src: Path, errors: str, reason: str) -> None:
    os.symlink("in.jsonl", tmp_path / "link-to-in.jsonl")
    os.link(src, tmp_path / "hard-in.jsonl")
    before = snapshot(tmp_path)
    r = run("in.jsonl", "out.jsonl", "--errors", errors, cwd=tmp_path)
    _refused(r, tmp_path, before, reason)


@pytest.mark.parametrize(("name", "reason"), [
    ("out.jsonl.errors.jsonl", "the error file would overwrite the input"),  # the default error file
    ("out.jsonl.part", "the temporary output would overwrite the input"),
    ("out.jsonl.part.ckpt", "the checkpoint would overwrite the input"),
    ("out.jsonl.part.ckpt.tmp", "the checkpoint's temporary file would overwrite the input"),
    (".out.jsonl.spill-x1", "named like a leftover temporary file of this job"),
])
def test_side_files_never_an_input(tmp_path: Path, src: Path, name: str, reason: str) -> None:
    os.replace(src, tmp_path / name)
    before = snapshot(tmp_path)
    r = run(name, "out.jsonl", "--format", "jsonl", cwd=tmp_path)
    _refused(r, tmp_path, before, reason)


def test_side_file_that_is_a_link_or_fifo_is_refused(tmp_path: Path, src: Path) -> None:
    os.symlink("in.jsonl", tmp_path / "out.jsonl.part")  # a .part written through would be the input
    before = snapshot(tmp_path)
    _refused(run("in.jsonl", "out.jsonl", cwd=tmp_path), tmp_path, before,
             "the temporary output would overwrite the input in.jsonl")
    os.remove(tmp_path / "out.jsonl.part")
    os.mkfifo(tmp_path / "out.jsonl.part.ckpt")  # would block, then be renamed over
    before = snapshot(tmp_path)
    _refused(run("in.jsonl", "out.jsonl", cwd=tmp_path), tmp_path, before,
             "the checkpoint exists and is not a regular file")
    assert stat.S_ISFIFO(os.lstat(tmp_path / "out.jsonl.part.ckpt").st_mode)


def test_errors_symlink_is_written_through_not_removed(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"text": "ok"}\n{"text": "\xff"}\n')
    digest = sha(src)
    (tmp_path / "report.jsonl").write_text("old report\n")
    os.symlink("report.jsonl", tmp_path / "errors.jsonl")
    r = run("in.jsonl", "out.jsonl", "--errors", "errors.jsonl", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert os.readlink(tmp_path / "errors.jsonl") == "report.jsonl", "the link is kept"
    assert '"line": 2' in (tmp_path / "report.jsonl").read_text() and "old report" not in (tmp_path / "report.jsonl").read_text()
    assert sha(src) == digest


# -- item 3: OUT is the input under another name ------------------------------------------


@pytest.mark.parametrize("how", ["symlink input", "hard link", "symlink output", "symlinked directory"])
def test_output_that_is_the_input_is_refused(tmp_path: Path, how: str) -> None:
    real = write_jsonl(tmp_path / "real.jsonl", make_records(40))
    if how == "symlink input":  # ln -s real.jsonl in.jsonl; T corpus normalize in.jsonl real.jsonl
        os.symlink("real.jsonl", tmp_path / "in.jsonl")
        args = ("in.jsonl", "real.jsonl")
    elif how == "hard link":
        os.link(real, tmp_path / "in.jsonl")
        args = ("in.jsonl", "real.jsonl")
    elif how == "symlink output":
        os.symlink("real.jsonl", tmp_path / "out.jsonl")
        args = ("real.jsonl", "out.jsonl")
    else:
        os.symlink(".", tmp_path / "same")
        args = ("same/real.jsonl", "real.jsonl")
    before = snapshot(tmp_path)
    r = run(*args, cwd=tmp_path)
    _refused(r, tmp_path, before, "output would overwrite the input")


def test_symlink_output_writes_the_file_it_points_to(tmp_path: Path, src: Path) -> None:
    digest = sha(src)
    assert run("in.jsonl", "plain.jsonl", cwd=tmp_path).returncode == 0
    (tmp_path / "target.jsonl").write_text("old\n")
    os.symlink("target.jsonl", tmp_path / "out.jsonl")
    r = run("in.jsonl", "out.jsonl", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert os.readlink(tmp_path / "out.jsonl") == "target.jsonl", "the link is kept, its file rewritten"
    assert (tmp_path / "target.jsonl").read_bytes() == (tmp_path / "plain.jsonl").read_bytes()
    assert sha(src) == digest


# -- item 2: a FIFO or a character device as OUT ------------------------------------------


def _read_fifo(path: Path, got: list[bytes]) -> threading.Thread:
    def reader() -> None:
        with open(path, "rb") as f:
            got.append(f.read())

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    return t


def test_fifo_output_is_written_directly(tmp_path: Path, src: Path) -> None:
    digest = sha(src)
    assert run("in.jsonl", "plain.jsonl", cwd=tmp_path).returncode == 0
    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _read_fifo(fifo, got)
    r = run("in.jsonl", "f", "--format", "jsonl", cwd=tmp_path, timeout=60)
    reader.join(30)
    assert r.returncode == 0, r.stderr
    assert got == [(tmp_path / "plain.jsonl").read_bytes()], "the reader got the whole output"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO is still a FIFO"
    assert not any(p.name.startswith("f.") for p in tmp_path.iterdir()), "no temporary, checkpoint or error file"
    assert sha(src) == digest


def test_fifo_output_with_resume_is_refused(tmp_path: Path, src: Path) -> None:
    os.mkfifo(tmp_path / "f")
    before = snapshot(tmp_path)
    r = run("in.jsonl", "f", "--resume", cwd=tmp_path, timeout=30)
    _refused(r, tmp_path, before, "--resume needs a regular output file")


def test_full_device_fails_with_the_reason(tmp_path: Path, src: Path) -> None:
    if not stat.S_ISCHR(os.stat("/dev/full").st_mode):
        pytest.skip("no /dev/full")
    os.symlink("/dev/full", tmp_path / "full")
    before = snapshot(tmp_path)
    r = run("in.jsonl", "full", "--format", "jsonl", cwd=tmp_path)
    line = one_line_error(r)
    assert "No space left on device" in line and "full" in line, line
    assert snapshot(tmp_path) == before, "no temporary file, the link not replaced"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_null_device_is_written_not_replaced(tmp_path: Path, src: Path) -> None:
    os.symlink("/dev/null", tmp_path / "null")
    before = snapshot(tmp_path)
    r = run("in.jsonl", "null", "--format", "jsonl", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "60 records in, 60 out" in r.stderr
    assert snapshot(tmp_path) == before and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_directory_output_is_refused(tmp_path: Path, src: Path) -> None:
    (tmp_path / "d").mkdir()
    before = snapshot(tmp_path)
    _refused(run("in.jsonl", "d", cwd=tmp_path), tmp_path, before, "d: is a directory")


def test_parquet_output_checked_the_same_way(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"text": ["أَحْمَدُ", "x"]}), tmp_path / "in.parquet")
    digest = sha(tmp_path / "in.parquet")
    os.link(tmp_path / "in.parquet", tmp_path / "hard.parquet")
    os.mkfifo(tmp_path / "f.parquet")
    before = snapshot(tmp_path)
    _refused(run("in.parquet", "hard.parquet", cwd=tmp_path), tmp_path, before, "output would overwrite the input")
    _refused(run("in.parquet", "f.parquet", cwd=tmp_path, timeout=30), tmp_path, before,
             "parquet output needs a regular output file")
    os.symlink("in.parquet", tmp_path / "out.parquet.part")
    before = snapshot(tmp_path)
    _refused(run("in.parquet", "out.parquet", cwd=tmp_path), tmp_path, before,
             "the temporary output would overwrite the input in.parquet")
    assert sha(tmp_path / "in.parquet") == digest


def test_stdout_appending_to_the_input_is_refused(tmp_path: Path, src: Path) -> None:
    """``T corpus normalize in.jsonl - >> in.jsonl`` would read its own output forever."""
    import subprocess

    from safety_helpers import TOOLKIT

    digest = sha(src)
    with open(src, "ab") as f:
        r = subprocess.run([str(TOOLKIT), "corpus", "normalize", "--no-progress", "in.jsonl", "-"], cwd=tmp_path,
                           stdout=f, stderr=subprocess.PIPE, text=True, timeout=60)
    assert r.returncode == 2 and "-: the output (stdout) is the input in.jsonl" in one_line_error(r)
    assert sha(src) == digest
