"""Whatever text comes in, the pipeline returns a list (maybe empty) and never raises."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.entities import extract_entities
from toolkit.extract import Gazetteer, extract_arabic, extract_english
from toolkit.lexdata import Entry

GAZ = Gazetteer([Entry("loc:qaim", "LOC", "Al-Qaim", "القائم"), Entry("org:kh", "ORG", "Kataeb Hezbollah", "كتائب حزب الله")])

ALPHABET = st.sampled_from(list("Al-Qaim Kataeb Hezbollah .,()'\n\x00\ufffd\u200f\u0640ًٌ") + list("والقائمكتبحزبله ٠١٢"))
TEXT = st.text(alphabet=ALPHABET, max_size=200) | st.text(max_size=80)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, TEXT)
def test_never_raises_and_offsets_hold(en, ar):
    result = extract_entities(en, ar, gazetteer=GAZ, presplit=True, encoder="hash", translit_model=False, transliterate=False)
    if any("swapped" in msg for msg in result.messages):
        en, ar = ar, en
    for e in result:
        for m in e.mentions:
            src = en if m.lang == "en" else ar
            assert src[m.start:m.end] == m.text
    if not len(result):
        assert result.messages


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_extractors_keep_offsets(text):
    for m in extract_english(text, GAZ) + extract_arabic(text, GAZ):
        assert text[m.start:m.end] == m.text
        assert m.start < m.end
