"""NER: span F1 of the shipped CRF taggers and their speed.

    python benchmarks/ner.py [--data ../shared/data]

Measures, on CoNLL-2003 dev (English) and on the held-out last tenth of ANERcorp's training
part (Arabic, never seen in training or tuning; see training/ner/corpora.py):

- span precision / recall / F1, typed (span and type right, PER ORG LOC) and untyped (span
  right, PER ORG LOC), and per type; the corpus tokens are tagged as they are (the
  standard CoNLL evaluation), in documents of ``--document-size`` consecutive sentences
  (``toolkit.ner.tag_sentences``: a name found in one sentence is also tagged where it
  stands again, as ``find_mentions`` does within one text; neither corpus part marks its
  stories, so blocks stand for them), and each sentence alone for comparison;
- the share of correct typed spans per score bin (is the score a probability?);
- tokens per second of ``toolkit.ner.find_mentions_many`` on the same sentences joined
  with spaces: tokenizer, features, tagging and marginals included, one process, warm
  model (the per-word feature cache starts empty).
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training" / "ner"))

import corpora  # noqa: E402
from toolkit.ner import find_mentions_many, tag_sentences  # noqa: E402
from toolkit.ner.features import clear_cache  # noqa: E402
from toolkit.ner.tagger import labeled_spans  # noqa: E402

BINS = (0.0, 0.5, 0.7, 0.9, 1.01)


def tag_gold_tokens(sents: list[corpora.Sentence], lang: str, document_size: int):
    """(labels, probabilities) of every sentence, tagged in documents of ``document_size``
    consecutive sentences (1: each alone)."""
    out = []
    for first in range(0, len(sents), document_size):
        block = [words for words, _ in sents[first:first + document_size]]
        out.extend((labels, probs) for labels, probs, _ in tag_sentences(block, lang))
    return out


def calibration(sents: list[corpora.Sentence], tagged) -> list[tuple[str, int, float]]:
    rows = [[0, 0] for _ in BINS[:-1]]
    for (_, gold), (labels, probs) in zip(sents, tagged, strict=True):
        g = corpora.spans(gold)
        for first, end, kind, score in labeled_spans(labels, probs):
            if kind not in ("PER", "ORG", "LOC"):
                continue
            b = next(i for i in range(len(BINS) - 1) if score < BINS[i + 1])
            rows[b][0] += 1
            rows[b][1] += (first, end, kind) in g
    return [(f"[{BINS[i]:.1f}, {min(BINS[i + 1], 1.0):.1f}{']' if i == len(BINS) - 2 else ')'}", n, ok / n if n else 0.0)
            for i, (n, ok) in enumerate(rows)]


def speed(sents: list[corpora.Sentence], lang: str, repeat: int = 3) -> float:
    texts = [" ".join(words) for words, _ in sents]
    n = sum(len(words) for words, _ in sents)
    best = float("inf")
    for _ in range(repeat):
        clear_cache()
        t0 = time.perf_counter()
        find_mentions_many(texts, lang)
        best = min(best, time.perf_counter() - t0)
    return n / best


def report(name: str, lang: str, sents: list[corpora.Sentence], document_size: int) -> None:
    alone = corpora.span_scores([g for _, g in sents], [labels for labels, _ in tag_gold_tokens(sents, lang, 1)])
    tagged = tag_gold_tokens(sents, lang, document_size)
    s = corpora.span_scores([g for _, g in sents], [labels for labels, _ in tagged])
    s4 = corpora.span_scores([g for _, g in sents], [labels for labels, _ in tagged], types=corpora.TYPES)
    ntok = sum(len(w) for w, _ in sents)
    print(f"\n### {name} ({len(sents):,} sentences, {ntok:,} tokens; documents of {document_size})\n")
    print("| spans | gold | P | R | F1 |\n|---|---:|---:|---:|---:|")
    for key in ("typed", "untyped", "PER", "ORG", "LOC"):
        r = s[key]
        label = {"typed": "typed, PER ORG LOC", "untyped": "untyped, PER ORG LOC"}.get(key, key)
        print(f"| {label} | {int(r['gold']):,} | {r['p']:.3f} | {r['r']:.3f} | {r['f1']:.3f} |")
    r = s4["typed"]
    print(f"| typed, with MISC | {int(r['gold']):,} | {r['p']:.3f} | {r['r']:.3f} | {r['f1']:.3f} |")
    r = alone["typed"]
    print(f"| typed, each sentence alone | {int(r['gold']):,} | {r['p']:.3f} | {r['r']:.3f} | {r['f1']:.3f} |")
    print("\n| score bin | spans | correct |\n|---|---:|---:|")
    for label, n, share in calibration(sents, tagged):
        print(f"| {label} | {n:,} | {share:.3f} |")
    print(f"\nspeed: {speed(sents, lang):,.0f} tokens/s (find_mentions_many, best of 3)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--document-size", type=int, default=20,
                    help="consecutive sentences tagged as one document (1: each sentence alone)")
    args = ap.parse_args(argv)
    print(f"## NER ({datetime.date.today().isoformat()})\n")
    print(f"Command: `python benchmarks/ner.py {' '.join(sys.argv[1:] if argv is None else argv)}`")
    report("English: CoNLL-2003 dev", "en", corpora.conll_dev(args.data), args.document_size)
    report("Arabic: held-out last tenth of ANERcorp's training part", "ar", corpora.anercorp_splits(args.data)["heldout"],
           args.document_size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
