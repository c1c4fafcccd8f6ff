"""The compiled lexicon index: one SQLite file per set of sources, cached and rebuilt
when a source changes.

Why SQLite: it is in the standard library, opens in a millisecond (so a cold
``toolkit lookup`` stays fast), and its B-tree indexes answer the exact, key and
candidate queries of a million-name lexicon without loading it.  Why cached: parsing,
validating and normalizing a large lexicon takes seconds to minutes; the index is
reused until the size, mtime and (when those moved) SHA-256 of a source change, or
the code that computes the keys changes.  It is built into a temporary file and
renamed into place, so a reader never sees half an index, and a lexicon with errors
never replaces a good one.

Tables:

``entity``  one row per entity, all columns (multi-values as JSON lists), source, line.
``name``    one row per surface name: display form, kind, script, search form
            (``norm``), match key (``mkey``), cross-script skeleton (``skel``), the
            phonetic symbols of each part (``syms``) and their skeletons (``stoks``).
``vocab``   the distinct part skeletons (near consonants folded, see
            :attr:`~toolkit.lexicon.names.NameKeys.btoks`), their document frequency, and the names
            holding each as one packed int32 array (fuzzy candidate generation: one
            row read per query part, then numpy adds the weights up).
``joined``  two adjacent part skeletons joined -> names, packed the same way
            (run-together queries: "Hezbollah" finds "حزب الله", "Abdulrauf" finds
            "Abdul Rauf").
``meta``    format version, code hash, sources with size, mtime and hash, counts.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import sys
from array import array
import json
import logging
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..lexdata.errors import Issue, LexiconError
from ..lexdata.load import load_file
from ..lexdata.shipped import shipped_paths
from ..lexdata.validate import validate
from ..resources import cache_dir
from .integrity import clean_stale_tmps, file_sha256, is_whole, record, tmp_prefix
from .names import NameKeys, is_acronym_like, uncached_name_keys

FORMAT_VERSION = "1"
_BATCH = 50_000

#: Source files whose code decides the keys (globs under toolkit/); a change in any
#: rebuilds the index.
_KEY_CODE_GLOBS = ("normalize/*.py", "lexdata/*.py", "lexicon/names.py", "lexicon/index.py")


def code_hash() -> str:
    """A hash of the code that computes keys, so new normalizers rebuild old indexes."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256(FORMAT_VERSION.encode())
    for path in sorted({p for pattern in _KEY_CODE_GLOBS for p in root.glob(pattern)}):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def _stat(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


def index_path(sources: Sequence[Path], folder: Path | None = None) -> Path:
    """The cache file for this set of sources (one file per distinct set)."""
    key = hashlib.sha1("\n".join(str(p) for p in sources).encode()).hexdigest()[:16]
    return (folder or cache_dir()) / f"lexicon-{key}.sqlite"


def is_fresh(db: Path, sources: Sequence[Path]) -> bool:
    """True when ``db`` was built from exactly these sources, unchanged, by this code.

    Size and mtime are compared first; only when they moved is the file hashed, so a
    touched but unchanged lexicon is not rebuilt (its new mtime is recorded). An index
    that is not whole (corrupted since its build, see :mod:`.integrity`) is not fresh.
    """
    if not db.is_file() or not is_whole(db):
        return False
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        finally:
            con.close()
    except sqlite3.Error:
        return False
    if meta.get("format") != FORMAT_VERSION or meta.get("code") != code_hash():
        return False
    recorded = json.loads(meta.get("sources", "[]"))
    if [r["path"] for r in recorded] != [str(p) for p in sources]:
        return False
    touched = False
    for rec, path in zip(recorded, sources):
        try:
            size, mtime = _stat(path)
        except OSError:
            return False
        if size != rec["size"]:
            return False
        if mtime != rec["mtime"]:
            if file_sha256(path) != rec["sha256"]:
                return False
            rec["mtime"] = mtime
            touched = True
    if touched:
        try:
            con = sqlite3.connect(db)
            with con:
                con.execute("UPDATE meta SET value = ? WHERE key = 'sources'", (json.dumps(recorded),))
            con.close()
            record(db)
        except sqlite3.Error as exc:  # read-only cache: we will simply hash again next time
            logging.getLogger(__name__).info("could not record new source mtimes in %s: %s", db, exc)
    return True


@dataclass(frozen=True)
class BuildReport:
    """What a build did: where the index is, how big, how long, and the warnings."""

    path: Path
    entities: int
    names: int
    seconds: float
    warnings: tuple[Issue, ...]
    rebuilt: bool


def load_and_validate(sources: Sequence[Path], known_ids: Iterable[str] = ()) -> tuple[list, list[Issue]]:
    """Read and validate all sources together; raise :class:`LexiconError` listing every
    error (malformed files stop at the first one).  Returns entries and warnings."""
    loads = [load_file(p) for p in sources]
    entries = [e for ld in loads for e in ld.entries]
    issues = [w for ld in loads for w in ld.warnings]
    issues += validate(entries, curated_sources=[ld.source for ld in loads if ld.curated], known_ids=known_ids)
    errors = [i for i in issues if i.severity == "error"]
    if errors:
        raise LexiconError(errors)
    return entries, [i for i in issues if i.severity == "warning"]


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entity (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, type TEXT NOT NULL, en TEXT NOT NULL, ar TEXT NOT NULL,
    en_variants TEXT NOT NULL, ar_variants TEXT NOT NULL, acronyms TEXT NOT NULL,
    parent TEXT NOT NULL, note TEXT NOT NULL, source TEXT NOT NULL, line INTEGER NOT NULL
);
CREATE TABLE name (
    rowid INTEGER PRIMARY KEY, entity INTEGER NOT NULL, surface TEXT NOT NULL, kind TEXT NOT NULL,
    type TEXT NOT NULL, script TEXT NOT NULL, norm TEXT NOT NULL, mkey TEXT NOT NULL, skel TEXT NOT NULL,
    syms TEXT NOT NULL, stoks TEXT NOT NULL
);
CREATE TABLE vocab (rowid INTEGER PRIMARY KEY, tok TEXT NOT NULL, df INTEGER NOT NULL, names BLOB NOT NULL);
CREATE TABLE joined (tok TEXT PRIMARY KEY, names BLOB NOT NULL) WITHOUT ROWID;
"""

_INDEXES = """
CREATE UNIQUE INDEX entity_id ON entity(id);
CREATE INDEX name_norm ON name(norm);
CREATE INDEX name_mkey ON name(mkey);
CREATE INDEX name_skel ON name(skel);
CREATE INDEX name_entity ON name(entity);
CREATE UNIQUE INDEX vocab_tok ON vocab(tok);
"""


def build(
    sources: Sequence[Path],
    db: Path,
    known_ids: Iterable[str] = (),
    progress: bool = False,
) -> BuildReport:
    """Compile ``sources`` into the SQLite file ``db`` (atomically replaced)."""
    start = time.perf_counter()
    sources = [Path(p) for p in sources]
    entries, warnings = load_and_validate(sources, known_ids)
    stats = [(p, *_stat(p)) for p in sources]
    db.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_tmps(db)
    fd, tmp_name = tempfile.mkstemp(prefix=tmp_prefix(db), suffix=".tmp", dir=db.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        con = sqlite3.connect(tmp)
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        con.execute("PRAGMA cache_size = -200000")
        con.executescript(_SCHEMA)
        n_names = _fill(con, entries, progress)
        con.executescript(_INDEXES)
        meta = {
            "format": FORMAT_VERSION,
            "code": code_hash(),
            "sources": json.dumps(
                [
                    {"path": str(p), "size": size, "mtime": mtime, "sha256": file_sha256(p)}
                    for p, size, mtime in stats
                ]
            ),
            "entities": str(len(entries)),
            "names": str(n_names),
            "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        con.commit()
        con.execute("ANALYZE")
        con.commit()
        con.close()
        sha = file_sha256(tmp)
        os.replace(tmp, db)
        record(db, sha)
    finally:
        if tmp.exists():
            tmp.unlink()
    return BuildReport(db, len(entries), n_names, time.perf_counter() - start, tuple(warnings), True)


def _fill(con: sqlite3.Connection, entries: list, progress: bool) -> int:
    vocab: dict[str, array] = {}
    joined: dict[str, array] = {}
    ent_rows: list[tuple] = []
    name_rows: list[tuple] = []
    name_id = 0

    def flush() -> None:
        con.executemany("INSERT INTO entity VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", ent_rows)
        con.executemany("INSERT INTO name VALUES (?,?,?,?,?,?,?,?,?,?,?)", name_rows)
        ent_rows.clear()
        name_rows.clear()

    keys = _all_keys(entries)
    for ent_id, e in enumerate(entries, start=1):
        ent_rows.append(
            (
                ent_id, e.id, e.type, e.en, e.ar,
                json.dumps(list(e.en_variants), ensure_ascii=False),
                json.dumps(list(e.ar_variants), ensure_ascii=False),
                json.dumps(list(e.acronyms), ensure_ascii=False),
                e.parent, e.note, e.source, e.line,
            )
        )
        seen: set[tuple[str, bool]] = set()
        for surface, kind in e.surfaces():
            k = next(keys)
            if not k.norm or (k.norm, kind == "acronym") in seen:
                continue
            seen.add((k.norm, kind == "acronym"))
            name_id += 1
            # Acronyms (and acronym-like variants such as "KSM") match exactly or by
            # key, never by skeleton or parts: "KSM" is not a spelling of "Qassem".
            short = kind == "acronym" or is_acronym_like(surface)
            name_rows.append(
                (
                    name_id, ent_id, surface, kind, e.type, k.script, k.norm, k.mkey,
                    "" if short else k.skel, " ".join(k.syms), " ".join(k.stoks),
                )
            )
            if short:
                continue
            btoks = k.btoks
            for tok in set(btoks):
                arr = vocab.get(tok)
                if arr is None:
                    arr = vocab[tok] = array("i")
                arr.append(name_id)
            for i in range(len(btoks) - 1):
                tok = btoks[i] + btoks[i + 1]
                arr = joined.get(tok)
                if arr is None:
                    arr = joined[tok] = array("i")
                arr.append(name_id)
        if len(name_rows) >= _BATCH:
            flush()
            if progress:
                print(f"  {ent_id:,} entities", flush=True)
    flush()
    little = sys.byteorder == "little"
    con.executemany(
        "INSERT INTO vocab VALUES (?,?,?,?)",
        ((vid, tok, len(arr), _packed(arr, little)) for vid, (tok, arr) in enumerate(vocab.items(), start=1)),
    )
    con.executemany("INSERT INTO joined VALUES (?,?)", ((tok, _packed(arr, little)) for tok, arr in joined.items()))
    return name_id


#: Lexicons with more names than this compute their keys in worker processes.
_PARALLEL_NAMES = 50_000


def _build_workers() -> int:
    env = os.environ.get("TOOLKIT_BUILD_WORKERS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(4, os.cpu_count() or 1))


def _keys_tuple(surface: str) -> tuple:
    k = uncached_name_keys(surface)
    return (k.script, k.norm, k.mkey, k.skel, k.syms, k.stoks)


def _all_keys(entries: list) -> Iterator[NameKeys]:
    """The keys of every surface of every entry, in order.  Normalizing is most of a
    build's time, so large lexicons spread it over worker processes (forked, so they
    share the loaded code; results come back as plain tuples, in order)."""
    surfaces = (surface for e in entries for surface, _ in e.surfaces())
    workers = _build_workers()
    total = sum(len(e.surfaces()) for e in entries) if len(entries) > _PARALLEL_NAMES // 4 else 0
    if workers < 2 or total < _PARALLEL_NAMES or "fork" not in multiprocessing.get_all_start_methods():
        for surface in surfaces:
            yield uncached_name_keys(surface)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for t in pool.imap(_keys_tuple, surfaces, chunksize=2000):
            yield NameKeys(*t)


def _packed(arr: array, little: bool) -> bytes:
    """Name ids as little-endian int32 bytes (what numpy reads back with ``<i4``)."""
    if not little:
        arr = array("i", arr)
        arr.byteswap()
    return arr.tobytes()


def ensure(sources: Sequence[Path], folder: Path | None = None, known_ids: Iterable[str] = ()) -> BuildReport:
    """The fresh index of ``sources``: reuse the cached one, or build it."""
    sources = [Path(p).resolve() for p in sources]
    db = index_path(sources, folder)
    if is_fresh(db, sources):
        return BuildReport(db, -1, -1, 0.0, (), False)
    try:
        return build(sources, db, known_ids)
    except PermissionError:
        if folder is not None:
            raise
        # A read-only home (containers, CI): fall back to a private temp folder.
        fallback = Path(tempfile.gettempdir()) / f"toolkit-cache-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
        db = index_path(sources, fallback)
        if is_fresh(db, sources):
            return BuildReport(db, -1, -1, 0.0, (), False)
        return build(sources, db, known_ids)
