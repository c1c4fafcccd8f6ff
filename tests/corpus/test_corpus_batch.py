"""The job normalizes a chunk's values in one batch; same bytes as one call per value,
and a batch that raises falls back to record by record (errors stay per record)."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from toolkit.corpus import normalize_file, normalize_records
from toolkit.corpus.records import Prepared, Spec, field_strings, normalizer_for

from corpus_data import make_records, write_jsonl


def _expected(records: list[dict], fields: tuple[str, ...], **kw) -> bytes:
    return b"".join((json.dumps(r, ensure_ascii=False) + "\n").encode()
                    for r in normalize_records(records, fields, **kw))


def test_field_strings_and_prepared_match_per_value() -> None:
    spec = Spec(("t", "m.a"), key=True)
    recs = [{"t": "أَحْمَد", "m": {"a": ["Café", 3]}}, {"t": 5}, {"m": None}, {"t": "Café"}]
    texts = field_strings(recs, spec)
    assert texts == ["أَحْمَد", "Café", "Café"]
    base = normalizer_for(spec)
    prepared = Prepared(base, texts)
    for t in texts + ["not prepared"]:
        assert prepared(t) == base(t)


@pytest.mark.parametrize("lang", ["auto", "ar", "en"])
def test_job_output_equals_per_record(tmp_path: Path, lang: str) -> None:
    recs = make_records(200)
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    fields = ("title", "meta.author")
    normalize_file(src, tmp_path / "out.jsonl", fields=list(fields), lang=lang, workers=1, chunk_bytes=2048)
    assert (tmp_path / "out.jsonl").read_bytes() == _expected(recs, fields, lang=lang)


def test_batch_failure_falls_back_per_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(texts, lang="auto", level="search"):
        raise RuntimeError("batch bug")

    monkeypatch.setattr(importlib.import_module("toolkit.normalize"), "normalize_many", broken)
    recs = make_records(50)
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    s = normalize_file(src, tmp_path / "out.jsonl", fields=["title", "meta.author"], workers=1, chunk_bytes=2048)
    assert (tmp_path / "out.jsonl").read_bytes() == _expected(recs, ("title", "meta.author"))
    assert (s.records_in, s.records_out, s.errors) == (50, 50, 0)
