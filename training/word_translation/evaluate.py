"""Measure phrase_score on lexicon name pairs the table was not trained on.

    nice .venv/bin/python training/word_translation/evaluate.py --folds 10 --json /tmp/wt-eval.json

The descriptive names of the lexicons (ORG and MISC entities whose English name has two
words or more: ministries, courts, parties, alliances) are cut into ``--folds`` random
tenths. For each tenth a table is trained on everything else (all of that entity's name
pairs left out) and the tenth's preferred name pairs are scored:

* true pairs: an entity's English and Arabic name;
* random false pairs: the English name against the Arabic name of another held-out
  entity (a random derangement);
* hard false pairs: against the Arabic name of another entity (of any fold) that shares
  its first Arabic word (وزارة الصحة against وزارة الداخلية), where there is one;
* span recovery: the Arabic name put at a random place of a random Arabic Tatoeba
  sentence; ``best_span`` of the English name should return exactly the name's tokens.

Settings are chosen on the even folds (dev: the sum of both AUCs and the span exact rate)
and reported on the odd folds (test): ROC AUC true vs random and true vs hard, accuracy at
the dev-chosen threshold, and the span exact rate. The five example pairs of the brief are scored by the model of the fold
that held them out (or the fold-0 model when they are not lexicon names).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from toolkit.word_translation import PhraseParams, best_span, phrase_score, read_table  # noqa: E402
from toolkit.word_translation.tokens import ar_words  # noqa: E402
from training.word_translation import corpus  # noqa: E402
from training.word_translation.train import TrainParams, load_pairs, train, write_table  # noqa: E402

EXAMPLES = [
    ("Supreme Court", "المحكمة العليا"),
    ("Ministry of Health", "وزارة الصحة"),
    ("United Nations General Assembly", "الجمعية العامة للأمم المتحدة"),
    ("Senate Judiciary Committee", "اللجنة القضائية بمجلس الشيوخ"),
    ("Consumer Energy Alliance", "تحالف طاقة المستهلك"),
]
#: Lexicon entities whose names are the examples (or contain them): always held out in a fold.
EXAMPLE_IDS = ("org:iraq-health-ministry", "org:iraq-federal-supreme-court", "org:unga")

#: The settings tried last on the dev folds. Earlier, wider grids (min_share 0-1,
#: saturation 0.1-1, function_weight 0/0.2, translit_weight 0/0.9, translit_floor 0.6/0.7,
#: idf_weight 0-3, combine hmean/min/product, reuse 0-1) fixed the others (PhraseParams).
GRID = {
    "saturation": (0.15,),
    "reuse": (0.5,),
    "reuse_ar": (0.5, 0.75, 1.0),
    "combine": ("hmean", "min"),
    "translit_floor": (0.6,),
}


def auc(pos: list[float], neg: list[float]) -> float:
    """ROC AUC as the Mann-Whitney probability that a true pair outscores a false one."""
    if not pos or not neg:
        return float("nan")
    p, n = np.asarray(pos)[:, None], np.asarray(neg)[None, :]
    return float(((p > n).sum() + 0.5 * (p == n).sum()) / (p.size * n.size))


def best_threshold(pos: list[float], neg: list[float]) -> tuple[float, float]:
    """(threshold, accuracy) maximizing balanced accuracy of ``score >= threshold``."""
    best = (0.5, 0.0)
    for t in sorted(set(pos) | set(neg)):
        acc = 0.5 * (np.mean(np.asarray(pos) >= t) + np.mean(np.asarray(neg) < t))
        if acc > best[1]:
            best = (float(t), float(acc))
    return best


def accuracy(pos: list[float], neg: list[float], t: float) -> float:
    return float(0.5 * (np.mean(np.asarray(pos) >= t) + np.mean(np.asarray(neg) < t)))


def folds_of(entries: list, n: int, seed: int) -> list[list]:
    rng = random.Random(seed)
    pool = sorted((e for e in entries if corpus.descriptive(e)), key=lambda e: e.id)
    rng.shuffle(pool)
    return [pool[i::n] for i in range(n)]


def eval_pairs(fold: list, everyone: list, seed: int) -> dict[str, list[tuple[str, str]]]:
    rng = random.Random(seed)
    en = [corpus.strip_note(e.en) for e in fold]
    ar = [corpus.strip_note(e.ar) for e in fold]
    true = list(zip(en, ar))
    shift = rng.randrange(1, len(fold)) if len(fold) > 1 else 0
    rand = [(en[i], ar[(i + shift) % len(fold)]) for i in range(len(fold))]
    first: dict[str, list] = {}
    for e in everyone:
        w = ar_words(e.ar)
        if w:
            first.setdefault(w[0], []).append(e)
    hard = []
    for e, name in zip(fold, en):
        w = ar_words(e.ar)
        others = [o for o in first.get(w[0], []) if o.id != e.id and o.ar != e.ar] if w else []
        if others:
            hard.append((name, corpus.strip_note(rng.choice(others).ar)))
    return {"true": true, "random": rand, "hard": hard}


def train_folds(n: int, seed: int, tparams: TrainParams, work: Path, log, aligner: str = "model1",
                reuse_tables: bool = False) -> list[tuple[list, object]]:
    from toolkit.lexdata import shipped_entries

    entries = shipped_entries()
    folds = folds_of(entries, n, seed)
    by_id = {e.id: e for e in entries}
    for eid in EXAMPLE_IDS:  # make sure the example entities are held out somewhere
        if eid in by_id and not any(eid == e.id for f in folds for e in f):
            folds[0].append(by_id[eid])
    base = load_pairs(tparams.sources)
    if aligner == "eflomal":
        from training.word_translation.eflomal_table import train_eflomal as trainer
    else:
        trainer = train
    out = []
    for k, fold in enumerate(folds):
        ids = {e.id for e in fold}
        path = work / f"fold{k}" / "table.tsv"
        if reuse_tables and path.is_file():
            out.append((fold, read_table(path)))
            continue
        pairs = [p for p in base if not (p.source == "lexicon" and p.key in ids)]
        t0 = time.time()
        model = trainer(pairs, tparams, log=lambda *_: None)
        path = write_table(model, work / f"fold{k}", {"fold": k, "heldout": sorted(ids)})
        log(f"fold {k}: {len(fold)} held out, {len(model.rows)} rows ({time.time() - t0:.1f}s)")
        out.append((fold, read_table(path)))
    return out


def score_sets(folded: list, everyone: list, params: PhraseParams, which: range, seed: int) -> dict[str, list[float]]:
    scores: dict[str, list[float]] = {"true": [], "random": [], "hard": [], "span": []}
    contexts = _contexts()
    for k in which:
        fold, table = folded[k]
        for kind, pairs in eval_pairs(fold, everyone, seed + k).items():
            scores[kind] += [phrase_score(e, a, params, table) for e, a in pairs]
        for en, toks, gold in span_cases(fold, contexts, seed + k):
            i, j, _ = best_span(en, toks, params=params, table=table)
            scores["span"].append(float((i, j) == gold))
    return scores


_CONTEXTS: list[list[str]] = []


def _contexts() -> list[list[str]]:
    """Arabic Tatoeba sentences of 4 words or more, the surroundings of the span test."""
    if not _CONTEXTS:
        _CONTEXTS.extend(t for t in (p.ar.split() for p in corpus.tatoeba()) if len(t) >= 4)
    return _CONTEXTS


def span_cases(fold: list, contexts: list[list[str]], seed: int) -> list[tuple[str, list[str], tuple[int, int]]]:
    """Each held-out Arabic name put at a random place of a random Arabic sentence: the
    English name, the tokens, and the name's token span (what best_span should find)."""
    rng = random.Random(seed)
    out = []
    for e in fold:
        name = corpus.strip_note(e.ar).split()
        ctx = rng.choice(contexts)
        pos = rng.randint(0, len(ctx))
        out.append((corpus.strip_note(e.en), ctx[:pos] + name + ctx[pos:], (pos, pos + len(name))))
    return out


