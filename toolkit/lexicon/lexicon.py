"""The :class:`Lexicon`: a compiled index plus lookup, in both scripts.

Ranking, and why: a query equal to an entity's preferred name is surely it (``exact``,
1.0); equal to a listed variant or acronym almost surely (``variant``, 0.98); equal
by the same-script match key, a spelling variant the curators did not list
(``key``, 0.90 to 0.95 by the similarity, as the key folds vowels hard).  Everything else is scored by the cross-script name similarity of
:mod:`toolkit.normalize.keys` (name parts against name parts, vowels weighed lightly,
missing parts cheap), scaled under 0.94 so it never outranks the tiers above; a
candidate whose whole consonant skeleton equals the query's is labelled
``translit`` and gets a small bonus over a plain ``fuzzy`` one.

A Latin query holding generic place words is also tried with them in Arabic ("North
Sinai" as "شمال Sinai"), since Arabic translates those words and transliterates the
rest.  A Latin query whose best match is still unsure (under 0.80, or within 0.03 of the
next) also asks the transliteration model for its Arabic spellings; an entity one of
them names is lifted (``translit``), because the model reads foreign names the phonetic
key, built for Arabic names, misreads (Thomas / توماس).

Candidates for the similarity come from the index, never from a scan of the names:
names whose whole skeleton equals the query's, then the names holding the query's
part skeletons or their neighbours in the part vocabulary (found with rapidfuzz),
and names whose joined adjacent parts equal a query part.  Their weights (closeness
times rarity) are added up with numpy; the best pool is ranked by a rapidfuzz proxy
in C, and only the first few get the full, pure-Python similarity.  Very common
parts (``mhmd`` in a million names) are used only when the query has nothing rarer.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
from rapidfuzz import fuzz, process

from ..normalize.keys import match_key, parts_similarity, symbols, token_similarity
from . import index as _index
from .names import NameKeys, name_keys, script_of, strip_titles, translate_generic_words
from .speller import EngineSpeller, Speller
from ..lexdata.schema import Entry

Why = Literal["exact", "variant", "key", "translit", "fuzzy"]

SCORE_EXACT = 1.0
SCORE_VARIANT = 0.98
SCORE_KEY = 0.95
KEY_SPREAD = 0.05
FUZZY_SCALE = 0.93
TRANSLIT_BONUS = 0.01

#: Part skeletons shared by more names than this are used only when nothing rarer is there.
_COMMON_DF = 5000
#: At most this many names are read per part skeleton.
_MAX_POSTINGS = 200_000
#: How many vocabulary neighbours of a query part to follow, and how close they must be.
_NEIGHBOURS = 6
_NEIGHBOUR_CUTOFF = 66.0
#: When a query part is in the vocabulary as it is, only close neighbours are followed.
_NEIGHBOUR_CUTOFF_EXACT = 80.0
#: Candidates kept by index weight (the pool), then by a fast rapidfuzz proxy, then
#: scored by the full similarity (pure Python, so only a few).
_POOL = 1500
#: The pool when its rows are read from SQLite (large lexicons): random reads are the
#: cost there, and on a 300,000-name list 500 finds the same first match as 1,500
#: (acc@1 0.975 both) at twice the speed.
_POOL_SQL = 500
_RERANK = 20
#: Candidates whose proxy trails the best by more than this share are not reranked
#: (after the first few).
_PROXY_MARGIN = 0.15
_MIN_RERANK = 5
#: Weights of the proxy: symbols compared whole, as sets of parts, and skeletons.
_PROXY_WEIGHTS = (1.0, 1.0, 1.0)
#: Weight of the index weight (shared parts, by rarity) in the proxy.
_PROXY_INDEX_WEIGHT = 1.0
#: When the query already matched a name exactly or by key, the other candidates
#: only fill the list.
_FILL_RERANK = 8
_FILL_POOL = 100
#: Lexicons up to this many names keep their name keys in memory once fuzzy lookup
#: is needed (a few MB); larger ones read candidates from SQLite.
_IN_MEMORY_NAMES = 60_000
_MEMORY_AFTER = 20
#: Bounds of the per-part caches: query parts remembered, and name ids held in posting lists.
_CACHE_PARTS = 50_000
_CACHE_POSTINGS = 20_000_000
#: Score cells per rapidfuzz cdist call when neighbours are found for a batch (memory bound).
_CDIST_CELLS = 4_000_000
#: The model's help for Latin queries: how many candidates are ranked first (to
#: judge the margin), when the best is unsure enough to ask, how many spellings the
#: model gives, how much one is worth, and the ceiling (under the key tier).
_TRANSLIT_DEPTH = 10
_TRANSLIT_GATE = 0.80
_TRANSLIT_MARGIN = 0.03
_TRANSLIT_TOP = 5
_TRANSLIT_MAX_CHARS = 200
TRANSLIT_WEIGHT = 0.1
#: Scores found through the query with its generic place words in Arabic are scaled by this.
GENERIC_DISCOUNT = 0.95
TRANSLIT_FLOOR = 0.85
SCORE_TRANSLIT_MAX = 0.945
#: A similarity under this is no match at all.
MIN_SIMILARITY = 0.45


@dataclass(frozen=True, slots=True)
class Match:
    """One entity found for a query: who it is, how sure, why, and through which name."""

    id: str
    type: str
    en: str
    ar: str
    score: float
    why: Why
    matched: str

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "type": self.type, "en": self.en, "ar": self.ar,
            "score": round(self.score, 4), "why": self.why, "matched": self.matched,
        }


class Lexicon:
    """Entities of one or more lexicons, compiled into a cached SQLite index.

    Build one with :meth:`default` (the shipped lexicons) or :meth:`from_paths` (user
    lexicons, optionally with the shipped ones).  Opening an up-to-date index costs
    milliseconds; a changed source is recompiled on open, and a source with errors
    raises :class:`~toolkit.lexdata.errors.LexiconError` naming file, line and field.
    """

    def __init__(self, db: Path, sources: Sequence[Path] = (), speller: Speller | None = None) -> None:
        self.path = Path(db)
        self.sources = tuple(sources)
        self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._vocab: list[str] | None = None
        self._vocab_ids: list[int] = []
        self._vocab_df: list[int] = []
        self._vocab_index: dict[str, int] = {}
        self._rows: list | None = None
        self._entities: dict[int, tuple[str, str, str, str]] | None = None
        self._scripts: dict[str, bool] = {}  # does the lexicon hold names in this script
        self._speller = speller  # the query's spellings in the other script (see speller.py)
        self._pool_reads = 0
        # Per-part results that repeat across queries (first names, family names):
        # vocabulary neighbours of a query part and the posting lists read from SQLite.
        self._neighbours: dict[str, list[tuple[int, int, float]]] = {}
        self._postings: dict[int, np.ndarray] = {}
        self._postings_size = 0
        self._n_names = int(self._meta().get("names", "0") or 0)

    # ------------------------------------------------------------------ construction

    @classmethod
    def default(cls, cache: Path | None = None, speller: Speller | None = None) -> Lexicon:
        """The shipped lexicons (every ``*.tsv`` of ``toolkit.resources.lexicons_dir()``)."""
        return cls.from_paths([], with_shipped=True, cache=cache, speller=speller)

    @classmethod
    def from_paths(
        cls,
        paths: Iterable[str | Path],
        with_shipped: bool = False,
        cache: Path | None = None,
        speller: Speller | None = None,
    ) -> Lexicon:
        """User lexicons (TSV, CSV, JSONL), plus the shipped ones when ``with_shipped``;
        ``speller``: see :mod:`toolkit.lexicon.speller` (none: no model spellings)."""
        sources = [Path(p).resolve() for p in paths]
        for p in sources:
            if not p.exists():
                from ..lexdata.errors import Issue, LexiconError

                raise LexiconError(Issue("error", str(p), 0, "", "no such file"))
        if with_shipped:
            sources = _index.shipped_paths() + [p for p in sources if p not in _index.shipped_paths()]
        report = _index.ensure(sources, cache)
        return cls(report.path, sources, speller=speller)

    def close(self) -> None:
        self._con.close()

    def reconnect(self) -> None:
        """Open a new SQLite connection (in a forked process: a connection must not be
        shared across a fork); the in-memory caches are kept."""
        self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)

    def __enter__(self) -> Lexicon:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ access

    def _meta(self) -> dict[str, str]:
        return dict(self._con.execute("SELECT key, value FROM meta").fetchall())

    def __len__(self) -> int:
        return self._con.execute("SELECT COUNT(*) FROM entity").fetchone()[0]

    def get(self, id: str) -> Entry:
        """The entity with this id; ``KeyError`` when there is none."""
        row = self._con.execute("SELECT * FROM entity WHERE id = ?", (id,)).fetchone()
        if row is None:
            raise KeyError(id)
        return _entry(row)

    def entries(self) -> Iterator[Entry]:
        """Every entity, in source order."""
        for row in self._con.execute("SELECT * FROM entity ORDER BY rowid"):
            yield _entry(row)

    def names(self, lang: Literal["en", "ar"]) -> Iterator[tuple[str, str]]:
        """Every surface name (preferred, variant, acronym) in one script with its
        entity id, for gazetteer matching."""
        if lang not in ("en", "ar"):
            raise ValueError(f"lang must be 'en' or 'ar', got {lang!r}")
        sql = "SELECT n.surface, e.id FROM name n JOIN entity e ON e.rowid = n.entity WHERE n.script = ? ORDER BY n.rowid"
        yield from self._con.execute(sql, (lang,))

    def stats(self) -> dict[str, object]:
        """Counts per type and per source file, and the index's metadata."""
        by_type = dict(self._con.execute("SELECT type, COUNT(*) FROM entity GROUP BY type ORDER BY type"))
        by_source = dict(self._con.execute("SELECT source, COUNT(*) FROM entity GROUP BY source ORDER BY source"))
        by_kind = dict(self._con.execute("SELECT kind, COUNT(*) FROM name GROUP BY kind ORDER BY kind"))
        meta = self._meta()
        return {
            "index": str(self.path),
            "entities": sum(by_type.values()),
            "names": sum(by_kind.values()),
            "by_type": by_type,
            "by_source": by_source,
            "by_kind": by_kind,
            "built": meta.get("built", ""),
        }

    # ------------------------------------------------------------------ lookup

    def lookup(self, query: str, top: int = 5, type: str | None = None, translit: bool = True) -> list[Match]:
        """The ``top`` entities best matching ``query`` (either script), best first.

        Titles and honorifics at the start of the query are tried both kept and
        stripped; ``type`` (PER, ORG, LOC, MISC) keeps only entities of that type.
        ``translit``: when a Latin query finds no sure match, the learned model's Arabic
        spellings of it are looked up too (see :meth:`_with_translit`).
        """
        return self.lookup_many([query], top=top, type=type, translit=translit)[0]

    def lookup_many(
        self,
        queries: Sequence[str],
        top: int = 5,
        type: str | None = None,
        translit: bool = True,
        speller: Speller | None = None,
    ) -> list[list[Match]]:
        """:meth:`lookup` for a batch of queries, in order: the same answers, faster,
        because the vocabulary neighbours of every query part are found in one pass
        (rapidfuzz ``cdist``, several times cheaper per part than one search each) and
        the model transliterates every query that needs it in one batch.
        ``speller``: asked instead of the lexicon's own for this batch."""
        cleaned = [" ".join(q.split()) for q in queries]
        if top < 1:
            return [[] for _ in cleaned]
        type = type.upper() if type else None
        if len(cleaned) > 1:
            units: list[str] = []
            for q in cleaned:
                if not q:
                    continue
                stripped = strip_titles(q)
                for v in (q, stripped, translate_generic_words(stripped)):
                    if v:
                        units.extend(_query_units(name_keys(v).btoks))
            self._prefetch_neighbours(units)
        depth = max(top, _TRANSLIT_DEPTH) if translit else top
        found = [self._lookup_cached(q, depth, type) if q else () for q in cleaned]
        if translit:
            for target in ("ar", "en"):
                # Latin queries get Arabic spellings, Arabic queries Latin ones.
                need = [i for i, q in enumerate(cleaned) if q and self._needs_translit(q, found[i], target)]
                spellings = self._spellings([strip_titles(cleaned[i]) for i in need], target, speller or self._speller)
                for i, cands in zip(need, spellings):
                    found[i] = self._with_translit(cleaned[i], found[i], cands, type, target)
        return [list(f[:top]) for f in found]

    # -- the learned model's spellings of a query in the other script (why ``translit``)

    def _needs_translit(self, query: str, matches: tuple[Match, ...], target: str) -> bool:
        """Only queries without a sure answer pay for the model: nothing found, or a
        best fuzzy match that is weak or barely ahead of the next; and only when the
        lexicon has names in the ``target`` script and the query is in the other."""
        if len(query) > _TRANSLIT_MAX_CHARS or script_of(query) == target or not self._has_names(target):
            return False
        if not matches:
            return True
        if matches[0].why in ("exact", "variant", "key"):
            return False
        margin = matches[0].score - matches[1].score if len(matches) > 1 else 1.0
        return matches[0].score < _TRANSLIT_GATE or margin < _TRANSLIT_MARGIN

    def _has_names(self, script: str) -> bool:
        if script not in self._scripts:
            found = self._con.execute("SELECT 1 FROM name WHERE script = ? LIMIT 1", (script,)).fetchone()
            self._scripts[script] = found is not None
        return self._scripts[script]

    def use_speller(self, speller: Speller | None) -> None:
        """The speller asked for a query's spellings in the other script (none: lookup
        without them)."""
        self._speller = speller

    def use_transliterator(self, engine: Any) -> None:
        """A transliteration engine as the speller (see :class:`EngineSpeller`).
        Benchmarks give one whose attested tables leave out the names they measure.
        An engine's refusal of bad input is a ``ValueError`` (``TranslitError`` is one)."""
        self._speller = EngineSpeller(engine, refused=(ValueError,))

    def _spellings(self, queries: list[str], target: str, speller: Speller | None) -> list[list[tuple[str, float]]]:
        """(spelling in the ``target`` script, model score) n-best of each query; empty
        lists when there is no speller (then lookup is what it was without it)."""
        if not queries:
            return []
        if speller is None:
            return [[] for _ in queries]
        return speller(queries, target, _TRANSLIT_TOP)  # type: ignore[arg-type]

    def _with_translit(
        self, query: str, matches: tuple[Match, ...], spellings: list[tuple[str, float]], type: str | None, target: str = "ar"
    ) -> tuple[Match, ...]:
        """The matches re-ranked with the model's spellings: an entity one of them
        names (by Arabic match key) is raised to at least ``TRANSLIT_FLOOR`` and gains
        ``TRANSLIT_WEIGHT * p / rank`` on top, capped under the key tier (an entity not
        yet in the list starts from its similarity to the query).  The model reads
        foreign names (Reza / رضا, Thomas / توماس) better than the phonetic key, which is
        built for Arabic names; it only breaks ties among unsure candidates.  Chosen on
        the lists of benchmarks/lookup.py: acc@1 +5 points on foreign person names, no
        loss on the others."""
        if not spellings:
            return matches
        by_id = {m.id: m for m in matches}
        q_syms = name_keys(strip_titles(query)).syms
        gains: dict[int, tuple[float, str]] = {}
        for rank, (text, p) in enumerate(spellings, start=1):
            key = match_key(text)
            if not key:
                continue
            for ent, surface in self._con.execute("SELECT entity, surface FROM name WHERE mkey = ? AND script = ?", (key, target)):
                gain = TRANSLIT_WEIGHT * p / rank
                if ent not in gains or gain > gains[ent][0]:
                    gains[ent] = (gain, surface)
        if not gains:
            return matches
        rows = self._entity_rows(list(gains))
        for ent, (gain, surface) in gains.items():
            row = rows.get(ent)
            if row is None or (type is not None and row[1] != type):
                continue
            old = by_id.get(row[0])
            if old is not None:
                if old.why in ("exact", "variant", "key"):
                    continue
                score, matched = old.score, old.matched
            else:
                score, matched = FUZZY_SCALE * _similarity(q_syms, symbols(surface)), surface
            score = min(SCORE_TRANSLIT_MAX, max(score, TRANSLIT_FLOOR) + gain)
            by_id[row[0]] = Match(id=row[0], type=row[1], en=row[2], ar=row[3], score=round(score, 6), why="translit", matched=matched)
        return tuple(sorted(by_id.values(), key=lambda m: (-m.score, m.id)))

    @lru_cache(maxsize=4096)
    def _lookup_cached(self, query: str, top: int, type: str | None) -> tuple[Match, ...]:
        best: dict[int, tuple[float, str, str]] = {}  # entity rowid -> (score, why, matched)
        variants = [query]
        stripped = strip_titles(query)
        if stripped != query:
            variants.append(stripped)
        translated = translate_generic_words(stripped)
        if translated:
            variants.append(translated)
        for v in variants:
            # The translated reading must be clearly better to win: North, West, Green
            # and Lake are surnames too.
            factor = GENERIC_DISCOUNT if v is translated else 1.0
            for ent, score, why, matched in self._candidates(name_keys(v), type):
                score *= factor
                old = best.get(ent)
                if old is None or score > old[0]:
                    best[ent] = (score, why, matched)
        if not best:
            return ()
        rows = self._entity_rows(list(best))
        ranked = sorted(
            (
                (score, rows[ent], why, matched)
                for ent, (score, why, matched) in best.items()
                if ent in rows and (type is None or rows[ent][1] == type)
            ),
            key=lambda x: (-x[0], x[1][0]),
        )
        return tuple(
            Match(id=r[0], type=r[1], en=r[2], ar=r[3], score=round(score, 6), why=why, matched=matched)  # type: ignore[arg-type]
            for score, r, why, matched in ranked[:top]
        )

    def _entity_rows(self, ids: list[int]) -> dict[int, tuple[str, str, str, str]]:
        """(id, type, en, ar) of these entities; held in memory alongside the name rows."""
        if self._rows is not None:
            if self._entities is None:
                self._entities = {r[0]: r[1:] for r in self._con.execute("SELECT rowid, id, type, en, ar FROM entity")}
            ents = self._entities
            return {i: ents[i] for i in ids if i in ents}
        out: dict[int, tuple[str, str, str, str]] = {}
        for i in range(0, len(ids), 900):
            chunk = ids[i : i + 900]
            sql = f"SELECT rowid, id, type, en, ar FROM entity WHERE rowid IN ({','.join('?' * len(chunk))})"
            for row in self._con.execute(sql, chunk):
                out[row[0]] = row[1:]
        return out

    def _candidates(self, q: NameKeys, type: str | None = None) -> Iterator[tuple[int, float, str, str]]:
        con = self._con
        found_exact = False
        if q.norm:
            for ent, kind, surface in con.execute("SELECT entity, kind, surface FROM name WHERE norm = ?", (q.norm,)):
                found_exact = True
                if kind in ("en", "ar"):
                    yield ent, SCORE_EXACT, "exact", surface
                else:
                    yield ent, SCORE_VARIANT, "variant", surface
        if q.mkey:
            # The Latin match key folds vowels hard ("Rummana" and "Romania" share one),
            # so within the tier the similarity orders the hits.
            for ent, surface, syms in con.execute("SELECT entity, surface, syms FROM name WHERE mkey = ?", (q.mkey,)):
                found_exact = True
                sim = _similarity(q.syms, tuple(syms.split())) if q.syms else 1.0
                yield ent, SCORE_KEY - KEY_SPREAD * (1.0 - sim), "key", surface
        if not q.syms:
            return
        yield from self._fuzzy(q, found_exact, type)

    # -- fuzzy: candidate generation through the part index, then scoring

    def _load_vocab(self) -> None:
        rows = self._con.execute("SELECT rowid, tok, df FROM vocab").fetchall()
        self._vocab_ids = [r[0] for r in rows]
        self._vocab_df = [r[2] for r in rows]
        self._vocab = [r[1] for r in rows]
        self._vocab_index = {tok: i for i, tok in enumerate(self._vocab)}

    def _name_rows(self, ids: list[int]) -> list[tuple[int, int, str, str, str, str]]:
        """(rowid, entity, surface, skel, syms, type) of these names; from memory for
        lexicons small enough to hold, else from SQLite."""
        self._pool_reads += 1
        # Held in memory only for a batch (a single cold lookup reads a few rows faster).
        if self._n_names <= _IN_MEMORY_NAMES and (self._rows is not None or self._pool_reads > _MEMORY_AFTER):
            if self._rows is None:
                rows: list = [None] * (self._n_names + 1)
                for r in self._con.execute("SELECT rowid, entity, surface, skel, syms, type FROM name"):
                    rows[r[0]] = r
                self._rows = rows
            return [self._rows[i] for i in ids]
        out: list[tuple[int, int, str, str, str, str]] = []
        for i in range(0, len(ids), 900):
            chunk = ids[i : i + 900]
            sql = f"SELECT rowid, entity, surface, skel, syms, type FROM name WHERE rowid IN ({','.join('?' * len(chunk))})"
            out.extend(self._con.execute(sql, chunk))
        return out

    def _prefetch_neighbours(self, units: Iterable[str]) -> None:
        """Fill the neighbour cache for many query parts at once; the result per part
        equals what :meth:`_vocab_neighbours` finds alone."""
        if self._vocab is None:
            self._load_vocab()
        assert self._vocab is not None
        todo = [u for u in dict.fromkeys(units) if u and u not in self._neighbours]
        if not todo or not self._vocab:
            return
        if len(self._neighbours) + len(todo) > _CACHE_PARTS:
            self._neighbours.clear()
        chunk = max(1, _CDIST_CELLS // len(self._vocab))
        for start in range(0, len(todo), chunk):
            part = todo[start : start + chunk]
            scores = process.cdist(part, self._vocab, scorer=fuzz.ratio, score_cutoff=_NEIGHBOUR_CUTOFF, dtype=np.float64, workers=1)
            for unit, row in zip(part, scores):
                idx = np.flatnonzero(row >= _NEIGHBOUR_CUTOFF)
                # Best first, ties by vocabulary order: what process.extract returns.
                idx = idx[np.lexsort((idx, -row[idx]))][:_NEIGHBOURS]
                hits = [(float(row[i]), int(i)) for i in idx]
                if hits and hits[0][0] >= 100.0:
                    hits = [h for h in hits if h[0] >= _NEIGHBOUR_CUTOFF_EXACT]
                self._neighbours[unit] = [(self._vocab_df[i], self._vocab_ids[i], sim / 100.0) for sim, i in hits]

    def _vocab_neighbours(self, unit: str) -> list[tuple[int, int, float]]:
        """(df, vocab id, closeness) of the vocabulary parts near one query part, found
        with rapidfuzz and remembered: parts repeat across queries far more than names."""
        found = self._neighbours.get(unit)
        if found is None:
            assert self._vocab is not None
            hits = process.extract(unit, self._vocab, scorer=fuzz.ratio, limit=_NEIGHBOURS, score_cutoff=_NEIGHBOUR_CUTOFF)
            if hits and hits[0][1] >= 100.0:
                hits = [h for h in hits if h[1] >= _NEIGHBOUR_CUTOFF_EXACT]
            found = [(self._vocab_df[idx], self._vocab_ids[idx], sim / 100.0) for _, sim, idx in hits]
            if len(self._neighbours) >= _CACHE_PARTS:
                self._neighbours.clear()
            self._neighbours[unit] = found
        return found

    def _posting(self, vid: int) -> np.ndarray:
        """The name rowids holding one vocabulary part (kept in memory up to a budget)."""
        arr = self._postings.get(vid)
        if arr is None:
            (blob,) = self._con.execute("SELECT names FROM vocab WHERE rowid = ?", (vid,)).fetchone()
            arr = np.frombuffer(blob, dtype="<i4")[:_MAX_POSTINGS]
            if self._postings_size + len(arr) > _CACHE_POSTINGS:
                self._postings.clear()
                self._postings_size = 0
            self._postings[vid] = arr
            self._postings_size += len(arr)
        return arr

    def _fuzzy(self, q: NameKeys, fill_only: bool = False, type: str | None = None) -> Iterator[tuple[int, float, str, str]]:
        con = self._con
        if self._vocab is None:
            self._load_vocab()
        assert self._vocab is not None
        n_total = max(self._n_names, 1)
        all_units = _query_units(q.btoks)
        ids: list[np.ndarray] = []
        wts: list[float] = []
        # Whole-skeleton equals first: the likeliest transliterations.
        if q.skel:
            found = con.execute("SELECT rowid FROM name WHERE skel = ? LIMIT ?", (q.skel, _COMMON_DF)).fetchall()
            if found:
                ids.append(np.fromiter((r[0] for r in found), dtype=np.int64, count=len(found)))
                wts.append(2.0 * math.log(1.0 + n_total))
        postings: list[tuple[int, int, float]] = []  # (df, vocab id, sim)
        if self._vocab:
            for unit in all_units:
                if fill_only:
                    # Only filling the list: the parts as they are, no neighbour search.
                    idx = self._vocab_index.get(unit)
                    if idx is not None:
                        postings.append((self._vocab_df[idx], self._vocab_ids[idx], 1.0))
                    continue
                postings.extend(self._vocab_neighbours(unit))
        postings.sort()
        rare_found = any(df <= _COMMON_DF for df, _, _ in postings)
        for df, vid, sim in postings:
            if df > _COMMON_DF and rare_found:
                continue  # a very common part adds nothing the rarer ones did not
            ids.append(self._posting(vid))
            wts.append(sim * sim * math.log(1.0 + n_total / df))
        # Run-together or split names: query parts equal to joined lexicon parts.
        if all_units:
            sql = f"SELECT names FROM joined WHERE tok IN ({','.join('?' * len(all_units))})"
            for (blob,) in con.execute(sql, all_units):
                ids.append(np.frombuffer(blob, dtype="<i4")[:_MAX_POSTINGS])
                wts.append(math.log(1.0 + n_total))
        if not ids:
            return
        flat = np.concatenate(ids)
        # Sum the weights per name over the distinct names only (a bincount over every
        # rowid would cost as much as the lexicon is large).
        names, where = np.unique(flat, return_inverse=True)
        weights = np.bincount(where, weights=np.repeat(np.asarray(wts), [len(a) for a in ids]))
        chosen = names
        in_memory = self._rows is not None or self._n_names <= _IN_MEMORY_NAMES
        pool = _FILL_POOL if fill_only else (_POOL if in_memory else _POOL_SQL)
        if len(names) > pool:
            chosen = names[np.sort(np.argpartition(-weights, pool)[:pool])]
        rows = self._name_rows(chosen.tolist())
        if type is not None:
            rows = [r for r in rows if r[5] == type]
        if not rows:
            return
        # A fast proxy of the similarity, in C over the whole pool: the phonetic symbols
        # compared whole and as a set of parts (partial queries), and the skeletons.
        # Symbols are compared case-folded (the similarity gives case a meaning, the
        # proxy need not), and the index weight (closeness times rarity of the shared
        # parts) counts too, so a rare shared part outweighs a common one.
        q_syms = " ".join(q.syms).lower()
        # Only filling the list: the symbols, whole and as a set of parts, are proxy enough.
        w_ratio, w_set, w_skel = (1.0, 1.0, 0.0) if fill_only else _PROXY_WEIGHTS
        syms_list = [r[4].lower() for r in rows]
        proxy = w_ratio * process.cdist([q_syms], syms_list, scorer=fuzz.ratio, workers=1)[0]
        if w_set:
            proxy = proxy + w_set * process.cdist([q_syms], syms_list, scorer=fuzz.token_set_ratio, workers=1)[0]
        if w_skel:
            proxy = proxy + w_skel * process.cdist([q.skel], [r[3] for r in rows], scorer=fuzz.ratio, workers=1)[0]
        if _PROXY_INDEX_WEIGHT:
            w = weights[np.searchsorted(names, np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows)))]
            proxy = proxy + _PROXY_INDEX_WEIGHT * 100.0 * w / max(float(w.max()), 1e-9)
        keep = _FILL_RERANK if fill_only else _RERANK
        order = np.argsort(-proxy, kind="stable")
        total = 100.0 * (w_ratio + w_set + w_skel + _PROXY_INDEX_WEIGHT)
        floor = float(proxy[order[0]]) - _PROXY_MARGIN * total
        per_entity: dict[int, int] = {}
        for i in order:
            if len(per_entity) >= keep:
                break
            _, ent, surface, skel, syms, _ = rows[i]
            # Several names of one entity must not crowd the others out: two at most.
            seen = per_entity.get(ent, 0)
            if seen >= 2:
                continue
            if not seen and len(per_entity) >= _MIN_RERANK and proxy[i] < floor:
                break  # far behind the best candidate: not worth the full similarity
            per_entity[ent] = seen + 1
            # Filling a list that already has an exact or key match: the proxy will do.
            sim = float(proxy[i]) / total if fill_only else _similarity(q.syms, tuple(syms.split()))
            if sim < MIN_SIMILARITY:
                continue
            if skel and skel == q.skel:
                yield ent, FUZZY_SCALE * sim + TRANSLIT_BONUS, "translit", surface
            else:
                yield ent, FUZZY_SCALE * sim, "fuzzy", surface


