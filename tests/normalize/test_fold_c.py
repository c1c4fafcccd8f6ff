"""The C pass (toolkit/normalize/cfold.c), the numpy gather and ``str.translate`` agree.

Three implementations of :func:`toolkit.normalize.vector.translate` must give the same
characters: the extension, the numpy fallback (what runs where no compiler was found)
and the definition, ``text.translate(table)`` followed by the spaces rule.  They are
compared on arbitrary text (BMP, beyond the BMP, lone surrogates, the sentinels U+FFFE
and U+FFFF, "\\n", empty, huge) with every table the normalizers use and with random
tables.  The C-only tests are skipped where the extension was not built.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.normalize import arabic, latin_search, vector
from toolkit.normalize.lines import normalize_lines
from toolkit.normalize.vector import Lookup, build_lookup, translate, translate_ascii

ROOT = Path(__file__).resolve().parents[2]
needs_c = pytest.mark.skipif(vector.cfold is None, reason="the C extension was not built (no compiler at install)")
SPACES = ("keep", "collapse", "lines")
SPECIAL = ["\n", " ", "  ", "\t", "\r", "\xa0", "\u3000", "\ufffe", "\uffff", "\ud800", "\udc00", "\udfff",
           "\U0001d400", "\U0010ffff", "\U0001f600", "ﻻ", "\ufdfd", "\ufdfa", "…", "µ", "½", "ß", "\x00"]


def _squeeze(s: str) -> str:
    return re.sub(" +", " ", s).strip(" ")


def reference(text: str, table: dict[int, str], spaces: str) -> str:
    """The definition: ``str.translate``, then the spaces rule."""
    s = text.translate(table)
    if spaces == "keep":
        return s
    if spaces == "collapse":
        return _squeeze(s)
    return "\n".join(_squeeze(line) for line in s.split("\n"))


def numpy_path(fn: Callable[..., str], *args: Any) -> str:
    """``fn(*args)`` with the extension hidden: the numpy fallback."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(vector, "cfold", None)
        return fn(*args)


def _tables() -> dict[str, Lookup]:
    out = {}
    for level in arabic.LEVELS:
        for lines in (False, True):
            out[f"arabic {level}{' lines' if lines else ''}"] = arabic._lookup(level, keep_newlines=lines)
    for lines in (False, True):
        out[f"latin display{' lines' if lines else ''}"] = latin_search._display_lookup(lines)
    return out


TABLES = _tables()
ASCII_TABLES = {f"latin ascii search after_display={a} lines={b}": latin_search._ascii_lut(a, b)
                for a in (False, True) for b in (False, True)}


def _text(keys: list[int]) -> st.SearchStrategy[str]:
    """Arbitrary text, weighted towards the table's keys and the awkward characters."""
    char = st.one_of(
        st.sampled_from([chr(k) for k in keys]) if keys else st.nothing(),
        st.sampled_from(SPECIAL),
        st.characters(exclude_categories=()),
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=()),
    )
    return st.lists(char, max_size=200).map("".join)


def check_all(text: str, lookup: Lookup, spaces: str) -> None:
    want = reference(text, dict(lookup.table), spaces)
    assert numpy_path(translate, text, lookup, spaces) == want
    if vector.cfold is not None:
        assert translate(text, lookup, spaces) == want  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.data(), st.sampled_from(sorted(TABLES)), st.sampled_from(SPACES))
def test_paths_agree_on_every_normalizer_table(data: st.DataObject, name: str, spaces: str) -> None:
    lookup = TABLES[name]
    text = data.draw(_text(sorted(lookup.table)))
    check_all(text, lookup, spaces)
    check_all(text * 50, lookup, spaces)  # past every buffer's first size


@settings(max_examples=100, deadline=None)
@given(st.data(), st.sampled_from(sorted(ASCII_TABLES)), st.sampled_from(SPACES))
def test_ascii_paths_agree(data: st.DataObject, name: str, spaces: str) -> None:
    lookup = ASCII_TABLES[name]
    text = data.draw(st.text(st.characters(max_codepoint=0x7F), max_size=300))
    want = reference(text, dict(lookup.table), spaces)
    assert numpy_path(translate_ascii, text, lookup, spaces) == want
    assert translate_ascii(text, lookup, spaces) == want  # type: ignore[arg-type]


_values = st.lists(
    st.one_of(st.sampled_from(SPECIAL), st.characters(exclude_categories=()),
              st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=())),
    max_size=4,
).map("".join)
_keys = st.one_of(st.integers(0, 0x10FFFF), st.sampled_from([ord(c) for c in SPECIAL if len(c) == 1]), st.integers(0, 0x17F))


@settings(max_examples=150, deadline=None)
@given(st.data(), st.dictionaries(_keys, _values, max_size=40), st.sampled_from(SPACES))
def test_paths_agree_on_random_tables(data: st.DataObject, table: dict[int, str], spaces: str) -> None:
    """Any table: values "" (delete), one character (a sentinel, a surrogate, beyond the
    BMP, wider than the input's kind) or several; keys anywhere up to U+10FFFF."""
    text = data.draw(_text(sorted(table)))
    check_all(text, build_lookup(table), spaces)


