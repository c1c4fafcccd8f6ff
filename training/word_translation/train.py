"""Train the English <-> Arabic word translation table shipped in models/word_translation.

    nice .venv/bin/python training/word_translation/train.py --out models/word_translation

Reads Tatoeba, the shipped lexicons' bilingual names and the NTREX documents not held out
(see corpus.py), cuts words with ``toolkit.word_translation.tokens`` (the runtime's own
tokenizer), trains IBM Model 1 in both directions (em.py), keeps the top translations of
every word in each direction and writes ``table.tsv``:

    en <TAB> ar <TAB> p(ar | en) <TAB> p(en | ar)

Never imported by the toolkit; the runtime reads only the table.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from toolkit.word_translation.tokens import ar_words, en_tokens, split_article, split_proclitic  # noqa: E402
from training.word_translation import corpus  # noqa: E402
from training.word_translation.em import cooccurrences, log_likelihood, model1  # noqa: E402


@dataclass(frozen=True)
class TrainParams:
    """Settings of a training run."""

    iterations: int = 8  # EM steps: log-likelihood +0.4% a step at 6-8, +0.2% at 10-12 (measured); not tuned further
    lexicon_weight: float = 2.0  # a name pair counts as two sentences: names are what we score
    top_k: int = 4  # translations kept per word and direction; 8 -> 4 cost < 0.001 test AUC (evaluate.py)
    min_prob: float = 0.05  # below this a translation is noise; 0.01 -> 0.05 cost < 0.001 test AUC
    sources: tuple[str, ...] = ("tatoeba", "lexicon", "ntrex")


@dataclass
class Vocab:
    words: list[str] = field(default_factory=lambda: ["<null>"])
    index: dict[str, int] = field(default_factory=dict)

    def ids(self, toks: list[str]) -> list[int]:
        out = []
        for w in toks:
            i = self.index.get(w)
            if i is None:
                i = self.index[w] = len(self.words)
                self.words.append(w)
            out.append(i)
        return out


def tokenize(pairs: list[corpus.Pair]) -> tuple[list[list[str]], list[list[str]]]:
    """English and Arabic tokens of every pair; the Arabic proclitic decision is made on
    stem counts of this very corpus (tokens.split_proclitic)."""
    en = [en_tokens(p.en) for p in pairs]
    ar_split = [[split_article(w) for w in ar_words(p.ar)] for p in pairs]
    counts: Counter[str] = Counter(parts[-1] for sent in ar_split for parts in sent)
    ar = []
    for sent in ar_split:
        toks: list[str] = []
        for parts in sent:
            toks += parts if len(parts) > 1 else split_proclitic(parts[0], counts)
        ar.append(toks)
    return en, ar


def _top(src: np.ndarray, tgt: np.ndarray, prob: np.ndarray, params: TrainParams) -> set[tuple[int, int]]:
    """(src, tgt) of the top_k targets of every source word with prob >= min_prob."""
    keep = (prob >= params.min_prob) & (src != 0)
    s, t, p = src[keep], tgt[keep], prob[keep]
    order = np.lexsort((-p, s))
    s, t = s[order], t[order]
    first = np.r_[0, np.flatnonzero(np.diff(s)) + 1]
    rank = np.arange(len(s)) - np.repeat(first, np.diff(np.r_[first, len(s)]))
    sel = rank < params.top_k
    return set(zip(s[sel].tolist(), t[sel].tolist()))


@dataclass(frozen=True)
class Trained:
    """A pruned table: rows (en, ar, p(ar|en), p(en|ar)) and the corpus count of every
    word of the table (the scorer weighs rare, name-like words more)."""

    rows: list[tuple[str, str, float, float]]
    en_counts: dict[str, int]
    ar_counts: dict[str, int]


def train(pairs: list[corpus.Pair], params: TrainParams = TrainParams(), log=print) -> Trained:
    """The pruned table learned from ``pairs``."""
    t0 = time.time()
    en_tok, ar_tok = tokenize(pairs)
    ev, av = Vocab(), Vocab()
    en_ids = [ev.ids(s) for s in en_tok]
    ar_ids = [av.ids(s) for s in ar_tok]
    weights = [params.lexicon_weight if p.source == "lexicon" else 1.0 for p in pairs]
    log(f"{len(pairs)} pairs, {len(ev.words)} English and {len(av.words)} Arabic words ({time.time() - t0:.1f}s)")
    e2a = cooccurrences(en_ids, ar_ids, len(ev.words), len(av.words), weights)
    p_a_e = model1(e2a, params.iterations)
    a2e = cooccurrences(ar_ids, en_ids, len(av.words), len(ev.words), weights)
    p_e_a = model1(a2e, params.iterations)
    log(f"EM done: {len(e2a.src)} + {len(a2e.src)} pairs, loglik {log_likelihood(e2a, p_a_e):.4g} / "
        f"{log_likelihood(a2e, p_e_a):.4g} ({time.time() - t0:.1f}s)")
    rows = prune(ev.words, av.words, (e2a.src, e2a.tgt, p_a_e), (a2e.src, a2e.tgt, p_e_a), params)
    return Trained(rows, *counts_of(en_tok, ar_tok, rows))


Triplet = tuple[np.ndarray, np.ndarray, np.ndarray]  # source ids, target ids, p(target | source)


def prune(en_words: list[str], ar_words_: list[str], e2a: Triplet, a2e: Triplet,
          params: TrainParams) -> list[tuple[str, str, float, float]]:
    """Rows (en, ar, p(ar|en), p(en|ar)) of the top translations of every word, both
    directions; a pair kept for one direction carries the other's probability."""
    fwd = dict(zip(zip(e2a[0].tolist(), e2a[1].tolist()), e2a[2].tolist()))
    bwd = dict(zip(zip(a2e[1].tolist(), a2e[0].tolist()), a2e[2].tolist()))
    keep = _top(*e2a, params)
    keep |= {(e, a) for a, e in _top(*a2e, params)}
    rows = [(en_words[e], ar_words_[a], fwd.get((e, a), 0.0), bwd.get((e, a), 0.0)) for e, a in keep]
    rows.sort(key=lambda r: (r[0], -r[2], r[1]))
    return rows


