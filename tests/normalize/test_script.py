"""Which script a text is in (toolkit/normalize/script.py)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.normalize.script import ARABIC_CLASS, has_arabic

LETTER = re.compile(f"(?=[{ARABIC_CLASS}])[^\\W\\d_]")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(max_codepoint=0x7FF), st.sampled_from("ğé’\u0660\u064b\ufdfc")), max_size=40))
def test_has_arabic_is_the_letter_test_whatever_its_shortcuts(text: str) -> None:
    assert has_arabic(text) == (LETTER.search(text) is not None)


def test_arabic_marks_and_digits_alone_are_not_arabic_letters():
    assert not has_arabic("Erdoğan ١٢٣ \u064b")
    assert has_arabic("Erdoğan أردوغان") and not has_arabic("plain ASCII")
