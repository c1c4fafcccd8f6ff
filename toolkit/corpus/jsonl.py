"""The JSON codec of the bulk job: parse JSON Lines as ``json.loads`` does, faster, and
write records as ``json.dumps(obj, ensure_ascii=False)`` does, byte for byte.

Why orjson for parsing only: ``orjson.loads`` parses a line from its bytes (no UTF-8
decode first) about twice as fast as ``json.loads`` on news records
(benchmarks/README.md, corpus section), and on every line it accepts it gives the same
object, with three known exceptions that are routed to ``json`` before orjson sees them
(:class:`CodecParams`).  A line orjson refuses goes to ``json``, which accepts it (NaN,
``1e400``, ``"\\ud800"``, a BOM) or says why not with the message the error file has
always had.  ``orjson.dumps`` is not used: it writes ``{"a":1}`` where the job writes
``{"a": 1}``, and refuses lone surrogates.  Without orjson installed everything goes
through ``json``: same objects, same bytes, only slower.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

try:  # an optional speed-up (a dependency in pyproject.toml, but never required)
    import orjson
except ImportError:  # pragma: no cover - exercised by the tests through monkeypatch
    orjson = None
try:  # the byte passes in C (cjsonl.c, compiled at install by hatch_build.py)
    from . import cjsonl
except ImportError:  # pragma: no cover - no compiler at install: the Python passes below
    cjsonl = None


@dataclass(frozen=True)
class CodecParams:
    """Where orjson's result could differ from ``json.loads``'s; such lines go to json."""

    #: orjson (3.13) reads an integer beyond 64 bits as a float, json as an exact int:
    #: a line holding a run of this many digits (2**63 has 19) is parsed by json.  Checked
    #: once per chunk (``bytes.translate`` and one search, ~0.6 ms/MB measured on the
    #: news records of benchmarks/README.md), per line only in a chunk that has such a run.
    long_digits: int = 19
    #: orjson nests 1024 deep, json as deep as the recursion limit left (about 1000 less
    #: the stack): a line with this many ``[`` and ``{`` is parsed by json.  Far below
    #: either limit, and counted only on lines at least twice that long.
    max_brackets: int = 256


PARAMS = CodecParams()
#: digits -> "0", the bytes that follow the digits of a float (``.``, ``e``, ``E``) -> ".",
#: all else -> " ": a run of long digits is a run of "0", a float has "0." (see :func:`scan`)
_DIGITS = bytes(48 if 48 <= b <= 57 else 46 if b in b".eE" else 32 for b in range(256))
_LONG = b"0" * PARAMS.long_digits
_FLOAT = b"0."

#: ``json.dumps(obj, ensure_ascii=False)`` builds this encoder on every call; one built
#: once gives the same bytes (same options) without the per-record set-up.
_ENCODER = json.JSONEncoder(ensure_ascii=False)
_ENCODE = _ENCODER.encode


def _c_encoder() -> Any:
    """The C encoder that ``_ENCODE`` builds on each call for an object (CPython's
    ``json.encoder.c_make_encoder``, same arguments), built once: half the cost of a
    dump on news records (benchmarks/README.md).  None where there is no C encoder."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return None
    e = _ENCODER
    return make({}, e.default, json.encoder.encode_basestring, e.indent, e.key_separator, e.item_separator,
                e.sort_keys, e.skipkeys, e.allow_nan)


_C_ENCODE = _c_encoder()


def decode_line(raw: bytes) -> str:
    """Strict UTF-8 without the line ending; a BOM at the start of a record is dropped."""
    if raw.endswith(b"\n"):
        raw = raw[:-2] if raw.endswith(b"\r\n") else raw[:-1]
    text = raw.decode("utf-8")
    return text[1:] if text.startswith("\ufeff") else text


def json_object(raw: bytes) -> dict[str, Any] | None:
    """The object on a line, parsed by ``json``; None when it is not one (the per-record
    path of :mod:`.work` says why)."""
    try:
        obj = json.loads(decode_line(raw))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return obj if type(obj) is dict else None


