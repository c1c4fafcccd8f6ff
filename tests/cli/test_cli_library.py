"""The logic that moved out of the command line into the library (issue 12), on its own."""

from __future__ import annotations

from pathlib import Path

from toolkit.align import Alignment, Link, Sentence
from toolkit.align.inputs import check_inputs
from toolkit.align.output import PAIRS_HEADER, pair_lines, to_tsv, write_dir
from toolkit.lexdata.shipped import shipped_paths
from toolkit.lexdata.validate import lexicon_paths, validate_lexicons
from toolkit.translit import Candidate, TranslitError
from toolkit.translit.batch import Request, answer_batch, answer_batches, scheme_note, target_of

EN = "The army said people fled. The storm destroyed the bridge."
AR = "قال الجيش إن الناس فروا. دمرت العاصفة الجسر."


class FakeEngine:
    """Refuses any batch holding a name with '!', as the real engine refuses a long one."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], str]] = []

    def transliterate_many(self, names, to, top=5, scheme=None, region=None, style="press"):  # type: ignore[no-untyped-def]
        self.calls.append((list(names), to))
        if any("!" in n for n in names):
            raise TranslitError("not a name")
        return [[Candidate(f"{n}>{to}", 0.9, "rules")] for n in names]


def test_target_script_is_the_other_one_unless_asked() -> None:
    assert target_of("محمد") == "latin" and target_of("Guterres") == "arabic" and target_of("") == "arabic"
    assert target_of("محمد", "arabic") == "arabic"
    assert target_of("٢٠٢٤") == "latin" and target_of("\ufee3\ufea4\ufee4\ufeaa") == "latin"  # digits, presentation forms


def test_a_batch_is_one_call_per_direction_and_a_refused_one_is_redone_name_by_name() -> None:
    engine = FakeEngine()
    answers = answer_batch(engine, ["محمد", "Guterres", "سمير"], Request())  # type: ignore[arg-type]
    assert [a.candidates[0].text for a in answers] == ["محمد>latin", "Guterres>arabic", "سمير>latin"]
    assert len(engine.calls) == 2
    engine = FakeEngine()
    answers = answer_batch(engine, ["a", "b!", "c"], Request(to="arabic"))  # type: ignore[arg-type]
    assert [(a.name, bool(a.candidates), a.error) for a in answers] == [("a", True, None), ("b!", False, "not a name"), ("c", True, None)]


def test_answer_batches_keep_the_input_order() -> None:
    batches = [["a", "b"], ["c!"], ["d"]]
    got = [[a.name for a in answers] for answers in answer_batches(FakeEngine(), batches, Request(to="arabic"))]  # type: ignore[arg-type]
    assert got == batches


def test_scheme_notes() -> None:
    assert scheme_note("محمد", Request(scheme="ala-lc")) == "input has no short vowels: consonantal form with long vowels only"
    assert scheme_note("محمد", Request()) == ""
    assert scheme_note("x", Request(to="arabic", scheme="ala-lc")) == ""  # one-way: the engine's error says it


def test_align_inputs_swapped_wrong_language_and_empty() -> None:
    checked = check_inputs(AR, EN, "a.txt", "b.txt")
    assert checked.swapped and (checked.en_text, checked.ar_text) == (EN, AR)
    assert checked.warnings == ("a.txt is Arabic and b.txt is not: the files look swapped; aligning them the other way round",)
    assert check_inputs(EN, EN, "a", "b").warnings == ("b holds almost no Arabic text; the alignment will be poor",)
    assert check_inputs("", "", "a", "b").warnings == ("both files are empty: nothing to align",)
    assert check_inputs(EN, "", "a", "b").warnings == ("b is empty: every sentence stays unlinked",)
    assert check_inputs(EN, AR).warnings == ()


def _alignment() -> Alignment:
    en = (Sentence("One  two", 0, 8), Sentence("Three", 9, 14))
    ar = (Sentence("واحد", 0, 4),)
    return Alignment(en=en, ar=ar, links=(Link((0,), (0,), 0.91234), Link((1,), (), 0.0)), mode="parallel")


def test_pairs_tsv_and_pipe_lines(tmp_path: Path) -> None:
    alignment = _alignment()
    assert to_tsv(alignment) == f"{PAIRS_HEADER}\n0\t0\t0.912\tOne two\tواحد\n1\t\t0.000\tThree\t\n"
    assert list(pair_lines(alignment)) == ["0\t0\t0.912\tOne two\tواحد", "1\t-\t0.000\tThree\t"]
    written = write_dir(tmp_path / "out", alignment, {"links": []}, {"extra.json": "{}\n"})
    assert written == ["alignment.json", "pairs.tsv", "extra.json"]
    assert (tmp_path / "out" / "alignment.json").read_text(encoding="utf-8") == '{\n "links": []\n}\n'


def test_lexicon_paths_and_validation_with_shipped_parents(tmp_path: Path) -> None:
    shipped = shipped_paths()
    assert lexicon_paths() == shipped
    user = tmp_path / "user.csv"
    user.write_text("id,type,en,ar,parent\nu:1,LOC,Qaim Town,,loc:iq-al-qaim\nu:2,LOC,Nowhere,,loc:nowhere\n", encoding="utf-8")
    assert lexicon_paths([user]) == [user.resolve()]
    assert lexicon_paths([user, shipped[0]], with_shipped=True) == shipped + [user.resolve()]
    files, issues = validate_lexicons([user])
    assert files == [user.resolve()]
    # the shipped parent is known; the made-up one is a warning for a user list
    assert [(i.line, i.field) for i in issues] == [(3, "parent")]
