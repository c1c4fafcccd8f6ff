"""The reading view keeps every character at its offset and makes hidden tricks plain."""

from hypothesis import given
from hypothesis import strategies as st

from toolkit.normalize.invisible import BIDI, LOOK_ALIKE, ZERO_WIDTH, readable

ALPHABET = st.sampled_from(list("abc XYZ كتب حزب") + sorted(BIDI | ZERO_WIDTH) + list(LOOK_ALIKE)[:10])


@given(st.text(alphabet=ALPHABET, max_size=40))
def test_length_and_idempotence(text):
    view = readable(text)
    assert len(view.text) == len(text)
    assert readable(view.text).text == view.text
    assert not (set(view.text) & (BIDI | ZERO_WIDTH))


def test_examples():
    assert readable("Kata\u200bib Hizballah").text == "Kata'ib Hizballah"
    assert readable("كتائب\u200fحزب الله").text == "كتائب حزب الله"
    assert readable("Kat\u0430eb").text == "Kataeb"
    assert readable("Москва").text == "Москва"  # a Cyrillic word stays Cyrillic
    plain = "nothing to change here"
    assert readable(plain).text is plain and readable(plain).changed == 0
