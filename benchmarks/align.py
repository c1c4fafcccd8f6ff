"""Sentence alignment benchmark: toolkit vs Gale-Church vs Vecalign's DP (sentalign).

Reads NTREX-derived English-Arabic document pairs by path (doc_en.txt, doc_ar.txt,
one sentence a line, and gold.txt with lines like ``[0,1]:[0]``) and prints strict
and lax precision / recall / F1 as Vecalign reports them (Sennrich & Volk 2011:
deletions count against precision, not recall).

Datasets:
  ntrex            1-1 news
  ntrex_synthmerge with 2-1 and 1-2 merges
  *_drop           derived here: each gold link loses its English side with p=0.08
                   and its Arabic side with p=0.08 (seeded), leaving 0-1 / 1-0 gold
  *_comparable     derived here: the Arabic side keeps ~60% of the sentences in a
                   shuffled order plus two from another document (not a translation)

Every system sees the same sentences; sentalign gets the same USE encoder as the
toolkit (the toolkit's cached wrapper, so encoding cost is shared).

    nice python benchmarks/align.py [--data DIR] [--encoder use] [--timing] [--long]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

Gold = list[tuple[tuple[int, ...], tuple[int, ...]]]


def read_gold(path: Path) -> Gold:
    links: Gold = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        left, right = line.split(":")
        parse = lambda s: tuple(int(x) for x in s.strip()[1:-1].split(",") if x.strip())  # noqa: E731
        links.append((parse(left), parse(right)))
    return links


def load(folder: Path) -> list[tuple[str, list[str], list[str], Gold]]:
    docs = []
    for doc in sorted(p for p in folder.iterdir() if p.is_dir()):
        en = doc.joinpath("doc_en.txt").read_text(encoding="utf-8").splitlines()
        ar = doc.joinpath("doc_ar.txt").read_text(encoding="utf-8").splitlines()
        docs.append((doc.name, en, ar, read_gold(doc / "gold.txt")))
    return docs


def drop_variant(docs, p: float = 0.08, seed: int = 13):
    """Drop whole sides of gold links: the dropped side's sentences disappear, the
    other side's become 1-0 / 0-1 gold links."""
    rng = random.Random(seed)
    out = []
    for name, en, ar, gold in docs:
        new_en: list[str] = []
        new_ar: list[str] = []
        new_gold: Gold = []
        for e, a in gold:
            drop_en = rng.random() < p
            drop_ar = (not drop_en) and rng.random() < p
            e_new: tuple[int, ...] = ()
            a_new: tuple[int, ...] = ()
            if not drop_en:
                e_new = tuple(range(len(new_en), len(new_en) + len(e)))
                new_en += [en[i] for i in e]
            if not drop_ar:
                a_new = tuple(range(len(new_ar), len(new_ar) + len(a)))
                new_ar += [ar[j] for j in a]
            if e_new or a_new:
                if e_new and a_new:
                    new_gold.append((e_new, a_new))
                else:  # unmatched sentences are single 1-0 / 0-1 links
                    new_gold += [((i,), ()) for i in e_new] + [((), (j,)) for j in a_new]
        out.append((name, new_en, new_ar, new_gold))
    return out


def comparable_variant(docs, keep: float = 0.6, seed: int = 29):
    """Two reports of one event rather than a translation: the Arabic side keeps
    ~60% of the sentences, shuffled, plus two sentences from another document."""
    rng = random.Random(seed)
    out = []
    for k, (name, en, ar, gold) in enumerate(docs):
        kept = [(e, a) for e, a in gold if rng.random() < keep]
        rng.shuffle(kept)
        other = docs[(k + 1) % len(docs)][2]
        extra = rng.sample(other, min(2, len(other)))
        new_ar: list[str] = []
        new_gold: Gold = []
        linked_en: set[int] = set()
        for e, a in kept:
            idx = tuple(range(len(new_ar), len(new_ar) + len(a)))
            new_ar += [ar[j] for j in a]
            new_gold.append((e, idx))
            linked_en.update(e)
        for sentence in extra:
            new_gold.append(((), (len(new_ar),)))
            new_ar.append(sentence)
        new_gold += [((i,), ()) for i in range(len(en)) if i not in linked_en]
        out.append((name, en, new_ar, new_gold))
    return out


