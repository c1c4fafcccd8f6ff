"""Reproducible training of the character-level transliteration model.

    python -m training.translit.train --data ../shared/data --out models/translit
    python training/translit/train.py --data ../shared/data --out models/translit   # the same

Run from the repository root. The data and its held-out split are in ``pairs.py``; the
shipped tables (``attested.tsv`` from every pair, held-out ones included, and the Latin
spelling model from the training split) in ``tables.py``; the torch model in
``torch_model.py``. ``--tables-only`` writes the tables and trains nothing (no torch).

Training is bounded by wall time (``--minutes``) with a cosine schedule over that budget,
seeded, single process, ``torch.set_num_threads(--threads)``; it runs under ``nice`` beside
other work. Nothing in ``toolkit`` imports this folder: the runtime decodes the saved
weights in numpy.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

if __package__ in (None, ""):  # run as a file (python training/translit/train.py): the repo root on the path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from toolkit.translit.lm import FILENAME as LM_FILENAME  # noqa: E402
from toolkit.translit.model import CharVocab, Direction, Seq2SeqTransliterator  # noqa: E402

from training.translit.pairs import (  # noqa: E402
    DEFAULT_DATA, DEV_BUCKETS, Pair, all_pairs, anetac_training_pairs, is_dev_form, load_splits,
)  # noqa: E402
from training.translit.tables import build_latin_lm, build_memory, training_memory  # noqa: E402
from training.translit.torch_model import build_model, from_torch, save_model  # noqa: E402

__all__ = [
    "DEFAULT_DATA", "DEV_BUCKETS", "Pair", "all_pairs", "batches", "build_latin_lm", "build_memory", "evaluate",
    "examples", "is_dev_form", "load_splits", "main", "train", "training_memory",
]


def examples(pairs: Iterable[Pair]) -> list[tuple[str, Direction, str]]:
    """Both directions; frequent spellings (count >= 4) twice, so they rank first."""
    out: list[tuple[str, Direction, str]] = []
    for p in pairs:
        reps = 2 if p.count >= 4 else 1
        for _ in range(reps):
            out.append((p.arabic, "latin", p.latin))
            out.append((p.latin, "arabic", p.arabic))
    return out


def batches(data: list[tuple[str, Direction, str]], size: int, rng: random.Random) -> list[list[int]]:
    """Length-bucketed batches: shuffle, sort within chunks of 50 batches, shuffle batches."""
    order = list(range(len(data)))
    rng.shuffle(order)
    chunk = size * 50
    out: list[list[int]] = []
    for start in range(0, len(order), chunk):
        part = sorted(order[start : start + chunk], key=lambda i: len(data[i][0]))
        out.extend(part[j : j + size] for j in range(0, len(part), size))
    rng.shuffle(out)
    return out


def evaluate(model: Seq2SeqTransliterator, dev: list[Pair], limit: int = 1000, beams: int = 1) -> dict[str, float]:
    """Top-1 against the set of attested spellings, both directions, on up to ``limit`` forms."""
    gold_lat: dict[str, set[str]] = defaultdict(set)
    gold_ar: dict[str, set[str]] = defaultdict(set)
    for p in dev:
        gold_lat[p.arabic].add(p.latin)
        gold_ar[p.latin].add(p.arabic)
    ar_words = sorted(gold_lat)[:limit]
    lat_words = sorted(gold_ar)[:limit]
    hyp_lat = model.generate(ar_words, "latin", beams=beams)
    hyp_ar = model.generate(lat_words, "arabic", beams=beams)
    lat_ok = sum(1 for w, h in zip(ar_words, hyp_lat) if h and h[0].text in gold_lat[w])
    ar_ok = sum(1 for w, h in zip(lat_words, hyp_ar) if h and h[0].text in gold_ar[w])
    return {"ar2lat_top1": lat_ok / max(1, len(ar_words)), "lat2ar_top1": ar_ok / max(1, len(lat_words))}


def train(
    pairs: list[Pair],
    out: Path | None,
    minutes: float = 30.0,
    epochs: int = 30,
    batch_size: int = 128,
    lr: float = 1.5e-3,
    seed: int = 13,
    threads: int = 2,
    arch: dict | None = None,
    dev: list[Pair] | None = None,
    log: bool = True,
) -> Seq2SeqTransliterator:
    """Train from scratch; returns the model (and saves it to ``out`` when given)."""
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    rng = random.Random(seed)
    data = examples(pairs)
    vocab = CharVocab.build([s for s, _, t in data] + [t for _, _, t in data])
    model = build_model(vocab, arch)
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01, betas=(0.9, 0.98))
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100, label_smoothing=0.1)
    budget = minutes * 60.0
    warmup = 60
    start = time.monotonic()
    step = 0
    done = False
    for epoch in range(epochs):
        total, count = 0.0, 0
        for batch in batches(data, batch_size, rng):
            elapsed = time.monotonic() - start
            if elapsed > budget:
                done = True
                break
            src = [vocab.encode_source(data[i][0], data[i][1]) for i in batch]
            tgt = [vocab.encode_target(data[i][2]) for i in batch]
            sw, tw = max(map(len, src)), max(map(len, tgt))
            ids = torch.zeros((len(batch), sw), dtype=torch.long)
            mask = torch.zeros((len(batch), sw), dtype=torch.long)
            labels = torch.full((len(batch), tw), -100, dtype=torch.long)
            dec_in = torch.zeros((len(batch), tw), dtype=torch.long)
            for r, (s, t) in enumerate(zip(src, tgt)):
                ids[r, : len(s)] = torch.tensor(s)
                mask[r, : len(s)] = 1
                labels[r, : len(t)] = torch.tensor(t)
                dec_in[r, 0] = 1
                dec_in[r, 1 : len(t)] = torch.tensor(t[:-1])
            frac = min(1.0, elapsed / budget)
            scale = min(1.0, (step + 1) / warmup) * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * frac)))
            for group in opt.param_groups:
                group["lr"] = lr * scale
            logits = model(input_ids=ids, attention_mask=mask, decoder_input_ids=dec_in).logits
            loss = loss_fn(logits.view(-1, logits.shape[-1]), labels.view(-1))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            step += 1
            total += float(loss.detach())
            count += 1
            if log and step % 100 == 0:
                print(f"epoch {epoch} step {step} loss {total / count:.3f} lr {lr * scale:.2e} "
                      f"{elapsed / 60:.1f} min", file=sys.stderr, flush=True)
        if log:
            msg = f"epoch {epoch} done: mean loss {total / max(1, count):.3f}"
            if dev:
                msg += f" dev(greedy, 500) {evaluate(from_torch(model, vocab), dev, limit=500)}"
            print(msg, file=sys.stderr, flush=True)
        if done:
            break
    model.eval()
    if out is not None:
        save_model(model, vocab, out, extra={"steps": step, "minutes": round((time.monotonic() - start) / 60, 1),
                                 "examples": len(data), "seed": seed, "batch_size": batch_size, "lr": lr})
    return from_torch(model, vocab)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (holds names/)")
    parser.add_argument("--out", type=Path, default=Path("models/translit"))
    parser.add_argument("--minutes", type=float, default=30.0, help="wall-time budget for training")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--lr", type=float, default=1.5e-3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--encoder-layers", type=int, default=None, help="default: torch_model.DEFAULT_ARCH")
    parser.add_argument("--decoder-layers", type=int, default=None, help="default: torch_model.DEFAULT_ARCH")
    parser.add_argument("--d-model", type=int, default=None, help="default: torch_model.DEFAULT_ARCH")
    parser.add_argument("--encoder-ffn-dim", type=int, default=None, help="default: torch_model.DEFAULT_ARCH")
    parser.add_argument("--decoder-ffn-dim", type=int, default=None, help="default: torch_model.DEFAULT_ARCH")
    parser.add_argument("--with-anetac", action="store_true",
                        help="also train on ANETAC's train split (held-out forms of every set removed; "
                             "its rows never go into attested.tsv)")
    parser.add_argument("--tables-only", action="store_true",
                        help="write attested.tsv and the Latin spelling model, train nothing (no torch)")
    args = parser.parse_args(argv)
    arch = {key: getattr(args, key) for key in ("encoder_layers", "decoder_layers", "d_model", "encoder_ffn_dim", "decoder_ffn_dim")
            if getattr(args, key) is not None}
    if not (args.data / "names").is_dir():
        parser.error(f"{args.data}: no names/ folder; pass --data PATH to the shared data")
    train_pairs, dev, g_test = load_splits(args.data)
    table_pairs = list(train_pairs)  # the Latin spelling model: never ANETAC's rows
    if args.with_anetac:
        train_pairs = train_pairs + anetac_training_pairs(args.data)
    print(f"train pairs {len(train_pairs)}, dev pairs {len(dev)}, google test {len(g_test)}", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    build_memory(all_pairs(args.data)).save(args.out / "attested.tsv")
    build_latin_lm(table_pairs).save(args.out / LM_FILENAME)
    if args.tables_only:
        print(f"wrote {args.out / 'attested.tsv'} and {args.out / LM_FILENAME}", file=sys.stderr)
        return
    started = time.monotonic()
    model = train(train_pairs, args.out, minutes=args.minutes, epochs=args.epochs, batch_size=args.batch_size,
                  lr=args.lr, seed=args.seed, threads=args.threads, arch=arch, dev=dev)
    metrics = {
        "train_minutes": round((time.monotonic() - started) / 60, 1),
        "train_pairs": len(train_pairs),
        "wikidata_dev_greedy": evaluate(model, dev, limit=5000),
        "google_test_greedy": evaluate(model, g_test, limit=5000),
    }
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=1), encoding="utf-8")
    print(json.dumps(metrics), flush=True)


if __name__ == "__main__":
    main()
