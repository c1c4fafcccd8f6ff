"""Benchmark of the bulk corpus job (issue 7): throughput, cost over a plain copy, memory,
Dask equivalence, bad records, and kill-and-resume.  One run prints one table.

    nice python benchmarks/corpus.py --size-mb 1024 --tmp /tmp/corpus-bench

What it does, in order:

1. generates a JSONL corpus of Arabic and English news-like records (seeded, so the same
   size gives the same bytes) under ``--tmp``; with ``--records news``, records of real
   news lines instead (ANERcorp Arabic and NTREX English from ``--data``);
2. times a plain copy of the same records (read, ``json.loads``, ``json.dumps``, write:
   what any JSONL tool must pay) and the normalize job (fields ``title`` and ``body``;
   ``text`` and ``meta.title`` for the news records) with 1 and 2 workers, each in a
   fresh process whose whole process tree's RSS is sampled (peak of the sum over the tree);
3. runs the same job on a Dask ``LocalCluster`` and compares the bytes;
4. salts a copy with bad records and checks that every good one is kept, every bad one is
   reported with its line and that in = out + skipped;
5. SIGKILLs a job halfway, resumes it and compares the bytes with the uninterrupted run.

Everything generated is deleted at the end unless ``--keep``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

AR_WORDS = (
    "قال الرئيس الحكومة وزير الخارجية مجلس الأمن الأمم المتحدة بغداد دمشق بيروت القاهرة الرياض "
    "عمان صنعاء طرابلس الخرطوم غزة القدس الجيش قوات المعارضة اتفاق وقف إطلاق النار مفاوضات "
    "انتخابات البرلمان رئيس الوزراء مسؤول مصادر أفادت وكالة الأنباء اليوم أمس الأسبوع مدينة "
    "منطقة الحدود اللاجئين المساعدات الإنسانية الاقتصاد النفط الأسعار البنك المركزي الدولار "
    "مؤتمر صحفي بيان رسمي هجوم صاروخي طائرة مسيرة إيران تركيا إسرائيل مصر السعودية العراق سوريا لبنان"
).split()
AR_NAMES = (
    "مُحَمَّد أحمد الشرع عبد العزيز حزب الله كتائب حزب الله أبو محمد الجولاني إسماعيل هنية يحيى السنوار "
    "نبيه بري حسن نصر الله عبدالفتاح السيسي محمد بن سلمان رجب طيب أردوغان علي خامنئي مقتدى الصدر "
    "هيئة تحرير الشام حركة حماس الحوثيون أنصار الله قاسم سليماني فؤاد شكر"
).split()
AR_NOISE = ("ـ", "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u200f", "٢٠٢٤", "٣")
EN_WORDS = (
    "the said on in of to and a for with president government minister foreign security council "
    "united nations army forces opposition agreement ceasefire talks elections parliament officials "
    "sources told news agency today yesterday week city region border refugees aid economy oil prices "
    "central bank dollar press conference statement attack missile drone according reported"
).split()
EN_NAMES = (
    "Hezbollah Hizballah Hizbullah Kataeb Kata'ib Abdul Aziz Abd al-Aziz Abdelaziz Mohammed Muhammad "
    "Mohamed Ahmed al-Sharaa Ahmad al-Shara'a Nasrallah Nasrallah Hassan Haniyeh Haniyya Sinwar "
    "el-Sisi al-Sisi Erdoğan Khamenei Muqtada al-Sadr Hay'at Tahrir al-Sham Ansar Allah Qassem Soleimani"
).split()
SOURCES = ("Reuters", "AFP", "Al Jazeera", "Asharq Al-Awsat", "Al-Ahram", "AP", "BBC Arabic", "SANA")


def _sentence(rng: random.Random, ar: bool) -> str:
    words, names = (AR_WORDS, AR_NAMES) if ar else (EN_WORDS, EN_NAMES)
    n = rng.randint(8, 22)
    out = []
    for _ in range(n):
        r = rng.random()
        w = rng.choice(names) if r < 0.2 else rng.choice(words)
        if ar and r > 0.93:
            w = w + rng.choice(AR_NOISE)
        out.append(w)
    s = " ".join(out)
    return (s + ("." if not ar else ".")) if not ar else s + "."


def generate(path: Path, size_mb: float, seed: int = 7) -> int:
    """Write about ``size_mb`` MB of JSONL news records; returns the record count."""
    rng = random.Random(seed)
    target = int(size_mb * 1e6)
    written = n = 0
    with open(path, "wb") as f:
        buf: list[bytes] = []
        while written < target:
            ar = rng.random() < 0.5
            rec = {
                "id": f"doc-{n:09d}",
                "lang": "ar" if ar else "en",
                "source": rng.choice(SOURCES),
                "date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "title": _sentence(rng, ar),
                "body": " ".join(_sentence(rng, ar) for _ in range(rng.randint(4, 16))),
                "meta": {"url": f"https://news.example/{n}", "tags": [rng.choice(EN_NAMES)]},
            }
            line = (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
            buf.append(line)
            written += len(line)
            n += 1
            if len(buf) >= 2000:
                f.write(b"".join(buf))
                buf.clear()
        f.write(b"".join(buf))
    return n


def generate_news(path: Path, size_mb: float, data: Path) -> int:
    """Write about ``size_mb`` MB of JSONL from real news text: ``{"id", "text", "meta":
    {"title", "src"}}``, ``text`` alternating an ANERcorp Arabic line (25 tokens joined)
    and an NTREX English line, ``meta.title`` the other language cut at 60 characters.
    The records of the corpus section's hand runs in benchmarks/README.md (2026-12-02)."""
    tokens = [row.rsplit(" ", 1)[0] for row in (data / "ner" / "anercorp_train.txt").read_text(encoding="utf-8")
              .splitlines() if row.strip()]
    ar = [" ".join(tokens[i:i + 25]) for i in range(0, len(tokens), 25)]
    en = [line for p in sorted((data / "align" / "ntrex").glob("*/doc_en.txt"))
          for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not ar or not en:
        sys.exit(f"no ANERcorp or NTREX text under {data} (pass --data)")
    target, written, n = int(size_mb * 1e6), 0, 0
    with open(path, "wb") as f:
        while written < target:
            text, title = (ar[n % len(ar)], en[n % len(en)]) if n % 2 == 0 else (en[n % len(en)], ar[n % len(ar)])
            rec = {"id": n, "text": text, "meta": {"title": title[:60], "src": "anercorp" if n % 2 == 0 else "ntrex"}}
            line = (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
            f.write(line)
            written += len(line)
            n += 1
    return n


def _sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 22):
            h.update(block)
    return h.hexdigest()


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for q in procs:
        try:
            total += q.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


LAST_CPU = [0.0]


def _run(code: str, *, kill_after_bytes: tuple[Path, int] | None = None) -> tuple[float, int, int]:
    """Run ``python -c code`` in a new session; returns (seconds, peak tree RSS, exit code).

    The CPU seconds of the whole tree (user + sys, from RUSAGE_CHILDREN) go to
    ``LAST_CPU[0]``: on a shared machine they say more than wall time.  With
    ``kill_after_bytes=(path, n)``, SIGKILL the whole process group once ``path`` holds
    ``n`` bytes.
    """
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True, stdout=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        if kill_after_bytes is not None:
            path, n = kill_after_bytes
            if path.exists() and path.stat().st_size >= n:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                break
        time.sleep(0.05)
    rc = proc.wait()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    LAST_CPU[0] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return time.perf_counter() - t0, peak, rc


COPY = """
import json, sys
with open(sys.argv[1] if len(sys.argv) > 1 else {src!r}, 'rb') as f, open({dst!r}, 'wb') as g:
    for line in f:
        g.write((json.dumps(json.loads(line), ensure_ascii=False) + '\\n').encode('utf-8'))
"""

JOB = """
from toolkit.corpus import normalize_file
s = normalize_file({src!r}, {dst!r}, fields={fields!r}, workers={workers}, engine={engine!r},
                   on_error={on_error!r}, progress=False{extra})
import json; print(json.dumps(s.to_dict()))
"""


FIELDS = ["title", "body"]  # the news records (--records news) have text and meta.title


def _job(src: Path, dst: Path, workers: int, engine: str = "local", on_error: str = "pass", extra: str = "") -> str:
    return JOB.format(src=str(src), dst=str(dst), fields=FIELDS, workers=workers, engine=engine, on_error=on_error,
                      extra=extra)


def salt(src: Path, dst: Path, every: int = 211) -> tuple[int, list[int]]:
    """Copy ``src`` inserting a bad record every ``every`` lines; returns (good, bad line numbers)."""
    bad_kinds = [b'{"title": "broken\n', b'{"title": "\xff\xfe bad utf8"}\n', b"\n", b"[1, 2, 3]\n",
                 b'{"title": "' + b"x" * 5000 + b'"}\n']
    bad_lines: list[int] = []
    good = 0
    line = 0
    with open(src, "rb") as f, open(dst, "wb") as g:
        for i, rec in enumerate(f):
            if i % every == 3:
                line += 1
                g.write(bad_kinds[len(bad_lines) % len(bad_kinds)])
                bad_lines.append(line)
            line += 1
            g.write(rec)
            good += 1
    return good, bad_lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=100.0, help="corpus size (1024 for the README run)")
    ap.add_argument("--tmp", default="/tmp/toolkit-corpus-bench", help="where to write (deleted at the end)")
    ap.add_argument("--salted-mb", type=float, default=20.0, help="size of the salted corpus")
    ap.add_argument("--keep", action="store_true", help="keep the generated files")
    ap.add_argument("--records", choices=["synthetic", "news"], default="synthetic",
                    help="synthetic: generated news-like records (title, body); news: real ANERcorp and NTREX "
                         "lines (text, meta.title)")
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data",
                    help="where anercorp_train.txt and NTREX are (--records news)")
    ap.add_argument("--skip", default="", help="comma-separated parts to leave out: dask, resume, salted")
    ap.add_argument("--rounds", type=int, default=1,
                    help="time the copy, 1 and 2 workers this many times, interleaved, and report medians "
                         "(a shared machine's noise moves single runs by 5-8%%)")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))

    tmp = Path(args.tmp)
    tmp.mkdir(parents=True, exist_ok=True)
    src = tmp / "news.jsonl"
    rows: list[tuple[str, str]] = []
    try:
        t0 = time.perf_counter()
        if args.records == "news":
            FIELDS[:] = ["text", "meta.title"]
            n = generate_news(src, args.size_mb, args.data)
        else:
            n = generate(src, args.size_mb)
        size = src.stat().st_size
        print(f"generated {n:,} records, {size / 1e6:,.1f} MB in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        mb = size / 1e6

        outs = _timed(src, tmp, mb, args.rounds, rows)

        if "dask" not in skip:
            _dask(src, tmp, outs[1], mb, rows)

        if "resume" not in skip:
            _resume(src, tmp, outs[1], rows)
        os.remove(tmp / "out-1.jsonl")
        if "salted" not in skip:
            _salted(tmp, args.salted_mb, rows)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)

    print(f"\ncorpus: {n:,} records, {size / 1e6:,.0f} MB JSONL ({args.records}), {os.cpu_count()} cores\n")
    print("| measurement | result |")
    print("|---|---|")
    for a, b in rows:
        print(f"| {a} | {b} |")


