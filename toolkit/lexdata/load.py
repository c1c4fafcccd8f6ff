"""Reading lexicon files (TSV, CSV, JSONL) into :class:`~toolkit.lexdata.schema.Entry` records.

Why strict: a file that cannot be read as a table (bad UTF-8, a row with the wrong
number of fields, a header without ``id``) stops here with the file, line and reason,
before anything is indexed.  Softer problems (unknown columns, empty parts in a
multi-valued field, stray spaces) come back as warnings for the validator to show.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

from .errors import Issue, LexiconError
from .schema import COLUMNS, DEFAULT_TYPE, MULTI_COLUMNS, MULTI_SEP, Entry, split_multi

FORMATS = ("tsv", "csv", "jsonl")


def detect_format(path: Path) -> str:
    """The format from the extension: ``.tsv``/``.tab``/``.txt`` TSV, ``.csv``, ``.jsonl``/``.ndjson``/``.json``."""
    suffix = path.suffix.lower()
    if suffix in (".csv",):
        return "csv"
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    return "tsv"


def read_text(path: Path) -> str:
    """The whole file as text, or a :class:`LexiconError` naming file and line."""
    src = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LexiconError(Issue("error", src, 0, "", "no such file")) from None
    except IsADirectoryError:
        raise LexiconError(Issue("error", src, 0, "", "is a directory, expected a lexicon file")) from None
    except OSError as exc:
        raise LexiconError(Issue("error", src, 0, "", f"cannot read: {exc.strerror}")) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LexiconError(Issue("error", src, line, "", f"invalid UTF-8 at byte {exc.start}")) from None


class LoadResult:
    """Entries read from one file, the warnings met on the way, and whether the file
    uses the full curated header (then ids must follow the curated id format)."""

    __slots__ = ("entries", "warnings", "curated", "source")

    def __init__(self, source: str, entries: list[Entry], warnings: list[Issue], curated: bool) -> None:
        self.source = source
        self.entries = entries
        self.warnings = warnings
        self.curated = curated


def load_file(path: Path | str, fmt: str | None = None) -> LoadResult:
    """Read one lexicon file.  Raises :class:`LexiconError` when it is malformed."""
    path = Path(path)
    fmt = fmt or detect_format(path)
    if fmt not in FORMATS:
        raise LexiconError(Issue("error", str(path), 0, "", f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}"))
    text = read_text(path)
    rows = _json_rows(path, text) if fmt == "jsonl" else _table_rows(path, text, fmt)
    src = str(path)
    header: list[str] | None = None
    entries: list[Entry] = []
    warnings: list[Issue] = []
    curated = fmt == "tsv"
    for line, row in rows:
        if header is None:
            header = _check_header(src, line, row if isinstance(row, list) else list(row), warnings)
            curated = fmt != "jsonl" and tuple(header) == COLUMNS
            continue
        if isinstance(row, list):
            if len(row) != len(header):
                raise LexiconError(
                    Issue("error", src, line, "", f"expected {len(header)} tab-separated fields as in the header, found {len(row)}")
                    if fmt == "tsv"
                    else Issue("error", src, line, "", f"expected {len(header)} fields as in the header, found {len(row)}")
                )
            record: dict[str, object] = dict(zip(header, row))
        else:
            record = row
        entries.append(_entry(src, line, record, warnings))
    if header is None:
        raise LexiconError(Issue("error", src, 0, "", "empty lexicon: no header line"))
    return LoadResult(src, entries, warnings, curated)


def _table_rows(path: Path, text: str, fmt: str) -> Iterator[tuple[int, list[str]]]:
    src = str(path)
    if fmt == "tsv":
        for number, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            yield number, raw.split("\t")
        return
    # CSV: the csv module handles quoted fields; line numbers come from the reader.
    lines = [ln for ln in text.splitlines(keepends=True)]
    reader = csv.reader(io.StringIO("".join(lines)))
    try:
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            if not row or (len(row) == 1 and not row[0].strip()) or row[0].lstrip().startswith("#"):
                continue
            yield start, row
    except csv.Error as exc:
        raise LexiconError(Issue("error", src, reader.line_num, "", f"malformed CSV: {exc}")) from None


def _json_rows(path: Path, text: str) -> Iterator[tuple[int, dict[str, object] | list[str]]]:
    src = str(path)
    first = True
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise LexiconError(Issue("error", src, number, "", f"invalid JSON: {exc.msg} at column {exc.colno}")) from None
        if not isinstance(obj, dict):
            raise LexiconError(Issue("error", src, number, "", f"expected a JSON object, found {type(obj).__name__}"))
        if first:
            # The header of a JSONL file is the union of the keys of its first object.
            yield number, list(obj.keys())
            first = False
        yield number, obj


def _check_header(src: str, line: int, header: list[str], warnings: list[Issue]) -> list[str]:
    names = [h.strip().lower() for h in header]
    if "id" not in names:
        raise LexiconError(Issue("error", src, line, "", f"header has no 'id' column (found: {', '.join(header) or 'nothing'})"))
    if "en" not in names and "ar" not in names:
        raise LexiconError(Issue("error", src, line, "", "header needs an 'en' or an 'ar' column"))
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise LexiconError(Issue("error", src, line, name, "column appears twice in the header"))
        seen.add(name)
    for name in names:
        if name not in COLUMNS:
            warnings.append(Issue("warning", src, line, name, "unknown column, ignored"))
    return names


def _as_text(src: str, line: int, field: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise LexiconError(Issue("error", src, line, field, f"expected text, found {type(value).__name__}"))


def _multi(src: str, line: int, field: str, value: object, warnings: list[Issue]) -> tuple[str, ...]:
    if isinstance(value, list):
        parts = [_as_text(src, line, field, v).strip() for v in value]
        if any(not p for p in parts):
            warnings.append(Issue("warning", src, line, field, "empty value in the list, ignored"))
        return tuple(p for p in parts if p)
    text = _as_text(src, line, field, value)
    if not text.strip():
        return ()
    parts_raw = text.split(MULTI_SEP) if MULTI_SEP in text else text.split("|")
    if "|" in text and MULTI_SEP not in text:
        warnings.append(Issue("warning", src, line, field, "values separated by '|' without spaces; use ' | '"))
    if any(not p.strip() for p in parts_raw):
        warnings.append(Issue("warning", src, line, field, "empty value between separators, ignored"))
    return split_multi(text)


def _entry(src: str, line: int, record: dict[str, object], warnings: list[Issue]) -> Entry:
    rec = {str(k).strip().lower(): v for k, v in record.items()}
    values: dict[str, object] = {}
    for col in COLUMNS:
        raw = rec.get(col)
        if col in MULTI_COLUMNS:
            values[col] = _multi(src, line, col, raw, warnings)
        else:
            text = _as_text(src, line, col, raw)
            if text != text.strip() or "  " in text:
                warnings.append(Issue("warning", src, line, col, "leading, trailing or doubled spaces"))
            values[col] = " ".join(text.split())
    if not values["type"]:
        values["type"] = DEFAULT_TYPE if "type" not in rec else ""
    else:
        values["type"] = str(values["type"]).upper() if str(values["type"]).upper() in ("PER", "ORG", "LOC", "MISC") else values["type"]
    return Entry(source=src, line=line, **values)  # type: ignore[arg-type]