def _precision(gold, test):
    """Vecalign's score.py (Thompson & Koehn 2019), strict and lax counts."""
    tps = fps = tpl = fpl = 0
    test = {(tuple(x), tuple(y)) for x, y in test if len(x) or len(y)}
    gold = {(tuple(x), tuple(y)) for x, y in gold if len(x) or len(y)}
    src_to_tgt = defaultdict(set)
    for gs, gt in gold:
        for s in gs:
            src_to_tgt[s].update(gt)
    for ts, tt in test:
        if (ts, tt) in gold:
            tps += 1
            tpl += 1
        else:
            fps += 1
            targets = set()
            for s in ts:
                targets |= src_to_tgt[s]
            if set(tt) & targets:
                tpl += 1
            else:
                fpl += 1
    return np.array([tps, fps, tpl, fpl])


def score(golds, tests) -> dict[str, float]:
    pc = np.zeros(4, dtype=np.int64)
    rc = np.zeros(4, dtype=np.int64)
    for gold, test in zip(golds, tests):
        pc += _precision(gold, test)
        rc += _precision([(x, y) for x, y in test if x and y], [(x, y) for x, y in gold if x and y])

    def ratio(a, b):
        return a / (a + b) if a + b else 0.0

    ps, pl = ratio(pc[0], pc[1]), ratio(pc[2], pc[3])
    rs, rl = ratio(rc[0], rc[1]), ratio(rc[2], rc[3])
    f = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0  # noqa: E731
    return {"P": ps, "R": rs, "F1": f(ps, rs), "F1_lax": f(pl, rl)}


# ----------------------------------------------------------------- systems


def run_toolkit(docs, encoder, mode="auto"):
    from toolkit.align import align_sentences

    out = []
    modes: dict[str, int] = defaultdict(int)
    for _, en, ar, _ in docs:
        links, found = align_sentences(en, ar, encoder=encoder, mode=mode)
        modes[found] += 1
        out.append([(e, a) for e, a, _ in links])
    return out, dict(modes)


def run_galechurch(docs):
    import galechurch

    out = []
    for _, en, ar, _ in docs:
        block = galechurch.align(en, ar)
        out.append(
            [(tuple(range(b.source_start, b.source_end)), tuple(range(b.target_start, b.target_end))) for b in block.beads]
        )
    return out


def run_sentalign(docs, encoder):
    from sentalign import sentalign

    class Wrapped:
        def encode(self, sentences):
            return encoder.encode(list(sentences), "en")

    out = []
    for _, en, ar, _ in docs:
        result = sentalign(en, ar, Wrapped())
        out.append([(tuple(a.src_indices), tuple(a.tgt_indices)) for a in result.alignments])
    return out


