"""Attested press spellings of Arab name units, from arabic-name-romanizer's name index.

Why a peer's data: our model and ``attested.tsv`` learn from Wikidata name *tokens*, most
of them foreign names written in Arabic, so common Arab names come out as a foreigner's
would (مبارك → Mbark, المهندس → al-Mehndes). arabic-name-romanizer (MIT) ships an index of
how Arab persons' names are written in Latin letters, unit by unit and by country
(Wikidata persons of Arab countries, CC0, and DziriNames): 32,000 units such as
عبد الرحمن → Abdulrahman 35 / Abderrahmane 28 / Abdelrahman 25 and 71,000 whole names. It
is the largest attested Arab-name dictionary that works offline, so it is a dependency
and this module reads it through the package's own index and key functions (its ONNX
model is never loaded). What the toolkit adds on top (lexicon, its own model for the
rest, press conventions, regions, Latin → Arabic) is measured in ``benchmarks/translit.py``.

Every answer is a list of :class:`~toolkit.translit.memory.Attested`, most frequent first,
spelled as the index has it; :func:`press_form` puts a unit's article our way.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import tempfile
import threading
from pathlib import Path
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from .memory import Attested, ranked
from .spelling import DICTIONARY_SIGNS, latin_key

# the package's countries for our region hints: the index prefers a country's rows, then its region's
REGION_COUNTRY = {"egypt": "EG", "maghreb": "DZ", "gulf": "SA", "iraq": "IQ", "levant": "SY"}

_ARTICLE = re.compile(r"^[ae]l[- ]+(?=\w)", re.IGNORECASE)
_SUN_ARTICLE = re.compile(r"^a(?:sh|th|dh|[dtrzsn])-(?=\w)", re.IGNORECASE)
_ARTICLE_WORD = re.compile(r"\b([AaEe]l)-(\w)")


class NameDictionary:
    """Unit and whole-name lookups in the peer's SQLite index (read-only, thread-safe)."""

    def __init__(self, index: Any, key: Any, split: Any) -> None:
        self._index = index
        self._key = key  # str -> lookup key of one unit
        self._split = split  # str -> the package's units of a name
        self._lock = threading.Lock()
        self._scanned: dict[tuple[str, str], tuple[tuple[str, float], ...]] = {}
        self._reverse_con: sqlite3.Connection | None = None  # the compiled reverse index, once opened

    @classmethod
    def load(cls) -> NameDictionary | None:
        """The installed package's index, or None when the package (or its index) is missing."""
        try:
            from arabic_name_romanizer.api import default_resources_dir
            from arabic_name_romanizer.lookup import NameIndex
            from arabic_name_romanizer.normalize import lookup_key, normalize_arabic, split_units

            path = default_resources_dir() / "names.sqlite3"
            if not path.is_file():
                return None
            return cls(NameIndex(path), lambda text: lookup_key(normalize_arabic(text)),
                       lambda text: split_units(normalize_arabic(text)))
        except (ImportError, OSError, AttributeError):
            return None

    def unit(self, arabic: str, region: str | None = None) -> list[Attested]:
        """Spellings of one name unit as the package cuts names (بن عبد العزيز, سيف الدين are one)."""
        return list(self._unit(arabic, region))

    def whole(self, arabic: str, region: str | None = None) -> list[Attested]:
        """Spellings of a whole name attested as such (usually a famous person's)."""
        return list(self._whole(arabic, region))

    def arabic_keys(self, latin: str) -> dict[str, float]:
        """Latin → Arabic: the lookup keys of the Arabic units spelled ``latin`` (folded), with shares.

        The index keys its Arabic in a folded form (أ→ا, ة→ه, ى→ي), so it cannot write the
        Arabic itself; it can say which of our candidates it has seen (:meth:`key`).
        """
        return dict(self._arabic_keys(_fold_latin(latin)))

    def arabic_skeleton_keys(self, latin: str) -> dict[str, float]:
        """Latin → Arabic for a spelling the index has not seen as such (Hafter, Hamduk):
        the keys of the Arabic units whose spellings share its consonant skeleton
        (:func:`latin_skeleton`: Haftar, Hifter → حفتر), with shares. Weaker evidence than
        :meth:`arabic_keys`: it only says which of our own candidates is a known name."""
        skeleton = latin_skeleton(latin)
        return dict(self._arabic_keys(skeleton, "reverse_skeleton")) if skeleton else {}

    def key(self, arabic: str) -> str:
        """The index's key of one Arabic unit, to compare a candidate with :meth:`arabic_keys`."""
        return str(self._key(arabic))

    def arabic_full_keys(self, latin: str) -> dict[str, float]:
        """Latin → Arabic for a whole name: the keys of the Arabic names labelled ``latin``."""
        return dict(self._arabic_keys(_fold_latin(latin), "reverse_full"))

    def full_key(self, arabic: str) -> str:
        """The index's key of a whole Arabic name, to compare with :meth:`arabic_full_keys`."""
        return " ".join(self._key(u) for u in self._split(arabic))

    def prepare_reverse(self, units: Iterable[str], wholes: Iterable[str]) -> None:
        """Before a Latin → Arabic batch. Until the reverse index is compiled, a few names
        are answered by one scan of the package's index per table (about 0.1 s), so a first
        ``toolkit translit NAME --to arabic`` stays fast; a batch of ``SCAN_LIMIT`` or more
        compiles the index into the cache (about a second, once per installation)."""
        if self._reverse_con is not None or self._reverse_path().is_file():
            return
        units = list(units)
        wanted = {("reverse", _fold_latin(u)) for u in units} | {("reverse_full", _fold_latin(w)) for w in wholes}
        wanted = {tk for tk in wanted if tk[1] and tk not in self._scanned}
        if len(wanted) >= SCAN_LIMIT:
            self._reverse()
            return
        for table, source in (("reverse", "units"), ("reverse_full", "full_names")):
            keys = sorted(k for t, k in wanted if t == table)
            if keys:
                self._scan(table, source, keys)
        skeletons = {latin_skeleton(u) for u in units} - {""}
        skeletons = {k for k in skeletons if ("reverse_skeleton", k) not in self._scanned}
        if skeletons:
            self._scan_skeletons(skeletons)

    def _scan_skeletons(self, keys: set[str]) -> None:
        """The skeleton answers of a few spellings, from one scan of the units: SQLite keeps
        the spellings that hold the skeleton's letters in order (a GLOB per key; q, c and k
        all stand for k, a final mark for its vowels), and their skeletons are computed here."""
        ordered = sorted(keys)
        letters = {"k": "[qck]", "I": "[iye]", "A": "[ae]"}  # what each mark can stand for
        globs = ["*" + "*".join(letters.get(ch, ch) for ch in key) + "*" for key in ordered]
        where = " OR ".join("lower(latin) GLOB ?" for _ in globs)
        try:
            with self._lock:
                rows = self._index.conn.execute(
                    f"SELECT lower(latin), arabic_key, SUM(count) FROM units WHERE {where} "
                    "GROUP BY lower(latin), arabic_key", globs).fetchall()
        except sqlite3.Error:
            rows = []
        wanted = [(latin_skeleton(latin), k, c) for latin, k, c in rows]
        for skeleton, shares in _shares([r for r in wanted if r[0] in keys], keep=2, fold=False).items():
            self._scanned[("reverse_skeleton", skeleton)] = tuple(shares)
        for key in keys:
            self._scanned.setdefault(("reverse_skeleton", key), ())

    def _scan(self, table: str, source: str, keys: list[str]) -> None:
        marks = ", ".join("?" for _ in keys)
        try:
            with self._lock:
                rows = self._index.conn.execute(
                    f"SELECT lower(latin), arabic_key, SUM(count) FROM {source} WHERE {_FOLD_SQL} IN ({marks}) "
                    "GROUP BY lower(latin), arabic_key", keys,
                ).fetchall()
        except sqlite3.Error:
            rows = []
        for folded, shares in _shares(rows, keep=1 if table == "reverse_full" else 2).items():
            self._scanned[(table, folded)] = tuple(shares)
        for key in keys:
            self._scanned.setdefault((table, key), ())

    def _reverse_path(self) -> Path:
        source = Path(self._index.path)
        stat = source.stat()
        tag = hashlib.sha1(f"{_REVERSE_SCHEMA}:{source.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:12]
        from ..resources import cache_dir

        return cache_dir() / f"name-dictionary-reverse-{tag}.sqlite"

    @lru_cache(maxsize=1 << 16)  # noqa: B019
    def _arabic_keys(self, folded: str, table: str = "reverse") -> tuple[tuple[str, float], ...]:
        scanned = self._scanned.get((table, folded))
        if scanned is not None:
            return scanned
        con = self._reverse()
        try:
            with self._lock:
                rows = con.execute(f"SELECT arabic_key, share FROM {table} WHERE latin = ?", (folded,)).fetchall()
        except sqlite3.Error:
            return ()
        return tuple((k, float(v)) for k, v in rows)

    def _reverse(self) -> sqlite3.Connection:
        """The reverse index (folded Latin → Arabic key, share), compiled once into the cache.

        Compiling reads the package's 82,000 unit rows (about half a second); a cold
        ``toolkit translit NAME --to arabic`` should not pay that every time, so the result
        is kept beside the lexicon indexes (``$TOOLKIT_CACHE``), named after the package's
        index file so a new version compiles afresh. An unwritable cache: kept in memory.
        """
        with self._lock:
            if self._reverse_con is not None:
                return self._reverse_con
            path = self._reverse_path()
            if not path.is_file():
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
                    os.close(fd)
                    self._compile_reverse(sqlite3.connect(tmp)).close()
                    os.replace(tmp, path)
                except OSError:
                    con = self._compile_reverse(sqlite3.connect(":memory:", check_same_thread=False))
                    self._reverse_con = con
                    return con
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self._reverse_con = con
            return con

    def _compile_reverse(self, con: sqlite3.Connection) -> sqlite3.Connection:
        for table, source in (("reverse", "units"), ("reverse_full", "full_names"), ("reverse_skeleton", "units")):
            try:  # SQLite folds case and groups; Python folds what is left (accents, other marks)
                rows = self._index.conn.execute(
                    f"SELECT lower(latin) AS l, arabic_key, SUM(count) FROM {source} GROUP BY l, arabic_key"
                ).fetchall()
            except sqlite3.Error:  # another version's schema: no reverse evidence, not an error
                rows = []
            if table == "reverse_skeleton":
                skeletons = ((latin_skeleton(latin), k, c) for latin, k, c in rows)
                shares = _shares([r for r in skeletons if r[0]], keep=2, fold=False)
            else:
                shares = _shares(rows, keep=1 if table == "reverse_full" else 2)  # a whole name is a label: once is enough
            con.execute(f"CREATE TABLE {table} (latin TEXT NOT NULL, arabic_key TEXT NOT NULL, share REAL NOT NULL)")
            con.executemany(f"INSERT INTO {table} VALUES (?, ?, ?)",
                            ((latin, k, v) for latin, pairs in shares.items() for k, v in pairs))
            con.execute(f"CREATE INDEX {table}_latin ON {table}(latin)")
        con.commit()
        return con

    @lru_cache(maxsize=1 << 16)  # noqa: B019 - one dictionary per process; names repeat their units
    def _unit(self, arabic: str, region: str | None) -> tuple[Attested, ...]:
        units = self._split(arabic)
        if len(units) != 1:
            return ()
        return self._ask(self._index.lookup_unit, self._key(units[0]), region)

    @lru_cache(maxsize=1 << 14)  # noqa: B019
    def _whole(self, arabic: str, region: str | None) -> tuple[Attested, ...]:
        units = self._split(arabic)
        if len(units) < 2:
            return ()
        return self._ask(self._index.lookup_full, " ".join(self._key(u) for u in units), region)

    def _ask(self, lookup: Any, key: str, region: str | None) -> tuple[Attested, ...]:
        """One index query; an index this version cannot read answers nothing rather than failing."""
        try:
            with self._lock:
                variants = lookup(key, REGION_COUNTRY.get(region or ""))
        except (sqlite3.Error, AttributeError, TypeError, ValueError):
            return ()
        return _attested(variants)


def press_form(text: str, article: bool = False) -> str:
    """A dictionary spelling in the toolkit's conventions: al-Zawahiri, not Al-Zawahiri / Al Zawahiri.

    ``article``: the Arabic unit has the article, so a leading Al / El is it (and not the
    family prefix آل of Al Thani, which stays as written).
    """
    text = " ".join(text.split())
    if article:
        m = _ARTICLE.match(text) or _SUN_ARTICLE.match(text)
        if m and len(text) > m.end():
            rest = text[m.end():]
            head = m.group()[:2].lower() if m.re is _ARTICLE else "al"  # ad-Din: the article as we write it, al-Din
            return f"{head}-{rest[:1].upper()}{rest[1:]}"
    first = text.split(" ", 1)[0].lower()
    if text[:1].islower() and first not in ("bin", "ibn", "ben", "ould", "bint"):
        text = text[:1].upper() + text[1:]
    return text


def tidy_label(text: str) -> str:
    """A whole-name label's articles our way: al-Hakim for Al-hakim or Al-Hakim."""
    return _ARTICLE_WORD.sub(lambda m: f"{m.group(1).lower()}-{m.group(2).upper()}", text)


_FOLD_SQL = "lower(latin)"  # the dictionary's key of ASCII spellings (spelling.latin_key), in SQL, for scans
for _ch in DICTIONARY_SIGNS:
    _FOLD_SQL = f"replace({_FOLD_SQL}, '{_ch * 2 if _ch == chr(39) else _ch}', '')"
SCAN_LIMIT = 64  # distinct Latin units and names in a batch from which compiling the reverse index pays
_REVERSE_SCHEMA = 3  # bump when the compiled reverse index changes shape (3: reverse_skeleton)


#: the skeleton's folds, in order: a final h after a vowel (Mughniyeh); the final vowel kept
#: as a mark, I for -i (the nisba ي: Jaafari is not Jaafar) and A for -a/-e (ة: Zubaida);
#: the letters English writes for one Arabic letter in several ways (q/k/c, dh/dd/d, th/t are
#: ق/ك, ذ/د, ث/ت to the press); the other vowels and y; then doubled letters, which the press
#: writes or not at will (Rantissi, Hannoun). Keeping the doubling (Qassam قسام is not Qasim
#: قاسم) measured the same on the seen sets (0.791 against 0.792 of all their queries)
_SKELETON_STEPS = (
    (re.compile(r"[^a-z]"), ""),
    (re.compile(r"(?<=[aeiou])h$"), ""),
    (re.compile(r"(?:ee|ie|iy|ey|i|y)$"), "I"),
    (re.compile(r"[ae]$"), "A"),
    (re.compile(r"dh|dd"), "d"),
    (re.compile(r"th"), "t"),
    (re.compile(r"[qck]"), "k"),
    (re.compile(r"[aeiouy]"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
)


def latin_skeleton(text: str) -> str:
    """The consonant skeleton of a Latin spelling, for :meth:`NameDictionary.arabic_skeleton_keys`:
    Haftar, Hafter, Hiftar → hftr; Qaddafi, Qadhafi, Kaddafi → kdfI; Hamdok, Hamduk → hmdk.
    Empty for a spelling of fewer than three consonants (too many names share those)."""
    out = _fold_latin(text)
    for pattern, repl in _SKELETON_STEPS:
        out = pattern.sub(repl, out)
    return out if sum(ch.islower() for ch in out) >= 3 else ""


def _fold_latin(text: str) -> str:
    """The dictionary's key of a Latin spelling (:func:`~toolkit.translit.spelling.latin_key`)."""
    return latin_key(text, keep_signs=False)


def _shares(rows: Iterable[tuple[str, str, int]], keep: int, fold: bool = True) -> dict[str, list[tuple[str, float]]]:
    """(lower-cased Latin, Arabic key, count) rows → folded Latin → [(Arabic key, share)]
    (``fold`` False: the rows' first column is a key already, a skeleton).

    Spellings seen fewer than ``keep`` times are dropped unless the name is rare (under 4).
    """
    counts: dict[str, dict[str, int]] = {}
    for latin, arabic_key, count in rows:
        folded = _fold_latin(latin) if fold else latin  # ``latin`` is lower-cased already (SQL)
        by_key = counts.setdefault(folded, {})
        by_key[arabic_key] = by_key.get(arabic_key, 0) + int(count)
    out: dict[str, list[tuple[str, float]]] = {}
    for latin, by_key in counts.items():
        total = sum(by_key.values())
        kept = [(k, c / total) for k, c in by_key.items() if c >= keep or total < 4]
        if kept:
            out[latin] = kept
    return out


def _attested(variants: Any) -> tuple[Attested, ...]:
    counts: dict[str, int] = {}
    for v in variants:
        text = " ".join(v.latin.split())
        if text and v.count > 0:
            counts[text] = counts.get(text, 0) + int(v.count)
    return tuple(ranked(counts, limit=8))