ODD_TABLES = [{0x41: "\uffff"}, {0x41: "\ufffe", 0x42: ""}, {0x41: "\U0001d400"}, {0x41: "\ud800", 0x42: "\udc00"},
              {0x41: "x\uffff\ufffe"}, {0xB5: "\u03bc", 0x20: "  "}, {0x0A: " ", 0x42: "\n"}, {0x1D400: "", 0x1D401: "ab"}]


def test_edges() -> None:
    odd = [build_lookup(t) for t in ODD_TABLES]
    for lookup in (*TABLES.values(), build_lookup({}), *odd):
        for text in ("", " ", "  ", "\n", " \n ", "\n\n", "\ufffe", "\uffff", "\ufffe\uffff \n",
                     "\ud800\udc00", "\ud800\u0640\udc00", "  a  \n  b  ", "\U0001d400 \n", "ABAB A B\n", "µ  µ",
                     "\U0001d400\U0001d401 \U0001d402"):
            for spaces in SPACES:
                check_all(text, lookup, spaces)


def test_huge_inputs() -> None:
    rnd = random.Random(15)
    table = arabic._lookup("search", keep_newlines=True)
    alphabet = [chr(k) for k in sorted(table.table)][:3000] + SPECIAL + list("abc ابت") * 200
    text = "".join(rnd.choice(alphabet) for _ in range(1_000_000))
    for spaces in SPACES:
        check_all(text, table, spaces)
    # Many several-character values: the output is far longer than the input.
    ligatures = "\ufdfa\ufdfd ﻻ" * 100_000
    check_all(ligatures, arabic._lookup("display"), "collapse")
    check_all(ligatures + "\U0001d400", arabic._lookup("display"), "lines")


def test_every_bmp_character_and_beyond() -> None:
    text = "".join(chr(cp) for cp in range(0x10000)) + "\U0001d400\U0010ffff"
    for lookup in TABLES.values():
        assert translate(text, lookup) == text.translate(lookup.table)
        assert numpy_path(translate, text, lookup) == text.translate(lookup.table)


def test_fallback_runs_and_agrees_when_the_extension_is_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    rnd = random.Random(7)
    lines = ["قالَ رئيسُ الوزراءِ ﻻ ١٢٣ ، ", "  Kata'ib  Ḥizballah…  ", "", "\U0001d400 ﷽"]
    block = "\n".join(rnd.choice(lines) for _ in range(3000))
    with_c = {(lang, level): normalize_lines(block, lang, level)  # type: ignore[arg-type]
              for lang in ("ar", "en", "auto") for level in arabic.LEVELS}
    monkeypatch.setattr(vector, "cfold", None)
    assert vector.backend() == "numpy"
    lookup = build_lookup(arabic.table("search"))
    assert lookup.native is None
    assert translate(block, lookup, "lines") == reference(block, arabic.table("search"), "lines")
    assert lookup._arrays is not None  # the numpy arrays were built and used
    for (lang, level), out in with_c.items():
        assert normalize_lines(block, lang, level) == out  # type: ignore[arg-type]


_HIDE = """
import sys
class Hide:
    def find_spec(self, name, path=None, target=None):
        if name == "toolkit.normalize.cfold":
            raise ImportError("hidden")
sys.meta_path.insert(0, Hide())
from toolkit.normalize import vector
sys.stderr.write("backend=" + vector.backend() + "\\n")
from toolkit.cli import main
sys.argv = ["toolkit", "normalize", "--lang", "ar", "--level", "search"]
main()
"""


def _cli(args: list[str], data: bytes) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, *args], input=data, capture_output=True, cwd=ROOT, env=env, check=True)


def test_cli_without_the_extension_gives_the_same_bytes() -> None:
    data = ("قالَ رئيسُ الوزراءِ  ﻻ ١٢٣ ،\n  Reuters \n\n".encode() * 2000)
    hidden = _cli(["-c", _HIDE], data)
    assert b"backend=numpy" in hidden.stderr
    plain = _cli(["-m", "toolkit.cli", "normalize", "--lang", "ar", "--level", "search"], data)
    assert hidden.stdout == plain.stdout


@needs_c
def test_cli_normalize_does_not_import_numpy_with_the_extension() -> None:
    data = ("قالَ رئيسُ الوزراءِ ﻻ ١٢٣ ، Kata'ib Ḥizballah…\n".encode() * 2000)
    for lang in ("ar", "en", "auto"):
        run = _cli(["-X", "importtime", "-m", "toolkit.cli", "normalize", "--lang", lang, "--level", "search"], data)
        imported = [line.rsplit("|", 1)[-1].strip() for line in run.stderr.decode().splitlines() if "|" in line]
        assert "numpy" not in imported, lang
        assert run.stdout.count(b"\n") == 2000


@needs_c
def test_table_rejects_what_is_not_a_table() -> None:
    with pytest.raises(TypeError):
        vector.cfold.Table({"a": "b"})
    with pytest.raises(TypeError):
        vector.cfold.Table({1: 2})
    with pytest.raises(ValueError):
        vector.cfold.Table({0x110000: "x"})
    with pytest.raises(ValueError):
        vector.cfold.translate("x", vector.cfold.Table({}), 3)
    with pytest.raises(TypeError):
        vector.cfold.translate(b"x", vector.cfold.Table({}), 0)
