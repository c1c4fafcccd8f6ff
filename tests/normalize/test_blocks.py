"""The fast paths give the bytes of the character-by-character definitions.

``normalize_lines`` (a block of lines at once), the vectorized table passes and the CLI's
block reader must be invisible: same output as one call a line, for every level and
language, on Arabic, Latin, empty, odd-whitespace and invalid-UTF-8 lines.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from toolkit.cli import app
from toolkit.cli import normalize as cli_normalize
from toolkit.normalize import normalize, normalize_many, normalize_offsets
from toolkit.normalize import arabic, latin_search
from toolkit.normalize.arabic import LEVELS, newline_is_inert, normalize_arabic, normalize_arabic_offsets, table
from toolkit.normalize.latin import normalize_latin
from toolkit.normalize.latin_search import fold_char
from toolkit.normalize.lines import normalize_lines
from toolkit.normalize.vector import VectorParams, build_lookup, translate

LINES = [
    "قالَ رئيسُ الوزراءِ محمد شياع السوداني إنَّ «الحشد الشعبي» مؤسسةٌ رسميةٌ، وأكّد…",
    "Kata'ib Hizballah — ‘Abd al-Ḥamīd’ said: “the £5m deal”.",
    "",
    "   ",
    "\r",
    "x\r\r",
    "ﻻ ﷽ ﻹ ا\u0654 ٱلله ١٢٣ ۴۵ ، ؛ ؟",
    "\t\x0b\x0c\x1c mixed  Reuters  السوداني\u200f ",
    "\u2028\u2029\x85 Ø ß ǅ ﬁ İstanbul ΣΑΣ",
    "\ue000 sep \ufeffbom \ufffe\uffff",
    "𝐀𝐁 😀 \U00010000 عربي",
    "a\rb",
    "\ud800 lone \udcff surrogates",
]


def _per_line(block: str, lang: str, level: str) -> str:
    return "\n".join(normalize_offsets(line, lang, level).text for line in block.split("\n"))  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["ar", "en", "auto"])
@pytest.mark.parametrize("level", LEVELS)
def test_block_equals_per_line_on_mixed_lines(lang: str, level: str) -> None:
    rnd = random.Random(15)
    # Long enough for the vectorized path, short blocks for the plain one.
    for count in (5, 40, 2000):
        block = "\n".join(rnd.choice(LINES) for _ in range(count))
        assert normalize_lines(block, lang, level) == _per_line(block, lang, level)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=80), st.sampled_from(LEVELS), st.sampled_from(["ar", "en", "auto"]))
def test_block_equals_per_line_property(lines: list[str], level: str, lang: str) -> None:
    lines = [line.replace("\n", " ") for line in lines]
    block = "\n".join(lines * 60)  # repeated past the vectorized threshold
    assert normalize_lines(block, lang, level) == _per_line(block, lang, level)  # type: ignore[arg-type]


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=120), st.sampled_from(LEVELS))
def test_long_string_paths_equal_the_short_ones(text: str, level: str) -> None:
    long = " | ".join([text] * 80)
    fast_ar, fast_la = normalize_arabic(long, level), normalize_latin(long, level)
    with pytest.MonkeyPatch.context() as mp:  # the same calls with the vectorized paths off
        mp.setattr(arabic, "VECTOR", VectorParams(min_chars=1 << 60))
        mp.setattr(latin_search, "VECTOR", VectorParams(min_chars=1 << 60))
        assert fast_ar == normalize_arabic(long, level)
        assert fast_la == normalize_latin(long, level)
    # The character walker of the offsets is a third, independent implementation.
    assert normalize_arabic_offsets(long, level).text == fast_ar


def test_vector_translate_equals_str_translate_on_every_bmp_character() -> None:
    text = "".join(chr(cp) for cp in range(0x10000)) + "\U0001d400\U0010ffff"
    for level in LEVELS:
        assert translate(text, build_lookup(table(level))) == text.translate(table(level))
    bmp_only = "".join(chr(cp) for cp in range(0xFFFE))
    assert translate(bmp_only, build_lookup(table("search"))) == bmp_only.translate(table("search"))


def test_newline_is_inert_at_every_level() -> None:
    assert all(newline_is_inert(level) for level in LEVELS)
    # No Latin fold makes a newline either.
    assert not any("\n" in fold_char(chr(cp)) for cp in range(0x80, 0x3000) if not 0xD800 <= cp < 0xE000)


def test_cli_block_path_gives_the_per_line_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    rnd = random.Random(8)
    raw_lines = [line.encode("utf-8", "surrogateescape") if "\ud800" not in line else b"\xed\xa0\x80 lone" for line in LINES]
    raw_lines += [b"\xff\xfe bad \xd8", b"ok \xe2\x80"]
    data = b"\n".join(rnd.choice(raw_lines) for _ in range(3000))
    runner = CliRunner()
    for level in LEVELS:
        for lang in ("ar", "en", "auto"):
            expected = []
            for raw in data.split(b"\n"):
                raw = raw.rstrip(b"\r\n")
                line = raw.decode("utf-8", errors="surrogateescape")
                expected.append(normalize(line, lang, level).encode("utf-8", "replace").decode("utf-8"))  # type: ignore[arg-type]
            want = ("\n".join(expected) + "\n").encode("utf-8")
            for size in (64, 4096, 1 << 20):  # tiny blocks, blocks split mid-line, one block
                monkeypatch.setattr(cli_normalize, "BLOCKS", cli_normalize.BlockParams(block_bytes=size))
                result = runner.invoke(app, ["normalize", "--lang", lang, "--level", level], input=data)
                assert result.exit_code == 0, result.output
                assert result.stdout_bytes == want, (lang, level, size)
    # Each invalid line is named once in a warning, with its own line number.
    result = runner.invoke(app, ["normalize", "--level", "display"], input=b"ok\nfine\n\xff bad\nok\n")
    assert "stdin line 3: invalid UTF-8 at byte 0" in result.stderr
    assert result.stdout_bytes == "ok\nfine\n\ufffd bad\nok\n".encode()


def test_cli_blocks_keep_line_count_and_empty_input() -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["normalize"], input=b"").stdout_bytes == b""
    assert runner.invoke(app, ["normalize"], input=b"\n\n").stdout_bytes == b"\n\n"
    assert runner.invoke(app, ["normalize", "--lang", "ar"], input="أحمد".encode()).stdout_bytes == "احمد\n".encode()


@pytest.mark.parametrize("level", LEVELS)
def test_batches_equal_one_call_per_record(level: str) -> None:
    rnd = random.Random(21)
    records = [rnd.choice(LINES) for _ in range(3000)]
    for batch in (records, [*records, "two\nlines", ""]):  # with a newline inside a record, and an empty one
        for lang in ("ar", "en", "auto"):
            assert normalize_many(batch, lang, level) == [normalize(x, lang, level) for x in batch]  # type: ignore[arg-type]
