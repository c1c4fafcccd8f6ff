"""Format check for the whole-name transliteration gold (issue 16).

Why: the files were written by hand; this checks only their form (columns, tags, counts,
duplicates, overlap with the older translit_multiword.tsv), never their spellings, so it can be
run on the held-out file without looking at what is in it. It prints counts only.

Usage: python benchmarks/gold/check_translit_names.py   (exit status 1 when a check fails)
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = {
    "dev": HERE / "translit_names_dev.tsv",
    "heldout": HERE / "translit_names_heldout.tsv",
    "heldout3": HERE / "translit_names_heldout3.tsv",
    "heldout4": HERE / "translit_names_heldout4.tsv",
    "heldout5": HERE / "translit_names_heldout5.tsv",
    "heldout6": HERE / "translit_names_heldout6.tsv",
    "heldout7": HERE / "translit_names_heldout7.tsv",
    "heldout8": HERE / "translit_names_heldout8.tsv",
    "heldout9": HERE / "translit_names_heldout9.tsv",
    "heldout10": HERE / "translit_names_heldout10.tsv",
    "heldout11": HERE / "translit_names_heldout11.tsv",
    "heldout12": HERE / "translit_names_heldout12.tsv",
    "heldout13": HERE / "translit_names_heldout13.tsv",
    "heldout14": HERE / "translit_names_heldout14.tsv",
    "heldout15": HERE / "translit_names_heldout15.tsv",
}
OLDER = HERE / "translit_multiword.tsv"
COLUMNS = ["arabic", "kind", "press", "official", "scholarly", "translation", "word_classes", "notes"]
KINDS = {"person", "org"}
TAGS = {"NAME", "ART_NAME", "NISBA", "ABD", "BIN", "ABU", "AL_FAMILY", "PARTICLE", "CONJ_NAME", "DESC", "NUM"}
MIN_WORDS, MAX_WORDS = 2, 7
MAX_OVERLAP_SHARE = 0.20
OVERLAP_MARK = "translit_multiword.tsv"
INFORMAL_MARK = "informal spelling (no hamza"
HAMZA_SEATS = set("أإآ")  # informal text drops the hamza on alef; ؤ and ئ are kept


def is_arabic_text(text: str) -> bool:
    """True when every character is an Arabic letter/mark or a space (no Latin, digits or tabs)."""
    return all(ch == " " or "\u0600" <= ch <= "\u06ff" for ch in text)


def read_rows(path: Path, errors: list[str]) -> list[dict[str, str]]:
    """The data rows of one file as dicts; format errors are appended to ``errors``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    body = [(n, line) for n, line in enumerate(lines, 1) if line and not line.startswith("#")]
    if not body or body[0][1].split("\t") != COLUMNS:
        errors.append(f"{path.name}: first non-comment line must be the header {COLUMNS}")
        return []
    rows = []
    for n, line in body[1:]:
        fields = line.split("\t")
        if len(fields) != len(COLUMNS):
            errors.append(f"{path.name}:{n}: {len(fields)} columns, expected {len(COLUMNS)}")
            continue
        row = dict(zip(COLUMNS, fields))
        row["_where"] = f"{path.name}:{n}"
        rows.append(row)
    return rows


def check_row(row: dict[str, str], errors: list[str]) -> None:
    """Column-level checks of one row."""
    where = row["_where"]
    for col in ("arabic", "kind", "press", "scholarly", "word_classes"):
        if not row[col].strip():
            errors.append(f"{where}: empty {col}")
    if row["arabic"] != row["arabic"].strip() or "  " in row["arabic"]:
        errors.append(f"{where}: stray spaces in arabic")
    if not is_arabic_text(row["arabic"]):
        errors.append(f"{where}: arabic column holds non-Arabic characters")
    if row["kind"] not in KINDS:
        errors.append(f"{where}: kind {row['kind']!r} not in {sorted(KINDS)}")
    words = row["arabic"].split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        errors.append(f"{where}: {len(words)} Arabic words, expected {MIN_WORDS}-{MAX_WORDS}")
    tags = row["word_classes"].split()
    if len(tags) != len(words):
        errors.append(f"{where}: {len(tags)} word_classes for {len(words)} Arabic words")
    bad = sorted(set(tags) - TAGS)
    if bad:
        errors.append(f"{where}: unknown tags {bad}")
    for col in ("press", "official", "translation"):
        if row[col] and any(not part.strip() for part in row[col].split(" | ")):
            errors.append(f"{where}: empty alternative in {col}")
    if " | " in row["scholarly"]:
        errors.append(f"{where}: scholarly must be one romanization")
    if row["kind"] == "person" and row["translation"]:
        errors.append(f"{where}: translation must be empty for a person")
    if INFORMAL_MARK in row["notes"] and HAMZA_SEATS & set(row["arabic"]):
        errors.append(f"{where}: marked informal (no hamza) but the Arabic has a hamza seat")


def older_names() -> set[str]:
    """Arabic names of translit_multiword.tsv (first column of its data rows)."""
    lines = OLDER.read_text(encoding="utf-8").split("\n")
    body = [line for line in lines if line and not line.startswith("#")]
    return {line.split("\t")[0] for line in body[1:]}


def main() -> int:
    errors: list[str] = []
    by_file = {split: read_rows(path, errors) for split, path in FILES.items()}
    seen: dict[str, str] = {}
    for rows in by_file.values():
        for row in rows:
            check_row(row, errors)
            if row["arabic"] in seen:
                errors.append(f"{row['_where']}: duplicate Arabic name (also {seen[row['arabic']]})")
            seen.setdefault(row["arabic"], row["_where"])
    older = older_names()
    all_rows = [row for rows in by_file.values() for row in rows]
    exact = [row for row in all_rows if row["arabic"] in older]
    marked = [row for row in all_rows if OVERLAP_MARK in row["notes"]]
    for row in exact:
        if OVERLAP_MARK not in row["notes"]:
            errors.append(f"{row['_where']}: in {OLDER.name} but notes do not say so")
    if all_rows and len(marked) > MAX_OVERLAP_SHARE * len(all_rows):
        errors.append(f"{len(marked)} rows tied to {OLDER.name}, over {MAX_OVERLAP_SHARE:.0%}")
    for split, rows in by_file.items():
        kinds = Counter(row["kind"] for row in rows)
        informal = sum("informal spelling" in row["notes"] for row in rows)
        print(f"{split:8s} rows={len(rows):3d} person={kinds['person']:3d} org={kinds['org']:3d} informal={informal}")
    kinds = Counter(row["kind"] for row in all_rows)
    tags = Counter(tag for row in all_rows for tag in row["word_classes"].split())
    print(f"{'total':8s} rows={len(all_rows):3d} person={kinds['person']:3d} org={kinds['org']:3d}")
    print(f"same Arabic as {OLDER.name}: {len(exact)}; rows whose notes tie them to it: {len(marked)}"
          f" ({len(marked) / max(len(all_rows), 1):.1%})")
    print("tags:", " ".join(f"{tag}={tags[tag]}" for tag in sorted(TAGS)))
    for message in errors:
        print("ERROR", message)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
