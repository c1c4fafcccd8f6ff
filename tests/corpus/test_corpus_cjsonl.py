"""The C byte passes (toolkit/corpus/cjsonl.c) give what jsonl.py's Python passes give,
on random bytes made of the characters they look at, and on orjson's real output."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit.corpus.jsonl as codec

pytestmark = pytest.mark.skipif(codec.cjsonl is None, reason="the C extension was not built (no compiler at install)")

#: every byte either pass treats specially, and two it does not
_ALPHABET = b" ,\n}{[.eE09x"
_BYTES = st.binary(max_size=300).map(lambda b: bytes(_ALPHABET[c % len(_ALPHABET)] for c in b)) | st.binary(max_size=200)


def _python_unindent(block: bytes) -> bytes:
    return codec._INDENT.sub(b"", codec._COMMA.sub(b", ", block))


@settings(max_examples=400, deadline=None)
@given(_BYTES)
def test_unindent_is_the_two_substitutions(block: bytes) -> None:
    assert codec.cjsonl.unindent(block) == _python_unindent(block)


@settings(max_examples=400, deadline=None)
@given(_BYTES, st.integers(1, 4), st.integers(0, 6), st.integers(0, 3))
def test_scan_is_the_python_scan(block: bytes, long_digits: int, min_len: int, min_brackets: int) -> None:
    has_long, floats, heavy = codec.cjsonl.scan(block, long_digits, min_len, min_brackets)
    # \r and other line breaks are not line ends for readlines() on bytes: split on \n only
    lines = [line + b"\n" for line in block.split(b"\n")]
    lines[-1] = lines[-1][:-1]
    if not lines[-1]:
        lines.pop()
    want_floats = {i for i, line in enumerate(lines) if re.search(rb"[0-9][.eE]", line)}
    want_heavy = {i for i, line in enumerate(lines)
                  if len(line) >= min_len and line.count(b"[") + line.count(b"{") >= min_brackets}
    assert (has_long, set(floats), set(heavy)) == (
        re.search(rb"[0-9]{%d}" % long_digits, block) is not None, want_floats, want_heavy)
    # and the float lines are those of jsonl.py's Python scan
    ends = list(accumulate(map(len, lines)))
    marks = block.translate(codec._DIGITS)
    assert set(floats) == {bisect_right(ends, m.start()) for m in re.finditer(rb"0\.", marks)}


def test_unindent_on_orjson_output() -> None:
    orjson = pytest.importorskip("orjson")
    import json

    objs = [{"a": [1, {"b": []}, {}], "t": "x,\\n  y", "n": None}, {}, {"k": {"l": [[]]}}]
    block = b"\n".join(orjson.dumps(o, option=orjson.OPT_INDENT_2) for o in objs) + b"\n"
    assert codec.cjsonl.unindent(block) == "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs).encode()


def test_scan_rejects_what_it_cannot_read() -> None:
    with pytest.raises(TypeError):
        codec.cjsonl.scan("text", 19, 512, 256)
    with pytest.raises(ValueError):
        codec.cjsonl.scan(b"", 0, 512, 256)
    with pytest.raises(TypeError):
        codec.cjsonl.unindent("text")