def timing_100(encoder_name: str) -> float:
    """Seconds for a cold process to align a ~100-sentence raw-text pair (splitting,
    encoder loading and encoding included)."""
    code = f"""
import time, sys
from pathlib import Path
t0 = time.perf_counter()
from toolkit.align import align_reports
en = Path(sys.argv[1]).read_text(); ar = Path(sys.argv[2]).read_text()
a = align_reports(en, ar, encoder={encoder_name!r})
print(time.perf_counter() - t0, len(a.en), len(a.ar), len(a.links))
"""
    return code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding align/ntrex etc.")
    parser.add_argument("--encoder", default="use", help="toolkit encoder (use, e5, use+e5)")
    parser.add_argument("--systems", default="toolkit,galechurch,sentalign")
    parser.add_argument(
        "--datasets", default="ntrex,ntrex_synthmerge,ntrex_drop,ntrex_synthmerge_drop,ntrex_comparable"
    )
    parser.add_argument("--timing", action="store_true", help="also time a cold 100-sentence run")
    parser.add_argument("--long", action="store_true", help="also time a 5,000-sentence document")
    args = parser.parse_args()

    root = args.data / "align"
    if not root.is_dir():
        sys.exit(f"benchmarks/align.py: {root} not found; pass --data")
    from toolkit.align import get_encoder

    encoder = get_encoder(args.encoder)
    base = {"ntrex": load(root / "ntrex"), "ntrex_synthmerge": load(root / "ntrex_synthmerge")}
    datasets = {}
    for name in args.datasets.split(","):
        if name in base:
            datasets[name] = base[name]
        elif name.endswith("_drop") and name[: -len("_drop")] in base:
            datasets[name] = drop_variant(base[name[: -len("_drop")]])
        elif name.endswith("_comparable") and name[: -len("_comparable")] in base:
            datasets[name] = comparable_variant(base[name[: -len("_comparable")]])
    systems = args.systems.split(",")
    print(f"| dataset | docs | gold links | system | P | R | F1 (strict) | F1 (lax) | seconds |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, docs in datasets.items():
        golds = [g for *_, g in docs]
        for system in systems:
            t0 = time.perf_counter()
            modes = {}
            if system == "toolkit":
                tests, modes = run_toolkit(docs, encoder)
            elif system == "galechurch":
                tests = run_galechurch(docs)
            elif system == "sentalign":
                tests = run_sentalign(docs, encoder)
            else:
                sys.exit(f"unknown system {system}")
            seconds = time.perf_counter() - t0
            s = score(golds, tests)
            detected = ", ".join(f"{v} {k}" for k, v in sorted(modes.items()))
            label = f"toolkit ({args.encoder}; {detected})" if system == "toolkit" else (
                f"sentalign/Vecalign DP ({args.encoder})" if system == "sentalign" else "Gale-Church")
            print(f"| {name} | {len(docs)} | {sum(len(g) for g in golds)} | {label} | {s['P']:.3f} | {s['R']:.3f} "
                  f"| **{s['F1']:.3f}** | {s['F1_lax']:.3f} | {seconds:.1f} |", flush=True)
    if args.timing or args.long:
        import tempfile

        docs = base["ntrex"]
        with tempfile.TemporaryDirectory() as tmp:
            for label, target in (("100-sentence pair", 100), ("5,000-sentence pair", 5000)):
                if target == 5000 and not args.long:
                    continue
                if target == 100 and not args.timing:
                    continue
                en_lines: list[str] = []
                ar_lines: list[str] = []
                k = 0
                while len(en_lines) < target:
                    _, en, ar, _ = docs[k % len(docs)]
                    en_lines += en
                    ar_lines += ar
                    k += 1
                en_path, ar_path = Path(tmp, "en.txt"), Path(tmp, "ar.txt")
                # whole documents (repeated for the long one), so both sides correspond
                en_path.write_text("\n".join(en_lines) + "\n", encoding="utf-8")
                ar_path.write_text("\n".join(ar_lines) + "\n", encoding="utf-8")
                t0 = time.perf_counter()
                cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                proc = subprocess.run(
                    [sys.executable, "-c", timing_100(args.encoder), str(en_path), str(ar_path)],
                    capture_output=True, text=True,
                )
                wall = time.perf_counter() - t0
                cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
                load_avg = os.getloadavg()[0]
                if proc.returncode:
                    print(proc.stderr[-2000:])
                seconds, n_en, n_ar, n_links = proc.stdout.split()
                print(f"\n{label} ({args.encoder}), cold process, raw text (split + load + encode + align): "
                      f"{wall:.2f} s wall, {cpu:.2f} s CPU (load average {load_avg:.1f}); "
                      f"{n_en} English / {n_ar} Arabic sentences, {n_links} links")


if __name__ == "__main__":
    main()
