"""Fit the entity list's confidence model on the development gold.

The entity list gives every entity a confidence from its evidence
(:mod:`toolkit.entities.confidence`): a logistic model over a few signals. This script
builds the lists of the development documents (benchmarks/gold/ntrex_entities.json and
ntrex_entities_dev3.json: pair lists, English-only and Arabic-only lists), labels every
entity right or wrong by the rules of benchmarks/entity_eval.py, fits the weights (L2,
Newton's method, numpy) and prints them with the calibration they reach, ready to paste
into ``ConfidenceParams``. The held-out set is never read here.

    python training/confidence/fit.py [--data ../shared/data] [--l2 3] [--cv 8]

``--cv K`` first prints, for a grid of L2, the out-of-fold log loss and the share right at
0.9 or more, folds made of whole documents (what a held-out document would see).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import entity_eval as ev  # noqa: E402
from toolkit.entities import extract_entities  # noqa: E402
from toolkit.entities.confidence import FEATURES  # noqa: E402
from toolkit.lexdata import shipped_entries  # noqa: E402

GOLD = [ROOT / "benchmarks" / "gold" / "ntrex_entities.json", ROOT / "benchmarks" / "gold" / "ntrex_entities_dev3.json"]


def examples(data: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Signals, right/wrong labels and document numbers of every judgeable entity of the
    development lists."""
    lex = {e.id: ({e.en, *e.en_variants, *e.acronyms} - {""}, {e.ar, *e.ar_variants} - {""}) for e in shipped_entries()}
    xs, ys, gs = [], [], []
    docs = [doc for path in GOLD for doc in json.loads(path.read_text(encoding="utf-8"))["documents"]]
    for n, doc in enumerate(docs):
        folder = data / "align" / "ntrex" / doc["doc"]
        en = (folder / "doc_en.txt").read_text(encoding="utf-8")
        ar = (folder / "doc_ar.txt").read_text(encoding="utf-8")
        for e in extract_entities(en, ar, presplit=True):
            label = ev.judge_pair(doc, e.to_dict(), en, ar, lex)
            if label is not None:
                xs.append(e.signals.vector())
                ys.append(label)
                gs.append(n)
        for text, lang in ((en, "en"), (ar, "ar")):
            for e in extract_entities(text, None, presplit=True):
                label = ev.judge_single(doc, e.to_dict(), lang)
                if label is not None:
                    xs.append(e.signals.vector())
                    ys.append(label)
                    gs.append(n)
    return np.array(xs, dtype=float), np.array(ys, dtype=float), np.array(gs)


def out_of_fold(x: np.ndarray, y: np.ndarray, groups: np.ndarray, l2: float, folds: int) -> np.ndarray:
    """Each entity's probability from a model fitted without its document's fold: what
    a held-out document would see (documents, not entities, are split)."""
    p = np.zeros(len(y))
    for k in range(folds):
        test = groups % folds == k
        w, b = fit(x[~test], y[~test], l2)
        p[test] = 1.0 / (1.0 + np.exp(-(x[test] @ w + b)))
    return p


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 50) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton's method; the bias is not penalized."""
    a = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(a.shape[1])
    reg = np.full(a.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-a @ w))
        grad = a.T @ (p - y) + reg * w
        hess = (a * (p * (1 - p))[:, None]).T @ a + np.diag(reg) + 1e-9 * np.eye(a.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--l2", type=float, default=3.0)
    ap.add_argument("--cv", type=int, default=0, help="also K-fold cross-validation by document over a grid of L2")
    args = ap.parse_args()
    x, y, groups = examples(args.data)
    if args.cv:
        for l2 in (0.1, 1.0, 3.0, 10.0, 30.0):
            p = np.clip(out_of_fold(x, y, groups, l2, args.cv), 1e-6, 1 - 1e-6)
            loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
            top = p >= 0.9
            print(f"L2 {l2:5.1f}: out-of-fold log loss {loss:.4f}, at >= 0.9: {int(top.sum())} entities, "
                  f"{y[top].mean() if top.any() else float('nan'):.3f} right")
    w, b = fit(x, y, args.l2)
    p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
    print(f"{len(y)} entities, {int(y.sum())} right ({y.mean():.3f})")
    for name, weight in zip(FEATURES, w):
        print(f"  {name:20s} {weight:+.3f}")
    print(f"  {'bias':20s} {b:+.3f}")
    print("weights = (" + ", ".join(f"{v:.3f}" for v in w) + f"),  bias = {b:.3f}")
    print("\n".join(ev.calibration(list(zip(p.tolist(), y.astype(bool).tolist())))))


if __name__ == "__main__":
    main()