def _timed(src: Path, tmp: Path, mb: float, rounds: int, rows: list[tuple[str, str]]) -> dict[int, str]:
    """Time the plain copy and the job with 1 and 2 workers, ``rounds`` times interleaved
    (copy, 1, 2, copy, 1, 2, ...); rows give the medians (and every round's wall time when
    there are several).  Returns the sha256 of each worker count's output (all rounds
    must agree); ``out-1.jsonl`` is kept for the parts after."""
    import statistics

    load0 = os.getloadavg()[0]
    wall: dict[str, list[float]] = {"copy": [], "1": [], "2": []}
    cpu: dict[str, list[float]] = {"copy": [], "1": [], "2": []}
    rss: dict[str, list[int]] = {"copy": [], "1": [], "2": []}
    outs: dict[int, str] = {}
    for _ in range(rounds):
        s, peak, rc = _run(COPY.format(src=str(src), dst=str(tmp / "copy.jsonl")))
        assert rc == 0
        os.remove(tmp / "copy.jsonl")
        wall["copy"].append(s), cpu["copy"].append(LAST_CPU[0]), rss["copy"].append(peak)
        for w in (1, 2):
            dst = tmp / f"out-{w}.jsonl"
            s, peak, rc = _run(_job(src, dst, w))
            assert rc == 0, f"job with {w} workers failed"
            sha = _sha(dst)
            assert outs.setdefault(w, sha) == sha, f"{w} workers: the rounds' outputs differ"
            wall[str(w)].append(s), cpu[str(w)].append(LAST_CPU[0]), rss[str(w)].append(peak)
            if w == 2:
                os.remove(dst)
        print(f"round: copy {wall['copy'][-1]:.1f} s, 1 worker {wall['1'][-1]:.1f} s, 2 workers {wall['2'][-1]:.1f} s, "
              f"load {os.getloadavg()[0]:.2f}", file=sys.stderr)
    med = {k: statistics.median(v) for k, v in wall.items()}
    mcpu = {k: statistics.median(v) for k, v in cpu.items()}

    def each(k: str) -> str:
        return f" (rounds: {', '.join(f'{x:.1f}' for x in wall[k])} s)" if rounds > 1 else ""

    what = "median " if rounds > 1 else ""
    rows.append(("plain copy (read, json parse, dump, write), 1 process",
                 f"{mb / med['copy']:.1f} MB/s, {med['copy']:.1f} s {what}wall{each('copy')}, {mcpu['copy']:.1f} CPU s, "
                 f"peak RSS {max(rss['copy']) / 2**20:.0f} MB"))
    for w in ("1", "2"):
        rows.append((f"normalize {'+'.join(FIELDS)}, {w} worker{'s' if w == '2' else ''}",
                     f"{mb / med[w]:.1f} MB/s, {med[w]:.1f} s {what}wall ({med[w] / med['copy']:.2f}x the copy){each(w)}, "
                     f"{mcpu[w]:.1f} CPU s ({mcpu[w] / mcpu['copy']:.2f}x), peak RSS (tree) {max(rss[w]) / 2**20:.0f} MB"))
    rows.append(("1 and 2 workers: identical bytes", f"{outs[1] == outs[2]} (sha256 {outs[1]})"))
    rows.append((f"2 workers faster than 1 ({what}wall)", f"{med['1'] / med['2']:.2f}x"
                 + (f" (per round: {', '.join(f'{a / b:.2f}' for a, b in zip(wall['1'], wall['2']))})" if rounds > 1 else "")))
    rows.append(("load average (1 min) before / after the timed runs", f"{load0:.2f} / {os.getloadavg()[0]:.2f}"))
    for row in rows[-6:]:
        print(row, file=sys.stderr)
    return outs


