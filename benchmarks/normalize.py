"""Throughput of the normalizers as users run them, against camel-tools and the copy floor.

    python benchmarks/normalize.py [--data ../shared/data] [--mb 7.4] [--cli-repeat 8]

Text: real news. Arabic is ANERcorp (``ner/anercorp_train.txt``, its tokens joined back
into one sentence a line) repeated to ``--mb`` megabytes; English is the NTREX documents
(``align/ntrex/*/doc_en.txt``) repeated to the same size; "mixed" interleaves the two
line by line.

Paths measured, each the best of three runs (the machine may be shared; the load
average is printed with the table):

* library, in-process: ``normalize_arabic(text, "search")`` on one long string; one
  call per record; ``normalize_many`` on the records as one batch; the same for the
  Latin ``search`` level on the English text;
* the command line: ``toolkit normalize --lang L --level search < file`` started as a
  subprocess with its stdout read through a pipe (interpreter start included), on the
  file and on the file repeated ``--cli-repeat`` times (where the start-up cost fades);
* the camel-tools chain that does the same folds (normalize_unicode, dediac_ar,
  normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar, plus the folds
  camel-tools has no function for: tatweel, Arabic-Indic digits, Arabic punctuation,
  whitespace), in-process, one string and per record;
* the physical floor: the same bytes read and written by Python (in-process, and as a
  subprocess through the same pipe), the cost of any job that reads the file and writes
  as much.

Also printed: the sha256 of the Arabic search output of the whole text (the CLI's bytes,
which must equal the library's), an idempotence check on it, the Latin ``match`` level
over Wikidata name spellings, and the precision/recall of ``toolkit match`` on the
hand-written pair tables in tests/normalize/data.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.normalize import normalize_many  # noqa: E402
from toolkit.normalize.arabic import normalize_arabic  # noqa: E402
from toolkit.normalize.keys import DEFAULT_THRESHOLD, similarity  # noqa: E402
from toolkit.normalize.latin import _match, normalize_latin  # noqa: E402

try:
    from toolkit.normalize.lines import normalize_lines
except ImportError:  # a checkout from before issue 15 (for before/after numbers): one call a line
    from toolkit.normalize import normalize

    def normalize_lines(block: str, lang: str = "auto", level: str = "search") -> str:  # type: ignore[misc]
        return "\n".join(normalize(x, lang, level) for x in block.split("\n"))  # type: ignore[arg-type]

try:
    from toolkit.normalize.vector import backend
except ImportError:  # a checkout from before the C pass: the numpy gather ran
    def backend() -> str:
        return "numpy"

_EXTRAS = {0x0640: None, **{0x0660 + i: str(i) for i in range(10)}, **{0x06F0 + i: str(i) for i in range(10)},
           0x060C: ",", 0x061B: ";", 0x061F: "?", 0x066A: "%", 0x066B: ".", 0x066C: ","}
_SPACES = re.compile(r"\s+")
_COPY = "import sys; sys.stdout.buffer.write(sys.stdin.buffer.read())"


def camel_chain(text: str) -> str:
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    s = normalize_unicode(text)
    s = dediac_ar(s)
    s = normalize_alef_ar(s)
    s = normalize_alef_maksura_ar(s)
    s = normalize_teh_marbuta_ar(s)
    s = s.translate(_EXTRAS)
    return _SPACES.sub(" ", s).strip()


def anercorp_lines(data: Path) -> list[str]:
    """ANERcorp's tokens joined into its sentences, one a line (blank lines end one)."""
    path = data / "ner" / "anercorp_train.txt"
    if not path.exists():
        sys.exit(f"no {path} (pass --data)")
    lines: list[str] = []
    tokens: list[str] = []
    for row in path.read_text(encoding="utf-8").splitlines():
        if not row.strip():
            if tokens:
                lines.append(" ".join(tokens))
                tokens = []
            continue
        tokens.append(row.rsplit(" ", 1)[0])
    if tokens:
        lines.append(" ".join(tokens))
    return lines


