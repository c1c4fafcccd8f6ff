"""Short and vowel-only queries (issue 14, item 7): no key hit without consonant
evidence, near-exact key hits only for short names, acronyms by their letters."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.lexicon import Lexicon

SHORT_ROWS = [
    "org:anadolu\tORG\tAnadolu Agency\tوكالة الأناضول\t\t\tAA\t\t",
    "org:asaib-ahl-al-haq\tORG\tAsaib Ahl al-Haq\tعصائب أهل الحق\t\t\tAAH\t\t",
    "loc:us-los-angeles\tLOC\tLos Angeles\tلوس أنجلوس\tL.A.\t\t\t\t",
    "org:african-union\tORG\tAfrican Union\tالاتحاد الأفريقي\t\t\tAU\t\t",
    "org:eu\tORG\tEuropean Union\tالاتحاد الأوروبي\t\t\tEU\t\t",
    "org:isis\tORG\tIslamic State\tالدولة الإسلامية\t\t\tIS | ISIS\t\t",
    "org:iiss\tORG\tInternational Institute for Strategic Studies\tالمعهد الدولي للدراسات الاستراتيجية\t\t\tIISS\t\t",
    "loc:us\tLOC\tUnited States\tالولايات المتحدة\t\t\tUS\t\t",
    "org:ilo\tORG\tInternational Labour Organization\tمنظمة العمل الدولية\t\t\tILO\t\t",
    "loc:ps-eli\tLOC\tEli\tعيلي\t\t\t\t\t",
    "loc:iq\tLOC\tIraq\tالعراق\t\t\t\t\t",
    "org:kataeb-hezbollah\tORG\tKataeb Hezbollah\tكتائب حزب الله\t\t\tKH\t\t",
]


@pytest.fixture
def lex(tmp_path: Path, write_lexicon) -> Lexicon:  # type: ignore[no-untyped-def]
    return Lexicon.from_paths([write_lexicon(tmp_path / "short.tsv", SHORT_ROWS)])


def _hits(lex: Lexicon, query: str) -> list[tuple[str, str]]:
    return [(m.id, m.why) for m in lex.lookup(query, translit=False)]


def test_vowel_only_query_has_no_key_hits(lex: Lexicon) -> None:
    assert [m for m in lex.lookup("aaaa", translit=False) if m.score >= 0.9] == []


def test_acronym_query_finds_its_acronym_only(lex: Lexicon) -> None:
    assert _hits(lex, "EU")[:1] == [("org:eu", "variant")]
    assert "org:african-union" not in {i for i, _ in _hits(lex, "EU")}
    hits = _hits(lex, "AA")
    assert hits[0] == ("org:anadolu", "variant")
    assert not {"org:asaib-ahl-al-haq", "loc:us-los-angeles"} & {i for i, why in hits if why == "key"}


def test_acronyms_differ_by_a_letter(lex: Lexicon) -> None:
    assert "org:iiss" not in {i for i, _ in _hits(lex, "IS")}
    assert "org:isis" not in {i for i, _ in _hits(lex, "US")}
    assert _hits(lex, "isis")[:1] == [("org:isis", "variant")]


def test_short_names_need_a_near_exact_key(lex: Lexicon) -> None:
    hits = _hits(lex, "Ali")
    assert "org:ilo" not in {i for i, _ in hits}
    assert ("loc:ps-eli", "key") in hits  # one vowel written as English does: near-exact


def test_long_names_still_match_by_key(lex: Lexicon) -> None:
    assert _hits(lex, "Kata'ib Hizballah")[:1] == [("org:kataeb-hezbollah", "key")]
    assert _hits(lex, "Iraq")[:1] == [("loc:iq", "exact")]
