"""Build ``models/ner/ar_person_words.txt``: Arabic words attested in person names.

    python training/ner/build_wordlists.py [--data ../shared/data] [--min-count 2]

Source: ``names/wikidata_arabic_to_english_variants.tsv`` (Wikidata person-name tokens,
CC0 1.0): every Arabic token whose total count over Wikidata person labels is at least
``--min-count`` (count-1 rows are mostly word-alignment noise, see the data README),
search-normalized, one a line, sorted. Arabic has no capital letters, so "this word is
part of person names" is the strongest single PER cue the Arabic CRF can get; the runtime
reads the list as a feature (toolkit/ner/wordlists.py), the CRF decides how much it weighs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from toolkit.normalize import normalize_arabic  # noqa: E402

#: Tokens kept: Wikidata total count >= this (2 keeps 14,856 of 50,801 rows).
MIN_COUNT = 2


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--min-count", type=int, default=MIN_COUNT)
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "ner" / "ar_person_words.txt")
    args = ap.parse_args(argv)
    words: set[str] = set()
    with open(args.data / "names" / "wikidata_arabic_to_english_variants.tsv", encoding="utf-8") as fh:
        next(fh)  # header: arabic, n_english, total_count, english_counts
        for line in fh:
            arabic, _n, total, *_rest = line.rstrip("\n").split("\t")
            if int(total) >= args.min_count:
                w = normalize_arabic(arabic, "search")
                if len(w) >= 2 and " " not in w:
                    words.add(w)
    args.out.write_text("".join(w + "\n" for w in sorted(words)), encoding="utf-8")
    print(f"{len(words):,} words -> {args.out} ({args.out.stat().st_size / 1e3:.0f} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
