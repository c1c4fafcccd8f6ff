"""Scale benchmark: entity list and sentence alignment time and peak memory vs input size.

Why: issue 14 (items 8 and 9) found super-linear stages (a quadratic English extractor,
a 1 MB single line costing 3.96 GB in the encoder).  This measures the two public
entry points on inputs of about 10 KB, 100 KB, 1 MB and 10 MB a side, built by repeating
``examples/report_en.txt`` / ``report_ar.txt``, plus a 1 MB English text on a single
line (the whole report joined with spaces, repeated; and the same without sentence
punctuation), and prints a Markdown table with
the growth exponent ``log(t2/t1) / log(s2/s1)`` between consecutive sizes (1.0 is
linear, 2.0 quadratic).

Every measurement runs in a fresh subprocess: the peak memory is that child's maximum
resident set size (``os.wait4`` rusage ``ru_maxrss``, i.e. what
``getrusage(RUSAGE_CHILDREN)`` reports for it alone), so it includes the interpreter,
numpy and the warmed-up encoder and lexicon ("base" in the table is the same child's
peak right after the warm-up, before the measured call).  The time is the measured
call only: the encoder and the lexicon are loaded by a warm-up call on the example pair
first.  A run past ``--budget-s`` is killed and shown as "did not finish".

    TOOLKIT_CACHE=/tmp/cache-scale nice python benchmarks/scale.py [--max-mb 1] [--budget-s 300]
        [--encoders use,use-nocache,hash] [--tasks entities,align] [--no-single-line]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SIZES = (10_000, 100_000, 1_000_000, 10_000_000)  # bytes a side (UTF-8), approximate


def repeat_to(text: str, size: int, sep: str = "\n\n") -> str:
    """Whole copies of ``text`` joined by ``sep`` until the UTF-8 size reaches ``size``."""
    unit = len((text + sep).encode("utf-8"))
    copies = max(1, round(size / unit))
    return sep.join([text] * copies)


def inputs(size: int, shape: str) -> tuple[str, str]:
    """The (English, Arabic) pair of about ``size`` bytes a side; ``shape`` ``lines`` keeps
    the reports' lines, ``single`` puts the English text on one line, ``bare`` on one line
    without sentence punctuation (one 1 MB "sentence" unless the splitter cuts it)."""
    en = (EXAMPLES / "report_en.txt").read_text(encoding="utf-8").strip()
    ar = (EXAMPLES / "report_ar.txt").read_text(encoding="utf-8").strip()
    if shape in ("single", "bare"):
        line = " ".join(en.split())
        if shape == "bare":
            line = line.translate(str.maketrans("", "", ".!?;:"))
        return repeat_to(line, size, " "), repeat_to(ar, size)
    return repeat_to(en, size), repeat_to(ar, size)


class UncachedUSE:
    """The default encoder (USE) without its per-string cache: repeated copies of one
    report hold few distinct sentences, which the cache would encode once; this
    encodes every sentence, as a real long text of distinct sentences would."""

    name = "use"

    def encode(self, sentences: list[str], lang: str = "en"):  # type: ignore[no-untyped-def]
        import numpy as np

        from toolkit.align.encoders import _use_model, clean_text

        if not sentences:
            return np.zeros((0, 512), dtype=np.float32)
        return _use_model().encode([clean_text(t) for t in sentences])


def child(task: str, encoder_name: str, size: int, shape: str) -> None:
    """Warm up, run one measurement, print one JSON line."""
    from toolkit.align import align_reports
    from toolkit.entities import extract_entities

    encoder = UncachedUSE() if encoder_name == "use-nocache" else encoder_name

    en0, ar0 = inputs(1, "lines")
    run = (lambda en, ar: extract_entities(en, ar, presplit=False, encoder=encoder)) if task == "entities" \
        else (lambda en, ar: align_reports(en, ar, encoder=encoder))
    run(en0, ar0)  # loads the encoder, the lexicon and the tagger
    en, ar = inputs(size, shape)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    try:
        result = run(en, ar)
        note = f"{len(result.links)} links" if task == "align" else f"{len(result.entities)} entities"
    except ValueError as exc:  # AlignmentError: a reason, not a crash
        note = f"refused: {exc}"
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "base_mb": base, "en_bytes": len(en.encode()), "note": note}))


def measure(task: str, encoder: str, size: int, shape: str, budget: float) -> dict:
    """One child run; its own peak RSS comes from ``os.wait4``."""
    cmd = [sys.executable, __file__, "--child", task, encoder, str(size), shape]
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT)
        deadline = time.monotonic() + budget + 30  # the warm-up (a few seconds) is not in the budget
        started = time.monotonic()
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                return {"dnf": True, "peak_mb": usage.ru_maxrss / 1024, "wall": time.monotonic() - started}
            time.sleep(0.1)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = out.read().strip().splitlines()
    if proc.returncode != 0 or not lines:
        return {"error": f"rc {proc.returncode}", "peak_mb": usage.ru_maxrss / 1024}
    row = json.loads(lines[-1])
    row["peak_mb"] = usage.ru_maxrss / 1024
    row["dnf"] = row["seconds"] > budget
    return row


def table(rows: list[tuple[str, str, str, int, dict]]) -> str:
    """Markdown table; the exponent compares each row with the previous size of its series."""
    out = ["| task | encoder | input | size a side | seconds | peak MB | base MB | exponent | note |",
           "|---|---|---|---:|---:|---:|---:|---:|---|"]
    last: dict[tuple[str, str, str], tuple[int, float]] = {}
    for task, encoder, shape, size, r in rows:
        key = (task, encoder, shape)
        nbytes = r.get("en_bytes", size)
        label = f"{nbytes / 1e6:.2f} MB" if nbytes >= 1e6 else f"{nbytes / 1e3:.0f} KB"
        shape_name = {"single": "one line", "bare": "one line, no .!?"}.get(shape, "lines")
        if r.get("dnf") or "error" in r:
            why = "did not finish" if r.get("dnf") else r["error"]
            out.append(f"| {task} | {encoder} | {shape_name} | {label} | {why} | {r['peak_mb']:.0f} | | | |")
            continue
        exp = ""
        if key in last and r["seconds"] > 0.01 and last[key][1] > 0.01:
            exp = f"{math.log(r['seconds'] / last[key][1]) / math.log(nbytes / last[key][0]):.2f}"
        last[key] = (nbytes, r["seconds"])
        out.append(f"| {task} | {encoder} | {shape_name} | {label} | {r['seconds']:.2f} | {r['peak_mb']:.0f} "
                   f"| {r['base_mb']:.0f} | {exp} | {r['note'][:60]} |")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--max-mb", type=float, default=10.0, help="largest size a side, in MB")
    ap.add_argument("--budget-s", type=float, default=300.0, help="time limit of one measured call")
    ap.add_argument("--encoders", default="use,use-nocache,hash",
                    help="use (the default, with its cache), use-nocache (every sentence encoded), hash")
    ap.add_argument("--tasks", default="entities,align")
    ap.add_argument("--no-single-line", action="store_true", help="skip the 1 MB one-line English inputs")
    ap.add_argument("--child", nargs=4, metavar=("TASK", "ENCODER", "BYTES", "SHAPE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        task, encoder, size, shape = args.child
        child(task, encoder, int(size), shape)
        return
    rows = []
    for task in args.tasks.split(","):
        for encoder in args.encoders.split(","):
            plan = [(s, "lines") for s in SIZES if s <= args.max_mb * 1e6]
            if not args.no_single_line and args.max_mb >= 1:
                plan += [(1_000_000, "single"), (1_000_000, "bare")]
            stopped = False
            for size, shape in plan:
                if stopped and shape == "lines":
                    continue  # a smaller size already ran out of time
                r = measure(task, encoder, size, shape, args.budget_s)
                stopped = stopped or bool(r.get("dnf")) and shape == "lines"
                rows.append((task, encoder, shape, size, r))
                print(f"{task} {encoder} {shape} {size}: {r}", file=sys.stderr, flush=True)
    print(table(rows))


if __name__ == "__main__":
    main()
