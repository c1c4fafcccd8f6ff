"""Lookup benchmark: English spellings against Arabic-only user lists, speed, scale.

One run prints four tables:

1. accuracy (acc@1, acc@5, MRR) of ``toolkit.lexicon`` and of peer approaches on
   Arabic-only lists built from public data (../shared/data):
   * places: ISO 3166-2 subdivisions, CLDR exemplar cities and ISO 3166-1 countries,
     their Arabic names as the list, their English / ISO romanized names as queries;
   * person names: every Arabic name of the google ar->en Wikipedia pairs as the list,
     the English spellings of the test split as queries;
   * full names: 2- and 3-part names built from Wikidata person-name tokens, queried
     with English spellings drawn from the real spellings of each token by their
     counts, in full and with a part left out (partial queries);
   * the other direction: every English name of the google pairs as an English-only
     list, queried with the Arabic names of the test split;
   the toolkit's transliteration stage gets the training split's attested table and no
   Arab name dictionary here (the shipped ones know the google test names);
   peers: ICU ``Any-Latin; Latin-ASCII``, uroman and arabic-name-romanizer each
   romanize the list (the Arabic query, in the other direction), and rapidfuzz
   (WRatio) ranks it against the query;
2. the issue's demo queries against the shipped lexicons;
3. throughput: 10,000 distinct queries in process and through ``toolkit lookup`` stdin;
4. scale: build time, index size and query speed of a generated Arabic-only lexicon
   (``--big-rows``, 1,000,000 for the README).

Usage:  python benchmarks/lookup.py [--data DIR] [--max-queries N] [--big-rows N] [--skip-peers] [--in-process]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # training/ (the held-out transliteration tables)

Dataset = tuple[str, list[str], list[tuple[str, set[int]]]]  # name, arabic list, (query, gold ids)


# ---------------------------------------------------------------- data


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


class _ListBuilder:
    """An Arabic-only list deduplicated by its Arabic string, with queries pointing at it."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.index: dict[str, int] = {}
        self.queries: dict[str, set[int]] = {}

    def add(self, arabic: str, *queries: str) -> None:
        arabic = " ".join(arabic.split())
        if not arabic:
            return
        i = self.index.get(arabic)
        if i is None:
            i = self.index[arabic] = len(self.names)
            self.names.append(arabic)
        for q in queries:
            q = " ".join(q.split())
            if q:
                self.queries.setdefault(q, set()).add(i)

    def dataset(self, name: str) -> Dataset:
        return name, self.names, sorted(self.queries.items())


def places(data: Path) -> Dataset:
    b = _ListBuilder()
    for r in _rows(data / "places" / "iso3166-2_subdivisions_ar.tsv"):
        for ar in r["arabic_variants"].split("|")[:1]:
            variants = [v for v in r["english_variants"].split("|") if v][:1]
            b.add(ar, r["iso_name"], *variants)
    for r in _rows(data / "places" / "cldr_tz_cities.tsv"):
        b.add(r["arabic"], r["english"])
    for r in _rows(data / "places" / "pycountry_iso3166-1.tsv"):
        if r["field"] == "name":
            b.add(r["arabic"], r["english"])
    return b.dataset("places (ISO 3166, CLDR)")


