"""A cached index corrupted in the middle, and the leftovers of a killed build (issue 14,
items 10 and 14): the index is checked when opened and rebuilt; stale temporary files go."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from toolkit.lexicon import Lexicon
from toolkit.lexicon.index import ensure
from toolkit.lexicon.integrity import STALE_TMP_SECONDS, clean_stale_tmps, is_whole, sum_path


def _corrupt_middle(db: Path, keep_mtime: bool = False) -> None:
    """Overwrite 8 KiB in the middle of the file: a page or two of SQLite garbage."""
    st = db.stat()
    with db.open("r+b") as fh:
        fh.seek(st.st_size // 2)
        fh.write(b"\xff\x00\x13" * 2731)
    if keep_mtime:
        os.utime(db, ns=(st.st_atime_ns, st.st_mtime_ns))


def _cli(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TOOLKIT_CACHE": str(cache)}
    return subprocess.run([sys.executable, "-m", "toolkit.cli", *args], capture_output=True, text=True, env=env, timeout=300)


def _big_rows(n: int = 3000) -> list[str]:
    return [f"per:p{i}\tPER\tPerson Number{i} Qasimi\tشخص رقم{i}\t\t\t\t\t" for i in range(n)]


def test_a_corrupted_index_is_rebuilt_on_open(tmp_path: Path, write_lexicon) -> None:  # type: ignore[no-untyped-def]
    src = write_lexicon(tmp_path / "big.tsv", _big_rows())
    db = ensure([src]).path
    assert sum_path(db).is_file() and is_whole(db)
    _corrupt_middle(db)
    assert not is_whole(db)
    report = ensure([src])
    assert report.rebuilt and is_whole(db)
    with Lexicon.from_paths([src]) as lex:
        assert lex.lookup("Person Number17 Qasimi", translit=False)[0].id == "per:p17"
        assert len(lex) == 3000


def test_an_index_without_a_record_is_checked_by_sqlite(tmp_path: Path, write_lexicon) -> None:  # type: ignore[no-untyped-def]
    src = write_lexicon(tmp_path / "big.tsv", _big_rows())
    db = ensure([src]).path
    sum_path(db).unlink()  # an index of an older version, or a build killed before its record
    _corrupt_middle(db, keep_mtime=True)
    assert ensure([src]).rebuilt
    assert is_whole(db) and sum_path(db).is_file()


def test_a_touched_index_is_not_rebuilt(tmp_path: Path, write_lexicon) -> None:  # type: ignore[no-untyped-def]
    src = write_lexicon(tmp_path / "big.tsv", _big_rows(50))
    db = ensure([src]).path
    os.utime(db, (time.time() + 5, time.time() + 5))
    assert not ensure([src]).rebuilt


def test_cli_rebuilds_a_corrupted_index(tmp_path: Path, write_lexicon, private_cache: Path) -> None:  # type: ignore[no-untyped-def]
    src = write_lexicon(tmp_path / "big.tsv", _big_rows())
    db = ensure([src]).path
    for args in (["lookup", "-l", str(src), "--no-translit", "Person Number5 Qasimi"], ["lexicon", "stats", str(src)]):
        _corrupt_middle(db)
        proc = _cli(*args, cache=private_cache)
        assert proc.returncode == 0, proc.stderr
        assert "Traceback" not in proc.stderr and "malformed" not in proc.stderr
    _corrupt_middle(db)
    proc = _cli("lexicon", "build", str(src), cache=private_cache)
    assert proc.returncode == 0 and "up to date" not in proc.stdout and "3000 entities" in proc.stdout


def test_stale_temporary_files_are_removed(tmp_path: Path, write_lexicon) -> None:  # type: ignore[no-untyped-def]
    src = write_lexicon(tmp_path / "small.tsv", _big_rows(20))
    db = ensure([src]).path
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # reaped: its pid names no process now
    dead = db.with_name(f"{db.name}.pid{gone.pid}.x.tmp")
    dead.write_bytes(b"\0" * 4096)
    unnamed_old = db.with_name(f"{db.name}.abc123.tmp")
    unnamed_old.write_bytes(b"\0" * 4096)
    past = time.time() - STALE_TMP_SECONDS - 60
    os.utime(unnamed_old, (past, past))
    unnamed_new = db.with_name(f"{db.name}.def456.tmp")
    unnamed_new.write_bytes(b"\0")
    live = db.with_name(f"{db.name}.pid{os.getpid()}.y.tmp")
    live.write_bytes(b"\0")
    removed = clean_stale_tmps(db)
    assert set(removed) == {dead, unnamed_old}
    assert live.exists() and unnamed_new.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_build_leaves_nothing_after_the_next_build(tmp_path: Path, write_lexicon, private_cache: Path) -> None:  # type: ignore[no-untyped-def]
    src = write_lexicon(tmp_path / "big.tsv", _big_rows())
    script = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        import toolkit.lexicon.index as ix
        fill = ix._fill
        def slow(*args):
            n = fill(*args)
            print("filling", flush=True)
            time.sleep(120)
            return n
        ix._fill = slow
        ix.ensure([Path({str(src)!r})])
        """
    )
    env = {**os.environ, "TOOLKIT_CACHE": str(private_cache)}
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None and child.stdout.readline().strip() == "filling"
    tmps = list(private_cache.glob("*.tmp"))
    assert tmps and tmps[0].stat().st_size > 0  # the half-built index
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert all(p.exists() for p in tmps)  # a kill runs no cleanup
    report = ensure([src.resolve()], private_cache)
    assert report.rebuilt
    assert sorted(p.name for p in private_cache.iterdir()) == sorted([report.path.name, sum_path(report.path).name])