def _dask(src: Path, tmp: Path, sha1: str, mb: float, rows: list[tuple[str, str]]) -> None:
    dst = tmp / "out-dask.jsonl"
    s, rss, rc = _run(_job(src, dst, 2, engine="dask"))
    assert rc == 0, "dask job failed"
    same = _sha(dst) == sha1
    os.remove(dst)
    rows.append(("Dask LocalCluster (2 workers): identical bytes to local",
                 f"{same} ({mb / s:.1f} MB/s, peak RSS (tree) {rss / 2**20:.0f} MB)"))
    print(rows[-1], file=sys.stderr)


def _resume(src: Path, tmp: Path, sha1: str, rows: list[tuple[str, str]]) -> None:
    """SIGKILL the process group of a 2-worker job halfway, resume it, compare the bytes."""
    dst = tmp / "out-resumed.jsonl"
    part = Path(str(dst) + ".part")
    full = (tmp / "out-1.jsonl").stat().st_size
    _, _, rc = _run(_job(src, dst, 2), kill_after_bytes=(part, full // 2))
    killed_at = part.stat().st_size if part.exists() else 0
    s, _, rc = _run(_job(src, dst, 2, extra=", resume=True"))
    assert rc == 0
    same = _sha(dst) == sha1
    rows.append(("SIGKILL at half, --resume: identical bytes to uninterrupted",
                 f"{same} (killed at {killed_at / 1e6:.0f} of {full / 1e6:.0f} MB; resume took {s:.0f} s)"))
    print(rows[-1], file=sys.stderr)
    os.remove(dst)


def _salted(tmp: Path, salted_mb: float, rows: list[tuple[str, str]]) -> None:
    """Bad records in a generated corpus: every one reported with its line, none lost."""
    FIELDS[:] = ["title", "body"]
    small = tmp / "small.jsonl"
    generate(small, salted_mb, seed=11)
    salted = tmp / "salted.jsonl"
    good, bad_lines = salt(small, salted)
    for mode in ("pass", "skip"):
        dst = tmp / f"salted-{mode}.jsonl"
        _, _, rc = _run(_job(salted, dst, 2, on_error=mode, extra=", max_record_bytes=4096"))
        assert rc == 0
        errs = [json.loads(x) for x in open(str(dst) + ".errors.jsonl", encoding="utf-8")]
        reported = [e["line"] for e in errs]
        out_lines = sum(1 for _ in open(dst, "rb"))
        with open(dst, "rb") as f:
            kept = sum(1 for line in f if line.startswith(b'{"id": "doc-'))
        skipped = sum(1 for e in errs if e["action"] == "skip")
        ok = (reported == bad_lines and kept == good and good + len(bad_lines) == out_lines + skipped)
        rows.append((f"salted corpus, --on-error {mode}: {good:,} good + {len(bad_lines)} bad",
                     f"{'OK' if ok else 'FAIL'}: kept {kept:,} good, reported {len(reported)} with lines, "
                     f"in {good + len(bad_lines):,} = out {out_lines:,} + skipped {skipped}"))
        print(rows[-1], file=sys.stderr)


if __name__ == "__main__":
    main()
