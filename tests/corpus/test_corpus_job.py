"""The local job: formats, compression, inputs, order, workers, summary."""

from __future__ import annotations

import bz2
import csv
import gzip
import json
import lzma
from pathlib import Path

import pytest
import zstandard

from toolkit.corpus import normalize_file, normalize_records
from toolkit.normalize import normalize

from corpus_data import make_records, write_jsonl

READERS = {
    ".gz": gzip.decompress, ".bz2": bz2.decompress, ".xz": lzma.decompress,
    ".zst": lambda b: zstandard.ZstdDecompressor().stream_reader(b, read_across_frames=True).read(),
}


def _expected_jsonl(records: list[dict], fields=("title", "meta.author")) -> bytes:
    return b"".join(
        (json.dumps(r, ensure_ascii=False) + "\n").encode() for r in normalize_records(records, fields)
    )


def test_jsonl_order_fields_and_summary(tmp_path: Path) -> None:
    recs = make_records(300)
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    s = normalize_file(src, tmp_path / "out.jsonl", fields=["title", "meta.author"], workers=1, chunk_bytes=2048)
    assert (tmp_path / "out.jsonl").read_bytes() == _expected_jsonl(recs)
    assert (s.records_in, s.records_out, s.errors, s.skipped) == (300, 300, 0, 0)
    assert s.changed == sum(normalize(r["title"]) != r["title"] or normalize(r["meta"]["author"]) != r["meta"]["author"] for r in recs)
    assert s.bytes_in == src.stat().st_size
    assert not (tmp_path / "out.jsonl.part").exists() and not (tmp_path / "out.jsonl.part.ckpt").exists()
    assert not (tmp_path / "out.jsonl.errors.jsonl").exists()


@pytest.mark.parametrize("ext", [".gz", ".bz2", ".xz", ".zst"])
def test_compressed_in_and_out_two_workers(tmp_path: Path, ext: str) -> None:
    recs = make_records(200)
    plain = write_jsonl(tmp_path / "in.jsonl", recs)
    comp = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress,
            ".zst": zstandard.ZstdCompressor().compress}[ext]
    src = tmp_path / f"in.jsonl{ext}"
    src.write_bytes(comp(plain.read_bytes()))
    out = tmp_path / f"out.jsonl{ext}"
    normalize_file(src, out, fields=["title", "meta.author"], workers=2, chunk_bytes=4096)
    assert READERS[ext](out.read_bytes()) == _expected_jsonl(recs)


def test_workers_give_identical_bytes(tmp_path: Path, corpus: Path) -> None:
    a, b = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz"
    normalize_file(corpus, a, fields=["body"], workers=1, chunk_bytes=3000, key=True, script=True)
    normalize_file(corpus, b, fields=["body"], workers=2, chunk_bytes=3000, key=True, script=True)
    assert a.read_bytes() == b.read_bytes()


def test_directory_and_glob_inputs_in_sorted_order(tmp_path: Path) -> None:
    d = tmp_path / "d"
    (d / "sub").mkdir(parents=True)
    r1, r2, r3 = make_records(5, 1), make_records(5, 2), make_records(5, 3)
    write_jsonl(d / "b.jsonl", r2)
    write_jsonl(d / "a.jsonl", r1)
    (d / "sub" / "c.jsonl.gz").write_bytes(gzip.compress(write_jsonl(tmp_path / "c.jsonl", r3).read_bytes()))
    (d / "notes.md").write_text("ignored")
    s = normalize_file(d, tmp_path / "o.jsonl", fields=["title"], workers=1)
    assert s.files == 3
    got = [json.loads(x)["title"] for x in (tmp_path / "o.jsonl").read_text().splitlines()]
    assert got == [r["title"] for r in r1 + r2 + r3]
    s = normalize_file(str(d / "*.jsonl"), tmp_path / "g.jsonl", fields=["title"], workers=1)
    assert s.files == 2 and s.records_in == 10


def test_txt_with_key_and_script(tmp_path: Path) -> None:
    src = tmp_path / "names.txt"
    src.write_text("أَحْمَدُ\nKata'ib Hizballah\n", encoding="utf-8")
    normalize_file(src, tmp_path / "o.txt", workers=1, key=True, script=True)
    rows = [line.split("\t") for line in (tmp_path / "o.txt").read_text(encoding="utf-8").splitlines()]
    assert [r[0] for r in rows] == [normalize("أَحْمَدُ"), normalize("Kata'ib Hizballah")]
    assert [r[2] for r in rows] == ["arabic", "latin"]


def test_csv_quoted_newlines_and_added_columns(tmp_path: Path) -> None:
    src = tmp_path / "n.csv"
    src.write_text('id,name,note\n1,"أَحْمَدُ, الشَّرَعِ","a ""q"""\n2,"Abd\nal-Aziz",x\n', encoding="utf-8")
    s = normalize_file(src, tmp_path / "o.csv", fields=["name"], workers=1, script=True)
    rows = list(csv.reader((tmp_path / "o.csv").open(encoding="utf-8", newline="")))
    assert rows[0] == ["id", "name", "note", "name_norm", "name_script"]
    assert rows[1] == ["1", "أَحْمَدُ, الشَّرَعِ", 'a "q"', normalize("أَحْمَدُ, الشَّرَعِ"), "arabic"]
    assert rows[2][:2] == ["2", "Abd\nal-Aziz"] and rows[2][3] == normalize("Abd\nal-Aziz")
    assert s.records_in == 2


def test_tsv_replace(tmp_path: Path) -> None:
    src = tmp_path / "n.tsv"
    src.write_text("id\tname\n1\tأَحْمَدُ\n2\tMuhammad\n", encoding="utf-8")
    normalize_file(src, tmp_path / "o.tsv", fields=["name"], replace=True, workers=1)
    assert (tmp_path / "o.tsv").read_text(encoding="utf-8").splitlines() == [
        "id\tname", f"1\t{normalize('أَحْمَدُ')}", f"2\t{normalize('Muhammad')}"]


def test_csv_needs_known_columns(tmp_path: Path) -> None:
    src = tmp_path / "n.csv"
    src.write_text("id,name\n1,a\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no column 'nam'"):
        normalize_file(src, tmp_path / "o.csv", fields=["nam"])
    with pytest.raises(ValueError, match="needs --field"):
        normalize_file(src, tmp_path / "o.csv")


def test_parquet(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = ["أَحْمَدُ", None, "Kata'ib Hizballah"] * 10
    pq.write_table(pa.table({"id": list(range(30)), "name": names}), tmp_path / "in.parquet")
    s = normalize_file(tmp_path / "in.parquet", tmp_path / "out.parquet", fields=["name"], workers=2, key=True)
    t = pq.read_table(tmp_path / "out.parquet")
    assert t.column_names == ["id", "name", "name_norm", "name_key"]
    assert t.column("name").to_pylist() == names
    assert t.column("name_norm").to_pylist() == [normalize(n) if n else None for n in names]
    assert s.records_in == 30


def test_bad_inputs(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        normalize_file(tmp_path / "missing.jsonl", tmp_path / "o.jsonl")
    (tmp_path / "x.unknown").write_text("a\n")
    with pytest.raises(ValueError, match="--format"):
        normalize_file(tmp_path / "x.unknown", tmp_path / "o.bin")
    src = write_jsonl(tmp_path / "in.jsonl", make_records(2))
    with pytest.raises(ValueError, match="overwrite the input"):
        normalize_file(src, src)
