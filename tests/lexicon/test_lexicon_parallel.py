"""Batch and multi-process lookup give exactly the answers of one lookup at a time."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.defaults import Lexicon  # the lexicon with the shipped model as its speller
from toolkit.lexicon.parallel import lookup_batches

FIRST = ["محمد", "أحمد", "علي", "حسين", "عمر", "خالد", "يوسف", "إبراهيم", "سعيد", "جمال", "كريم", "ناصر", "فيصل", "هادي", "رشيد"]
FAMILY = ["السوداني", "الخزعلي", "العامري", "الحلبوسي", "الصدر", "الحكيم", "النجار", "الحداد", "الشمري", "الجبوري", "الدليمي", "الكعبي"]
EN_FIRST = ["Mohammed", "Ahmad", "Ali", "Hussein", "Omar", "Khaled", "Yousef", "Ibrahim", "Saeed", "Gamal", "Karim", "Nasser", "Faisal", "Hadi", "Rashid"]
EN_FAMILY = ["al-Sudani", "Khazali", "al-Amiri", "Halbousi", "al-Sadr", "Hakim", "Najjar", "al-Haddad", "Shammari", "Jubouri", "Dulaimi", "al-Kaabi"]


@pytest.fixture
def arabic_only(tmp_path: Path) -> Path:
    """An Arabic-only user list of 180 two-part names (id, ar)."""
    path = tmp_path / "people.tsv"
    rows = [f"p{i}\t{a} {b}" for i, (a, b) in enumerate(itertools.product(FIRST, FAMILY))]
    path.write_text("id\tar\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def queries(n: int) -> list[str]:
    """English spellings, some partial, some with a title, some empty or odd."""
    base = [f"{a} {b}" for a, b in itertools.product(EN_FIRST, EN_FAMILY)]
    extra = ["", "Sheikh Qais", "Dr. Ali al-Sadr", "حسين الصدر", "x", "12345", "Mohammed"]
    out = (base + extra) * (n // (len(base) + len(extra)) + 1)
    return out[:n]


def test_lookup_many_equals_lookup(arabic_only: Path) -> None:
    qs = queries(400)
    one = Lexicon.from_paths([arabic_only])
    many = Lexicon.from_paths([arabic_only])
    expected = [one.lookup(q, top=3) for q in qs]
    assert many.lookup_many(qs, top=3) == expected
    # The Arabic-only list is found from English spellings.
    hits = sum(bool(m) and m[0].ar == f"{FIRST[i // len(FAMILY)]} {FAMILY[i % len(FAMILY)]}" for i, m in enumerate(expected[:180]))
    assert hits >= 170


def test_two_workers_equal_one(arabic_only: Path) -> None:
    qs = queries(700)
    batches = [qs[i : i + 100] for i in range(0, len(qs), 100)]
    seq = list(lookup_batches(Lexicon.from_paths([arabic_only]), batches, top=2, workers=1))
    par = list(lookup_batches(Lexicon.from_paths([arabic_only]), batches, top=2, workers=2))
    assert [b for b, _ in par] == batches
    assert par == seq


def test_cli_stdin_workers_keep_order_and_blank_lines(arabic_only: Path) -> None:
    qs = queries(1300)
    text = "\n".join(qs) + "\n"

    def run(workers: int) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "toolkit.cli", "lookup", "--lexicon", str(arabic_only), "--json", "-j", str(workers)],
            input=text, capture_output=True, text=True, timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    one, two = run(1), run(2)
    assert one == two
    lines = one.splitlines()
    assert len(lines) == len(qs)  # one JSON line per query, blank ones included
    assert lines[0].startswith('{"query": "Mohammed al-Sudani"')


class _StubTransliterator:
    """Stands in for the learned model: fixed Arabic spellings, and a record of calls."""

    def __init__(self, spellings: dict[str, list[str]]) -> None:
        self.spellings = spellings
        self.asked: list[str] = []

    def transliterate_many(self, names, to, top=5):  # type: ignore[no-untyped-def]
        from toolkit.translit import Candidate

        assert to == "arabic"
        self.asked.extend(names)
        return [[Candidate(t, 0.9 - 0.1 * i, "model") for i, t in enumerate(self.spellings.get(n, []))][:top] for n in names]


@pytest.fixture
def foreign(tmp_path: Path) -> Path:
    """Arabic-only list where the English spelling "Reza" is closer, letter by letter,
    to other names than to its own (رضا: the z is written with dad)."""
    path = tmp_path / "foreign.tsv"
    path.write_text("id\tar\nreza\tرضا\narizza\tأريزا\nrosa\tروزا\nreese\tريز\n", encoding="utf-8")
    return path


def test_translit_spelling_lifts_the_entry_it_names(foreign: Path) -> None:
    lex = Lexicon.from_paths([foreign])
    without = lex.lookup("Reza", translit=False)
    assert without[0].id != "reza"
    stub = _StubTransliterator({"Reza": ["رضا", "ريزا"]})
    lex.use_transliterator(stub)
    got = lex.lookup("Reza")
    assert stub.asked == ["Reza"]
    assert (got[0].id, got[0].why) == ("reza", "translit")
    assert got[0].score <= 0.945  # under the key tier


def test_translit_not_asked_for_sure_answers_or_when_off(news_tsv: Path) -> None:
    lex = Lexicon.from_paths([news_tsv])
    stub = _StubTransliterator({})
    lex.use_transliterator(stub)
    assert lex.lookup("Kata'ib Hizballah")[0].why == "variant"
    assert lex.lookup("حزب الله")[0].why == "exact"
    lex.lookup("Qais Khazaly", translit=False)
    assert stub.asked == []


def test_cli_answers_a_slow_pipe_line_by_line(news_tsv: Path) -> None:
    """Queries typed one at a time are answered one at a time, not held for a batch."""
    import os
    import select

    proc = subprocess.Popen(
        [sys.executable, "-m", "toolkit.cli", "lookup", "--lexicon", str(news_tsv), "--json"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ),
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        for query, expected in (("Hashd al-Shaabi", "org:pmf"), ("Kata'ib Hizballah", "org:kataeb-hezbollah")):
            proc.stdin.write(query.encode() + b"\n")
            proc.stdin.flush()
            ready, _, _ = select.select([proc.stdout], [], [], 60)
            assert ready, f"no answer to {query!r} while the pipe stays open"
            line = proc.stdout.readline().decode()
            assert expected in line
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)
    assert proc.returncode == 0
