"""Transliteration benchmark: the toolkit and its peers, same data, same run, one table.

    nice python benchmarks/translit.py [--data ../shared/data] [--limit N] [--threads 2]

Data (read by path): the dev split of ``names/wikidata_arabic_to_english_variants.tsv``
(Arabic forms held out of training by ``training.translit.pairs.is_dev_form``; the gold is
every attested English spelling of the form) and ``names/google_ar2en_test.tsv``.

The toolkit is measured on these held-out sets with the attested-spellings table of the
training split (``training.translit.tables.training_memory``): the shipped ``attested.tsv``
knows the held-out forms too, which would turn the measurement into a lookup. The
multi-word names of ``benchmarks/gold/translit_multiword.tsv`` (hand-written, 85 people)
are measured with everything shipped, lexicon on and off.

Arabic → Latin: top-1 and top-5 accuracy against the set of attested spellings, comparing
folded strings (case, accents, hyphens, apostrophes and spaces ignored), and CER of the top
candidate against the closest attested spelling. Latin → Arabic: top-1 exact after Arabic
orthographic folding (``normalize_arabic(..., "match")``), inputs are the attested English
spellings of the held-out Arabic forms. Throughput is names per second for each system on
the same names (the toolkit's per-process word cache cleared before every run), by wall
time and by CPU time, median of ``--repeats`` runs; the load average of the machine is
printed before and after. Cold start is one ``toolkit translit`` process, wall time.
Batch mode is ``toolkit translit --to latin --json -j N`` fed every held-out Arabic form
on stdin, process start included (``--cli-workers``). ``--threads`` sets torch's threads (peers); the toolkit's numpy decoding uses one BLAS
thread by itself.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\s\-'’ʼʻʿʾ`‘.]+", "", text)


def cer(hyp: str, golds: set[str]) -> float:
    from rapidfuzz.distance import Levenshtein

    return min(Levenshtein.distance(hyp, g) / max(1, len(g)) for g in golds)


def load_ar2lat(data: Path, limit: int | None) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    from toolkit.translit.model import clean_arabic
    from training.translit.pairs import is_dev_form

    wiki: dict[str, set[str]] = {}
    with (data / "names" / "wikidata_arabic_to_english_variants.tsv").open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            arabic, _, _, counts = line.rstrip("\n").split("\t")
            ar = clean_arabic(arabic)
            if not ar or not is_dev_form(ar):
                continue
            golds = {fold(item.rsplit(":", 1)[0]) for item in counts.split("|")}
            golds.discard("")
            if golds:
                wiki[arabic] = golds
    google: dict[str, set[str]] = defaultdict(set)
    with (data / "names" / "google_ar2en_test.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2:
                google[parts[0]].add(fold(parts[1]))
    if limit:
        wiki = dict(sorted(wiki.items())[:limit])
        google = dict(sorted(google.items())[:limit])
    return wiki, dict(google)


def load_lat2ar(data: Path, limit: int | None) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    from toolkit.normalize.arabic import normalize_arabic
    from toolkit.translit.model import clean_arabic
    from training.translit.pairs import is_dev_form

    wiki: dict[str, set[str]] = defaultdict(set)
    with (data / "names" / "wikidata_person_tokens.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or not parts[2].isdigit() or int(parts[2]) < 2:
                continue  # count-1 alignments are too noisy to be a gold answer
            ar = clean_arabic(parts[1].replace(" ", ""))
            if ar and is_dev_form(ar) and parts[0].isalpha():
                wiki[parts[0]].add(normalize_arabic(ar, "match"))
    google: dict[str, set[str]] = defaultdict(set)
    with (data / "names" / "google_ar2en_test.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2:
                google[parts[1]].add(normalize_arabic(parts[0], "match"))
    if limit:
        return dict(sorted(wiki.items())[:limit]), dict(sorted(google.items())[:limit])
    return dict(wiki), dict(google)


System = Callable[[list[str]], list[list[str]]]


_TRAINING_MEMORY: dict[Path, object] = {}


def training_memory(data: Path) -> object:
    """The attested table of the training split: the shipped one also knows the held-out forms."""
    from training.translit.tables import training_memory as build

    if data not in _TRAINING_MEMORY:
        _TRAINING_MEMORY[data] = build(data)
    return _TRAINING_MEMORY[data]


def toolkit_system(
    to: str, beams: int, use_lexicon: bool = True, data: Path | None = None, dictionary: bool | None = None
) -> tuple[System, object]:
    """The toolkit; with ``data``, the training split's attested table and (unless ``dictionary``
    says otherwise) no name dictionary, for the held-out sets."""
    from toolkit.translit import Transliterator

    memory = training_memory(data) if data is not None else None
    # held-out sets: no name dictionary either (it holds Wikidata's spellings of the held-out forms)
    engine = Transliterator(beams=beams, use_lexicon=use_lexicon, memory=memory,  # type: ignore[arg-type]
                            name_dictionary=(data is None) if dictionary is None else dictionary)
    engine.transliterate_many(["تجربة", "Test"], to, top=5)  # load lexicon, memory and model outside the timing
    _ = (engine.model, engine.latin_lm)

    def run(names: list[str]) -> list[list[str]]:
        engine.cache.clear()
        return [[c.text for c in cands] for cands in engine.transliterate_many(names, to, top=5)]  # type: ignore[arg-type]

    return run, engine


def peers_ar2lat() -> dict[str, System | str]:
    peers: dict[str, System | str] = {}
    try:
        import arabic_name_romanizer as anr

        peers["arabic-name-romanizer 0.2"] = lambda names: [[c.text for c in cs] for cs in anr.transliterate_many(names, top_k=5)]
    except ImportError as exc:
        peers["arabic-name-romanizer"] = f"not installed ({exc})"
    try:
        import uroman as ur

        u = ur.Uroman()
        peers["uroman"] = lambda names: [[u.romanize_string(n)] for n in names]
    except ImportError as exc:
        peers["uroman"] = f"not installed ({exc})"
    try:
        import icu

        any_latin = icu.Transliterator.createInstance("Any-Latin")
        bgn = icu.Transliterator.createInstance("Arabic-Latin/BGN")
        peers["ICU Any-Latin"] = lambda names: [[any_latin.transliterate(n)] for n in names]
        peers["ICU Arabic-Latin/BGN"] = lambda names: [[bgn.transliterate(n)] for n in names]
    except ImportError as exc:
        peers["ICU (PyICU)"] = f"not installed ({exc})"
    from camel_tools.utils.charmap import CharMapper

    bw = CharMapper.builtin_mapper("ar2bw")
    peers["camel-tools Buckwalter (scheme)"] = lambda names: [[bw.map_string(n)] for n in names]
    return peers


def peers_lat2ar() -> dict[str, System | str]:
    peers: dict[str, System | str] = {}
    try:
        import icu

        latin_arabic = icu.Transliterator.createInstance("Latin-Arabic")
        peers["ICU Latin-Arabic"] = lambda names: [[latin_arabic.transliterate(n)] for n in names]
    except ImportError as exc:
        peers["ICU Latin-Arabic"] = f"not installed ({exc})"
    return peers


def score_lat(outputs: list[list[str]], golds: list[set[str]]) -> tuple[float, float, float]:
    top1 = top5 = 0
    errors = 0.0
    for out, gold in zip(outputs, golds):
        folded = [fold(o) for o in out]
        top1 += bool(folded) and folded[0] in gold
        top5 += any(f in gold for f in folded[:5])
        errors += cer(folded[0], gold) if folded else 1.0
    n = max(1, len(golds))
    return top1 / n, top5 / n, errors / n


def score_ar(outputs: list[list[str]], golds: list[set[str]]) -> tuple[float, float]:
    from toolkit.normalize.arabic import normalize_arabic

    top1 = top5 = 0
    for out, gold in zip(outputs, golds):
        folded = [normalize_arabic(o, "match").replace(" ", "") for o in out]
        top1 += bool(folded) and folded[0] in gold
        top5 += any(f in gold for f in folded[:5])
    n = max(1, len(golds))
    return top1 / n, top5 / n


def timed(system: System, names: list[str], repeats: int = 1) -> tuple[list[list[str]], float, float]:
    """Outputs, and names/s by wall time and by CPU time (median of ``repeats`` runs).

    CPU time (``time.process_time``: this process, all its threads) is the steadier number
    on a machine shared with other jobs; wall time is what a user waits.
    """
    walls, cpus = [], []
    out: list[list[str]] = []
    for _ in range(max(1, repeats)):
        start, cpu = time.perf_counter(), time.process_time()
        out = system(names)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    wall, cpu_time = sorted(walls)[len(walls) // 2], sorted(cpus)[len(cpus) // 2]
    return out, len(names) / max(1e-9, wall), len(names) / max(1e-9, cpu_time)


def cold_start(args: list[str], fresh_cache: bool = False) -> float:
    """Wall time of one ``toolkit`` process; ``fresh_cache``: as on a new installation (an
    empty ``$TOOLKIT_CACHE``, so whatever is compiled on first use is compiled now)."""
    import tempfile

    env = {**os.environ}
    if fresh_cache:
        env["TOOLKIT_CACHE"] = tempfile.mkdtemp(prefix="translit-cold-")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "toolkit.cli", *args], capture_output=True, check=True, cwd=ROOT, env=env)
    return time.perf_counter() - start


MULTIWORD = ROOT / "benchmarks" / "gold" / "translit_multiword.tsv"


def load_multiword(path: Path = MULTIWORD) -> dict[str, set[str]]:
    """Hand-written multi-word Arab names: Arabic → every attested romanization, folded."""
    names: dict[str, set[str]] = {}
    if not path.is_file():
        return names
    rows = [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8") if line.strip() and not line.startswith("#")]
    for row in rows[1:]:  # the first row is the header
        if len(row) >= 2 and row[0].strip():
            names[row[0].strip()] = {fold(s) for s in row[1].split("|") if fold(s)}
    return names


def load_multiword_reverse(path: Path = MULTIWORD) -> dict[str, set[str]]:
    """The same names the other way: every attested romanization → the Arabic, folded."""
    from toolkit.normalize.arabic import normalize_arabic

    out: dict[str, set[str]] = {}
    rows = [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8") if line.strip() and not line.startswith("#")]
    for row in rows[1:]:
        if len(row) >= 2 and row[0].strip():
            for spelling in row[1].split("|"):
                if spelling.strip():
                    out.setdefault(spelling.strip(), set()).add(normalize_arabic(row[0], "match").replace(" ", ""))
    return out


def multiword_rows(systems: dict[str, System | str], names: dict[str, set[str]], arabic: bool = False) -> list[str]:
    """Whole-name top-1 / top-5 (/ CER for Latin): every word must be right for a name to count."""
    rows = []
    golds = list(names.values())
    direction = "lat→ar" if arabic else "ar→lat"
    for label, system in systems.items():
        if isinstance(system, str):
            rows.append(f"| {direction} | {label} | {system} | | | |")
            continue
        out = system(list(names))
        if arabic:
            top1, top5 = score_ar(out, golds)
            rows.append(f"| {direction} | {label} | {top1:.3f} | {top5:.3f} | – | {len(names)} |")
        else:
            top1, top5, err = score_lat(out, golds)
            rows.append(f"| {direction} | {label} | {top1:.3f} | {top5:.3f} | {err:.3f} | {len(names)} |")
        print(rows[-1], file=sys.stderr, flush=True)
    return rows


def unseen_arabic_names(data: Path) -> list[str]:
    """Every Arabic form held out of training (Wikidata dev, google eval and test), once each."""
    from toolkit.translit.model import clean_arabic
    from training.translit.pairs import is_dev_form

    names: dict[str, None] = {}
    with (data / "names" / "wikidata_arabic_to_english_variants.tsv").open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            arabic = line.split("\t", 1)[0]
            if clean_arabic(arabic) and is_dev_form(clean_arabic(arabic)):
                names[arabic] = None
    for split in ("eval", "test"):
        with (data / "names" / f"google_ar2en_{split}.tsv").open(encoding="utf-8") as handle:
            for line in handle:
                names[line.split("\t", 1)[0]] = None
    return [n for n in names if n.strip()]


def cli_batch(names: list[str], workers: int, repeats: int, data: Path) -> tuple[float, float]:
    """names/s of ``toolkit translit --to latin --json -j N`` over stdin, process start included.

    Returns (names/s by wall time, CPU seconds of the process and its workers), median of
    ``repeats`` runs. Every name is unseen in training, and the command is given the shipped
    model with the training split's attested table, so every word goes to the model.
    """
    import resource
    import tempfile

    from toolkit.resources import models_dir

    shipped = models_dir() / "translit"
    model_dir = Path(tempfile.mkdtemp(prefix="translit-bench-"))
    for item in shipped.iterdir():
        if item.name != "attested.tsv":
            (model_dir / item.name).symlink_to(item)
    training_memory(data).save(model_dir / "attested.tsv")  # type: ignore[attr-defined]

    payload = ("\n".join(names) + "\n").encode("utf-8")
    walls, cpus = [], []
    for _ in range(max(1, repeats)):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "toolkit.cli", "translit", "--to", "latin", "--json", "-j", str(workers),
                               "--model", str(model_dir)],
                              input=payload, capture_output=True, check=True, cwd=ROOT)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        assert done.stdout.count(b"\n") == len(names), "one JSON line per input line"
    wall = sorted(walls)[len(walls) // 2]
    return len(names) / wall, sorted(cpus)[len(cpus) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="first N forms of each set (default: all)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--beams", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per system (the median is reported)")
    parser.add_argument("--cli-workers", type=int, nargs="*", default=[1, 2],
                        help="time the CLI's stdin batch mode with these --workers values")
    parser.add_argument("--also-beams", type=int, nargs="*", default=[], help="extra toolkit rows with these beam widths")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    wiki, google = load_ar2lat(args.data, args.limit)
    wiki_l, google_l = load_lat2ar(args.data, args.limit)
    print(f"# load average before: {os.getloadavg()}", file=sys.stderr)
    print(f"# data: wikidata dev {len(wiki)} Arabic forms, google test {len(google)}; "
          f"Latin->Arabic: wikidata dev {len(wiki_l)} spellings, google test {len(google_l)}", file=sys.stderr)

    rows: list[str] = []
    header = ("| direction | system | wikidata dev top-1 | top-5 | CER | google test top-1 | top-5 | CER | names/s (wall) | names/s (CPU) |\n"
              "|---|---|---|---|---|---|---|---|---|---|")
    systems: dict[str, System | str] = {}
    tk, _ = toolkit_system("latin", args.beams, data=args.data)
    systems[f"**toolkit** (beam {args.beams})"] = tk
    for extra in args.also_beams:
        systems[f"toolkit (beam {extra})"] = toolkit_system("latin", extra, data=args.data)[0]
    tk1, _ = toolkit_system("latin", 1, data=args.data)
    systems["**toolkit** (greedy)"] = tk1
    systems["toolkit (beam 5) + name dictionary, not held out*"] = toolkit_system("latin", args.beams, data=args.data, dictionary=True)[0]
    systems.update(peers_ar2lat())
    for name, system in systems.items():
        if isinstance(system, str):
            rows.append(f"| ar→lat | {name} | {system} | | | | | | | |")
            continue
        out_w, speed, cpu_speed = timed(system, list(wiki), args.repeats)
        out_g, _, _ = timed(system, list(google))
        w = score_lat(out_w, list(wiki.values()))
        g = score_lat(out_g, list(google.values()))
        rows.append(f"| ar→lat | {name} | {w[0]:.3f} | {w[1]:.3f} | {w[2]:.3f} | {g[0]:.3f} | {g[1]:.3f} | {g[2]:.3f} "
                    f"| {speed:,.0f} | {cpu_speed:,.0f} |")
        print(rows[-1], file=sys.stderr, flush=True)

    systems = {}
    tk, _ = toolkit_system("arabic", args.beams, data=args.data)
    systems[f"**toolkit** (beam {args.beams})"] = tk
    systems["toolkit (beam 5) + name dictionary, not held out*"] = toolkit_system("arabic", args.beams, data=args.data, dictionary=True)[0]
    systems.update(peers_lat2ar())
    for name, system in systems.items():
        if isinstance(system, str):
            rows.append(f"| lat→ar | {name} | {system} | | | | | | | |")
            continue
        out_w, speed, cpu_speed = timed(system, list(wiki_l), args.repeats)
        out_g, _, _ = timed(system, list(google_l))
        w2 = score_ar(out_w, list(wiki_l.values()))
        g2 = score_ar(out_g, list(google_l.values()))
        rows.append(f"| lat→ar | {name} | {w2[0]:.3f} | {w2[1]:.3f} | – | {g2[0]:.3f} | {g2[1]:.3f} | – "
                    f"| {speed:,.0f} | {cpu_speed:,.0f} |")
        print(rows[-1], file=sys.stderr, flush=True)

    multiword = load_multiword()
    mw_systems: dict[str, System | str] = {}
    if multiword:
        mw_systems["**toolkit** (beam 5, lexicon on)"] = toolkit_system("latin", args.beams)[0]
        mw_systems["toolkit, lexicon off"] = toolkit_system("latin", args.beams, use_lexicon=False)[0]
        mw_systems["toolkit, lexicon and name dictionary off"] = toolkit_system("latin", args.beams, use_lexicon=False, dictionary=False)[0]
        mw_systems.update((k, v) for k, v in peers_ar2lat().items() if "BGN" not in k)
    mw_rows = multiword_rows(mw_systems, multiword) if multiword else []
    if multiword:
        reverse: dict[str, System | str] = {
            "**toolkit** (beam 5, lexicon on)": toolkit_system("arabic", args.beams)[0],
            "toolkit, lexicon off": toolkit_system("arabic", args.beams, use_lexicon=False)[0],
            "toolkit, lexicon and name dictionary off": toolkit_system("arabic", args.beams, use_lexicon=False, dictionary=False)[0],
            **peers_lat2ar(),
        }
        mw_rows += multiword_rows(reverse, load_multiword_reverse(), arabic=True)

    batch_names = unseen_arabic_names(args.data)
    batch_rows = []
    for workers in args.cli_workers:
        speed, cpu = cli_batch(batch_names, workers, args.repeats, args.data)
        batch_rows.append(f"| `toolkit translit --to latin --json -j {workers}` | {len(batch_names):,} | {speed:,.0f} | {cpu:.1f} |")
        print(batch_rows[-1], file=sys.stderr, flush=True)

    env = {**os.environ}
    cold_known = cold_start(["translit", "محمد شياع السوداني", "--to", "latin"])
    cold_model = cold_start(["translit", "غوتيريشكوفا", "--to", "latin"])
    first_ar = cold_start(["translit", "محمد شياع السوداني", "--to", "latin"], fresh_cache=True)
    first_lat = cold_start(["translit", "Hadi al-Amiri", "--to", "arabic"], fresh_cache=True)
    print(f"# load average after: {os.getloadavg()}", file=sys.stderr)
    print(header)
    print("\n".join(rows))
    print()
    print("\\* with the name dictionary it depends on (arabic-name-romanizer's index), which may hold "
          "Wikidata's spellings of held-out names: what it adds, not a held-out score.")
    print()
    if mw_rows:
        print("multi-word Arab names (benchmarks/gold/translit_multiword.tsv, hand-written), whole name "
              "(Latin → Arabic: every attested romanization as a query):")
        print()
        print("| direction | system | top-1 | top-5 | CER | names |\n|---|---|---|---|---|---|")
        print("\n".join(mw_rows))
        print()
    print("batch mode on stdin, every name unseen in training, process start included:")
    print()
    print("| command | names | names/s (wall) | CPU s (all processes) |\n|---|---|---|---|")
    print("\n".join(batch_rows))
    print()
    print(f"cold start, one `toolkit translit` process: {cold_known:.2f} s for an attested name "
          f"(no torch), {cold_model:.2f} s for a name that needs the model; the first call on a new installation "
          f"(empty cache): {first_ar:.2f} s Arabic → Latin, {first_lat:.2f} s Latin → Arabic (a few names: the name "
          f"dictionary's index is scanned, its reverse index is compiled by the first long batch)")
    del env


if __name__ == "__main__":
    main()
