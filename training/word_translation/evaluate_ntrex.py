"""In-domain check: project gold English names onto their Arabic sentence in NTREX news.

    nice .venv/bin/python training/word_translation/evaluate_ntrex.py --json /tmp/wt-ntrex.json

Uses the development entity gold only (``benchmarks/gold/ntrex_entities.json`` and
``ntrex_entities_dev3.json``; the held-out gold stays blind). A table is trained for this
check with the gold's documents left out as well (so none of their sentences was seen),
then for every gold entity and every gold-aligned sentence group whose English holds one
of its English names and whose Arabic holds one of its Arabic names, ``best_span`` of the
English name over the Arabic tokens must return that Arabic name (clitics aside: a span
``للأمم المتحدة`` matches the gold ``الأمم المتحدة``). Reported per entity type, with the
table and with sound matching only (no table), so the table's share is visible.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from toolkit.word_translation import PhraseParams, Table, best_span, read_table  # noqa: E402
from toolkit.word_translation.tokens import ar_readings, ar_words, split_article  # noqa: E402
from training.word_translation import corpus  # noqa: E402
from training.word_translation.train import TrainParams, load_pairs, train, write_table  # noqa: E402

DEV_GOLD = ("ntrex_entities.json", "ntrex_entities_dev3.json")


def _key(text: str) -> tuple[str, ...]:
    return tuple(split_article(w)[-1] for w in ar_words(text))


def same_name(span: str, gold: str) -> bool:
    """The span is the gold name up to the clitics on its first word."""
    s, g = _key(span), _key(gold)
    if s == g:
        return True
    words = ar_words(span)
    return len(s) == len(g) and s[1:] == g[1:] and bool(words) and g[0] in ar_readings(words[0])


def cases(docs: list[dict]) -> list[tuple[str, str, list[str], list[str]]]:
    """(type, English name, Arabic tokens, gold Arabic names) per entity and sentence group."""
    out = []
    by_doc: dict[str, list[corpus.Pair]] = defaultdict(list)
    for p in corpus.ntrex():  # held-out documents are not even read
        by_doc[p.key].append(p)
    for doc in docs:
        for ent in doc["entities"]:
            for group in by_doc.get(doc["doc"], []):
                en = next((n for n in ent["en"] if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", group.en)), None)
                ar_norm = " ".join(ar_words(group.ar))
                if en and any(" ".join(ar_words(a)).split()[-1] in ar_norm for a in ent["ar"] if ar_words(a)):
                    out.append((ent["type"], en, group.ar.split(), ent["ar"]))
    return out


def measure(table: Table, items: list, params: PhraseParams) -> dict[str, dict[str, float]]:
    hits: dict[str, list[int]] = defaultdict(list)
    for typ, en, toks, golds in items:
        i, j, _ = best_span(en, toks, params=params, table=table)
        ok = int(j > i and any(same_name(" ".join(toks[i:j]), g) for g in golds))
        hits[typ].append(ok)
        hits["all"].append(ok)
    return {t: {"n": len(v), "exact": round(sum(v) / len(v), 3)} for t, v in sorted(hits.items())}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=Path("/tmp/word_translation_ntrex"))
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    docs = [d for name in DEV_GOLD
            for d in json.loads((corpus.REPO / "benchmarks" / "gold" / name).read_text(encoding="utf-8"))["documents"]]
    dev_ids = {d["doc"] for d in docs}
    pairs = [p for p in load_pairs(TrainParams().sources) if not (p.source == "ntrex" and p.key in dev_ids)]
    table = read_table(write_table(train(pairs, log=lambda *_: None), args.work, {"left_out": sorted(dev_ids)}))
    items = cases(docs)
    empty = Table({}, {}, frozenset(), frozenset(), Path("-"))
    report = {"documents": len(docs), "cases": len(items),
              "with_table": measure(table, items, PhraseParams()),
              "sound_only": measure(empty, items, PhraseParams())}
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