def counts_of(en_tok: list[list[str]], ar_tok: list[list[str]], rows: list) -> tuple[dict[str, int], dict[str, int]]:
    """Corpus counts of every word of the table."""
    en_c = Counter(w for s in en_tok for w in s)
    ar_c = Counter(w for s in ar_tok for w in s)
    return {w: en_c[w] for w in {r[0] for r in rows}}, {w: ar_c[w] for w in {r[1] for r in rows}}


def write_table(model: Trained, out: Path, meta: dict) -> Path:
    """``table.tsv`` (the rows), ``words.tsv`` (``lang <TAB> word <TAB> count``) and
    ``training.json`` (settings and sizes) in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / "table.tsv"
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# en\tar\tp(ar|en)\tp(en|ar): IBM Model 1 both directions, see MODEL_CARD.md\n")
        for e, a, pf, pb in model.rows:
            fh.write(f"{e}\t{a}\t{pf:.4g}\t{pb:.4g}\n")
    with open(out / "words.tsv", "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# lang\tword\tcount in the training corpus (toolkit.word_translation.tokens)\n")
        for lang, counts in (("en", model.en_counts), ("ar", model.ar_counts)):
            for w, n in sorted(counts.items()):
                fh.write(f"{lang}\t{w}\t{n}\n")
    (out / "training.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def load_pairs(sources: tuple[str, ...], exclude_entities: frozenset[str] = frozenset(),
               data: Path = corpus.DATA) -> list[corpus.Pair]:
    """The training pairs of ``sources`` (held-out NTREX documents never among them)."""
    pairs: list[corpus.Pair] = []
    if "tatoeba" in sources:
        pairs += corpus.tatoeba(data)
    if "lexicon" in sources:
        pairs += [p for p in corpus.lexicon_pairs() if p.key not in exclude_entities]
    if "ntrex" in sources:
        pairs += corpus.ntrex(data)
    return pairs


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=corpus.REPO / "models" / "word_translation")
    ap.add_argument("--data", type=Path, default=corpus.DATA, help="the shared data folder (../shared/data)")
    ap.add_argument("--iterations", type=int, default=TrainParams.iterations)
    ap.add_argument("--top-k", type=int, default=TrainParams.top_k)
    ap.add_argument("--min-prob", type=float, default=TrainParams.min_prob)
    ap.add_argument("--lexicon-weight", type=float, default=TrainParams.lexicon_weight)
    args = ap.parse_args(argv)
    params = TrainParams(args.iterations, args.lexicon_weight, args.top_k, args.min_prob)
    pairs = load_pairs(params.sources, data=args.data)
    model = train(pairs, params)
    rows = model.rows
    by_source = Counter(p.source for p in pairs)
    meta = {"params": params.__dict__ | {"sources": list(params.sources)}, "pairs": dict(by_source),
            "heldout_ntrex_docs": sorted(corpus.heldout_docs()), "rows": len(rows),
            "en_words": len({r[0] for r in rows}), "ar_words": len({r[1] for r in rows})}
    path = write_table(model, args.out, meta)
    print(f"wrote {path} ({len(rows)} rows, {path.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
