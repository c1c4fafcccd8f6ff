"""Whole-name transliteration on the hand-written gold of issue 16: people and organizations.

    python benchmarks/translit_names.py                    # dev split, every system
    python benchmarks/translit_names.py --misses press     # dev, and each top-1 miss of the press style
    python benchmarks/translit_names.py --split heldout    # the held-out split: run once, at the end
    python benchmarks/translit_names.py --split heldout2   # held-out 2 (2026-12-07, 113 names): run once
    python benchmarks/translit_names.py --split heldout3   # held-out 3 (2026-12-07, 108 names): run once
    python benchmarks/translit_names.py --split heldout4   # held-out 4 (2026-12-07, 109 names): run once
    python benchmarks/translit_names.py --split heldout5   # held-out 5 (2026-12-07, 111 names): run once
    python benchmarks/translit_names.py --split heldout6   # held-out 6 (2026-12-07, 106 names): run once
    python benchmarks/translit_names.py --split heldout7   # held-out 7 (2026-12-07, 109 names): run once
    python benchmarks/translit_names.py --split heldout8   # held-out 8 (2026-12-07, 108 names): run once
    python benchmarks/translit_names.py --split heldout9   # held-out 9 (2026-12-07, 107 names): run once
    python benchmarks/translit_names.py --split heldout10  # held-out 10 (2026-12-07, 106 names): run once
    python benchmarks/translit_names.py --split heldout11  # held-out 11 (2026-12-07, 107 names): run once
    python benchmarks/translit_names.py --split heldout12  # held-out 12 (2026-12-07, 111 names): run once
    python benchmarks/translit_names.py --split heldout13  # held-out 13 (2026-12-07, 110 names): run once
    python benchmarks/translit_names.py --split heldout14  # held-out 14 (2026-12-07, 111 names): run once
    python benchmarks/translit_names.py --split heldout15  # held-out 15 (2026-12-07, 107 names): run once

Gold: ``benchmarks/gold/translit_names_{dev,heldout}.tsv`` (written by hand before any tuning;
columns and conventions in ``benchmarks/gold/README.md``). Each row is a multi-word Arabic
name with its spellings in three styles (press, official, scholarly), the translations the
press uses (organizations) and one word class per Arabic word.

Scoring, as the gold README suggests: a candidate matches a spelling when the two are equal
ignoring case, accents, hyphens, apostrophes, ʿ/ʾ and spaces (``translit.fold``).

- Arabic → Latin, per style: the toolkit asked for that style (``style=``) against that
  column; top-1 and top-5 over the whole name (every word right). The peer,
  arabic-name-romanizer (the best peer of ``benchmarks/translit.py``), has no styles: it is
  scored against each column as it is.
- Latin → Arabic: every press and official spelling of a row is a query, right when the
  candidate equals the row's Arabic after ``normalize_arabic(..., "match")`` with spaces
  removed (ICU Latin-Arabic, the only peer, gets none right on these names).
- Translations (organizations with a ``translation``): the share whose top-5 holds a
  candidate of source ``translation`` equal to one of the press's translations, and the
  number of rows where a translation is listed first (it should not be: a translation is
  offered, marked, below the spellings).
- ANETAC dev (``../shared/data/names/anetac_dev.tsv``, English–Arabic named-entity pairs,
  mostly foreign names; read by path, never shipped): top-1 both ways, the shipped model
  as it is (it was not retrained on ANETAC's training part). ``--no-anetac`` skips it.
- Not spellings: candidates of source ``lexicon`` that are not a spelling of the query
  (similarity below the transliterator's gate) are counted; the issue asks for zero.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from translit import fold  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold"
STYLES = ("press", "official", "scholarly")


@dataclass(frozen=True)
class Row:
    """One gold name: the Arabic, its kind, the spellings of each style (raw), the press's
    translations and the word classes."""

    arabic: str
    kind: str
    spellings: dict[str, tuple[str, ...]]
    translations: tuple[str, ...]
    word_classes: tuple[str, ...]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in cell.split("|") if s.strip())


def load(split: str) -> list[Row]:
    """The rows of ``translit_names_<split>.tsv``."""
    path = GOLD / f"translit_names_{split}.tsv"
    lines = [ln.rstrip("\n") for ln in path.open(encoding="utf-8") if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = dict(zip(header, line.split("\t")))
        rows.append(Row(
            arabic=cells["arabic"].strip(),
            kind=cells["kind"].strip(),
            spellings={s: _split(cells.get(s, "")) for s in STYLES},
            translations=_split(cells.get("translation", "")),
            word_classes=tuple(cells.get("word_classes", "").split()),
        ))
    return rows


Candidates = list[list[tuple[str, str]]]  # per name: (text, source), best first
System = Callable[[list[str]], Candidates]


def toolkit_system(to: str, style: str | None, use_lexicon: bool = True) -> System:
    """The shipped transliterator (lexicon, dictionary and model), asked for ``style`` when the
    installed version knows styles."""
    import inspect

    from toolkit.translit import Transliterator

    engine = Transliterator(use_lexicon=use_lexicon)
    takes_style = "style" in inspect.signature(engine.transliterate_many).parameters

    def run(names: list[str]) -> Candidates:
        kwargs = {"style": style} if takes_style and style else {}
        out = engine.transliterate_many(names, to, top=5, **kwargs)  # type: ignore[arg-type]
        return [[(c.text, c.source) for c in cands] for cands in out]

    return run


def peer_system() -> System | str:
    try:
        import arabic_name_romanizer as anr
    except ImportError as exc:
        return f"not installed ({exc})"
    return lambda names: [[(c.text, "peer") for c in cs] for cs in anr.transliterate_many(names, top_k=5)]


def spellings_only(cands: list[tuple[str, str]]) -> list[str]:
    """The candidates that claim to spell the name (a translation is not one)."""
    return [text for text, source in cands if source != "translation"]


def score_latin(outputs: Candidates, golds: list[set[str]]) -> tuple[float, float]:
    top1 = top5 = 0
    for out, gold in zip(outputs, golds):
        folded = [fold(t) for t in spellings_only(out)]
        top1 += bool(folded) and folded[0] in gold
        top5 += any(f in gold for f in folded[:5])
    n = max(1, len(golds))
    return top1 / n, top5 / n


def arabic_key(text: str) -> str:
    from toolkit.normalize.arabic import normalize_arabic

    return normalize_arabic(text, "match").replace(" ", "")


def not_spellings(queries: list[str], outputs: Candidates) -> list[tuple[str, str]]:
    """(query, candidate) pairs of source ``lexicon`` that do not spell the query."""
    from toolkit.normalize.keys import similarity
    from toolkit.translit.params import DEFAULT_PARAMS

    gate = getattr(DEFAULT_PARAMS, "lexicon_spelling", 0.88)
    return [(q, t) for q, out in zip(queries, outputs) for t, s in out if s == "lexicon" and similarity(q, t) < gate]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15"), default="dev")
    ap.add_argument("--misses", choices=STYLES + ("arabic",), help="print the top-1 misses of this style (dev only)")
    ap.add_argument("--kind", choices=("person", "org"), help="only rows of this kind")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--no-anetac", action="store_true", help="skip the ANETAC dev rows")
    args = ap.parse_args(argv)
    if args.misses and args.split != "dev":
        ap.error("misses are printed for dev only: the held-out split is run once and not looked through")
    rows = [r for r in load(args.split) if not args.kind or r.kind == args.kind]
    names = [r.arabic for r in rows]
    print(f"split {args.split}: {len(rows)} names ({sum(r.kind == 'person' for r in rows)} person, "
          f"{sum(r.kind == 'org' for r in rows)} org)\n")

    print("Arabic → Latin, whole name (spellings only; translations not counted)\n")
    print("| system | style asked | press top-1 | top-5 | official top-1 | top-5 | scholarly top-1 | top-5 | s |")
    print("|---|---|---|---|---|---|---|---|---|")
    golds = {s: [{fold(x) for x in r.spellings[s]} for r in rows] for s in STYLES}
    keep: dict[str, Candidates] = {}
    lexicon_not_spellings: list[tuple[str, str]] = []
    for label, style, lexicon in (("toolkit", "press", True), ("toolkit", "official", True),
                                  ("toolkit", "scholarly", True), ("toolkit, lexicon off", "press", False)):
        t0 = time.perf_counter()
        out = toolkit_system("latin", style, lexicon)(names)
        secs = time.perf_counter() - t0
        if lexicon:
            keep[style] = out
            lexicon_not_spellings += not_spellings(names, out)
        cells = []
        for s in STYLES:
            top1, top5 = score_latin(out, golds[s])
            mark = "**" if s == style else ""
            cells += [f"{mark}{top1:.3f}{mark}", f"{top5:.3f}"]
        print(f"| {label} | {style} | " + " | ".join(cells) + f" | {secs:.1f} |", flush=True)
    peer = peer_system()
    if isinstance(peer, str):
        print(f"| arabic-name-romanizer | – | {peer} | | | | | | |")
    else:
        t0 = time.perf_counter()
        out = peer(names)
        secs = time.perf_counter() - t0
        cells = []
        for s in STYLES:
            top1, top5 = score_latin(out, golds[s])
            cells += [f"{top1:.3f}", f"{top5:.3f}"]
        print("| arabic-name-romanizer 0.2 | – | " + " | ".join(cells) + f" | {secs:.1f} |")

    orgs = [(k, r) for k, r in enumerate(rows) if r.translations]
    if orgs:
        out = keep["press"]
        found = first = 0
        for k, r in orgs:
            want = {fold(t) for t in r.translations}
            found += any(s == "translation" and fold(t) in want for t, s in out[k][:5])
            first += bool(out[k]) and out[k][0][1] == "translation"
        print(f"\ntranslations (press style): {found}/{len(orgs)} organizations with a press translation have it "
              f"in the top 5 as source 'translation'; listed first: {first}")
    print(f"lexicon candidates that do not spell the query (Arabic → Latin, three styles): {len(lexicon_not_spellings)}")
    for q, t in lexicon_not_spellings[:10]:
        print(f"  {q} -> {t}")

    print("\nLatin → Arabic, whole name (every press and official spelling as a query)\n")
    queries: list[tuple[str, str]] = []
    for r in rows:
        seen = set()
        for s in ("press", "official"):
            for spelling in r.spellings[s]:
                if spelling not in seen:
                    seen.add(spelling)
                    queries.append((spelling, arabic_key(r.arabic)))
    print("| system | top-1 | top-5 | queries | s |")
    print("|---|---|---|---|---|")
    reverse_misses = []
    for label, lexicon in (("toolkit", True), ("toolkit, lexicon off", False)):
        t0 = time.perf_counter()
        out = toolkit_system("arabic", None, lexicon)([q for q, _ in queries])
        secs = time.perf_counter() - t0
        top1 = top5 = 0
        for (q, want), cands in zip(queries, out):
            keys = [arabic_key(t) for t in spellings_only(cands)]
            top1 += bool(keys) and keys[0] == want
            top5 += want in keys[:5]
            if label == "toolkit" and not (keys and keys[0] == want):
                reverse_misses.append((q, want, keys[:3]))
        n = max(1, len(queries))
        print(f"| {label} | {top1 / n:.3f} | {top5 / n:.3f} | {len(queries)} | {secs:.1f} |", flush=True)

    anetac = args.data / "names" / "anetac_dev.tsv"
    if not args.no_anetac and anetac.is_file():
        pairs = [ln.rstrip("\n").split("\t") for ln in anetac.open(encoding="utf-8") if "\t" in ln]
        pairs = [(en.strip(), ar.strip()) for en, ar in pairs if en.strip() and ar.strip()]
        lat = toolkit_system("latin", "press")([ar for _, ar in pairs])
        arb = toolkit_system("arabic", None)([en for en, _ in pairs])
        t1_lat = sum(bool(o) and fold(spellings_only(o)[0]) == fold(en) for o, (en, _) in zip(lat, pairs))
        t1_ar = sum(bool(o) and arabic_key(spellings_only(o)[0]) == arabic_key(ar) for o, (_, ar) in zip(arb, pairs))
        n = max(1, len(pairs))
        print(f"\nANETAC dev ({len(pairs)} pairs), shipped model, top-1: Arabic → Latin {t1_lat / n:.3f}, "
              f"Latin → Arabic {t1_ar / n:.3f}")

    if args.misses == "arabic":
        print("\nLatin → Arabic top-1 misses (query, gold key, top 3 keys):")
        for q, want, got in reverse_misses:
            print(f"  {q}\t{want}\t{' | '.join(got)}")
    elif args.misses:
        print(f"\n{args.misses} top-1 misses (Arabic, classes, first gold, top 3):")
        for r, out, gold in zip(rows, keep[args.misses], golds[args.misses]):
            spelled = spellings_only(out)
            if not spelled or fold(spelled[0]) not in gold:
                print(f"  {r.arabic}\t{' '.join(r.word_classes)}\t{r.spellings[args.misses][0]}\t{' | '.join(spelled[:3])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
