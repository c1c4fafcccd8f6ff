"""normalize_records and field paths: what changes in a record and what does not."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.corpus import normalize_records
from toolkit.corpus.records import Spec, normalizer_for, parse_path
from toolkit.normalize import normalize


def test_parse_path() -> None:
    assert parse_path("a.b.0.c") == ("a", "b", 0, "c")
    assert parse_path(r"a\.b.c") == ("a.b", "c")
    for bad in ("", "a..b", ".a", " a"):
        with pytest.raises(ValueError):
            parse_path(bad)


def test_strings_are_normalized_in_order() -> None:
    texts = ["أَحْمَدُ", "Kata'ib Hizballah", "", "abc"]
    assert list(normalize_records(texts)) == [normalize(t) for t in texts]


def test_mapping_fields_added_beside_and_rest_untouched() -> None:
    rec = {"id": 1, "title": "أَحْمَدُ", "meta": {"h": "Abd al-Aziz", "x": [1]}, "z": None}
    before = copy.deepcopy(rec)
    (out,) = normalize_records([rec], ["title", "meta.h"], key=True, script=True)
    assert rec == before, "the caller's record must not be modified"
    assert list(out) == ["id", "title", "meta", "z", "title_norm", "title_key", "title_script"]
    assert out["title"] == "أَحْمَدُ" and out["title_norm"] == normalize("أَحْمَدُ")
    assert out["title_script"] == "arabic"
    assert out["meta"]["h_norm"] == normalize("Abd al-Aziz")
    assert out["meta"]["x"] == [1] and out["z"] is None


def test_replace_and_lists_and_missing() -> None:
    rec = {"names": ["أَحْمَد", "Muhammad"], "a": [{"t": "Hizballah"}], "n": 3}
    (out,) = normalize_records([rec], ["names", "a.0.t", "n", "nope.deep"], replace=True)
    assert out["names"] == [normalize("أَحْمَد"), normalize("Muhammad")]
    assert out["a"][0]["t"] == normalize("Hizballah")
    assert out["n"] == 3 and "nope" not in out


def test_bad_spec() -> None:
    with pytest.raises(ValueError):
        Spec(("t",), level="loud")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Spec(("t",), suffix="")
    with pytest.raises(TypeError):
        list(normalize_records([42]))  # type: ignore[list-item]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc ʿ'-\u0627\u0628\u064b\u0660\u06f1\ufefb\u08a0\u0750\u200fé1")) | st.characters(), max_size=30))
def test_fast_language_choice_matches_normalize(text: str) -> None:
    """The job's regex decision of the language must equal normalize(lang='auto')."""
    n = normalizer_for(Spec(("t",), level="search"))
    assert n(text) == normalize(text, "auto", "search")
