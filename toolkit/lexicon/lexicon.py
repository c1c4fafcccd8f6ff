"""The :class:`Lexicon`: a compiled index plus lookup, in both scripts.

This module only puts the jobs of a lookup together; each lives in its own module:

* :mod:`.store` reads the SQLite index (and holds its rows in memory when that pays);
* :mod:`.scoring` has the score tiers (exact 1.0, variant 0.98, key 0.90 to 0.95, then
  the similarity scaled under 0.94) and ranks a candidate pool;
* :mod:`.candidates` finds that pool in the part index, never by a scan of the names;
* :mod:`.rerank` asks the :mod:`.speller` for the other script's spellings of an unsure
  query and lifts the entities they name (``translit``);
* :mod:`.params` holds every tuned number, with where it was measured.

A Latin query holding generic place words is also tried with them in Arabic ("North
Sinai" as "شمال Sinai"), since Arabic translates those words and transliterates the
rest, and a query starting with a title is tried with and without it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from ..lexdata.errors import Issue, LexiconError
from ..lexdata.schema import Entry
from . import index as _index
from .cache import BoundedCache
from .candidates import CandidateFinder, query_units
from .match import Match, Why
from .names import NameKeys, name_keys, strip_titles, translate_generic_words
from .params import DEFAULT_PARAMS, LookupParams
from .rerank import TranslitRerank
from .scoring import Proxy, Scored, rank_pool, sure_hits
from .speller import EngineSpeller, Speller, Spellings, Target
from .store import Store

__all__ = ["Lexicon", "Match"]

#: Latin queries get Arabic spellings first, then Arabic queries Latin ones.
_TARGETS: tuple[Target, ...] = ("ar", "en")


class Lexicon:
    """Entities of one or more lexicons, compiled into a cached SQLite index.

    Build one with :meth:`default` (the shipped lexicons) or :meth:`from_paths` (user
    lexicons, optionally with the shipped ones).  Opening an up-to-date index costs
    milliseconds; a changed source is recompiled on open, and a source with errors
    raises :class:`~toolkit.lexdata.errors.LexiconError` naming file, line and field.
    ``speller``: the other script's spellings of unsure queries (see
    :mod:`toolkit.lexicon.speller`; none: lookup without them; :mod:`toolkit.defaults`
    gives the shipped model). ``params``: the tuned numbers (:class:`LookupParams`).
    """

    def __init__(
        self,
        db: Path,
        sources: Sequence[Path] = (),
        speller: Speller | None = None,
        params: LookupParams = DEFAULT_PARAMS,
    ) -> None:
        self.path = Path(db)
        self.sources = tuple(sources)
        self.params = params
        self._speller = speller
        self._store = Store(self.path, params)
        self._finder = CandidateFinder(self._store, params)
        self._rerank = TranslitRerank(self._store, params)
        # Answers before the model's spellings, per (query, depth, type): names repeat
        # in a stream. Held by this lexicon, so it goes with it.
        self._answers: BoundedCache[tuple[str, int, str | None], tuple[Match, ...]] = BoundedCache(params.lookup_cache)

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
        params: LookupParams = DEFAULT_PARAMS,
    ) -> Lexicon:
        """User lexicons (TSV, CSV, JSONL), plus the shipped ones when ``with_shipped``."""
        sources = [Path(p).resolve() for p in paths]
        for p in sources:
            if not p.exists():
                raise LexiconError(Issue("error", str(p), 0, "", "no such file"))
        if with_shipped:
            shipped = _index.shipped_paths()
            sources = shipped + [p for p in sources if p not in shipped]
        report = _index.ensure(sources, cache)
        return cls(report.path, sources, speller=speller, params=params)

    def close(self) -> None:
        self._store.close()

    def reconnect(self) -> None:
        """Open a new SQLite connection (in a forked process: a connection must not be
        shared across a fork); the in-memory caches are kept."""
        self._store.reconnect()

    def __enter__(self) -> Lexicon:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def use_speller(self, speller: Speller | None) -> None:
        """The speller asked for a query's spellings in the other script (none: lookup
        without them)."""
        self._speller = speller

    def use_transliterator(self, engine: Any) -> None:
        """A transliteration engine as the speller (see :class:`EngineSpeller`).
        Benchmarks give one whose attested tables leave out the names they measure.
        An engine's refusal of bad input is a ``ValueError`` (``TranslitError`` is one)."""
        self._speller = EngineSpeller(engine, refused=(ValueError,))

    # ------------------------------------------------------------------ access

    def __len__(self) -> int:
        return self._store.count_entities()

    def get(self, id: str) -> Entry:
        """The entity with this id; ``KeyError`` when there is none."""
        entry = self._store.entry(id)
        if entry is None:
            raise KeyError(id)
        return entry

    def entries(self) -> Iterator[Entry]:
        """Every entity, in source order."""
        return self._store.entries()

    def names(self, lang: Literal["en", "ar"]) -> Iterator[tuple[str, str]]:
        """Every surface name (preferred, variant, acronym) in one script with its
        entity id, for gazetteer matching."""
        if lang not in ("en", "ar"):
            raise ValueError(f"lang must be 'en' or 'ar', got {lang!r}")
        yield from self._store.surfaces(lang)

    def stats(self) -> dict[str, object]:
        """Counts per type and per source file, and the index's metadata."""
        counts = self._store.counts()
        meta = self._store.meta()
        return {
            "index": str(self.path),
            "entities": sum(counts["by_type"].values()),
            "names": sum(counts["by_kind"].values()),
            "by_type": counts["by_type"],
            "by_source": counts["by_source"],
            "by_kind": counts["by_kind"],
            "built": meta.get("built", ""),
        }

    # ------------------------------------------------------------------ lookup

    def lookup(self, query: str, top: int = 5, type: str | None = None, translit: bool = True) -> list[Match]:
        """The ``top`` entities best matching ``query`` (either script), best first.

        Titles and honorifics at the start of the query are tried both kept and
        stripped; ``type`` (PER, ORG, LOC, MISC) keeps only entities of that type.
        ``translit``: when a query finds no sure match, the speller's spellings of it in
        the other script are looked up too (see :mod:`toolkit.lexicon.rerank`).
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
        the speller spells every query that needs it in one batch.
        ``speller``: asked instead of the lexicon's own for this batch."""
        check_queries(queries)
        cleaned = [" ".join(q.split()) for q in queries]
        if top < 1:
            return [[] for _ in cleaned]
        type = type.upper() if type else None
        if len(cleaned) > 1:
            self._finder.prefetch(_batch_units(cleaned))
        depth = max(top, self.params.translit_depth) if translit else top
        found = [self._answer(q, depth, type) if q else () for q in cleaned]
        if translit:
            speller = speller or self._speller
            for target in _TARGETS:
                need = [i for i, q in enumerate(cleaned) if q and self._rerank.needed(q, found[i], target)]
                spellings = _spell([strip_titles(cleaned[i]) for i in need], target, speller, self.params.translit_top)
                for i, cands in zip(need, spellings):
                    found[i] = self._rerank.apply(cleaned[i], found[i], cands, type, target)
        return [list(f[:top]) for f in found]

    def _answer(self, query: str, top: int, type: str | None) -> tuple[Match, ...]:
        """The ``top`` best matches of one cleaned query, remembered."""
        key = (query, top, type)
        found = self._answers.get(key)
        if found is None:
            found = self._rank(query, top, type)
            self._answers.put(key, found)
        return found

    def _rank(self, query: str, top: int, type: str | None) -> tuple[Match, ...]:
        best: dict[int, tuple[float, Why, str]] = {}  # entity rowid -> (score, why, matched)
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
            factor = self.params.generic_discount if v is translated else 1.0
            for ent, score, why, matched in self._candidates(v, type):
                score *= factor
                old = best.get(ent)
                if old is None or score > old[0]:
                    best[ent] = (score, why, matched)
        if not best:
            return ()
        rows = self._store.entity_rows(list(best))
        ranked = sorted(
            (
                (score, rows[ent], why, matched)
                for ent, (score, why, matched) in best.items()
                if ent in rows and (type is None or rows[ent][1] == type)
            ),
            key=lambda x: (-x[0], x[1][0]),
        )
        return tuple(
            Match(id=r[0], type=r[1], en=r[2], ar=r[3], score=round(score, 6), why=why, matched=matched)
            for score, r, why, matched in ranked[:top]
        )

    def _candidates(self, text: str, type: str | None = None) -> Iterator[Scored]:
        """The sure tiers, then the fuzzy pool (only filling the list after a sure hit)."""
        q = name_keys(text)
        sure = sure_hits(self._store, q, self.params, text)
        yield from sure
        if q.syms:
            yield from self._fuzzy(q, bool(sure), type)

    def _fuzzy(self, q: NameKeys, fill_only: bool, type: str | None) -> Iterator[Scored]:
        weighted = self._finder.weighted(q, fill_only)
        if weighted is None:
            return
        names, weights = weighted
        rows = self._store.name_rows(self._finder.pool(names, weights, fill_only).tolist())
        if type is not None:
            rows = [r for r in rows if r[5] == type]
        if not rows:
            return
        proxy = Proxy(self.params, fill_only)
        yield from rank_pool(q, rows, proxy.scores(q, rows, names, weights), proxy.total, fill_only, self.params)


def check_queries(queries: Sequence[str]) -> None:
    """``TypeError`` naming the argument for queries that are not strings (a ``None``
    from a missing column used to fail deep inside as an ``AttributeError``)."""
    if isinstance(queries, str):
        raise TypeError("queries must be a sequence of str, not one str (use lookup() for one query)")
    for q in queries:
        if not isinstance(q, str):
            raise TypeError(f"query must be a str, got {type(q).__name__}")


def _batch_units(queries: list[str]) -> list[str]:
    """The part-index units of every reading of every query of a batch (as it is,
    without titles, with generic words in Arabic), for one neighbour search."""
    units: list[str] = []
    for q in queries:
        if not q:
            continue
        stripped = strip_titles(q)
        for v in (q, stripped, translate_generic_words(stripped)):
            if v:
                units.extend(query_units(name_keys(v).btoks))
    return units


def _spell(queries: list[str], target: Target, speller: Speller | None, top: int) -> list[Spellings]:
    """(spelling in the ``target`` script, score) n-best of each query; empty lists when
    there is no speller (then lookup is what it was without it)."""
    if not queries:
        return []
    if speller is None:
        return [[] for _ in queries]
    return speller(queries, target, top)