def needs_digit_check(block: bytes | None) -> bool:
    """Whether the lines of ``block`` (None: unknown) must be checked one by one for a
    run of digits orjson could read differently; one scan of the whole chunk."""
    return block is None or _LONG in block.translate(_DIGITS)


@dataclass(frozen=True)
class Scan:
    """What one pass over a chunk's block tells about its lines (:func:`scan`).

    ``lines``: how many of the chunk's records are the block's lines (the rest, a spilled
    tail, were not scanned); ``heavy`` is None where the lines must be counted one by one
    (the Python pass leaves that to :func:`parse_objects`)."""

    long_digits: bool
    floats: Collection[int]
    heavy: Collection[int] | None
    lines: int

    def heavy_in(self, span: range) -> Collection[int] | None:
        """The heavy lines of ``span``, as indices into it; None where unknown."""
        if self.heavy is None or span.stop > self.lines:
            return None
        return {i - span.start for i in self.heavy if span.start <= i < span.stop}


def scan(block: bytes | None, lines: Sequence[bytes]) -> Scan:
    """One pass over a chunk's ``block`` (its ``lines`` as ``readlines`` cut it): whether
    lines must be checked for long digits (:func:`needs_digit_check`), which lines
    may hold a float (a digit followed by ``.``, ``e`` or ``E``, as every JSON float has;
    text like "in 2014." counts too), whose objects :func:`dump_block` leaves to json,
    and (in C) which lines hold too many brackets for orjson (:class:`CodecParams`).

    With no block every line counts as holding a float."""
    if block is None:
        return Scan(True, range(len(lines)), None, len(lines))
    if cjsonl is not None:
        long_digits, floats, heavy = cjsonl.scan(block, PARAMS.long_digits, 2 * PARAMS.max_brackets,
                                                 PARAMS.max_brackets)
        return Scan(long_digits, set(floats), set(heavy), len(lines))
    marks = block.translate(_DIGITS)
    found: set[int] = set()
    pos = marks.find(_FLOAT)
    if pos >= 0:
        ends = list(accumulate(map(len, lines)))
        while pos >= 0:  # at most one find per line
            i = bisect_right(ends, pos)
            found.add(i)
            pos = marks.find(_FLOAT, ends[i]) if i < len(ends) else -1
    return Scan(_LONG in marks, found, None, len(lines))


def parse_objects(records: Sequence[Any], check_digits: bool = True,
                  by_json: list[int] | None = None,
                  heavy: Collection[int] | None = None) -> list[dict[str, Any] | None]:
    """The JSON object of each raw line (None for anything else: not bytes, not an
    object, not JSON), exactly as :func:`json_object` would give it.

    ``check_digits=False`` (from :func:`needs_digit_check` on the chunk) skips the
    per-line long-digit check.  ``by_json``, when given, gets the index of every line
    parsed by json and not orjson (all of them without orjson): :func:`dump_block`
    leaves their objects to json (NaN, for one, orjson would write as null).
    ``heavy``, when given, are the lines with too many brackets for orjson
    (:meth:`Scan.heavy_in`); else each line is counted here.
    """
    if orjson is None:
        if by_json is not None:
            by_json.extend(range(len(records)))
        return [json_object(raw) if type(raw) is bytes else None for raw in records]
    loads, refused = orjson.loads, orjson.JSONDecodeError
    brackets, long_line = PARAMS.max_brackets, 2 * PARAMS.max_brackets
    out: list[dict[str, Any] | None] = []
    slow: list[int] = [] if by_json is None else by_json
    for raw in records:
        if type(raw) is not bytes:
            out.append(None)
            continue
        if (check_digits and _LONG in raw.translate(_DIGITS)) or (
                len(out) in heavy if heavy is not None else
                len(raw) >= long_line and raw.count(b"[") + raw.count(b"{") >= brackets):
            slow.append(len(out))
            out.append(json_object(raw))
            continue
        try:
            obj = loads(raw)
        except refused:
            slow.append(len(out))
            out.append(json_object(raw))
            continue
        out.append(obj if type(obj) is dict else None)
    return out


