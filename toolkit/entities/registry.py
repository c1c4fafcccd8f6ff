"""A registry of entities across documents, in SQLite (the embedded default).

Why: many report pairs should build one list where "Kataeb Hezbollah" has one id in
every document.  Each document's entities are resolved against the registry (same
lexicon id, else the same normalized name in either script and a compatible type); new
ones get a stable id.  Every decision is stored with its reason (``explain``).

Merges are reversible by construction: a merge only sets ``merged_into`` on the
absorbed entity and records the merge; mentions and names stay attached to the entity
they were first filed under, so ``unmerge`` restores both entities exactly, and no
mention is ever lost.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from ..normalize.arabic import normalize_arabic
from ..normalize.latin import normalize_latin
from ..normalize.script import lang_of
from .model import EntityList

T = TypeVar("T")

SCHEMA = """
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, en TEXT, ar TEXT, lexicon_id TEXT,
    merged_into TEXT, created REAL
);
CREATE TABLE IF NOT EXISTS names (
    entity_id TEXT NOT NULL, lang TEXT NOT NULL, key TEXT NOT NULL, surface TEXT,
    UNIQUE (entity_id, lang, key)
);
CREATE INDEX IF NOT EXISTS names_key ON names (key);
CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY, entity_id TEXT NOT NULL, doc TEXT NOT NULL, lang TEXT, start INTEGER,
    "end" INTEGER, text TEXT, sentence INTEGER, source TEXT
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions (entity_id);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc);
CREATE TABLE IF NOT EXISTS docs (doc TEXT PRIMARY KEY, added REAL, n_entities INTEGER);
CREATE TABLE IF NOT EXISTS assignments (
    doc TEXT NOT NULL, local_id TEXT NOT NULL, entity_id TEXT NOT NULL, action TEXT, reason TEXT
);
CREATE INDEX IF NOT EXISTS assignments_doc ON assignments (doc);
CREATE INDEX IF NOT EXISTS assignments_entity ON assignments (entity_id);
CREATE TABLE IF NOT EXISTS merges (
    id INTEGER PRIMARY KEY, kept TEXT NOT NULL, merged TEXT NOT NULL, reason TEXT, at REAL, undone_at REAL
);
"""


@dataclass(frozen=True, slots=True)
class Assignment:
    """How one entity of a document was filed: ``new``, ``matched`` or ``merged``."""

    local_id: str
    entity_id: str
    action: str
    reason: str


@dataclass(frozen=True, slots=True)
class Filing:
    """A document's entities once filed: relabelled with their registry ids, and how each
    was filed (in the order of the list)."""

    entities: EntityList
    assignments: tuple[Assignment, ...]

    @property
    def new(self) -> int:
        """How many entities the registry did not know before."""
        return sum(1 for a in self.assignments if a.action == "new")


@dataclass(frozen=True, slots=True)
class RegistryEntity:
    id: str
    type: str
    en: str
    ar: str
    lexicon_id: str
    names: tuple[tuple[str, str], ...]  # (lang, surface)
    mentions: tuple[dict[str, object], ...]
    merged_from: tuple[str, ...]


def _key(text: str, lang: str) -> str:
    if lang == "ar":
        return normalize_arabic(text, "match")
    return normalize_latin(text, "match")


def _attested(e: object, name: str, lang: str) -> bool:
    """A name from the lexicon or written in the document (not a transliteration guess)."""
    if getattr(e, "lexicon_id", ""):
        return True
    return any(m.lang == lang and name in (m.name, m.text) for m in getattr(e, "mentions", ()))


class RegistryError(ValueError):
    """A registry file that cannot be opened or an operation that cannot be done."""


#: Seconds a registry waits for another writer before it says it is locked (chosen: a
#: filing takes well under a second; ``TOOLKIT_REGISTRY_TIMEOUT`` or ``timeout=`` changes it).
LOCK_TIMEOUT = 30.0


def registry_error(path: Path, exc: sqlite3.Error, timeout: float) -> RegistryError:
    """One line saying why SQLite refused: locked by another writer, corrupt, or else."""
    msg = str(exc)
    if "locked" in msg or "busy" in msg:
        return RegistryError(f"{path}: the registry is locked by another writer (waited {timeout:g} s); try again later")
    if "not a database" in msg:
        return RegistryError(f"{path}: not a registry database ({msg})")
    if "malformed" in msg or not isinstance(exc, sqlite3.OperationalError):
        return RegistryError(f"{path}: the registry is corrupt ({msg}); restore it from a backup")
    return RegistryError(f"{path}: cannot use the registry ({msg})")


class _Rows(list):
    """The rows of one statement, read at once: a corrupt page or a lock then fails in
    :meth:`_Db.execute`, as a :class:`RegistryError`, not later in a loop."""

    def __init__(self, cur: sqlite3.Cursor) -> None:
        super().__init__(cur.fetchall())
        self.lastrowid = cur.lastrowid

    def fetchone(self) -> tuple | None:
        return self[0] if self else None

    fetchall = list.copy


class _Db:
    """The registry's SQLite connection, every failure of it a one-line :class:`RegistryError`."""

    def __init__(self, path: Path, timeout: float) -> None:
        self.path, self.timeout = path, timeout
        self.con = self._guard(sqlite3.connect, str(path), timeout=timeout)

    def _guard(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        try:
            return fn(*args, **kwargs)
        except sqlite3.Error as exc:
            raise registry_error(self.path, exc, self.timeout) from exc

    def execute(self, sql: str, params: Iterable = ()) -> _Rows:
        return self._guard(lambda: _Rows(self.con.execute(sql, tuple(params))))

    def executemany(self, sql: str, rows: Iterable) -> None:
        self._guard(self.con.executemany, sql, rows)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> _Db:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            return self._guard(self.con.commit)
        try:
            self.con.rollback()
        except sqlite3.Error as err:  # the error being raised says more than this one
            logging.getLogger(__name__).info("rollback of %s failed: %s", self.path, err)


class Registry:
    """Entities across documents; ``Registry(path)`` creates the file when missing. Still
    locked after ``timeout`` s (:data:`LOCK_TIMEOUT`), corrupt (``PRAGMA quick_check`` on
    open: nothing is filed into a damaged file), or not a registry: a one-line
    :class:`RegistryError` naming the file."""

    def __init__(self, path: str | Path, timeout: float | None = None) -> None:
        self.path = Path(path)
        self.db = _Db(self.path, float(os.environ.get("TOOLKIT_REGISTRY_TIMEOUT", LOCK_TIMEOUT)) if timeout is None else timeout)
        try:
            self.db._guard(self.db.con.executescript, SCHEMA)
            problem = " ".join(str(self.db.execute("PRAGMA quick_check(1)")[0][0]).replace("*** in database main ***", "").split())
            if problem != "ok":
                raise registry_error(self.path, sqlite3.DatabaseError(f"malformed: {problem}"), 0)
        except RegistryError:
            self.db.close()
            raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Registry":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ reading

    def canonical(self, entity_id: str) -> str:
        seen = set()
        cur = entity_id
        while cur not in seen:
            seen.add(cur)
            row = self.db.execute("SELECT merged_into FROM entities WHERE id = ?", (cur,)).fetchone()
            if row is None or not row[0]:
                return cur
            cur = row[0]
        return cur

    def _members(self, entity_id: str) -> list[str]:
        """The entity and every entity merged into it (transitively)."""
        out = [entity_id]
        i = 0
        while i < len(out):
            out.extend(r[0] for r in self.db.execute("SELECT id FROM entities WHERE merged_into = ?", (out[i],)))
            i += 1
        return out

    def get(self, entity_id: str) -> RegistryEntity | None:
        cid = self.canonical(entity_id)
        row = self.db.execute("SELECT id, type, en, ar, lexicon_id FROM entities WHERE id = ?", (cid,)).fetchone()
        if row is None:
            return None
        members = self._members(cid)
        marks = ",".join("?" * len(members))
        names = tuple(
            (r[0], r[1]) for r in self.db.execute(
                f"SELECT DISTINCT lang, surface FROM names WHERE entity_id IN ({marks}) ORDER BY lang, surface", members)
        )
        mentions = tuple(
            {"doc": r[0], "lang": r[1], "start": r[2], "end": r[3], "text": r[4], "sentence": r[5], "source": r[6], "filed_under": r[7]}
            for r in self.db.execute(
                f'SELECT doc, lang, start, "end", text, sentence, source, entity_id FROM mentions WHERE entity_id IN ({marks}) ORDER BY doc, lang, start',
                members,
            )
        )
        return RegistryEntity(row[0], row[1], row[2] or "", row[3] or "", row[4] or "", names, mentions, tuple(members[1:]))

    def entities(self) -> Iterator[RegistryEntity]:
        for (eid,) in self.db.execute("SELECT id FROM entities WHERE merged_into IS NULL ORDER BY created, id").fetchall():
            e = self.get(eid)
            if e is not None:
                yield e

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM entities WHERE merged_into IS NULL").fetchone()[0])

    def find(self, name: str) -> list[str]:
        """Registry ids (canonical) whose names normalize like ``name``."""
        lang = lang_of(name)
        rows = self.db.execute("SELECT DISTINCT entity_id FROM names WHERE key = ? AND lang = ?", (_key(name, lang), lang))
        return sorted({self.canonical(r[0]) for r in rows})

    def explain(self, entity_id: str) -> list[str]:
        """Why the entity is what it is: every filing decision and every merge."""
        cid = self.canonical(entity_id)
        members = self._members(cid)
        marks = ",".join("?" * len(members))
        out = [
            f"{doc}: {local} -> {eid} ({action}: {reason})"
            for doc, local, eid, action, reason in self.db.execute(
                f"SELECT doc, local_id, entity_id, action, reason FROM assignments WHERE entity_id IN ({marks}) ORDER BY rowid", members)
        ]
        for mid, kept, merged, reason, undone in self.db.execute(
            f"SELECT id, kept, merged, reason, undone_at FROM merges WHERE kept IN ({marks}) OR merged IN ({marks}) ORDER BY id",
            members + members,
        ):
            out.append(f"merge #{mid}: {merged} into {kept} ({reason})" + (" [undone]" if undone else ""))
        return out

    def merges(self) -> list[tuple[int, str, str, str, bool]]:
        return [(r[0], r[1], r[2], r[3], r[4] is not None) for r in
                self.db.execute("SELECT id, kept, merged, reason, undone_at FROM merges ORDER BY id")]

    # ------------------------------------------------------------------ writing

    def merge(self, keep: str, other: str, reason: str) -> int:
        """Merge ``other`` into ``keep``; returns the merge id (for :meth:`unmerge`)."""
        k, o = self.canonical(keep), self.canonical(other)
        if k == o:
            raise RegistryError(f"{keep} and {other} are already one entity ({k})")
        for x in (k, o):
            if self.db.execute("SELECT 1 FROM entities WHERE id = ?", (x,)).fetchone() is None:
                raise RegistryError(f"no entity {x!r} in {self.path}")
        with self.db:
            self.db.execute("UPDATE entities SET merged_into = ? WHERE id = ?", (k, o))
            cur = self.db.execute("INSERT INTO merges (kept, merged, reason, at) VALUES (?, ?, ?, ?)", (k, o, reason, time.time()))
        return int(cur.lastrowid or 0)

    def unmerge(self, merge_id: int) -> None:
        """Undo a merge: the absorbed entity comes back with all its names and mentions."""
        row = self.db.execute("SELECT kept, merged, undone_at FROM merges WHERE id = ?", (merge_id,)).fetchone()
        if row is None:
            raise RegistryError(f"no merge #{merge_id} in {self.path}")
        if row[2] is not None:
            raise RegistryError(f"merge #{merge_id} was already undone")
        with self.db:
            self.db.execute("UPDATE entities SET merged_into = NULL WHERE id = ? AND merged_into = ?", (row[1], row[0]))
            self.db.execute("UPDATE merges SET undone_at = ? WHERE id = ?", (time.time(), merge_id))

    def import_entities(self, rows: Iterable[tuple[str, str, str, str]]) -> int:
        """Bulk-load (id, type, en, ar) rows, e.g. a lexicon, without documents."""
        now = time.time()
        ents: list[tuple[str, str, str, str, str, float]] = []
        names: list[tuple[str, str, str, str]] = []
        for eid, typ, en, ar in rows:
            ents.append((eid, typ, en, ar, "", now))
            for lang, name in (("en", en), ("ar", ar)):
                if name:
                    names.append((eid, lang, _key(name, lang), name))
        with self.db:
            self.db.executemany("INSERT OR IGNORE INTO entities (id, type, en, ar, lexicon_id, created) VALUES (?, ?, ?, ?, ?, ?)", ents)
            self.db.executemany("INSERT OR IGNORE INTO names (entity_id, lang, key, surface) VALUES (?, ?, ?, ?)", names)
        return len(ents)

    def add(self, entities: EntityList, doc: str) -> list[Assignment]:
        """File the entities of document ``doc``; re-adding a document replaces it."""
        out: list[Assignment] = []
        now = time.time()
        with self.db:
            self.db.execute("DELETE FROM mentions WHERE doc = ?", (doc,))
            self.db.execute("DELETE FROM assignments WHERE doc = ?", (doc,))
            for e in entities:
                a = self._resolve(e, now)
                out.append(a)
                self.db.execute("INSERT INTO assignments (doc, local_id, entity_id, action, reason) VALUES (?, ?, ?, ?, ?)",
                                (doc, e.id, a.entity_id, a.action, a.reason))
                target = a.entity_id
                for lang, names in (("en", [e.en, *e.variants_en]), ("ar", [e.ar, *e.variants_ar])):
                    for name in names:
                        if not _attested(e, name, lang):
                            continue  # a transliteration guess is not a name of record
                        if name:
                            self.db.execute("INSERT OR IGNORE INTO names (entity_id, lang, key, surface) VALUES (?, ?, ?, ?)",
                                            (target, lang, _key(name, lang), name))
                self.db.executemany(
                    'INSERT INTO mentions (entity_id, doc, lang, start, "end", text, sentence, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
                    [(target, doc, m.lang, m.start, m.end, m.text, m.sentence, m.source) for m in e.mentions],
                )
            self.db.execute("INSERT OR REPLACE INTO docs (doc, added, n_entities) VALUES (?, ?, ?)", (doc, now, len(entities)))
        return out

    def file(self, entities: EntityList, doc: str) -> Filing:
        """:meth:`add` the entities of ``doc`` and give them back under their registry
        ids, so a list printed after filing names each entity as every other document
        does (an id the registry did not assign is kept)."""
        assignments = self.add(entities, doc)
        return Filing(self.relabel(entities, assignments), tuple(assignments))

    @staticmethod
    def relabel(entities: EntityList, assignments: Iterable[Assignment]) -> EntityList:
        """``entities`` with each document-local id replaced by its registry id."""
        ids = {a.local_id: a.entity_id for a in assignments}
        return replace(entities, entities=tuple(replace(e, id=ids.get(e.id, e.id)) for e in entities.entities))

    def _resolve(self, e: object, now: float) -> Assignment:
        lex = getattr(e, "lexicon_id", "")
        local = getattr(e, "id")
        typ = getattr(e, "type")
        if lex and self.db.execute("SELECT 1 FROM entities WHERE id = ?", (lex,)).fetchone():
            return Assignment(local, self.canonical(lex), "matched", f"same lexicon id {lex}")
        # Names: the preferred names first, in both scripts.
        hits: dict[str, set[str]] = {}
        for lang, name in (("en", getattr(e, "en")), ("ar", getattr(e, "ar"))):
            if not name or not _attested(e, name, lang):
                continue
            for (eid,) in self.db.execute("SELECT entity_id FROM names WHERE key = ? AND lang = ?", (_key(name, lang), lang)):
                cid = self.canonical(eid)
                row = self.db.execute("SELECT type FROM entities WHERE id = ?", (cid,)).fetchone()
                if row and (row[0] == typ or "MISC" in (row[0], typ)):
                    hits.setdefault(cid, set()).add(f"{lang} name {name!r}")
        if hits:
            ranked = sorted(hits, key=lambda c: (-len(hits[c]), c))
            keep = ranked[0]
            reason = "same " + " and ".join(sorted(hits[keep]))
            if len(ranked) > 1 and len(hits[keep]) == 1:
                other = ranked[1]
                langs_keep = {h.split()[0] for h in hits[keep]}
                langs_other = {h.split()[0] for h in hits[other]}
                if langs_keep != langs_other:
                    mid = self.merge(keep, other, f"one entity of a document carries {sorted(hits[keep])[0]} of {keep} "
                                                  f"and {sorted(hits[other])[0]} of {other}")
                    return Assignment(local, keep, "merged", f"{reason}; merged {other} (merge #{mid})")
            return Assignment(local, keep, "matched", reason)
        new_id = lex or local
        base, n = new_id, 1
        while self.db.execute("SELECT 1 FROM entities WHERE id = ?", (new_id,)).fetchone():
            n += 1
            new_id = f"{base}-{n}"
        self.db.execute("INSERT INTO entities (id, type, en, ar, lexicon_id, created) VALUES (?, ?, ?, ?, ?, ?)",
                        (new_id, typ, getattr(e, "en"), getattr(e, "ar"), lex, now))
        return Assignment(local, new_id, "new", "no entity with this lexicon id or name")
