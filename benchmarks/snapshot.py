"""Every output the benchmarks score, written to one JSONL file, for before/after diffs.

Why: a refactor must leave behaviour unchanged, and an accuracy number can stay the same
while the outputs behind it move. This writes the outputs themselves (transliteration
candidates with scores and sources, lookup matches, sentence links, entity lists) on the
same public data the benchmarks read, so two runs can be compared with ``cmp``:

    python benchmarks/snapshot.py --out /tmp/before.jsonl      # on the old commit
    python benchmarks/snapshot.py --out /tmp/after.jsonl       # on the new one
    cmp /tmp/before.jsonl /tmp/after.jsonl

The align and entity parts use the hash encoder (no model load: the outputs of the search
and the pipeline, not of the encoder weights) unless ``--encoder`` names another.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def _rows(path: Path, limit: int) -> list[list[str]]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if cols and cols[0]:
                out.append(cols)
            if len(out) >= limit:
                break
    return out


def translit_part(data: Path, limit: int, emit) -> None:
    import toolkit

    names_ar = [r[0] for r in _rows(data / "names" / "google_ar2en_test.tsv", limit)]
    names_ar += [r[0] for r in _rows(ROOT / "benchmarks" / "gold" / "translit_multiword.tsv", limit)]
    names_lat = [r[1] for r in _rows(data / "names" / "google_ar2en_test.tsv", limit) if len(r) > 1]
    for to, names in (("latin", names_ar), ("arabic", names_lat)):
        for name in names:
            cands = toolkit.transliterate(name, to=to, top=5)
            emit("translit", name, [[c.text, round(c.score, 6), c.source] for c in cands])


def lookup_part(data: Path, limit: int, emit) -> None:
    import toolkit

    queries = [r[1] for r in _rows(data / "names" / "google_ar2en_test.tsv", limit) if len(r) > 1]
    queries += ["Kataeb Hezbollah", "Kata'ib Hizballah", "KH", "كتائب حزب الله", "Hashd al-Shaabi",
                "محمد شياع السوداني", "Mohammed Shiaa al-Sudani", "Naim Qassem", "Al-Araby Al-Jadeed"]
    for q in queries:
        emit("lookup", q, [[m.id, round(m.score, 6), m.why] for m in toolkit.lookup(q, top=5)])


def _docs(data: Path, limit: int) -> list[tuple[str, str, str]]:
    folder = data / "align" / "ntrex"
    docs = [(ROOT / "examples" / "report_en.txt", ROOT / "examples" / "report_ar.txt", "example")]
    for d in sorted(folder.iterdir())[:limit]:
        docs.append((d / "doc_en.txt", d / "doc_ar.txt", d.name))
    return [(en.read_text(encoding="utf-8"), ar.read_text(encoding="utf-8"), name) for en, ar, name in docs]


def align_part(data: Path, limit: int, encoder: str, emit) -> None:
    from toolkit.align import align_reports

    for en, ar, name in _docs(data, limit):
        result = align_reports(en, ar, encoder=encoder)
        emit("align", name, [[list(l.en), list(l.ar), round(l.score, 6)] for l in result.links])


def entities_part(data: Path, limit: int, encoder: str, emit) -> None:
    from toolkit.entities import extract_entities

    for en, ar, name in _docs(data, limit):
        ents = extract_entities(en, ar, encoder=encoder)
        emit("entities", name, ents.to_dict())
        emit("entities-en", name, extract_entities(en, None).to_dict())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--limit", type=int, default=300, help="names per transliteration/lookup set")
    ap.add_argument("--docs", type=int, default=57, help="NTREX documents for align and entities")
    ap.add_argument("--encoder", default="hash")
    ap.add_argument("--only", action="append", choices=("translit", "lookup", "align", "entities"))
    args = ap.parse_args()
    parts = args.only or ["translit", "lookup", "align", "entities"]
    with args.out.open("w", encoding="utf-8") as out:

        def emit(part: str, key: str, value: object) -> None:
            out.write(json.dumps({"part": part, "key": key, "value": value}, ensure_ascii=False, sort_keys=True) + "\n")

        if "translit" in parts:
            translit_part(args.data, args.limit, emit)
        if "lookup" in parts:
            lookup_part(args.data, args.limit, emit)
        if "align" in parts:
            align_part(args.data, args.docs, args.encoder, emit)
        if "entities" in parts:
            entities_part(args.data, args.docs, args.encoder, emit)
    print(f"snapshot written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
