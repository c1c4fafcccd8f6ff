"""Chunks in and output back through shared memory slots (toolkit.corpus.shared): the same
bytes as through the pipe, input or output too big for a slot takes the pipe, spilled
records stay put."""

from __future__ import annotations

from pathlib import Path

import pytest

import toolkit.corpus.job as job
from toolkit.corpus import normalize_file
from toolkit.corpus.formats import Chunk, Spill
from toolkit.corpus.params import JobParams
from toolkit.corpus.shared import SlotPool
from toolkit.corpus.work import ChunkResult
from toolkit.parallel import can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="shared slots need fork")


def _result(index: int, *segments: bytes | Spill) -> ChunkResult:
    return ChunkResult(index, tuple(segments), 1, 1, 0, 0, 0, (), 1)


def test_slots_hand_back_the_same_bytes_and_big_output_takes_the_pipe() -> None:
    spill = Spill("/nonexistent", 5, b"head", True)
    pool = SlotPool(2, slots=3, slot_bytes=64)
    seen = []

    def check(i: int, fut) -> None:  # as the job commits: in order, at most `slots` in flight
        segs = fut.result().segments
        assert [bytes(s) if isinstance(s, memoryview) else s for s in segs] == [b"abc" * (i + 1), spill, b"xy"]
        assert isinstance(segs[0], memoryview)
        seen.append(i)

    try:
        futures = []
        for i in range(8):
            if len(futures) == 3:
                check(*futures.pop(0))
            futures.append((i, pool.submit(_result, i, b"abc" * (i + 1), spill, b"xy")))
        for item in futures:
            check(*item)
        big = pool.submit(_result, 9, b"z" * 65)  # over the slot: the pipe
        assert big.result().segments == (b"z" * 65,)
        assert seen == list(range(8))
    finally:
        pool.shutdown()


@pytest.mark.parametrize("factor", [4, 0])
def test_job_bytes_equal_with_and_without_slots(tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                                factor: int) -> None:
    normalize_file(corpus, tmp_path / "one.jsonl", fields=["title", "body"], workers=1, chunk_bytes=4096)
    monkeypatch.setattr(job, "PARAMS", JobParams(slot_factor=factor))
    normalize_file(corpus, tmp_path / "two.jsonl.gz", fields=["title", "body"], workers=2, chunk_bytes=4096)
    normalize_file(corpus, tmp_path / "two.jsonl", fields=["title", "body"], workers=2, chunk_bytes=4096)
    assert (tmp_path / "two.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()
    import gzip

    assert gzip.decompress((tmp_path / "two.jsonl.gz").read_bytes()) == (tmp_path / "one.jsonl").read_bytes()


def test_slot_size_is_bounded() -> None:
    p = JobParams()
    assert p.slot_bytes(1 << 20, p.in_flight(2)) == 4 << 20
    assert p.slot_bytes(64 << 20, p.in_flight(2)) == 0  # 6 slots of 256 MB: no slots, the pipe


def _echo(chunk: Chunk, tag: bytes) -> ChunkResult:
    assert type(chunk.data) is bytes
    return _result(chunk.index, chunk.data + tag)


def test_chunks_reach_the_workers_through_input_slots() -> None:
    pool = SlotPool(2, slots=2, slot_bytes=64, in_bytes=16)
    try:
        for i, data in enumerate([b"a" * 16, b"b" * 17, b"", b"c" * 3, b"d" * 5]):
            chunk = Chunk(i, "f", 1, [], None, len(data), False, data)
            fut = pool.submit(_echo, chunk, b"!")
            at = pool.layout.in_at(i % 2)
            if data:  # 17 bytes: over the slot, the pipe
                assert (bytes(pool.view[at:at + len(data)]) == data) == (len(data) <= 16)
            assert bytes(fut.result().segments[0]) == data + b"!"
    finally:
        pool.shutdown()
    assert JobParams().in_slot_bytes(1 << 20, 6) == 2 << 20
    assert JobParams().in_slot_bytes(64 << 20, 6) == JobParams(slot_factor=0).in_slot_bytes(1 << 20, 6) == 0
