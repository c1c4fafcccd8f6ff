"""A Latin name respelled in another style, through the command line users run.

    python benchmarks/translit_respell.py [--split heldout13 --split heldout14 ...]

The query is each gold row's first press spelling (``benchmarks/gold/translit_names_*.tsv``,
people and organizations, written by hand); the answer should be the row's official or
scholarly spelling. Each style is one ``toolkit translit --to latin --style S --top 5
--json`` process reading every query on stdin (the users' path). Scored as
``translit_names.py`` scores (a match ignores case, accents, hyphens, apostrophes, ʿ/ʾ and
spaces). The baseline in the same run is the name given back as it is (what the command
did before the pivot, and what any tool without one can do): right only where the styles
already agree.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from translit import fold  # noqa: E402
from translit_names import load, score_latin  # noqa: E402

DEFAULT_SPLITS = ("heldout13", "heldout14", "heldout15")


def cli(queries: list[str], style: str) -> tuple[list[list[tuple[str, str]]], float]:
    """Every query's candidates (text, source) from one ``toolkit translit`` process, and its time."""
    exe = Path(sys.executable).parent / "toolkit"
    t0 = time.perf_counter()
    out = subprocess.run([str(exe), "translit", "--to", "latin", "--style", style, "--top", "5", "--json"],
                         input="\n".join(queries) + "\n", capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - t0
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    if len(rows) != len(queries):
        raise SystemExit(f"toolkit translit answered {len(rows)} lines for {len(queries)} names")
    return [[(c["text"], c["source"]) for c in r["candidates"]] for r in rows], seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", action="append", help=f"gold splits to pool (default: {' '.join(DEFAULT_SPLITS)})")
    args = ap.parse_args(argv)
    splits = args.split or list(DEFAULT_SPLITS)
    rows = [r for s in splits for r in load(s) if r.spellings["press"]]
    queries = [r.spellings["press"][0] for r in rows]
    print(f"{len(rows)} names ({', '.join(splits)}); query: the first press spelling\n")
    print("| target style | names | toolkit top-1 | top-5 | baseline (the name as given) top-1 | CLI seconds |")
    print("|---|---|---|---|---|---|")
    for style in ("official", "scholarly", "press"):
        keep = [k for k, r in enumerate(rows) if r.spellings[style]]
        golds = [{fold(s) for s in rows[k].spellings[style]} for k in keep]
        outputs, seconds = cli([queries[k] for k in keep], style)
        top1, top5 = score_latin(outputs, golds)
        base, _ = score_latin([[(queries[k], "input")] for k in keep], golds)
        print(f"| {style} | {len(keep)} | {top1:.3f} | {top5:.3f} | {base:.3f} | {seconds:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
