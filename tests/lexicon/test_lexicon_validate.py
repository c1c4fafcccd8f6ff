"""Validation rules: what stops a lexicon (errors) and what is only reported (warnings)."""

from __future__ import annotations

from pathlib import Path

from toolkit.lexdata.validate import validate_paths


def _issues(tmp_path: Path, write_lexicon, rows: list[str]):  # type: ignore[no-untyped-def]
    path = write_lexicon(tmp_path / "v.tsv", rows)
    return validate_paths([str(path)])


def _errors(issues):  # type: ignore[no-untyped-def]
    return [i for i in issues if i.severity == "error"]


def test_clean_lexicon_has_no_errors(news_tsv: Path) -> None:
    assert _errors(validate_paths([str(news_tsv)])) == []


def test_duplicate_id(tmp_path, write_lexicon, rows) -> None:  # type: ignore[no-untyped-def]
    rows.append(rows[1].replace("Anbar\tالأنبار", "Anbar Two\tالأنبار الثانية", 1))
    (err,) = _errors(_issues(tmp_path, write_lexicon, rows))
    assert err.field == "id" and err.line == 12 and "duplicate id 'loc:iq-anbar'" in err.message
    assert "v.tsv:4" in err.message  # points at the first definition


def test_unknown_type_and_bad_id(tmp_path, write_lexicon, rows) -> None:  # type: ignore[no-untyped-def]
    rows[0] = rows[0].replace("loc:iq\tLOC", "Loc:IQ\tPLACE")
    errs = _errors(_issues(tmp_path, write_lexicon, rows))
    fields = {e.field for e in errs if e.line == 3}
    assert {"id", "type"} <= fields


def test_script_checks(tmp_path, write_lexicon, rows) -> None:  # type: ignore[no-untyped-def]
    rows[7] = "per:qais-al-khazali\tPER\tقيس\tQais\tQays | الخزعلي\t\t\t\t"
    errs = _errors(_issues(tmp_path, write_lexicon, rows))
    got = {(e.field, e.line) for e in errs}
    assert ("ar", 10) in got  # Arabic field without Arabic letters
    assert ("en", 10) in got  # Latin field with Arabic letters
    assert ("en_variants", 10) in got


def test_empty_names_and_missing_parent(tmp_path, write_lexicon, rows) -> None:  # type: ignore[no-untyped-def]
    rows.append("misc:nothing\tMISC\t\t\t\t\t\t\t")
    rows.append("loc:x\tLOC\tX Town\tبلدة اكس\t\t\t\tloc:nowhere\t")
    errs = _errors(_issues(tmp_path, write_lexicon, rows))
    assert any(e.line == 12 and "both empty" in e.message for e in errs)
    assert any(e.line == 13 and e.field == "parent" and "loc:nowhere" in e.message for e in errs)


def test_same_preferred_name_same_type_is_an_error(tmp_path, write_lexicon, rows) -> None:  # type: ignore[no-untyped-def]
    rows.append("org:hezbollah-2\tORG\tHezbollah\tحزب الله الثاني\t\t\t\t\t")
    errs = _errors(_issues(tmp_path, write_lexicon, rows))
    assert any(e.line == 12 and "also the preferred name of 'org:hezbollah'" in e.message for e in errs)


def test_same_place_name_under_other_parents_is_a_warning(tmp_path, write_lexicon, rows) -> None:  # type: ignore[no-untyped-def]
    rows.append("loc:sy\tLOC\tSyria\tسوريا\t\t\t\t\t")
    rows.append("loc:sy-al-qaim\tLOC\tAl-Qaim\tالقائم السوري\t\t\t\tloc:sy\t")
    issues = _issues(tmp_path, write_lexicon, rows)
    assert _errors(issues) == []
    assert any(i.line == 13 and i.severity == "warning" and "loc:iq-al-qaim" in i.message for i in issues)


def test_shared_acronym_is_a_warning(tmp_path, write_lexicon, rows) -> None:  # type: ignore[no-untyped-def]
    rows.append("org:kh-other\tORG\tKhorasan Group\tمجموعة خراسان\t\t\tKH\t\t")
    issues = _issues(tmp_path, write_lexicon, rows)
    assert _errors(issues) == []
    assert any(i.line == 12 and i.field == "acronyms" and "'KH'" in i.message for i in issues)


def test_user_file_parent_may_point_at_known_ids(tmp_path: Path) -> None:
    path = tmp_path / "user.tsv"
    path.write_text("id\ten\tparent\nu1\tSome Brigade\torg:pmf\n", encoding="utf-8")
    assert _errors(validate_paths([str(path)], known_ids={"org:pmf"})) == []
    assert [i.severity for i in validate_paths([str(path)]) if i.field == "parent"] == ["warning"]


def test_malformed_file_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.tsv"
    path.write_text("id\ten\nx:1\tA\textra\n", encoding="utf-8")
    (err,) = validate_paths([str(path)])
    assert err.severity == "error" and err.line == 2 and str(err).startswith(f"{path}:2:")
