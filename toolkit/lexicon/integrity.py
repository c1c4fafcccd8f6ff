"""Is a cached index whole, and the leftovers of killed builds.

Why: an index corrupted in the middle (a disk fault, a copy cut short, bytes written
over) used to open fine and then fail deep in a lookup with ``sqlite3.DatabaseError:
database disk image is malformed``, while ``lexicon build`` called it up to date. So a
build records the index's size, mtime and SHA-256 in a small side file
(``<index>.sum``); opening compares size and mtime only (a stat, no read), hashes the
file only when they moved, and runs ``PRAGMA quick_check`` when there is no record (an
index of an older version, or a build killed between the rename and the record). An
index that fails is rebuilt.

A killed build leaves its temporary file (as big as the index) in the cache; each build
name carries the builder's process id, and the next build removes those of processes
that are gone (and unnamed ones older than an hour).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sqlite3
import time
from pathlib import Path

log = logging.getLogger(__name__)

#: Temporary files without a process id are stale after this many seconds (chosen: a
#: full build of the largest lexicon measured takes minutes, not an hour).
STALE_TMP_SECONDS = 3600.0

_PID_RE = re.compile(r"\.pid(\d+)\.")


def sum_path(db: Path) -> Path:
    """The side file holding the index's recorded size, mtime and hash."""
    return db.with_name(db.name + ".sum")


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def record(db: Path, sha256: str | None = None) -> None:
    """Write the side file of a whole index (atomically); a read-only cache is logged,
    not fatal: the next open checks the index again."""
    st = db.stat()
    data = {"size": st.st_size, "mtime": st.st_mtime_ns, "sha256": sha256 or file_sha256(db)}
    target = sum_path(db)
    tmp = target.with_name(f"{target.name}.pid{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:
        log.info("could not record the checksum of %s: %s", db, exc)
        tmp.unlink(missing_ok=True)


def _recorded(db: Path) -> dict | None:
    try:
        data = json.loads(sum_path(db).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and {"size", "mtime", "sha256"} <= data.keys() else None


def quick_check(db: Path) -> bool:
    """``PRAGMA quick_check`` on a read-only connection: True when SQLite finds the
    file sound."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            rows = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.Error as exc:
        log.info("index %s failed its check: %s", db, exc)
        return False
    return rows == [("ok",)]


def is_whole(db: Path) -> bool:
    """True when the index is as its build left it (see the module docstring)."""
    try:
        st = db.stat()
    except OSError:
        return False
    rec = _recorded(db)
    if rec is None:
        if not quick_check(db):
            return False
        record(db)
        return True
    if rec["size"] == st.st_size and rec["mtime"] == st.st_mtime_ns:
        return True
    if rec["size"] != st.st_size or file_sha256(db) != rec["sha256"]:
        log.info("index %s changed since it was built: rebuilding it", db)
        return False
    record(db, rec["sha256"])  # touched, not changed
    return True


def tmp_prefix(db: Path) -> str:
    """The prefix of a build's temporary file: the index name and the builder's pid."""
    return f"{db.name}.pid{os.getpid()}."


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def clean_stale_tmps(db: Path) -> list[Path]:
    """Remove the temporary files that builds of ``db`` killed before the end left; the
    files of builds still running stay. Returns what was removed."""
    removed: list[Path] = []
    now = time.time()
    for path in db.parent.glob(db.name + ".*.tmp"):
        m = _PID_RE.search(path.name[len(db.name) :])
        try:
            stale = not _alive(int(m.group(1))) if m else now - path.stat().st_mtime > STALE_TMP_SECONDS
            if stale:
                path.unlink()
                removed.append(path)
        except OSError as exc:
            log.info("could not remove the stale build file %s: %s", path, exc)
    return removed
