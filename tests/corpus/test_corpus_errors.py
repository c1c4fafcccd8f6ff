"""Bad records: every good record kept, every bad one reported with its line, counts add up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.corpus import normalize_file

from corpus_data import make_records

BAD = [
    (b'{"title": "broken\n', "invalid JSON"),
    (b'{"title": "\xff\xfe bad utf8"}\n', "invalid UTF-8"),
    (b"\n", "blank line"),
    (b"[1, 2, 3]\n", "not a JSON object"),
    (b'{"title": "' + b"x" * 3000 + b'"}\n', "record longer than 1000 bytes"),
]


def _salted(path: Path) -> tuple[list[dict], dict[int, str]]:
    good = make_records(200)
    bad_at: dict[int, str] = {}
    line = 0
    with open(path, "wb") as f:
        for i, rec in enumerate(good):
            if i % 37 == 5:
                raw, why = BAD[len(bad_at) % len(BAD)]
                line += 1
                f.write(raw)
                bad_at[line] = why
            line += 1
            f.write((json.dumps(rec, ensure_ascii=False) + "\n").encode())
        f.write(b'{"title": "no newline at the end"')  # broken last line without \n
        bad_at[line + 1] = "invalid JSON"
    return good, bad_at


@pytest.mark.parametrize("mode", ["pass", "skip"])
@pytest.mark.parametrize("workers", [1, 2])
def test_salted_corpus(tmp_path: Path, mode: str, workers: int) -> None:
    src = tmp_path / "salted.jsonl"
    good, bad_at = _salted(src)
    out = tmp_path / "out.jsonl"
    s = normalize_file(src, out, fields=["title"], workers=workers, on_error=mode,  # type: ignore[arg-type]
                       max_record_bytes=1000, chunk_bytes=4096)
    errors = [json.loads(x) for x in (tmp_path / "out.jsonl.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [e["line"] for e in errors] == sorted(bad_at), "every bad record reported once, with its line"
    for e in errors:
        assert e["file"] == str(src) and bad_at[e["line"]] in e["reason"]
    lines = out.read_bytes().splitlines(keepends=True)
    kept = [json.loads(x) for x in lines if x.startswith(b'{"id"')]
    assert [k["id"] for k in kept] == [g["id"] for g in good], "every good record kept, in order"
    assert s.records_in == len(good) + len(bad_at)
    assert s.errors == len(bad_at)
    assert s.records_in == s.records_out + s.skipped
    assert s.records_out == len(lines)
    assert all(e["action"] == mode for e in errors)
    if mode == "skip":
        assert s.skipped == len(bad_at)
    else:
        # passed through untouched, byte for byte, the oversized ones included
        assert s.skipped == 0
        for raw, _ in BAD:
            assert raw in lines
        assert lines[-1] == b'{"title": "no newline at the end"\n'
        assert not list(tmp_path.glob(".*spill*")), "spill files are removed"


@pytest.mark.parametrize("ext", ["", ".gz"])
def test_oversized_records_pass_through_without_loading(tmp_path: Path, ext: str) -> None:
    """Records larger than the limit are streamed from disk, in their place, byte for byte."""
    import gzip

    big = b'{"title": "' + "أ".encode() * 50_000 + b'"}'
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"title": "a"}\n' + big + b'\n{"title": "b"}\n' + big)  # the last one without \n
    out = tmp_path / f"out.jsonl{ext}"
    s = normalize_file(src, out, fields=["title"], workers=2, max_record_bytes=1000, chunk_bytes=10)
    data = gzip.decompress(out.read_bytes()) if ext else out.read_bytes()
    assert data == b'{"title": "a", "title_norm": "a"}\n' + big + b'\n{"title": "b", "title_norm": "b"}\n' + big + b"\n"
    assert (s.records_in, s.records_out, s.errors, s.skipped) == (4, 4, 2, 0)
    assert not list(tmp_path.glob(".*spill*"))


def test_csv_wrong_column_count(tmp_path: Path) -> None:
    src = tmp_path / "n.csv"
    src.write_bytes(b'id,name\n1,a\n2,b,c\n3\n4,"\xff"\n5,e\n')
    s = normalize_file(src, tmp_path / "o.csv", fields=["name"], on_error="skip", workers=1)
    errors = [json.loads(x) for x in (tmp_path / "o.csv.errors.jsonl").read_text().splitlines()]
    assert [(e["line"], e["reason"].split(":")[0]) for e in errors] == [
        (3, "wrong column count"), (4, "wrong column count"), (5, "invalid UTF-8 at byte 3")]
    assert (tmp_path / "o.csv").read_text().splitlines() == ["id,name,name_norm", "1,a,a", "5,e,e"]
    assert (s.records_in, s.records_out, s.skipped) == (5, 2, 3)
