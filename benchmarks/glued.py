"""Benchmark the run-together Arabic detector (``toolkit/normalize/glued.py``).

    python benchmarks/glued.py [--data ../shared/data] [--param NAME=VALUE ...]

1. Ordinary text must not be read as run together: ANERcorp's training part and AQMAR in
   documents of 20 sentences, Tatoeba's Arabic side in documents of 200, and every NTREX
   Arabic report but the run-together one. Prints how many documents the gate opens (the
   target: none), the largest share of strongly cut words in one document, and the words
   that are cut anyway because a word-final letter (ة, ى) stands inside them, with examples.
2. Text run together on purpose must be found and cut back: the same ANERcorp and AQMAR
   documents with every space between two Arabic words removed (all of them, and each
   one with probability 0.5, seeded): documents found, and the precision and recall of the
   spaces put back against the spaces removed.
3. The one NTREX report written so (dailymail.co.uk.298759): words cut and spaces put back
   (no spaced reference exists); its entity list is measured by ``benchmarks/entities.py``
   (held-out set 4).
4. Speed: all of ANERcorp as one text, and the run-together documents, chars/s.

wordfreq's table (the only data the detector reads) shares no text with these corpora.
"""

from __future__ import annotations

import argparse
import ast
import random
import re
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.normalize import glued  # noqa: E402

_AR_SPACE = re.compile(r"(?<=[\u0621-\u064a\u064b-\u065f\u0670]) (?=[\u0621-\u064a])")


def conll_sentences(path: Path) -> list[str]:
    sents: list[str] = []
    cur: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            if cur:
                sents.append(" ".join(cur))
                cur = []
            continue
        cur.append(line.split()[0])
    if cur:
        sents.append(" ".join(cur))
    return sents


def documents(sents: list[str], size: int) -> list[str]:
    return ["\n".join(sents[i:i + size]) for i in range(0, len(sents), size)]


def corpora(data: Path) -> dict[str, list[str]]:
    ner = data / "ner"
    tatoeba = [line.split("\t")[1] for line in (data / "parallel" / "tatoeba_en_ar.tsv").read_text(encoding="utf-8").splitlines() if "\t" in line]
    ntrex = [p.read_text(encoding="utf-8") for p in sorted((data / "align" / "ntrex").glob("*/doc_ar.txt"))
             if p.parent.name != "dailymail.co.uk.298759"]
    return {
        "ANERcorp (docs of 20)": documents(conll_sentences(ner / "anercorp_train.txt"), 20),
        "AQMAR (docs of 20)": documents(conll_sentences(ner / "aqmar_arabic_ner.txt"), 20),
        "Tatoeba (docs of 200)": documents(tatoeba, 200),
        "NTREX reports (56)": ntrex,
    }


def strong_share(text: str, params: glued.GluedParams) -> float:
    """The share of a text's Arabic runs that cut strongly (what the gate counts)."""
    table = glued.frequencies()
    runs = glued.LETTER_RUN.findall(text)
    strong = 0
    for run in runs:
        key, _ = glued._folded(run)
        if len(key) >= params.gate_letters and key not in table:
            strong += glued._strong(glued.best_cut(key, params), params)
    return strong / len(runs) if runs else 0.0


def ordinary(docs: dict[str, list[str]], params: glued.GluedParams) -> list[str]:
    lines = ["| ordinary text | documents | gate opened | largest strong share in a document | "
             "words cut after ة / ى (per 10,000) | examples |", "|---|---|---|---|---|---|"]
    for name, texts in docs.items():
        views = [glued.respace(t, params) for t in texts]
        opened = sum(v.run_together for v in views)
        worst = max(strong_share(t, params) for t in texts)
        words = sum(v.words for v in views)
        cut = [v for v in views if not v.run_together and v.inserted]
        n_cut = sum(v.glued for v in cut)
        examples = [_around(v.text, v.inserted[0]) for v in cut[:3]]
        lines.append(f"| {name} | {len(texts):,} | {opened} | {worst:.3f} | {n_cut} ({n_cut / words * 1e4:.1f}) | "
                     f"{', '.join(examples)} |")
    return lines


def _around(text: str, at: int) -> str:
    """The word cut at ``at`` in the view, both halves."""
    start = text.rfind(" ", 0, at - 1) + 1
    end = text.find(" ", at + 1)
    return text[start:end if end > 0 else None].strip()


def glue(text: str, share: float, rng: random.Random) -> tuple[str, list[int]]:
    """``text`` with spaces between Arabic words removed (each with probability ``share``),
    and the offsets in the glued text where they were."""
    out: list[str] = []
    removed: list[int] = []
    last = 0
    for m in _AR_SPACE.finditer(text):
        out.append(text[last:m.start()])
        if rng.random() < share:
            removed.append(sum(map(len, out)))
        else:
            out.append(" ")
        last = m.end()
    out.append(text[last:])
    return "".join(out), removed


def recovered(docs: dict[str, list[str]], params: glued.GluedParams, share: float) -> list[str]:
    lines = []
    for name, texts in docs.items():
        if not name.startswith(("ANERcorp", "AQMAR")):
            continue
        rng = random.Random(7)
        found = tp = put = gold = 0
        for t in texts:
            text, removed = glue(t, share, rng)
            view = glued.respace(text, params)
            found += view.run_together
            given = {at - k for k, at in enumerate(view.inserted)}  # offsets in the glued text
            tp += len(given & set(removed))
            put += len(given)
            gold += len(removed)
        p = tp / put if put else 0.0
        r = tp / gold if gold else 0.0
        lines.append(f"| {name}, {share:.0%} of spaces removed | {found}/{len(texts)} | {p:.3f} | {r:.3f} |")
    return lines


def speed(docs: dict[str, list[str]], params: glued.GluedParams) -> list[str]:
    big = "\n".join(docs["ANERcorp (docs of 20)"])
    t0 = time.perf_counter()
    glued.respace(big, params)
    plain = time.perf_counter() - t0
    rng = random.Random(7)
    run_together = glue(big, 1.0, rng)[0]
    t0 = time.perf_counter()
    view = glued.respace(run_together, params)
    cut = time.perf_counter() - t0
    return [
        f"- ANERcorp as one text ({len(big) / 1e6:.1f} M chars): {len(big) / plain / 1e6:.2f} M chars/s (gate closed)",
        f"- the same run together ({len(run_together) / 1e6:.1f} M chars, {len(view.inserted):,} spaces put back): "
        f"{len(run_together) / cut / 1e6:.2f} M chars/s",
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="override a GluedParams field")
    args = ap.parse_args(argv)
    params = glued.DEFAULT
    for item in args.param:
        name, _, value = item.partition("=")
        params = replace(params, **{name: ast.literal_eval(value)})
    print(f"params: {params}\n")
    docs = corpora(args.data)
    print("\n".join(ordinary(docs, params)))
    print("\n| run together on purpose | documents found | precision of spaces put back | recall |\n|---|---|---|---|")
    for share in (1.0, 0.5):
        print("\n".join(recovered(docs, params, share)))
    dm = (args.data / "align" / "ntrex" / "dailymail.co.uk.298759" / "doc_ar.txt").read_text(encoding="utf-8")
    view = glued.respace(dm, params)
    print(f"\nNTREX dailymail.co.uk.298759: {view.glued} of {view.words} words cut, {len(view.inserted)} spaces put back; "
          f"strong share {strong_share(dm, params):.3f}\n")
    print("\n".join(speed(docs, params)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