def ntrex_lines(data: Path) -> list[str]:
    docs = sorted((data / "align" / "ntrex").glob("*/doc_en.txt"))
    if not docs:
        sys.exit(f"no NTREX documents under {data}/align/ntrex (pass --data)")
    return [line for p in docs for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def repeat_to(base: list[str], mb: float) -> list[str]:
    size = sum(len(x.encode()) + 1 for x in base)
    return base * max(1, round(mb * 1e6 / size))


def best_of(fn: Callable[[], object], repeat: int = 3) -> tuple[float, object]:
    """Best of ``repeat`` runs: the machine is shared, the minimum is the least noisy."""
    best, out = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - start)
    return best, out


def run_pipe(args: list[str], path: Path) -> bytes:
    """``args < path``, stdout read through a pipe; the bytes it printed."""
    with path.open("rb") as stdin:
        proc = subprocess.run(args, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False, cwd=ROOT)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(args)} failed: {proc.stderr.decode()[-500:]}")
    return proc.stdout


def copy_in_process(path: Path) -> int:
    with path.open("rb") as src, open(os.devnull, "wb") as dst:
        return dst.write(src.read())


def cli(lang: str) -> list[str]:
    return [sys.executable, "-m", "toolkit.cli", "normalize", "--lang", lang, "--level", "search"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--mb", type=float, default=7.4, help="megabytes of text of each language")
    ap.add_argument("--cli-repeat", type=int, default=8, help="the CLI also on the file repeated this many times")
    args = ap.parse_args()

    ar = repeat_to(anercorp_lines(args.data), args.mb)
    en = repeat_to(ntrex_lines(args.data), args.mb)
    mixed = [x for pair in zip(ar, en) for x in pair]
    texts = {"ar": ar, "en": en, "auto": mixed}
    tmp = Path(tempfile.mkdtemp(prefix="bench-normalize-"))
    files: dict[str, Path] = {}
    for lang, lines in texts.items():
        files[lang] = tmp / f"{lang}.txt"
        files[lang].write_text("\n".join(lines) + "\n", encoding="utf-8")
        big = tmp / f"{lang}-x{args.cli_repeat}.txt"
        big.write_bytes(files[lang].read_bytes() * args.cli_repeat)
    size = {lang: files[lang].stat().st_size / 1e6 for lang in files}
    blob = {lang: "\n".join(lines) for lang, lines in texts.items()}
    camel_chain("warm up")
    normalize_arabic("warm up " * 1000, "search")
    normalize_latin("warm up " * 1000, "search")

    rows: list[tuple[str, float, str]] = []  # (what, MB/s, same output?)

    def row(what: str, mb: float, seconds: float, same: str = "") -> float:
        rows.append((what, mb / seconds, same))
        return mb / seconds

    t, camel_one = best_of(lambda: camel_chain(blob["ar"]))
    camel_one_mbs = row("camel-tools chain, Arabic, one string", size["ar"], t)
    t, camel_rec = best_of(lambda: [camel_chain(x) for x in ar])
    camel_rec_mbs = row("camel-tools chain, Arabic, per record", size["ar"], t)
    t, ours = best_of(lambda: normalize_arabic(blob["ar"], "search"))
    row("normalize_arabic, Arabic search, one string", size["ar"], t, "same" if ours == camel_one else "DIFFERENT")
    t, ours_rec = best_of(lambda: [normalize_arabic(x, "search") for x in ar])
    row("normalize_arabic, Arabic search, per record", size["ar"], t, f"{sum(a == b for a, b in zip(ours_rec, camel_rec))}/{len(ar)}")
    t, ours_batch = best_of(lambda: normalize_many(ar, "ar", "search"))
    row("normalize_many, Arabic search, one batch", size["ar"], t, f"{sum(a == b for a, b in zip(ours_batch, camel_rec))}/{len(ar)}")
    t, _ = best_of(lambda: normalize_lines(blob["ar"], "ar", "search"))
    row("normalize_lines, Arabic search (what the CLI runs)", size["ar"], t)
    t, _ = best_of(lambda: normalize_latin(blob["en"], "search"))
    row("normalize_latin, English search, one string", size["en"], t)
    t, _ = best_of(lambda: [normalize_latin(x, "search") for x in en])
    row("normalize_latin, English search, per record", size["en"], t)
    t, _ = best_of(lambda: normalize_many(en, "en", "search"))
    row("normalize_many, English search, one batch", size["en"], t)
    t, _ = best_of(lambda: normalize_lines(blob["en"], "en", "search"))
    row("normalize_lines, English search", size["en"], t)
    data_ar = files["ar"].read_bytes()
    t, _ = best_of(lambda: copy_in_process(files["ar"]))
    row("floor: read + write the Arabic file, in-process", size["ar"], t)

    cli_out: bytes = b""
    for lang in ("ar", "en", "auto"):
        t, cli_out_lang = best_of(lambda: run_pipe(cli(lang), files[lang]))
        row(f"toolkit normalize --lang {lang} --level search < file ({size[lang]:.1f} MB)", size[lang], t)
        if lang == "ar":
            cli_out = cli_out_lang  # type: ignore[assignment]
        big = tmp / f"{lang}-x{args.cli_repeat}.txt"
        t, _ = best_of(lambda: run_pipe(cli(lang), big))
        row(f"toolkit normalize --lang {lang} --level search < file x{args.cli_repeat}", size[lang] * args.cli_repeat, t)
    t, copied = best_of(lambda: run_pipe([sys.executable, "-c", _COPY], files["ar"]))
    row("floor: python read + write < file, subprocess, through the pipe", size["ar"], t,
        "same" if copied == data_ar else "DIFFERENT")
    t, _ = best_of(lambda: run_pipe([sys.executable, "-c", _COPY], tmp / f"ar-x{args.cli_repeat}.txt"))
    row(f"floor: python read + write < file x{args.cli_repeat}, subprocess", size["ar"] * args.cli_repeat, t)

    lib_bytes = ("\n".join(ours_rec) + "\n").encode()
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average {os.getloadavg()[0]:.2f} "
          f"{os.getloadavg()[1]:.2f}: {size['ar']:.1f} MB Arabic news ({len(ar)} lines), "
          f"{size['en']:.1f} MB English news ({len(en)} lines); table pass: {backend()}\n")
    print("| path (best of 3) | MB/s | vs camel-tools one string | vs camel-tools per record | output |")
    print("|---|---:|---:|---:|---|")
    for what, mbs, same in rows:
        print(f"| {what} | {mbs:.1f} | {mbs / camel_one_mbs:.1f}x | {mbs / camel_rec_mbs:.1f}x | {same} |")
    print(f"\nsha256 of `toolkit normalize --lang ar --level search` on the Arabic text: {hashlib.sha256(cli_out).hexdigest()}")
    print(f"the same bytes as normalize_arabic per line: {cli_out == lib_bytes}")
    twice = normalize_lines(cli_out.decode().rstrip("\n"), "ar", "search")
    print(f"idempotent on the whole text (normalizing the output again changes nothing): {twice == cli_out.decode().rstrip(chr(10))}")

    latin_match_and_accuracy(args.data)


