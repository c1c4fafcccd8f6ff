"""The job's fast paths give what the plain paths give: orjson parsing (with json for
whatever orjson refuses or could read differently), the reused C encoder, the one-walk
``apply_many``, and chunks read as blocks (same boundaries as line by line)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import toolkit.corpus.jsonl as codec
from toolkit.corpus import normalize_file
from toolkit.corpus.formats import read_lines
from toolkit.corpus.reader import ReadState, _blocks, _cut
from toolkit.corpus.records import Spec, apply_many, apply_to_mapping, normalizer_for

#: Lines where orjson and json part ways, or where json alone says why a line is bad.
HOSTILE = [
    b'{"t": "x", "n": 123456789012345678901234567890}\n',  # orjson: a float
    b'{"t": "x", "n": -9223372036854775809}\n',
    b'{"t": "x", "n": 18446744073709551615, "m": 1234567890123456789}\n',
    b'{"t": "x", "f": NaN, "g": -Infinity, "h": 1e400}\n',  # orjson refuses, json accepts
    b'{"t": "\\ud800 lone", "u": "\\ud83d\\ude00"}\n',
    b'\xef\xbb\xbf{"t": "BOM"}\n',
    b'{"t": "crlf"}\r\n',
    b'{"t": "deep", "d": ' + b"[" * 300 + b"]" * 300 + b"}\n",
    b'{"t": "deeper", "d": ' + b"[" * 990 + b"]" * 990 + b"}\n",
    b'{"t": "a", "t": "b"}\n',
    b'{ "t" :"spaced\\u0627" ,"f":1.5e-3,"g":-0,"z":5e-324, "w": 0.1}\n',
    b'{"t": "broken\n',
    b'{"t": "\xff bad utf8"}\n',
    b'{"t": "\xed\xa0\x80 encoded surrogate"}\n',
    b'{"t": "ctrl \x01"}\n',
    b"[1, 2]\n",
    b'"a string"\n',
    b"\n",
    b"   \n",
    b'{"t": "x"} trailing\n',
]


@pytest.mark.parametrize("with_orjson", [True, False])
def test_parse_objects_equals_json(monkeypatch: pytest.MonkeyPatch, with_orjson: bool) -> None:
    if not with_orjson:
        monkeypatch.setattr(codec, "orjson", None)
    assert codec.needs_digit_check(b"".join(HOSTILE)) and codec.needs_digit_check(None)
    got = codec.parse_objects(HOSTILE, codec.needs_digit_check(b"".join(HOSTILE)))
    want = [codec.json_object(raw) for raw in HOSTILE]
    assert [repr(g) for g in got] == [repr(w) for w in want]
    assert codec.parse_objects([None, 3]) == [None, None]
    assert isinstance(want[0]["n"], int)
    assert not codec.needs_digit_check(b'{"n": 123456789012345678}\n')  # 18 digits: any int64
    assert codec.parse_objects([b'{"n": 123456789012345678}'], False) == [{"n": 123456789012345678}]


def test_dump_line_equals_json_dumps_and_survives_a_failed_dump() -> None:
    objs = [{"a": 1.5, "b": [1, None, True, float("nan"), -0.0, 10**30], "c": {"d": 'é"\\\n\x00'}},
            {"s": "\ud800"}, {}, {"x": {"y": []}}]
    for obj in objs:
        text = json.dumps(obj, ensure_ascii=False) + "\n"
        try:
            want = text.encode("utf-8")
        except UnicodeEncodeError:
            want = (json.dumps(obj) + "\n").encode("ascii")
        assert codec.dump_line(obj) == want
    loop: dict = {}
    loop["self"] = loop
    with pytest.raises(ValueError, match="Circular reference"):
        codec.dump_line(loop)
    inner = {"z": 1}
    assert codec.dump_line({"k": inner, "k2": inner}) == b'{"k": {"z": 1}, "k2": {"z": 1}}\n'


SPECS = [
    Spec(("t", "m.a", "l.0.n")),
    Spec(("t", "m.a"), replace=True),
    Spec(("t", "t_norm")),  # reads what it writes: not simple
    Spec(("t",), key=True, script=True),
    Spec(("t", "l.1")),
]


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: ",".join(s.fields) + ("/r" if s.replace else ""))
def test_apply_many_equals_apply_to_mapping(spec: Spec) -> None:
    recs = [{"t": "أَحْمَد", "m": {"a": "Kata'ib"}, "l": [{"n": "Abd al-Aziz"}, "x"]},
            {"t": None, "m": {"a": 3}, "l": []}, {"t": ["Café", "حزب"]}, {"m": "str"}, {"t": "Café", "t_norm": "old"},
            {"t": {"nested": 1}}, {"t": float("nan")}, {"t": ["a", 1]}, {}]
    mine = json.loads(json.dumps(recs))
    theirs = json.loads(json.dumps(recs))
    norm = normalizer_for(spec)
    got = apply_many([*mine, None], spec, norm)
    want = [apply_to_mapping(r, spec, norm) for r in theirs]
    assert got == [*want, None]
    assert json.dumps(mine, ensure_ascii=False) == json.dumps(theirs, ensure_ascii=False)
    assert spec.simple == (spec.fields[-1] != "t_norm" and not spec.key)


def _lines(data: bytes, chunk_bytes: int, max_bytes: int) -> list[tuple[int, int, list, int]]:
    recs = ((raw, 1, n) for raw, n in read_lines(io.BytesIO(data), max_bytes))
    return [(c.first_line, c.nbytes, [r if isinstance(r, bytes) or r is None else "spill" for r in c.records], after)
            for c, after in _cut(recs, "f", 0, 0, chunk_bytes)]


def _block(data: bytes, chunk_bytes: int, max_bytes: int, spill: str | None) -> list[tuple[int, int, list, int]]:
    out = []
    for c, after in _blocks(io.BytesIO(data), "f", 0, 0, chunk_bytes, max_bytes, ReadState(), spill):
        recs = io.BytesIO(c.data).readlines() + [None if t is None else "spill" for t in c.tail]
        # a line over the limit inside the block is what the line reader drops or spills
        recs = [("spill" if spill else None) if isinstance(r, bytes) and len(r.rstrip(b"\n")) >= max_bytes + 2
                else r for r in recs]
        out.append((c.first_line, c.nbytes, recs, after))
    return out


@pytest.mark.parametrize("chunk_bytes", [1, 7, 64, 100, 1 << 20])
@pytest.mark.parametrize("max_bytes", [5, 30, 200])
def test_blocks_cut_where_lines_cut(tmp_path: Path, chunk_bytes: int, max_bytes: int) -> None:
    data = b"".join([b"short\n", b"x" * 40 + b"\n", b"crlf\r\n", b"y" * 31 + b"\n", b"\n", b"z" * 250 + b"\n",
                     b"a\rb\n", b"w" * 32 + b"\n", b"v" * 33, ])
    for cut in (data, data + b"\n", data[:-10]):
        want = _lines(cut, chunk_bytes, max_bytes)
        spilled = _lines_spilled(cut, chunk_bytes, max_bytes, tmp_path)
        assert _block(cut, chunk_bytes, max_bytes, None) == want
        assert _block(cut, chunk_bytes, max_bytes, str(tmp_path)) == spilled


def _lines_spilled(data: bytes, chunk_bytes: int, max_bytes: int, spill: Path) -> list[tuple[int, int, list, int]]:
    recs = ((raw, 1, n) for raw, n in read_lines(io.BytesIO(data), max_bytes, str(spill), set()))
    return [(c.first_line, c.nbytes, [r if isinstance(r, bytes) or r is None else "spill" for r in c.records], after)
            for c, after in _cut(recs, "f", 0, 0, chunk_bytes)]


@pytest.mark.parametrize("on_error", ["pass", "skip"])
@pytest.mark.parametrize("with_orjson", [True, False])
def test_job_on_hostile_lines_reports_as_json_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   on_error: str, with_orjson: bool) -> None:
    if not with_orjson:
        monkeypatch.setattr(codec, "orjson", None)
    src = tmp_path / "h.jsonl"
    src.write_bytes(b"".join(HOSTILE) + b'{"t": "' + b"y" * 300 + b'"}')  # no final newline
    out = tmp_path / "out.jsonl"
    s = normalize_file(src, out, fields=["t"], workers=1, on_error=on_error, chunk_bytes=256, max_record_bytes=280)
    errors = [json.loads(x) for x in (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()]
    lines = {e["line"]: e["reason"] for e in errors}
    assert lines == {8: "record longer than 280 bytes", 9: "record longer than 280 bytes",
                     12: "invalid JSON: Unterminated string starting at at column 7",
                     13: "invalid UTF-8 at byte 7", 14: "invalid UTF-8 at byte 7",
                     15: "invalid JSON: Invalid control character at at column 13",
                     16: "not a JSON object but list", 17: "not a JSON object but str", 18: "blank line",
                     19: "blank line", 20: "invalid JSON: Extra data at column 12", 21: "record longer than 280 bytes"}
    written = out.read_bytes().splitlines(keepends=True)
    by_id = [codec.json_object(raw) for raw in HOSTILE[:4]]
    for obj in by_id:
        obj["t_norm"] = obj["t"]
    assert written[:4] == [codec.dump_line(o) for o in by_id]  # big ints stay ints, NaN stays NaN
    assert s.records_in == s.records_out + (len(errors) if on_error == "skip" else 0) == 21
    assert s.errors == len(errors)


def test_dump_lines_redoes_a_failed_chunk_object_by_object() -> None:
    objs = [{"a": "x"}, {"s": "\ud800"}, {"b": 1.5, "c": [None]}]
    assert codec.dump_lines(objs) == [codec.dump_line(o) for o in objs]
    assert codec.dump_lines(objs)[1] == b'{"s": "\\ud800"}\n'
    loop: dict = {}
    loop["self"] = loop
    with pytest.raises(ValueError, match="Circular reference"):
        codec.dump_lines([{"a": 1}, loop])
    assert codec.dump_lines([{"a": 1}]) == [b'{"a": 1}\n']


def _all_code_points() -> str:
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def test_dump_block_writes_what_json_dumps_writes() -> None:
    """orjson's indented output, rewritten, is json.dumps(ensure_ascii=False) byte for
    byte: every code point, every escape, empty and nested containers, 64-bit ints."""
    text = _all_code_points()
    objs = [{"k": text, text[:3000]: 1, 'q"\\': "a\\\"b\n\t\x00\x7f\u2028"}, {}, {"a": {}}, {"a": [], "b": [[], {}, [{}]]},
            {"a": [1, -5, 0, True, False, None, "x", {"b": [2, {"c": {"d": []}}]}]},
            {"x": 18446744073709551615, "y": -9223372036854775808, "z": ", \n  }"}]
    want = b"".join(codec.dump_line(o) for o in objs)
    assert codec.dump_block(objs) == want
    assert codec.dump_block(objs, {1, 3}) == want


def test_dump_block_leaves_to_json_what_orjson_writes_otherwise() -> None:
    floats = {"f": [1.5, 1e16, 1e-7, -0.0, 123.0, 5e-324, float("nan"), float("inf")]}
    refused = [{"s": "\ud800"}, {"n": 10**30}, {"d": json.loads("[" * 300 + "]" * 300)}]
    plain = {"t": "x"}
    assert codec.dump_block([plain, floats, plain], {1}) == b"".join(codec.dump_line(o) for o in [plain, floats, plain])
    for bad in refused:  # orjson refuses: the batch is json's
        assert codec.dump_block([plain, bad]) == b"".join(codec.dump_lines([plain, bad]))
    loop: dict = {}
    loop["self"] = loop
    with pytest.raises(ValueError, match="Circular reference"):
        codec.dump_block([plain, loop])


def test_dump_block_without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(codec, "orjson", None)
    objs = [{"a": 1.5, "b": "é"}, {"c": [None]}]
    assert codec.dump_block(objs) == b'{"a": 1.5, "b": "\xc3\xa9"}\n{"c": [null]}\n'
    by_json: list[int] = []
    codec.parse_objects([b'{"a": 1}\n', b'{"b": 2}\n'], True, by_json)
    assert by_json == [0, 1]


@pytest.mark.parametrize("in_c", [True, False])
def test_scan_finds_every_line_a_float_could_be_on(monkeypatch: pytest.MonkeyPatch, in_c: bool) -> None:
    import random
    import re

    if in_c and codec.cjsonl is None:
        pytest.skip("the C extension was not built (no compiler at install)")
    if not in_c:
        monkeypatch.setattr(codec, "cjsonl", None)
    rng = random.Random(3)
    alphabet = b'0123456789.eE -"{}:,x\xd8\xa7'
    lines = [bytes(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) + b"\n" for _ in range(3000)]
    lines[-1] = lines[-1].rstrip(b"\n")
    block = b"".join(lines)
    found = codec.scan(block, lines)
    assert set(found.floats) == {i for i, line in enumerate(lines) if re.search(rb"\d[.eE]", line)}
    assert found.long_digits == bool(re.search(rb"\d{19}", block))
    assert found.lines == len(lines)
    plain = codec.scan(b'{"n": 1}\n', [b'{"n": 1}\n'])
    assert not plain.long_digits and not plain.floats
    assert list(codec.scan(None, [b"1.5\n", b"x\n"]).floats) == [0, 1]
    deep = b"[" * 300 + b"]" * 300 + b"\n"
    block = b'{"a": 1}\n' + deep + b"{" * 255 + b" " * 300 + b"\n"
    lines = block.splitlines(keepends=True)
    heavy = codec.scan(block, lines).heavy
    assert heavy is None if not in_c else set(heavy) == {1}
    by_json: list[int] = []
    codec.parse_objects(HOSTILE, True, by_json)
    assert by_json == [0, 1, 2, 3, 4, 5, 7, 8, 11, 12, 13, 14, 17, 18, 19]  # all but orjson's own lines
