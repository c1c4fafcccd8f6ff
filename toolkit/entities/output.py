"""Writing an entity list: JSON (DESIGN.md), CSV (one row per mention), Markdown, a table.

Why one row per mention in CSV: a data engineer joins mentions to documents by offset;
the entity columns repeat on each row so a spreadsheet filter on ``id`` gives an entity.
"""

from __future__ import annotations

import csv
import io
import json

from .model import EntityList

CSV_COLUMNS = (
    "id", "type", "en", "ar", "confidence", "lang", "start", "end", "text", "sentence", "source",
    "variants_en", "variants_ar", "suggested_en", "suggested_ar",
)


def _name(written: str, suggested: tuple) -> str:
    """A name with evidence as it is; else the best suggestion marked as a guess ("≈ ")."""
    if written:
        return written
    return f"≈ {suggested[0].text}" if suggested else "-"


def to_json(entities: EntityList, indent: int | None = None) -> str:
    return json.dumps(entities.to_dict(), ensure_ascii=False, indent=indent)


def to_csv(entities: EntityList) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for e in entities:
        for m in e.mentions:
            w.writerow([
                e.id, e.type, e.en, e.ar, f"{e.confidence:.3f}", m.lang, m.start, m.end, m.text,
                m.sentence, m.source, " | ".join(e.variants_en), " | ".join(e.variants_ar),
                " | ".join(x.text for x in e.suggested_en), " | ".join(x.text for x in e.suggested_ar),
            ])
    return buf.getvalue()


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(entities: EntityList) -> str:
    lines = [
        "| id | type | English | Arabic | variants | mentions (en/ar) | confidence |",
        "|---|---|---|---|---|---|---|",
    ]
    for e in entities:
        n_en = sum(1 for m in e.mentions if m.lang == "en")
        n_ar = sum(1 for m in e.mentions if m.lang == "ar")
        variants = ", ".join([*e.variants_en, *e.variants_ar])
        lines.append(
            f"| `{_md(e.id)}` | {e.type} | {_md(_name(e.en, e.suggested_en))} | {_md(_name(e.ar, e.suggested_ar))} "
            f"| {_md(variants)} | {n_en}/{n_ar} | {e.confidence:.2f} |"
        )
    return "\n".join(lines) + "\n"


def to_table(entities: EntityList) -> str:
    """A plain aligned table for the terminal (no colour, safe to pipe). A name neither
    report nor the lexicon writes shows its best transliteration marked "≈ " (a guess)."""
    rows = [("TYPE", "ENGLISH", "ARABIC", "EN/AR", "CONF", "ID")]
    for e in entities:
        n_en = sum(1 for m in e.mentions if m.lang == "en")
        n_ar = sum(1 for m in e.mentions if m.lang == "ar")
        rows.append((e.type, _name(e.en, e.suggested_en), _name(e.ar, e.suggested_ar), f"{n_en}/{n_ar}",
                     f"{e.confidence:.2f}", e.id))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    out = []
    for r in rows:
        out.append("  ".join(c.ljust(widths[i]) for i, c in enumerate(r[:-1])) + "  " + r[-1])
    return "\n".join(out) + "\n"
