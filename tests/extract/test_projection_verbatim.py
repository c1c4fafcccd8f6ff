"""An English name written in Latin letters inside the Arabic report is found there as it is."""

from __future__ import annotations

from toolkit.extract.model import RawMention
from toolkit.extract.projection import project


def _en(name: str) -> RawMention:
    return RawMention("en", 0, len(name), name, name, "ORG", "ner", None, 0.9)


def test_a_name_left_in_latin_letters_is_projected_verbatim() -> None:
    ar = "وقالت مجموعة Priorities USA إنها ستنفق المزيد"
    m = project(_en("Priorities USA"), ar, 0, len(ar))
    assert m is not None and ar[m.start:m.end] == "Priorities USA" and m.score == 1.0


def test_not_inside_a_longer_latin_word_nor_for_a_short_name() -> None:
    ar = "قال موقع MoveOnline شيئا"
    assert project(_en("MoveOn"), ar, 0, len(ar)) is None or project(_en("MoveOn"), ar, 0, len(ar)).text != "MoveOn"
    ar2 = "زار AB المدينة"
    m = project(_en("AB"), ar2, 0, len(ar2))
    assert m is None or m.score < 1.0


def test_a_taken_span_is_not_taken_twice() -> None:
    ar = "فريق NL West"
    assert project(_en("NL West"), ar, 0, len(ar), taken=[(5, 12)]) is None or \
        project(_en("NL West"), ar, 0, len(ar), taken=[(5, 12)]).start != 5
