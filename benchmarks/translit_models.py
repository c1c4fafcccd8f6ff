"""Two or more transliteration models on the same held-out sets: is a retrained model better?

    python benchmarks/translit_models.py models/translit /tmp/trA /tmp/trB [--limit N]

Each model directory is measured the way ``benchmarks/translit.py`` measures the shipped one
on held-out sets: the attested table of the training split (the shipped one knows the
held-out forms), no name dictionary, no lexicon, beam 5. Sets: the Wikidata dev split and the
google test file (Arabic → Latin, and their attested spellings Latin → Arabic), and ANETAC
dev (``names/anetac_dev.tsv``, 1,002 mostly foreign names, both ways), whose Arabic forms
``training.translit.pairs.anetac_training_pairs`` keeps out of training. Top-1 and top-5.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import translit as tb  # noqa: E402  (benchmarks/translit.py)


def anetac_dev(data: Path, limit: int | None) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """ANETAC dev both ways: Arabic → its folded English, English → its folded Arabic."""
    from toolkit.normalize.arabic import normalize_arabic

    ar2lat: dict[str, set[str]] = {}
    lat2ar: dict[str, set[str]] = {}
    for line in (data / "names" / "anetac_dev.tsv").open(encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            continue
        en, ar = parts[0].strip(), parts[1].strip()
        ar2lat.setdefault(ar, set()).add(tb.fold(en))
        lat2ar.setdefault(en, set()).add(normalize_arabic(ar, "match").replace(" ", ""))
    if limit:
        ar2lat = dict(list(ar2lat.items())[:limit])
        lat2ar = dict(list(lat2ar.items())[:limit])
    return ar2lat, lat2ar


def engine(model_dir: Path, data: Path) -> object:
    from toolkit.translit import Transliterator

    return Transliterator(model_dir=model_dir, use_lexicon=False, memory=tb.training_memory(data),  # type: ignore[arg-type]
                          name_dictionary=False, beams=5)


def run(eng: object, names: list[str], to: str) -> list[list[str]]:
    return [[c.text for c in cands] for cands in eng.transliterate_many(names, to, top=5)]  # type: ignore[attr-defined]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("models", type=Path, nargs="+", help="model directories (model files and vocabulary)")
    ap.add_argument("--data", type=Path, default=tb.DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="first N forms of each set")
    args = ap.parse_args()
    wiki, google = tb.load_ar2lat(args.data, args.limit)
    wiki_l, google_l = tb.load_lat2ar(args.data, args.limit)
    an_ar, an_lat = anetac_dev(args.data, args.limit)
    print("| model | Wikidata dev ar→lat top-1 / top-5 | google test ar→lat | ANETAC dev ar→lat | "
          "Wikidata dev lat→ar | google test lat→ar | ANETAC dev lat→ar |")
    print("|---|---|---|---|---|---|---|")
    for model_dir in args.models:
        eng = engine(model_dir, args.data)
        cells = []
        for gold in (wiki, google, an_ar):
            t1, t5, _ = tb.score_lat(run(eng, list(gold), "latin"), list(gold.values()))
            cells.append(f"{t1:.3f} / {t5:.3f}")
        for gold in (wiki_l, google_l, an_lat):
            t1, t5 = tb.score_ar(run(eng, list(gold), "arabic"), list(gold.values()))
            cells.append(f"{t1:.3f} / {t5:.3f}")
        print(f"| {model_dir} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
