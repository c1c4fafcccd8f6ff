"""Build the Latin spelling n-gram model (``latin_lm.safetensors``) from the training split.

    python -m training.translit.build_lm --data ../shared/data --out models/translit
    python training/translit/build_lm.py --data ../shared/data --out models/translit

The dev split stays out, so the reranking weight chosen on it is measured honestly
(``toolkit/translit/lm.py`` says how the model is stored and scored). The training
command writes this file too; this one rebuilds it alone. No torch.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a file: the repo root on the path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from toolkit.translit.lm import FILENAME  # noqa: E402

from training.translit.pairs import DEFAULT_DATA, load_splits  # noqa: E402
from training.translit.tables import build_latin_lm  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    """Build ``latin_lm.safetensors`` from the training split (the dev split stays out)."""
    parser = argparse.ArgumentParser(description="Build the Latin character n-gram model from the training pairs.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=Path("models/translit"))
    args = parser.parse_args(argv)
    if not (args.data / "names").is_dir():
        parser.error(f"{args.data}: no names/ folder; pass --data PATH to the shared data")
    train_pairs, _, _ = load_splits(args.data)
    lm = build_latin_lm(train_pairs)
    args.out.mkdir(parents=True, exist_ok=True)
    lm.save(args.out / FILENAME)
    print(f"{args.out / FILENAME}: {len(lm.gram_codes)} n-grams, {len(lm.ctx_codes)} contexts", file=sys.stderr)


if __name__ == "__main__":
    main()