def person_names(data: Path) -> Dataset:
    b = _ListBuilder()
    for split in ("train", "eval"):
        with (data / "names" / f"google_ar2en_{split}.tsv").open(encoding="utf-8") as fh:
            for line in fh:
                ar, _, _ = line.rstrip("\n").partition("\t")
                b.add(ar)
    with (data / "names" / "google_ar2en_test.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            ar, _, en = line.rstrip("\n").partition("\t")
            b.add(ar, en)
    return b.dataset("person names (google test)")


#: Lists of English names queried in Arabic (the other direction): the toolkit gets an
#: ``id, en`` list, and the peers romanize the query instead of the list.
ENGLISH_LISTS: set[str] = set()


def person_names_reverse(data: Path) -> Dataset:
    """Every English name of the google pairs as an English-only list, queried with
    the Arabic names of the test split."""
    names: list[str] = []
    index: dict[str, int] = {}
    queries: dict[str, set[int]] = {}
    for split in ("train", "eval", "test"):
        with (data / "names" / f"google_ar2en_{split}.tsv").open(encoding="utf-8") as fh:
            for line in fh:
                ar, _, en = line.rstrip("\n").partition("\t")
                en = " ".join(en.split()).title()
                if not en or any("\u0600" <= c <= "\u06ff" for c in en):
                    continue
                i = index.setdefault(en, len(names))
                if i == len(names):
                    names.append(en)
                ar = " ".join(ar.split())
                if split == "test" and ar:
                    queries.setdefault(ar, set()).add(i)
    name = "person names, English list, Arabic queries (google test)"
    ENGLISH_LISTS.add(name)
    return name, names, sorted(queries.items())


def _token_spellings(data: Path, min_total: int = 5) -> list[tuple[str, list[str], list[int]]]:
    """Arabic name tokens with their real English spellings and counts (noise removed:
    a spelling needs 2 occurrences and letters only)."""
    out = []
    for r in _rows(data / "names" / "wikidata_arabic_to_english_variants.tsv"):
        if int(r["total_count"]) < min_total or len(r["arabic"]) < 2:
            continue
        spellings, counts = [], []
        for item in r["english_counts"].split("|"):
            sp, _, c = item.rpartition(":")
            if sp.isalpha() and int(c) >= 2:
                spellings.append(sp.capitalize())
                counts.append(int(c))
        if spellings:
            out.append((r["arabic"], spellings, counts))
    return out


def full_names(data: Path, n: int, seed: int) -> tuple[Dataset, Dataset]:
    rng = random.Random(seed)
    tokens = _token_spellings(data)
    names: list[str] = []
    full_q: list[tuple[str, set[int]]] = []
    part_q: list[tuple[str, set[int]]] = []
    seen: set[str] = set()
    while len(names) < n:
        parts = rng.sample(tokens, rng.choice((2, 3, 3)))
        ar = " ".join(p[0] for p in parts)
        if ar in seen:
            continue
        seen.add(ar)
        i = len(names)
        names.append(ar)
        en = [rng.choices(p[1], weights=p[2])[0] for p in parts]
        full_q.append((" ".join(en), {i}))
        if len(en) == 3:
            part_q.append((f"{en[0]} {en[2]}", {i}))
    return ("full names (Wikidata tokens)", names, full_q), ("partial full names (2 of 3 parts)", names, part_q)


# ---------------------------------------------------------------- systems


def toolkit_system(names: list[str], workdir: Path, data: Path, column: str = "ar") -> Callable[[str], list[int]]:
    from toolkit.defaults import Lexicon  # wired with the transliteration speller

    path = workdir / f"list-{abs(hash(tuple(names[:50])))}.tsv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(f"id\t{column}\n")
        for i, ar in enumerate(names):
            fh.write(f"{i}\t{ar}\n")
    lex = Lexicon.from_paths([path], cache=workdir / "cache")
    lex.use_transliterator(held_out_transliterator(data))
    return lambda q: [int(m.id) for m in lex.lookup(q, top=5)]


_HELD_OUT: list[object] = []


def held_out_transliterator(data: Path) -> object:
    """The transliteration stage as shipped, minus what knows the google names measured here:
    the attested table is the training split's and the Arab name dictionary is off."""
    if not _HELD_OUT:
        from toolkit.translit import Transliterator
        from training.translit.tables import training_memory

        _HELD_OUT.append(Transliterator(use_lexicon=False, memory=training_memory(data), name_dictionary=False))
    return _HELD_OUT[0]


def romanize_peer(romanize: Callable[[str], str], names: list[str]) -> Callable[[str], list[int]]:
    from rapidfuzz import fuzz, process, utils

    roman = [romanize(ar) for ar in names]
    return lambda q: [i for _, _, i in process.extract(q, roman, scorer=fuzz.WRatio, processor=utils.default_process, limit=5)]


def romanize_query_peer(romanize: Callable[[str], str], names: list[str]) -> Callable[[str], list[int]]:
    """The other direction: romanize the Arabic query, rank the English list."""
    from rapidfuzz import fuzz, process, utils

    return lambda q: [i for _, _, i in process.extract(romanize(q), names, scorer=fuzz.WRatio, processor=utils.default_process, limit=5)]


def peers() -> dict[str, Callable[[str], str] | str]:
    """name -> romanizer, or the reason it is unavailable."""
    out: dict[str, Callable[[str], str] | str] = {}
    try:
        import icu  # type: ignore[import-not-found]

        tr = icu.Transliterator.createInstance("Any-Latin; Latin-ASCII")
        out["ICU Any-Latin + rapidfuzz"] = tr.transliterate
    except Exception as exc:  # noqa: BLE001
        out["ICU Any-Latin + rapidfuzz"] = f"not installed ({exc.__class__.__name__})"
    try:
        import uroman  # type: ignore[import-not-found]

        ur = uroman.Uroman()
        out["uroman + rapidfuzz"] = lambda s: ur.romanize_string(s, lcode="ara")
    except Exception as exc:  # noqa: BLE001
        out["uroman + rapidfuzz"] = f"not installed ({exc.__class__.__name__})"
    try:
        import arabic_name_romanizer as anr  # type: ignore[import-not-found]

        out["arabic-name-romanizer + rapidfuzz"] = lambda s: str(anr.transliterate(s))
    except Exception as exc:  # noqa: BLE001
        out["arabic-name-romanizer + rapidfuzz"] = f"not installed ({exc.__class__.__name__})"
    return out


def evaluate(system: Callable[[str], list[int]], queries: list[tuple[str, set[int]]]) -> tuple[float, float, float, float]:
    at1 = at5 = rr = 0.0
    start = time.perf_counter()
    for q, gold in queries:
        ranked = system(q)[:5]
        for rank, i in enumerate(ranked, start=1):
            if i in gold:
                rr += 1.0 / rank
                at5 += 1
                at1 += rank == 1
                break
    n = max(len(queries), 1)
    return at1 / n, at5 / n, rr / n, (time.perf_counter() - start) / n * 1000


# ---------------------------------------------------------------- sections


def accuracy_table(datasets: list[Dataset], workdir: Path, skip_peers: bool, data: Path) -> None:
    print("\n## Accuracy: English spellings against Arabic-only lists\n")
    print("| list | entries | queries | system | acc@1 | acc@5 | MRR | ms/query |")
    print("|---|---:|---:|---|---:|---:|---:|---:|")
    peer_systems = {} if skip_peers else peers()
    for name, names, queries in datasets:
        english = name in ENGLISH_LISTS
        rows = [("toolkit.lexicon", toolkit_system(names, workdir, data, "en" if english else "ar"))]
        for pname, romanizer in peer_systems.items():
            if isinstance(romanizer, str):
                print(f"| {name} | {len(names):,} | {len(queries):,} | {pname} | {romanizer} | | | |")
                continue
            rows.append((pname, (romanize_query_peer if english else romanize_peer)(romanizer, names)))
        for sname, system in rows:
            a1, a5, mrr, ms = evaluate(system, queries)
            print(f"| {name} | {len(names):,} | {len(queries):,} | {sname} | {a1:.3f} | {a5:.3f} | {mrr:.3f} | {ms:.2f} |")
        sys.stdout.flush()


DEMO = [
    ("Kata'ib Hizballah", "org:kataeb-hezbollah"),
    ("Hashd al-Shaabi", "org:pmf"),
    ("محمد شياع السوداني", "per:mohammed-shiaa-al-sudani"),
    ("al-Araby al-Jadid", "org:al-araby-al-jadeed"),
]


def demo_table() -> None:
    from toolkit.defaults import Lexicon  # wired with the transliteration speller
    from toolkit.lexicon import LexiconError

    print("\n## Issue demo queries against the shipped lexicons\n")
    try:
        lex = Lexicon.default()
    except LexiconError as exc:
        print(f"shipped lexicons do not compile: {exc}")
        return
    print("| query | expected id | first match | score | why | ok |")
    print("|---|---|---|---:|---|---|")
    for q, want in DEMO:
        got = lex.lookup(q, top=1)
        m = got[0] if got else None
        if m is None:
            print(f"| {q} | {want} | - | | | NO |")
        else:
            print(f"| {q} | {want} | {m.id} | {m.score:.3f} | {m.why} | {'yes' if m.id == want else 'NO'} |")


def throughput_table(data: Path, workdir: Path, n: int = 10_000, in_process: bool = False) -> None:
    print(f"\n## Throughput: {n:,} distinct queries\n")
    _, names, _ = person_names(data)
    list_path = workdir / "throughput.tsv"
    with list_path.open("w", encoding="utf-8") as fh:
        fh.write("id\tar\n")
        for i, ar in enumerate(names):
            fh.write(f"{i}\t{ar}\n")
    queries: list[str] = []
    seen: set[str] = set()
    with (data / "names" / "google_ar2en_train.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            en = line.rstrip("\n").partition("\t")[2].title()
            if en and en not in seen:
                seen.add(en)
                queries.append(en)
    queries = queries[:n]
    from toolkit.defaults import Lexicon  # wired with the transliteration speller

    env = dict(os.environ, TOOLKIT_CACHE=str(workdir / "cache"))
    lex = Lexicon.from_paths([list_path], cache=workdir / "cache")
    print("| how | lexicon | queries | seconds | queries/s | CPU s |")
    print("|---|---:|---:|---:|---:|---:|")
    if in_process:
        start = time.perf_counter()
        for i in range(0, len(queries), 512):
            lex.lookup_many(queries[i : i + 512], top=5)
        secs = time.perf_counter() - start
        print(f"| Lexicon.lookup_many, in process | {len(names):,} | {len(queries):,} | {secs:.1f} | {len(queries) / secs:,.0f} | |")
    toolkit = shutil.which("toolkit") or str(Path(sys.executable).parent / "toolkit")

    def stdin_row(label: str, size: int, args: list[str], lines_in: list[str]) -> None:
        """Run one stdin lookup; wall time and CPU time (all processes), process start included."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([toolkit, "lookup", *args], input="\n".join(lines_in) + "\n", capture_output=True, text=True, env=env)
        secs = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        lines = done.stdout.count("\n")
        if done.returncode != 0:
            print(f"| {label} | {size:,} | failed: {done.stderr.strip()[-200:]} | | | |")
            return
        print(f"| {label} | {size:,} | {lines:,} | {secs:.1f} | {lines / secs:,.0f} | {cpu:.1f} |")
        sys.stdout.flush()

    def cold_row(label: str, size: int, args: list[str]) -> None:
        start = time.perf_counter()
        subprocess.run([toolkit, "lookup", *args], capture_output=True, env=env)
        print(f"| {label} | {size:,} | 1 | {time.perf_counter() - start:.2f} | | |")

    lst = ["--lexicon", str(list_path), "--json"]
    stdin_row("English queries, Arabic-only list: `toolkit lookup --json` (defaults: model on, one worker per core)", len(names), lst, queries)
    stdin_row("same, `--no-translit`", len(names), [*lst, "--no-translit"], queries)
    stdin_row("same, `-j 1`", len(names), [*lst, "-j", "1"], queries)
    stdin_row("same, `-j 1 --no-translit`", len(names), [*lst, "-j", "1", "--no-translit"], queries)
    cold_row("one cold `toolkit lookup QUERY` (index built)", len(names), [queries[0], "--lexicon", str(list_path)])
    # The shipped lexicons queried with their own names, English and Arabic (the news
    # use: most queries hit a listed spelling), lower-cased so none is verbatim.
    from toolkit.lexicon import LexiconError

    try:
        shipped = Lexicon.default(cache=workdir / "cache")
    except LexiconError as exc:
        print(f"| shipped lexicons | - | - | do not compile: {exc} | | |")
        return
    own = list(dict.fromkeys(name.lower() for lang in ("en", "ar") for name, _ in shipped.names(lang)))[:n]
    if in_process:
        start = time.perf_counter()
        for q in own:
            shipped.lookup(q, top=5)
        secs = time.perf_counter() - start
        print(f"| Lexicon.lookup, shipped lexicons, their own names | {len(shipped):,} | {len(own):,} | {secs:.1f} | {len(own) / secs:,.0f} | |")
    stdin_row("shipped lexicons, their own names lower-cased: `toolkit lookup --json`", len(shipped), ["--json"], own)
    stdin_row("same, `-j 1`", len(shipped), ["--json", "-j", "1"], own)
    cold_row("one cold `toolkit lookup \"Kata'ib Hizballah\"` (index built)", len(shipped), ["Kata'ib Hizballah"])


def scale_table(data: Path, workdir: Path, rows: int, seed: int, n_queries: int = 1000) -> None:
    print(f"\n## Scale: generated Arabic-only lexicon of {rows:,} rows\n")
    rng = random.Random(seed + 1)
    tokens = _token_spellings(data, min_total=2)
    path = workdir / f"big-{rows}.tsv"
    probes: list[tuple[str, int]] = []
    seen: set[str] = set()
    t0 = time.perf_counter()
    with path.open("w", encoding="utf-8") as fh:
        fh.write("id\tar\n")
        i = 0
        while i < rows:
            parts = rng.sample(tokens, rng.choice((2, 3, 3, 4)))
            ar = " ".join(p[0] for p in parts)
            if ar in seen:
                continue
            seen.add(ar)
            fh.write(f"{i}\t{ar}\n")
            if len(probes) < n_queries and rng.random() < n_queries * 3 / rows:
                probes.append((" ".join(rng.choices(p[1], weights=p[2])[0] for p in parts), i))
            i += 1
    del seen
    gen = time.perf_counter() - t0
    from toolkit.defaults import Lexicon  # wired with the transliteration speller

    t0 = time.perf_counter()
    lex = Lexicon.from_paths([path], cache=workdir / "cache")
    build = time.perf_counter() - t0
    size = lex.path.stat().st_size
    t0 = time.perf_counter()
    lex2 = Lexicon.from_paths([path], cache=workdir / "cache")
    reopen = time.perf_counter() - t0
    t0 = time.perf_counter()
    lex2.lookup(probes[0][0])
    first = time.perf_counter() - t0
    lat: list[float] = []
    hits = 0
    for q, gold in probes:
        t = time.perf_counter()
        got = lex2.lookup(q, top=5)
        lat.append(time.perf_counter() - t)
        hits += bool(got) and got[0].id == str(gold)
    lat.sort()
    # The same probes as one batch (what stdin lookups do), on a freshly opened index.
    lex3 = Lexicon.from_paths([path], cache=workdir / "cache")
    t0 = time.perf_counter()
    lex3.lookup_many([q for q, _ in probes], top=5)
    batch = len(probes) / (time.perf_counter() - t0)
    print("| rows | file MB | generate s | build s | index MB | reopen (cached) s | first query s | median ms | p95 ms | queries/s | batch queries/s | acc@1 |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {rows:,} | {path.stat().st_size / 1e6:.0f} | {gen:.0f} | {build:.0f} | {size / 1e6:.0f} | {reopen:.2f} | {first:.2f} | "
        f"{1000 * lat[len(lat) // 2]:.1f} | {1000 * lat[int(len(lat) * 0.95)]:.1f} | {len(lat) / sum(lat):,.0f} | {batch:,.0f} | {hits / len(probes):.3f} |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the public data folder (default ../shared/data)")
    ap.add_argument("--full-names", type=int, default=2000, help="how many generated full names")
    ap.add_argument("--big-rows", type=int, default=100_000, help="rows of the generated scale lexicon (0: skip)")
    ap.add_argument("--queries", type=int, default=10_000, help="queries of the throughput test")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-queries", type=int, default=0, help="sample at most this many queries per list (0: all)")
    ap.add_argument("--in-process", action="store_true", help="also time Lexicon.lookup in process")
    ap.add_argument("--skip-peers", action="store_true", help="measure the toolkit only")
    ap.add_argument("--only", choices=("accuracy", "demo", "throughput", "scale"), action="append")
    args = ap.parse_args()
    if not args.data.is_dir():
        sys.exit(f"lookup.py: no data folder at {args.data}; pass --data")
    only = set(args.only or ("accuracy", "demo", "throughput", "scale"))
    print(f"# Lookup benchmark (data: {args.data}, seed {args.seed})")
    with tempfile.TemporaryDirectory(prefix="toolkit-lookup-bench-") as tmp:
        work = Path(tmp)
        if "accuracy" in only:
            full, partial = full_names(args.data, args.full_names, args.seed)
            sets = [places(args.data), person_names(args.data), person_names_reverse(args.data), full, partial]
            if args.max_queries:
                rng = random.Random(args.seed)
                sets = [(n, names, sorted(rng.sample(qs, min(args.max_queries, len(qs))))) for n, names, qs in sets]
            accuracy_table(sets, work, args.skip_peers, args.data)
        if "demo" in only:
            demo_table()
        if "throughput" in only:
            throughput_table(args.data, work, args.queries, args.in_process)
        if "scale" in only and args.big_rows:
            scale_table(args.data, work, args.big_rows, args.seed)


if __name__ == "__main__":
    main()