def _query_units(btoks: tuple[str, ...]) -> list[str]:
    """What the part index is searched with: each part skeleton, adjacent parts joined,
    and all parts joined when there are more than two (names run together)."""
    joins = [btoks[i] + btoks[i + 1] for i in range(len(btoks) - 1)]
    if len(btoks) > 2:
        joins.append("".join(btoks))
    return list(dict.fromkeys(u for u in (*btoks, *joins) if u))


def _similarity(qa: tuple[str, ...], qb: tuple[str, ...]) -> float:
    """:func:`toolkit.normalize.keys.similarity` on symbols already computed (the
    run-together comparison only when the part counts differ)."""
    if not qa or not qb:
        return 0.0
    best = parts_similarity(qa, qb)
    if len(qa) != len(qb) and best < 0.97:
        # Run together or split differently; the whole-string comparison is the costly
        # part of the similarity, so it is skipped when the parts line up one to one.
        best = max(best, 0.97 * token_similarity("".join(qa), "".join(qb)))
    return min(1.0, best)


def _entry(row: tuple) -> Entry:
    _, id_, type_, en, ar, env, arv, acr, parent, note, source, line = row
    return Entry(
        id=id_, type=type_, en=en, ar=ar,
        en_variants=tuple(json.loads(env)), ar_variants=tuple(json.loads(arv)), acronyms=tuple(json.loads(acr)),
        parent=parent, note=note, source=source, line=line,
    )
