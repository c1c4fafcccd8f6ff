"""Reading a compiled lexicon index: every SQL statement of the lookup, and its row caches.

Why apart from the lookup: the tables (see :mod:`.index`) are read in a dozen ways, each
a one-liner that was scattered through the ranking code; and the choices of what to hold
in memory (all name rows of a small lexicon in a batch, posting lists up to a budget) are
about the storage, not the ranking. The rows come back as plain tuples:

* name row: ``(rowid, entity, surface, skel, syms, type)``;
* entity row: ``(id, type, en, ar)``, by entity rowid.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..lexdata.schema import Entry
from .params import LookupParams

NameRow = tuple[int, int, str, str, str, str]
EntityRow = tuple[str, str, str, str]

#: Host parameters per ``IN (...)`` statement: under SQLite's historical limit of 999.
_SQL_CHUNK = 900


@dataclass
class Vocab:
    """The part vocabulary: each distinct part skeleton, its vocab rowid and document
    frequency (parallel lists, in table order), and the position of each part."""

    tokens: list[str] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    df: list[int] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)


class Store:
    """One read-only SQLite connection to an index, with the caches of its rows."""

    def __init__(self, path: Path, params: LookupParams) -> None:
        self.path = Path(path)
        self.params = params
        self._con = self._connect()
        self._vocab: Vocab | None = None
        self._rows: list | None = None  # name rows by rowid, once held in memory
        self._entities: dict[int, EntityRow] | None = None
        self._scripts: dict[str, bool] = {}  # does the lexicon hold names in this script
        self._pool_reads = 0
        self._postings: dict[int, np.ndarray] = {}
        self._postings_size = 0
        self.n_names = int(self.meta().get("names", "0") or 0)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)

    def reconnect(self) -> None:
        """A new connection (in a forked process: one must not cross a fork); the row
        caches are kept."""
        self._con = self._connect()

    def close(self) -> None:
        self._con.close()

    # ------------------------------------------------------------ entities and names, whole

    def meta(self) -> dict[str, str]:
        return dict(self._con.execute("SELECT key, value FROM meta").fetchall())

    def count_entities(self) -> int:
        return self._con.execute("SELECT COUNT(*) FROM entity").fetchone()[0]

    def entry(self, id: str) -> Entry | None:
        row = self._con.execute("SELECT * FROM entity WHERE id = ?", (id,)).fetchone()
        return None if row is None else _entry(row)

    def entries(self) -> Iterator[Entry]:
        for row in self._con.execute("SELECT * FROM entity ORDER BY rowid"):
            yield _entry(row)

    def surfaces(self, script: str) -> Iterator[tuple[str, str]]:
        """(surface, entity id) of every name in one script, in index order."""
        sql = "SELECT n.surface, e.id FROM name n JOIN entity e ON e.rowid = n.entity WHERE n.script = ? ORDER BY n.rowid"
        yield from self._con.execute(sql, (script,))

    def counts(self) -> dict[str, dict[str, int]]:
        """Entities per type and per source file, names per kind."""
        con = self._con
        return {
            "by_type": dict(con.execute("SELECT type, COUNT(*) FROM entity GROUP BY type ORDER BY type")),
            "by_source": dict(con.execute("SELECT source, COUNT(*) FROM entity GROUP BY source ORDER BY source")),
            "by_kind": dict(con.execute("SELECT kind, COUNT(*) FROM name GROUP BY kind ORDER BY kind")),
        }

    def has_names(self, script: str) -> bool:
        if script not in self._scripts:
            found = self._con.execute("SELECT 1 FROM name WHERE script = ? LIMIT 1", (script,)).fetchone()
            self._scripts[script] = found is not None
        return self._scripts[script]

    # ------------------------------------------------------------ the exact tiers

    def by_norm(self, norm: str) -> list[tuple[int, str, str]]:
        """(entity, kind, surface) of the names whose search form is ``norm``."""
        return self._con.execute("SELECT entity, kind, surface FROM name WHERE norm = ?", (norm,)).fetchall()

    def by_key(self, mkey: str) -> list[tuple[int, str, str]]:
        """(entity, surface, syms) of the names whose match key is ``mkey``."""
        return self._con.execute("SELECT entity, surface, syms FROM name WHERE mkey = ?", (mkey,)).fetchall()

    def by_key_in_script(self, mkey: str, script: str) -> list[tuple[int, str]]:
        """(entity, surface) of the names of one script whose match key is ``mkey``."""
        sql = "SELECT entity, surface FROM name WHERE mkey = ? AND script = ?"
        return self._con.execute(sql, (mkey, script)).fetchall()

    # ------------------------------------------------------------ candidates

    def by_skeleton(self, skel: str, limit: int) -> list[int]:
        """Rowids of (at most ``limit``) names whose whole skeleton is ``skel``."""
        found = self._con.execute("SELECT rowid FROM name WHERE skel = ? LIMIT ?", (skel, limit)).fetchall()
        return [r[0] for r in found]

    def joined(self, units: list[str]) -> list[np.ndarray]:
        """The name rowids of each joined pair of parts equal to one of ``units``."""
        sql = f"SELECT names FROM joined WHERE tok IN ({','.join('?' * len(units))})"
        return [np.frombuffer(blob, dtype="<i4")[: self.params.max_postings] for (blob,) in self._con.execute(sql, units)]

    def vocab(self) -> Vocab:
        """The part vocabulary, read once."""
        if self._vocab is None:
            rows = self._con.execute("SELECT rowid, tok, df FROM vocab").fetchall()
            tokens = [r[1] for r in rows]
            self._vocab = Vocab(
                tokens=tokens, ids=[r[0] for r in rows], df=[r[2] for r in rows],
                index={tok: i for i, tok in enumerate(tokens)},
            )
        return self._vocab

    def posting(self, vid: int) -> np.ndarray:
        """The name rowids holding one vocabulary part (kept in memory up to a budget)."""
        arr = self._postings.get(vid)
        if arr is None:
            (blob,) = self._con.execute("SELECT names FROM vocab WHERE rowid = ?", (vid,)).fetchone()
            arr = np.frombuffer(blob, dtype="<i4")[: self.params.max_postings]
            if self._postings_size + len(arr) > self.params.cache_postings:
                self._postings.clear()
                self._postings_size = 0
            self._postings[vid] = arr
            self._postings_size += len(arr)
        return arr

    @property
    def rows_in_memory(self) -> bool:
        """Whether the name rows are, or will be once a batch needs them, held in memory."""
        return self._rows is not None or self.n_names <= self.params.in_memory_names

    def name_rows(self, ids: list[int]) -> list[NameRow]:
        """The name rows of these rowids; from memory for lexicons small enough to hold,
        else from SQLite."""
        self._pool_reads += 1
        p = self.params
        # Held in memory only for a batch (a single cold lookup reads a few rows faster).
        if self.n_names <= p.in_memory_names and (self._rows is not None or self._pool_reads > p.memory_after):
            if self._rows is None:
                rows: list = [None] * (self.n_names + 1)
                for r in self._con.execute("SELECT rowid, entity, surface, skel, syms, type FROM name"):
                    rows[r[0]] = r
                self._rows = rows
            return [self._rows[i] for i in ids]
        out: list[NameRow] = []
        for chunk in _chunks(ids):
            sql = f"SELECT rowid, entity, surface, skel, syms, type FROM name WHERE rowid IN ({','.join('?' * len(chunk))})"
            out.extend(self._con.execute(sql, chunk))
        return out

    def entity_rows(self, ids: list[int]) -> dict[int, EntityRow]:
        """The entity rows of these entity rowids; held in memory alongside the name rows."""
        if self._rows is not None:
            if self._entities is None:
                self._entities = {r[0]: r[1:] for r in self._con.execute("SELECT rowid, id, type, en, ar FROM entity")}
            ents = self._entities
            return {i: ents[i] for i in ids if i in ents}
        out: dict[int, EntityRow] = {}
        for chunk in _chunks(ids):
            sql = f"SELECT rowid, id, type, en, ar FROM entity WHERE rowid IN ({','.join('?' * len(chunk))})"
            for row in self._con.execute(sql, chunk):
                out[row[0]] = row[1:]
        return out


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _SQL_CHUNK):
        yield ids[i : i + _SQL_CHUNK]


def _entry(row: tuple) -> Entry:
    _, id_, type_, en, ar, env, arv, acr, parent, note, source, line = row
    return Entry(
        id=id_, type=type_, en=en, ar=ar,
        en_variants=tuple(json.loads(env)), ar_variants=tuple(json.loads(arv)), acronyms=tuple(json.loads(acr)),
        parent=parent, note=note, source=source, line=line,
    )
