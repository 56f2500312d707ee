"""Deliberately broken copies of each data file: validate names the file, the row and the field, and
``casebook validate`` exits 1 with a message, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casebook.cli import main
from casebook.data.validation import validate_package
from casebook.maintain.data_hashes import update_hashes
from casebook.problems import Problem
from tests.data.conftest import edit_cell


def only_problem(folder: Path) -> Problem:
    problems = validate_package(folder)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_a_wrong_type_is_named_with_file_row_and_field(data_copy: Path) -> None:
    row = edit_cell(data_copy / "osce" / "invocations.csv", "m13", "invoking_states", "thirty-eight")
    problem = only_problem(data_copy)
    assert problem.file.endswith("osce/invocations.csv")
    assert (problem.row, problem.field) == (row, "invoking_states")
    assert "'thirty-eight' is not a valid integer" in problem.message


def test_a_zero_is_not_accepted_for_a_count_of_states(data_copy: Path) -> None:
    row = edit_cell(data_copy / "osce" / "invocations.csv", "m04", "invoking_states", "0")
    problem = only_problem(data_copy)
    assert (problem.row, problem.field) == (row, "invoking_states")
    assert "outside the allowed range" in problem.message


def test_a_missing_required_field(data_copy: Path) -> None:
    row = edit_cell(data_copy / "briefing" / "claims.csv", "c05", "claim", "")
    problem = only_problem(data_copy)
    assert problem.file.endswith("briefing/claims.csv")
    assert (problem.row, problem.field, problem.message) == (
        row,
        "claim",
        "empty, but this field is required",
    )


def test_a_date_that_does_not_parse(data_copy: Path) -> None:
    row = edit_cell(data_copy / "timeline.csv", "t17", "date", "2020-02-30")
    problem = only_problem(data_copy)
    assert problem.file.endswith("timeline.csv")
    assert (problem.row, problem.field) == (row, "date")
    assert "'2020-02-30' is not a valid date" in problem.message and "YYYY-MM-DD" in problem.message


def test_an_unknown_source_id(data_copy: Path) -> None:
    row = edit_cell(data_copy / "belarus" / "political_prisoners.csv", "p20", "sources", "S13;S999")
    problem = only_problem(data_copy)
    assert problem.file.endswith("belarus/political_prisoners.csv")
    assert (problem.row, problem.field) == (row, "sources")
    assert "unknown source id 'S999'" in problem.message


def test_an_unknown_source_id_in_the_briefing_metadata(data_copy: Path) -> None:
    path = data_copy / "briefing" / "metadata.json"
    metadata = json.loads(path.read_text(encoding="utf-8"))
    metadata["date_evidence"][1]["sources"] = ["S10", "S404"]
    path.write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    update_hashes(data_copy)
    problem = only_problem(data_copy)
    assert problem.file.endswith("briefing/metadata.json")
    assert (problem.field, problem.message) == ("date_evidence/1/sources", "unknown source id 'S404'")


def test_a_briefing_date_that_does_not_parse(data_copy: Path) -> None:
    path = data_copy / "briefing" / "metadata.json"
    metadata = json.loads(path.read_text(encoding="utf-8"))
    metadata["date"] = "2023-05-32"
    path.write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    update_hashes(data_copy)
    problem = only_problem(data_copy)
    assert problem.file.endswith("briefing/metadata.json")
    assert problem.field == "date" and "2023-05-32" in problem.message


def test_a_changed_transcript_is_caught_by_its_published_hash(data_copy: Path) -> None:
    path = data_copy / "briefing" / "transcript.txt"
    path.write_bytes(path.read_bytes().replace(b"1,486", b"1,468"))
    assert update_hashes(data_copy) == []  # the published hash is never overwritten
    problem = only_problem(data_copy)
    assert problem.file.endswith("briefing/transcript.txt")
    assert problem.field == "hash" and "published" in problem.message


def test_a_changed_metadata_schema_is_caught_by_its_hash(data_copy: Path) -> None:
    path = data_copy / "briefing" / "metadata.schema.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"minLength": 1', '"minLength": 2', 1))
    problem = only_problem(data_copy)
    assert problem.file.endswith("briefing/metadata.schema.json")
    assert problem.field == "hash" and "casebook data-hash" in problem.message


def test_a_changed_table_without_a_new_hash(data_copy: Path) -> None:
    edit_cell(data_copy / "glossary.csv", "OSCE", "note", "An extra note.", rehash=False)
    problem = only_problem(data_copy)
    assert problem.file.endswith("glossary.csv")
    assert problem.field == "hash" and "casebook data-hash" in problem.message


def test_a_u_row_without_both_values(data_copy: Path) -> None:
    row = edit_cell(data_copy / "briefing" / "claims.csv", "c25", "note", "")
    problem = only_problem(data_copy)
    assert (problem.row, problem.field) == (row, "note")
    assert "verdict is 'U'" in problem.message and "both values" in problem.message


def test_an_unknown_precision_with_a_date(data_copy: Path) -> None:
    row = edit_cell(data_copy / "belarus" / "political_prisoners.csv", "p19", "as_of", "2023-05-11")
    problem = only_problem(data_copy)
    assert (problem.row, problem.field) == (row, "as_of")
    assert "must be empty" in problem.message


def test_a_value_outside_its_list(data_copy: Path) -> None:
    row = edit_cell(data_copy / "briefing" / "people.csv", "raufoglu", "mode", "phoned in")
    problem = only_problem(data_copy)
    assert problem.file.endswith("briefing/people.csv")
    assert (problem.row, problem.field) == (row, "mode")
    assert "'phoned in' is not one of: live, submitted" in problem.message


def test_a_glossary_selection_the_schema_does_not_name(data_copy: Path) -> None:
    row = edit_cell(data_copy / "glossary.csv", "OSCE", "selections", "osce-basics;lesson-99")
    problem = only_problem(data_copy)
    assert problem.file.endswith("glossary.csv")
    assert (problem.row, problem.field) == (row, "selections")


def test_a_duplicate_source_id(data_copy: Path) -> None:
    row = edit_cell(data_copy / "sources.csv", "S3", "id", "S2")
    problems = validate_package(data_copy)
    duplicate = [p for p in problems if p.field == "id" and p.row == row]
    assert duplicate and "appears more than once" in duplicate[0].message
    assert any("unknown source id 'S3'" in p.message for p in problems)  # rows citing S3 now dangle


def test_a_file_nobody_described(data_copy: Path) -> None:
    (data_copy / "belarus" / "extra.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    problem = only_problem(data_copy)
    assert problem.file.endswith("belarus/extra.csv") and "not described" in problem.message


def test_a_missing_file(data_copy: Path) -> None:
    (data_copy / "glossary.csv").unlink()
    problems = validate_package(data_copy)
    assert any(p.file.endswith("glossary.csv") and p.field == "path" for p in problems)


def test_a_datapackage_that_is_not_json(data_copy: Path) -> None:
    path = data_copy / "datapackage.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"resources": [', '"resources": [,', 1))
    problem = only_problem(data_copy)
    assert problem.file.endswith("datapackage.json") and "not valid JSON" in problem.message


def test_a_datapackage_that_is_not_utf8(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = data_copy / "datapackage.json"
    path.write_bytes(b"\xff\xfe" + path.read_bytes())
    problem = only_problem(data_copy)
    assert problem.file.endswith("datapackage.json") and "not UTF-8 text" in problem.message
    assert main(["validate", str(data_copy)]) == 1
    assert "not UTF-8 text" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["metadata.json", "metadata.schema.json"])
def test_briefing_json_that_is_not_utf8(
    data_copy: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_copy / "briefing" / name
    path.write_bytes(path.read_bytes() + b"\xff")
    update_hashes(data_copy)
    problems = validate_package(data_copy)
    assert [(p.file.endswith(f"briefing/{name}"), "not UTF-8 text" in p.message) for p in problems] == [
        (True, True)
    ]
    assert main(["validate", str(data_copy)]) == 1
    assert "Traceback" not in capsys.readouterr().out


def test_a_schema_that_frictionless_rejects(data_copy: Path) -> None:
    path = data_copy / "datapackage.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"type": "integer"', '"type": "integr"', 1))
    problems = validate_package(data_copy)
    assert any(p.file.endswith("datapackage.json") and "integr" in p.message for p in problems)


def test_casebook_validate_exits_1_and_prints_file_row_and_field(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = edit_cell(data_copy / "osce" / "invocations.csv", "m09", "invoked", "17 Sep 2020")
    assert main(["validate", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert f"invocations.csv, row {row}, field 'invoked': '17 Sep 2020' is not a valid date" in out
    assert "1 problem." in out and "Traceback" not in out


def test_casebook_validate_accepts_the_shipped_package(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.data.conftest import DATA

    assert main(["validate", str(DATA / "datapackage.json")]) == 0
    assert "all valid" in capsys.readouterr().out


def test_a_rule_that_names_an_unknown_field(data_copy: Path) -> None:
    path = data_copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    claims = next(r for r in descriptor["resources"] if r["name"] == "claims")
    claims["casebook:rules"].append({"if": {"field": "verdikt", "equals": "U"}, "require": ["note"]})
    claims["casebook:rules"].append({"when": "U"})
    path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    problems = validate_package(data_copy)
    assert [p.file.endswith("datapackage.json") for p in problems] == [True, True]
    messages = sorted(p.message for p in problems)
    assert messages[0].startswith('each rule must have the form {"if": {"field": ...')
    assert messages[1] == "names fields the table does not have: verdikt"