def dump_line(obj: Any) -> bytes:
    """``json.dumps(obj, ensure_ascii=False)`` and a newline, in UTF-8; a string holding a
    lone surrogate (from a ``\\ud800`` escape) cannot be UTF-8, so that record is
    written with ``ensure_ascii=True``, which keeps it escaped."""
    global _C_ENCODE
    try:
        text = "".join(_C_ENCODE(obj, 0)) if _C_ENCODE is not None and type(obj) is dict else _ENCODE(obj)
    except Exception:  # noqa: BLE001 - re-raised below by the plain encoder, with its own message
        # a failed C encoder may keep the failed object's ids as "being encoded": a new one
        _C_ENCODE = _c_encoder()
        text = _ENCODE(obj)
    try:
        return (text + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(obj, ensure_ascii=True) + "\n").encode("ascii")


def dump_lines(objs: list[Any]) -> list[bytes]:
    """:func:`dump_line` of each object, with the common case (the C encoder, UTF-8) in
    one comprehension; any object that fails it is done again by :func:`dump_line`,
    which gives the same bytes or raises the same error."""
    global _C_ENCODE
    encode = _C_ENCODE
    if encode is not None:
        try:
            return [("".join(encode(obj, 0)) + "\n").encode("utf-8") for obj in objs]
        except Exception:  # noqa: BLE001 - each object again on its own, below
            _C_ENCODE = _c_encoder()  # as in dump_line: the failed one may keep stale ids
    return [dump_line(obj) for obj in objs]


#: orjson's indented output turned into ``json.dumps``' separators: a newline and its
#: indent go, after a comma a space takes their place.  A raw newline in JSON text is
#: always structural (strings escape theirs), so no string is touched.
_COMMA = re.compile(rb",\n +")
_INDENT = re.compile(rb"\n(?: +|(?=\}))")


def dump_block(objs: list[Any], by_json: Collection[int] = ()) -> bytes:
    """``b"".join(dump_lines(objs))``: the same bytes, written by orjson where it writes
    what ``json.dumps(obj, ensure_ascii=False)`` writes, about four times faster.

    Why it is the same: orjson's ``OPT_INDENT_2`` output has json's ``": "`` and escapes
    strings as json does with ``ensure_ascii=False`` (checked on every code point,
    tests/corpus/test_corpus_codec.py); only its line breaks differ, and they are
    rewritten.  Where orjson would write something else it is not asked: objects of
    ``by_json`` (floats, whose repr differs, NaN, lines json parsed) go through
    :func:`dump_line`; an object orjson refuses (a lone surrogate, an integer past 64
    bits, deep nesting, a cycle) sends the whole batch to :func:`dump_lines`, which
    writes it or raises as before.  Every object must be a dict (records are).
    """
    if orjson is None or not objs:
        return b"".join(dump_lines(objs))
    dumps, indent = orjson.dumps, orjson.OPT_INDENT_2
    try:
        if by_json:
            pieces = [dump_line(obj)[:-1] if i in by_json else dumps(obj, option=indent)
                      for i, obj in enumerate(objs)]
        else:
            pieces = [dumps(obj, option=indent) for obj in objs]
    except Exception:  # noqa: BLE001 - json's way, which writes it or raises its own error
        return b"".join(dump_lines(objs))
    block = b"\n".join(pieces)
    block += b"\n"
    return unindent(block)


def unindent(block: bytes) -> bytes:
    """orjson's indented lines with json.dumps' separators (:func:`dump_block`): in C
    where it was built (one pass; the two substitutions cost more than orjson.dumps)."""
    if cjsonl is not None:
        return cjsonl.unindent(block)
    return _INDENT.sub(b"", _COMMA.sub(b", ", block))