def tune(folded: list, everyone: list, seed: int, log) -> tuple[PhraseParams, list[dict]]:
    dev = range(0, len(folded), 2)
    results = []
    for values in itertools.product(*GRID.values()):
        params = PhraseParams(**dict(zip(GRID, values)))
        s = score_sets(folded, everyone, params, dev, seed)
        results.append({**dict(zip(GRID, values)), "auc_random": auc(s["true"], s["random"]),
                        "auc_hard": auc(s["true"], s["hard"]), "span_exact": float(np.mean(s["span"]))})
    results.sort(key=lambda r: -(r["auc_random"] + r["auc_hard"] + r["span_exact"]))
    best = {k: results[0][k] for k in GRID}
    log(f"dev best {best}: AUC random {results[0]['auc_random']:.3f} hard {results[0]['auc_hard']:.3f} "
        f"span exact {results[0]['span_exact']:.3f}")
    return PhraseParams(**best), results


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--work", type=Path, default=Path("/tmp/word_translation_eval"))
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--no-tune", action="store_true", help="score with the shipped PhraseParams defaults only")
    ap.add_argument("--top-k", type=int, default=TrainParams.top_k)
    ap.add_argument("--min-prob", type=float, default=TrainParams.min_prob)
    ap.add_argument("--lexicon-weight", type=float, default=TrainParams.lexicon_weight)
    ap.add_argument("--iterations", type=int, default=TrainParams.iterations)
    ap.add_argument("--reuse-tables", action="store_true",
                    help="read the fold tables of an earlier run in --work instead of training them")
    ap.add_argument("--aligner", choices=("model1", "eflomal"), default="model1",
                    help="eflomal needs `pip install eflomal` (comparison only)")
    args = ap.parse_args(argv)
    from toolkit.lexdata import shipped_entries

    everyone = [e for e in shipped_entries() if e.en and e.ar]
    tparams = TrainParams(args.iterations, args.lexicon_weight, args.top_k, args.min_prob)
    folded = train_folds(args.folds, args.seed, tparams, args.work, log=print, aligner=args.aligner,
                         reuse_tables=args.reuse_tables)
    params, grid = (PhraseParams(), []) if args.no_tune else tune(folded, everyone, args.seed, print)
    dev_s = score_sets(folded, everyone, params, range(0, args.folds, 2), args.seed)
    thr, dev_acc = best_threshold(dev_s["true"], dev_s["random"] + dev_s["hard"])
    test_s = score_sets(folded, everyone, params, range(1, args.folds, 2), args.seed)
    default_s = score_sets(folded, everyone, PhraseParams(), range(1, args.folds, 2), args.seed)
    report = {
        "aligner": args.aligner,
        "train_params": tparams.__dict__ | {"sources": list(tparams.sources)},
        "params": params.__dict__, "threshold_dev": thr, "balanced_accuracy_dev_true_vs_random_and_hard": dev_acc,
        "test": {"n_true": len(test_s["true"]), "n_random": len(test_s["random"]), "n_hard": len(test_s["hard"]),
                 "auc_random": auc(test_s["true"], test_s["random"]), "auc_hard": auc(test_s["true"], test_s["hard"]),
                 "accuracy_at_dev_threshold": accuracy(test_s["true"], test_s["random"], thr),
                 "accuracy_hard_at_dev_threshold": accuracy(test_s["true"], test_s["hard"], thr),
                 "span_exact": float(np.mean(test_s["span"]))},
        "test_with_shipped_defaults": {"auc_random": auc(default_s["true"], default_s["random"]),
                                       "auc_hard": auc(default_s["true"], default_s["hard"]),
                                       "accuracy_at_default_threshold": accuracy(default_s["true"], default_s["random"],
                                                                                 PhraseParams().threshold),
                                       "accuracy_hard_at_default_threshold": accuracy(default_s["true"], default_s["hard"],
                                                                                      PhraseParams().threshold),
                                       "span_exact": float(np.mean(default_s["span"]))},
        "examples": examples(folded, params),
        "grid_top": grid[:10],
    }
    print(json.dumps({k: v for k, v in report.items() if k != "grid_top"}, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def examples(folded: list, params: PhraseParams) -> list[dict]:
    """The example pairs, each scored by a table that did not see it as a lexicon pair, with
    a false partner (the next example's Arabic)."""
    out = []
    for i, (en, ar) in enumerate(EXAMPLES):
        k = next((k for k, (fold, _) in enumerate(folded) if any(en.lower() in e.en.lower() or
                  any(en.lower() in v.lower() for v in e.en_variants) for e in fold)), 0)
        table = folded[k][1]
        wrong = EXAMPLES[(i + 1) % len(EXAMPLES)][1]
        out.append({"en": en, "ar": ar, "fold": k, "score": round(phrase_score(en, ar, params, table), 3),
                    "false_ar": wrong, "false_score": round(phrase_score(en, wrong, params, table), 3)})
    return out


if __name__ == "__main__":
    main()
