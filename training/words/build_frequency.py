"""Build ``models/words/ar_frequency.tsv``: Arabic words and their Zipf frequencies.

    pip download wordfreq==3.1.1 --no-deps -d /tmp/wf && unzip -o /tmp/wf/wordfreq-3.1.1-*.whl -d /tmp/wf
    python training/words/build_frequency.py --source /tmp/wf/wordfreq/data/large_ar.msgpack.gz

(or ``pip install wordfreq`` and leave ``--source`` out). Source: wordfreq 3.1.1's large
Arabic list (Robyn Speer; Wikipedia, subtitles, news, web text; data CC BY-SA 4.0), a
msgpack file of frequency buckets: bucket ``i`` holds the words of frequency 10^(-i/100).
Each word is search-normalized (``toolkit.normalize``), the frequencies of words that fold
together are summed, and the words of Zipf frequency (log10 of the frequency per billion
words) at least ``--min-zipf`` are written, ``word<TAB>zipf`` a line, sorted. The table
feeds the run-together text detector (``toolkit/normalize/glued.py``); nothing in the
runtime reads wordfreq itself.
"""

from __future__ import annotations

import argparse
import gzip
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from toolkit.normalize import normalize_arabic  # noqa: E402

#: Zipf 2.5 keeps about 98,000 words (1.6 MB): the names a run-together report holds
#: (هارفارد 3.9, تلغراف 3.1, باريرا 2.8) and every common word.
MIN_ZIPF = 2.5


def _source(given: Path | None) -> Path:
    if given:
        return given
    import importlib.util

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.origin:
        raise SystemExit("wordfreq is not installed: pip install wordfreq, or give --source large_ar.msgpack.gz")
    return Path(spec.origin).parent / "data" / "large_ar.msgpack.gz"


def read_buckets(path: Path) -> dict[str, float]:
    """Search-normalized word -> frequency (a share of all words), summed over forms."""
    import msgpack

    with gzip.open(path) as fh:
        header, *buckets = msgpack.load(fh, raw=False)
    if header.get("format") != "cB":
        raise SystemExit(f"{path}: not a wordfreq centibel list (header {header!r})")
    freq: dict[str, float] = {}
    for i, words in enumerate(buckets):
        f = 10 ** (-i / 100)
        for w in words:
            key = normalize_arabic(w, "search")
            if len(key) >= 2 and all("\u0621" <= c <= "\u064a" for c in key):
                freq[key] = freq.get(key, 0.0) + f
    return freq


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", type=Path, help="wordfreq's large_ar.msgpack.gz (default: the installed wordfreq's)")
    ap.add_argument("--min-zipf", type=float, default=MIN_ZIPF)
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "words" / "ar_frequency.tsv")
    args = ap.parse_args(argv)
    freq = read_buckets(_source(args.source))
    rows = sorted((w, math.log10(f * 1e9)) for w, f in freq.items())
    kept = [(w, z) for w, z in rows if z >= args.min_zipf]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(f"{w}\t{z:.2f}\n" for w, z in kept), encoding="utf-8")
    print(f"{len(kept):,} of {len(rows):,} words -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