def latin_match_and_accuracy(data: Path) -> None:
    names_path = data / "names" / "wikidata_person_tokens.tsv"
    names = sorted({ln.split("\t")[0] for ln in names_path.read_text(encoding="utf-8").splitlines() if ln.strip()})
    # Multi-word names, each distinct, so the key cache does not flatter the number.
    full = [f"{names[i]} al-{names[(i * 7 + 3) % len(names)]} {names[(i * 13 + 5) % len(names)]}" for i in range(len(names))]
    _match.cache_clear()
    lat_mb = sum(len(x.encode()) for x in full) / 1e6
    t_lat, _ = best_of(lambda: [normalize_latin(s, "match") for s in full], repeat=1)
    print(f"\nLatin match level: {lat_mb / t_lat:.2f} MB/s ({len(full) / t_lat:,.0f} names/s, {len(full)} distinct names)")

    print("\n| pair table | pairs | threshold | precision | recall |")
    print("|---|---:|---:|---:|---:|")
    for table in ("latin_pairs", "cross_pairs"):
        rows_t = []
        for line in (ROOT / "tests" / "normalize" / "data" / f"{table}.tsv").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                a, b, lab = line.split("\t")
                rows_t.append((a, b, lab == "1"))
        tp = fp = fn = 0
        for a, b, lab in rows_t:
            hit = similarity(a, b) >= DEFAULT_THRESHOLD
            tp += hit and lab
            fp += hit and not lab
            fn += (not hit) and lab
        print(f"| {table} | {len(rows_t)} | {DEFAULT_THRESHOLD} | {tp / max(tp + fp, 1):.3f} | {tp / max(tp + fn, 1):.3f} |")


if __name__ == "__main__":
    main()
