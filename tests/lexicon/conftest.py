"""Fixtures for the lexicon tests: small lexicons written here, a private index cache."""

from __future__ import annotations

from pathlib import Path

import pytest

HEADER = "id\ttype\ten\tar\ten_variants\tar_variants\tacronyms\tparent\tnote\n"

ROWS = [
    "loc:iq\tLOC\tIraq\tالعراق\tRepublic of Iraq\tجمهورية العراق\t\t\t",
    "loc:iq-anbar\tLOC\tAnbar\tالأنبار\tAl-Anbar | Anbar Governorate\tمحافظة الأنبار\t\tloc:iq\t",
    "loc:iq-al-qaim\tLOC\tAl-Qaim\tالقائم\tQaim | Al Qa'im\t\t\tloc:iq-anbar\tborder town",
    "org:pmf\tORG\tPopular Mobilisation Forces\tهيئة الحشد الشعبي\tHashd al-Shaabi | Popular Mobilization Units\tالحشد الشعبي\tPMF | PMU | الحشد\tloc:iq\t",
    "org:kataeb-hezbollah\tORG\tKataeb Hezbollah\tكتائب حزب الله\tKata'ib Hizballah\t\tKH\torg:pmf\t",
    "org:hezbollah\tORG\tHezbollah\tحزب الله\tHizbullah\t\t\t\tLebanon",
    "per:mohammed-shiaa-al-sudani\tPER\tMohammed Shiaa al-Sudani\tمحمد شياع السوداني\tMohammed Shia al-Sudani\t\t\t\tprime minister",
    "per:qais-al-khazali\tPER\tQais al-Khazali\tقيس الخزعلي\t\t\t\t\t",
    "org:al-araby-al-jadeed\tORG\tAl-Araby Al-Jadeed\tالعربي الجديد\tThe New Arab | Al-Araby al-Jadid\t\t\t\tnewspaper",
]


def _write_lexicon(path: Path, rows: list[str], header: str = HEADER) -> Path:
    path.write_text("# test lexicon\n" + header + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def write_lexicon():  # type: ignore[no-untyped-def]
    """Write a curated-format lexicon: ``write_lexicon(path, rows, header=HEADER)``."""
    return _write_lexicon


@pytest.fixture
def rows() -> list[str]:
    return list(ROWS)


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("TOOLKIT_CACHE", str(cache))
    return cache


@pytest.fixture
def news_tsv(tmp_path: Path) -> Path:
    return _write_lexicon(tmp_path / "news.tsv", ROWS)
