"""Five-fold cross-validation of the Arabic recipe over ANERcorp's first 9/10.

    nice python training/ner/crossval.py [--data ../shared/data] [--feature NAME=VALUE ...]

Why: the dev tenth holds about 900 names, so two settings within 0.01 of each other on it
are a coin toss (the cluster features' dev gain was +0.026, their held-out gain +0.016).
Five contiguous folds of the 3,587 sentences before the held-out tenth give 7,255 names,
pooled: small differences between settings become readable. Each fold trains with the
shipped ``TrainParams`` (about 40 s a fold on one core) and is tagged each sentence alone
and in documents of ``--document-size`` sentences (the runtime's document stage).

The cluster table read is the shipped one (built from all 9/10: each test fold's words were
in it, equally for every setting compared); the held-out tenth is never read.
"""

from __future__ import annotations

import argparse
import ast
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora  # noqa: E402
import train as shipped  # noqa: E402

from toolkit.ner import features  # noqa: E402
from toolkit.ner.document import propagate  # noqa: E402
from toolkit.ner.params import DEFAULT  # noqa: E402


def fold_scores(data: list[corpora.Sentence], k: int, document_size: int, tmp: Path) -> tuple[list, list]:
    """Gold and predicted tags of every sentence, each fold tagged by a model trained on the others:
    (alone, in documents)."""
    import pycrfsuite

    gold_alone: list = []
    pred_alone: list = []
    pred_doc: list = []
    n = len(data)
    for fold in range(k):
        lo, hi = fold * n // k, (fold + 1) * n // k
        model = tmp / f"crossval-{fold}.crfsuite"
        shipped.train(data[:lo] + data[hi:], "ar", shipped.SHIPPED["ar"], model)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        tagged = []
        for words, tags in data[lo:hi]:
            labels = tagger.tag(features.sentence_features(words, "ar"))
            tagged.append((labels, [tagger.marginal(y, i) for i, y in enumerate(labels)], [False] * len(labels)))
            gold_alone.append(tags)
        pred_alone.extend(t[0] for t in tagged)
        for first in range(0, len(tagged), document_size):
            block = [w for w, _ in data[lo + first:lo + first + document_size]]
            pred_doc.extend(t[0] for t in propagate(block, tagged[first:first + document_size], "ar", DEFAULT))
        print(f"fold {fold + 1}/{k} done", file=sys.stderr, flush=True)
    return gold_alone, [pred_alone, pred_doc]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--document-size", type=int, default=20)
    ap.add_argument("--tmp", type=Path, default=Path("/tmp"))
    ap.add_argument("--feature", action="append", default=[], metavar="NAME=VALUE",
                    help="override a FeatureParams field, as train.py does")
    args = ap.parse_args(argv)
    for item in args.feature:
        name, _, value = item.partition("=")
        features.FEATURES = replace(features.FEATURES, **{name: ast.literal_eval(value)})
    split = corpora.anercorp_splits(args.data)
    gold, (alone, doc) = fold_scores(split["train"] + split["dev"], args.folds, args.document_size, args.tmp)
    for label, pred in (("each sentence alone", alone), (f"documents of {args.document_size}", doc)):
        s = corpora.span_scores(gold, pred)["typed"]
        print(f"{label}: typed P {s['p']:.4f} R {s['r']:.4f} F1 {s['f1']:.4f} ({int(s['gold']):,} names)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
