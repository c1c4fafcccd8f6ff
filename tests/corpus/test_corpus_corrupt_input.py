"""Nothing lost silently (issue 14, item 4): truncated or corrupt compressed input.

The faults are real files: the compressed output of the compression libraries (one stream,
as ``gzip``/``zstd`` write) and of the job itself (one block per chunk), cut in the middle
or with bytes flipped, and a ``.gz`` that is not gzip at all.  Each must give one line
naming the input and the byte offset, a non-zero exit, no OUT, and an unchanged input.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import re
from pathlib import Path

import pytest
import zstandard

from toolkit.corpus import CorruptInput, normalize_file

from corpus_data import make_records, write_jsonl
from safety_helpers import one_line_error, run, sha

COMPRESS = {
    "gz": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress,
    # with the checksum the zstd tool writes by default: a flipped byte is then detected
    "zst": zstandard.ZstdCompressor(write_checksum=True).compress,
}
NAME = {"gz": "gzip", "bz2": "bz2", "xz": "xz", "zst": "zstd"}


def _compressed(tmp_path: Path, ext: str, source: str) -> bytes:
    plain = write_jsonl(tmp_path / "plain.jsonl", make_records(3000))
    if source == "one stream":
        return COMPRESS[ext](plain.read_bytes())
    job_out = tmp_path / f"job.jsonl.{ext}"  # the job's own output: many members / frames
    normalize_file(plain, job_out, workers=1, chunk_bytes=1 << 14)
    return job_out.read_bytes()


def _check_refused(tmp_path: Path, name: str, data: bytes, what: str) -> str:
    bad = tmp_path / name
    bad.write_bytes(data)
    digest = sha(bad)
    r = run(name, "out.jsonl", cwd=tmp_path)
    line = one_line_error(r)
    assert line.startswith(f"toolkit: error: {name}: {what}"), line
    assert re.search(r"at byte [\d,]+ of " + f"{len(data):,}", line), line
    assert not (tmp_path / "out.jsonl").exists(), "a partial output never gets the final name"
    assert sha(bad) == digest
    return line


@pytest.mark.parametrize("source", ["one stream", "job output"])
@pytest.mark.parametrize("ext", ["gz", "bz2", "xz", "zst"])
def test_truncated_input_fails_naming_file_and_offset(tmp_path: Path, ext: str, source: str) -> None:
    data = _compressed(tmp_path, ext, source)
    cut = data[: len(data) // 2 + 3]
    line = _check_refused(tmp_path, f"cut.jsonl.{ext}", cut, f"truncated {NAME[ext]} input")
    assert f"stopped at byte {len(cut):,} of {len(cut):,}" in line, "the end of the file was reached"


@pytest.mark.parametrize("ext", ["gz", "bz2", "xz", "zst"])
def test_corrupt_input_fails_naming_file_and_offset(tmp_path: Path, ext: str) -> None:
    data = bytearray(_compressed(tmp_path, ext, "one stream"))
    mid = len(data) // 2
    data[mid:mid + 64] = bytes(b ^ 0xFF for b in data[mid:mid + 64])
    _check_refused(tmp_path, f"flipped.jsonl.{ext}", bytes(data), f"corrupt {NAME[ext]} input")


def test_garbage_gz_is_blamed_on_the_input(tmp_path: Path) -> None:
    _check_refused(tmp_path, "garbage.jsonl.gz", b'{"text": "not gzip at all"}\n' * 50, "corrupt gzip input")


def test_library_raises_corrupt_input_and_keeps_out_unnamed(tmp_path: Path) -> None:
    data = _compressed(tmp_path, "zst", "one stream")
    src = tmp_path / "cut.jsonl.zst"
    src.write_bytes(data[:-10])
    with pytest.raises(CorruptInput, match=r"cut\.jsonl\.zst: truncated zstd input"):
        normalize_file(src, tmp_path / "out.jsonl", workers=1)
    assert isinstance(CorruptInput("x"), ValueError)
    assert not (tmp_path / "out.jsonl").exists()


def test_complete_concatenated_frames_still_read(tmp_path: Path) -> None:
    """Two zstd frames back to back (``cat a.zst b.zst``) and an empty .zst are complete."""
    plain = write_jsonl(tmp_path / "plain.jsonl", make_records(50)).read_bytes()
    (tmp_path / "two.jsonl.zst").write_bytes(COMPRESS["zst"](plain) + COMPRESS["zst"](plain))
    s = normalize_file(tmp_path / "two.jsonl.zst", tmp_path / "out.jsonl", workers=1)
    assert s.records_in == 100 and s.errors == 0
    (tmp_path / "empty.jsonl.zst").write_bytes(b"")
    assert normalize_file(tmp_path / "empty.jsonl.zst", tmp_path / "out2.jsonl", workers=1).records_in == 0
