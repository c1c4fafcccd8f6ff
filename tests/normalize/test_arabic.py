"""Arabic normalization: the documented folds, camel-tools equivalence, properties."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.normalize.arabic import LEVELS, normalize_arabic, normalize_arabic_offsets

# A real news paragraph, mixed with English, with harakat, hamza forms, alef maqsura,
# teh marbuta, a presentation-form ligature and Quranic-style marks.
NEWS = (
    "قالَ رئيسُ الوزراءِ محمد شياع السوداني إنَّ «الحشد الشعبي» مؤسسةٌ رسميةٌ، "
    "وأكّد أنّ القوات العراقية ستبقى على الحدود مع سوريا في القائم. "
    "وأضاف في مؤتمر صحفي مع Reuters أن إدارة الحدود ﻻ تزال أولوية، "
    "مشيراً إلى أن آمرلي وإربيل ومصطفى ومستشفى الرمادي العامّ جزء من الخطة."
)


def camel_search_chain(text: str) -> str:
    """The camel-tools operations that do what the search level does."""
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(normalize_unicode(text)))))


def test_display_equals_camel_normalize_unicode_on_news() -> None:
    from camel_tools.utils.normalize import normalize_unicode

    assert normalize_arabic(NEWS, "display") == normalize_unicode(NEWS)


def test_search_equals_camel_chain_on_news() -> None:
    # camel-tools has no operation for Arabic punctuation; map the comma on its side.
    expected = camel_search_chain(NEWS).replace("\u060c", ",")
    assert normalize_arabic(NEWS, "search") == expected


@pytest.mark.parametrize(
    ("op", "text"),
    [
        ("dediac_ar", "مُحَمَّدٌ شِيَاعٌ السُّودَانِيُّ ٱلْقُرْآنُ"),
        ("normalize_alef_ar", "أحمد إبراهيم آمرلي ٱلله"),
        ("normalize_alef_maksura_ar", "مصطفى مستشفى على"),
        ("normalize_teh_marbuta_ar", "مدينة حديثة الرمانة"),
    ],
)
def test_each_camel_operation_is_included(op: str, text: str) -> None:
    import camel_tools.utils.dediac as dediac
    import camel_tools.utils.normalize as norm

    fn = getattr(dediac, op, None) or getattr(norm, op)
    assert normalize_arabic(fn(text), "search") == normalize_arabic(text, "search")
    assert normalize_arabic(text, "search") == normalize_arabic(text, "search").strip()


@pytest.mark.parametrize(
    ("text", "level", "expected"),
    [
        ("ﻻ ﷲ", "display", "لا الله"),
        ("كتــــائب", "search", "كتائب"),
        ("\u200fحزب\u200e الله\u202b", "display", "حزب الله"),
        ("می\u200cخواهم", "display", "می\u200cخواهم"),  # ZWNJ is visible in Persian: kept
        ("می\u200cخواهم", "search", "ميخواهم"),
        ("کرکوک یک ۀ", "search", "كركوك يك ه"),
        ("١٢٣ ۴۵۶", "search", "123 456"),
        ("٣٫٥٪ ؟ ؛", "search", "3.5% ? ;"),
        ("أإآٱ", "search", "اااا"),
        ("رئيس مؤسسة ءامن", "match", "رييس موسسه امن"),
        ("«الحشد» – Reuters!", "match", "الحشد reuters"),
        ("ا\u0654حمد", "display", "أحمد"),
        ("  سطر\t\n  ثان  ", "display", "سطر ثان"),
        ("\x00abc\x07", "display", "abc"),
        ("", "search", ""),
    ],
)
def test_documented_folds(text: str, level: str, expected: str) -> None:
    assert normalize_arabic(text, level) == expected  # type: ignore[arg-type]


def test_lone_surrogate_becomes_replacement_character() -> None:
    bad = b"\xff\xfeabc \xd8\xa3".decode("utf-8", errors="surrogateescape")
    out = normalize_arabic(bad, "search")
    assert "\ufffd" in out and out.endswith("ا")
    out.encode("utf-8")  # always encodable


def test_unknown_level_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown level"):
        normalize_arabic("x", "loud")  # type: ignore[arg-type]


def test_ten_megabyte_line_is_fast() -> None:
    line = ("قالَ السودانيُّ إنَّ ١٢٣ Reuters، " * 300_000)[: 10 * 1024 * 1024]
    start = time.perf_counter()
    out = normalize_arabic(line, "search")
    assert time.perf_counter() - start < 5
    assert "123" in out and "ُ" not in out


def test_offset_path_agrees_with_fast_path() -> None:
    for level in LEVELS:
        assert normalize_arabic_offsets(NEWS, level).text == normalize_arabic(NEWS, level)


def test_offsets_map_a_match_back_to_the_original() -> None:
    text = "قالَ  رئيسُ الوزراءِ ﻻ محمد"
    res = normalize_arabic_offsets(text, "search")
    i = res.text.index("محمد")
    start, end = res.span(i, i + 4)
    assert text[start:end] == "محمد"


texts = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(list(" \t\n\u200b\u200c\u200d\u200e\u200f\u202e\u2066\u00a0\x00ABCabc123.,«»\ud800\udcff")),
        st.characters(),
    ),
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(LEVELS))
def test_every_level_is_idempotent_and_never_raises(text: str, level: str) -> None:
    once = normalize_arabic(text, level)  # type: ignore[arg-type]
    assert normalize_arabic(once, level) == once  # type: ignore[arg-type]


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(LEVELS))
def test_offsets_stay_inside_the_input_and_agree(text: str, level: str) -> None:
    res = normalize_arabic_offsets(text, level)  # type: ignore[arg-type]
    assert res.text == normalize_arabic(text, level)  # type: ignore[arg-type]
    assert len(res.offsets) == len(res.text)
    assert all(0 <= o < len(text) for o in res.offsets)
    assert list(res.offsets) == sorted(res.offsets)


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, max_size=8), st.sampled_from(LEVELS))
def test_batch_equals_one_call_per_record(records: list[str], level: str) -> None:
    from toolkit.normalize.arabic import normalize_arabic_many

    assert normalize_arabic_many(records, level) == [normalize_arabic(r, level) for r in records]  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(texts, st.sampled_from(LEVELS))
def test_long_strings_take_the_vectorized_path_with_the_same_result(text: str, level: str) -> None:
    long_text = (text + " ") * (5000 // (len(text) + 1) + 1)
    assert len(long_text) >= 4096
    assert normalize_arabic(long_text, level) == normalize_arabic_offsets(long_text, level).text  # type: ignore[arg-type]
