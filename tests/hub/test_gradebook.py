"""Grades into the LMS: the Canvas and Moodle files `casebook results merge` writes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from casebook.cli import main
from casebook.quiz.gradebook import CANVAS_FILE, MOODLE_FILE, gradebook_rows, read_roster
from casebook.quiz.handin import hand_in
from casebook.quiz.results import merge_exports
from tests.hub.conftest import export_of

FIXTURES = Path(__file__).parent / "fixtures"
START = "Check yourself: how this course works"
BRIEFING = "Check yourself: the briefing as a primary source"


def rows_of(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


@pytest.fixture
def handed_in(tmp_path: Path, progress: Path) -> Path:
    folder = tmp_path / "handin"
    folder.mkdir()
    hand_in(
        export_of("Ada Lovelace", {"on_the_record": 0, "submitted_count": 4}),
        folder,
        {"JUPYTERHUB_USER": "ada"},
    )
    hand_in(export_of("Bo", {"on_the_record": 1}), folder, {"JUPYTERHUB_USER": "bo"})
    hand_in(export_of("Bo", {"restart": 0}, "00_start_here"), folder, {"JUPYTERHUB_USER": "bo"})
    hand_in(export_of("=cmd|'/c calc'!A0", {}), folder, {"JUPYTERHUB_USER": "eve"})
    return folder


def test_canvas_file_starts_with_canvas_columns_and_has_a_points_column_per_quiz(
    handed_in: Path, tmp_path: Path
) -> None:
    report = merge_exports([handed_in], tmp_path / "out")
    rows = rows_of(tmp_path / "out" / CANVAS_FILE)
    fixture = rows_of(FIXTURES / "canvas-gradebook-header.csv")
    assert rows[0][:5] == fixture[0] and rows[1][:5] == fixture[1]
    assert rows[0][5:] == [START, BRIEFING]
    by_login = {row[3]: row for row in rows[2:]}
    assert sorted(by_login) == ["ada", "bo", "eve"]
    assert by_login["ada"][0] == "Ada Lovelace" and by_login["ada"][1] == ""  # Canvas's own ID left to it
    assert (by_login["ada"][6], by_login["bo"][6], by_login["eve"][6]) == ("2", "0", "0")
    assert by_login["ada"][5] == ""  # no lesson 00 quiz handed in: empty, which Canvas leaves unchanged
    assert by_login["bo"][5] == "1"
    assert float(rows[1][6]) > 2 and float(rows[1][5]) >= 1  # points possible per quiz
    assert by_login["eve"][0].startswith("'=")  # a typed formula is never run by a spreadsheet
    assert tmp_path / "out" / CANVAS_FILE in report.written


def test_moodle_file_has_an_identifier_column_to_map_and_one_column_per_quiz(
    handed_in: Path, tmp_path: Path
) -> None:
    merge_exports([handed_in], tmp_path / "out")
    rows = rows_of(tmp_path / "out" / MOODLE_FILE)
    assert rows[0][:2] == rows_of(FIXTURES / "moodle-grade-import-header.csv")[0]
    assert len(rows[0]) == 4 and [row[0] for row in rows[1:]] == ["ada", "bo", "eve"]
    assert rows[1][1] == "Ada Lovelace"


def test_points_are_re_graded_so_a_hand_edited_file_gains_nothing(tmp_path: Path, progress: Path) -> None:
    honest = export_of("Ada", {"on_the_record": 0})
    forged = export_of("Ada", {"on_the_record": 0})
    for answer in forged["answers"]:
        answer.update(points=1000.0, status="correct", score=1.0)  # a hand-edited file
    gradebooks = []
    for label, export in (("honest", honest), ("forged", forged)):
        folder = tmp_path / label
        folder.mkdir()
        (folder / "casebook-answers-01_the_briefing.json").write_text(json.dumps(export), encoding="utf-8")
        report = merge_exports([folder], tmp_path / f"{label}-out")
        columns, students = gradebook_rows(report.exports)
        gradebooks.append((tmp_path / f"{label}-out" / CANVAS_FILE).read_text(encoding="utf-8"))
        assert students[0].points["01_the_briefing"] <= columns[0].max_points
    assert gradebooks[0] == gradebooks[1]


def test_a_roster_maps_hub_names_to_lms_ids_and_names_the_students_it_lacks(
    handed_in: Path, tmp_path: Path
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("hub_user,lms_id\nada,s1001\nbo,\n", encoding="utf-8")
    report = merge_exports([handed_in], tmp_path / "out", roster=roster)
    logins = [row[3] for row in rows_of(tmp_path / "out" / CANVAS_FILE)[2:]]
    assert logins == ["bo", "eve", "s1001"]
    assert [str(p) for p in report.problems] == [
        f"{roster}, row 3, field 'lms_id': is empty; the row was skipped"
    ]
    assert any("'eve' is not in the roster" in str(warning) for warning in report.warnings)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("name,id\nada,1\n", "field 'hub_user': a roster needs the columns hub_user,lms_id"),
        (b"\xff\xfe", "UTF-8"),
    ],
)
def test_a_malformed_roster_is_one_line_naming_the_file(
    tmp_path: Path, content: str | bytes, expected: str
) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    roster, problems = read_roster(path)
    assert (
        roster == {} and len(problems) == 1 and str(path) in str(problems[0]) and expected in str(problems[0])
    )


def test_cli_merge_reads_the_hand_in_folder_by_default_and_writes_the_gradebooks(
    handed_in: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CASEBOOK_HANDIN_DIR", str(handed_in))
    assert main(["results", "merge", "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert (
        f"wrote {tmp_path / 'out' / CANVAS_FILE}" in out and f"wrote {tmp_path / 'out' / MOODLE_FILE}" in out
    )
    assert "Merged 4 exports" in out


def test_cli_merge_without_paths_or_hand_in_folder_says_what_to_do(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CASEBOOK_HANDIN_DIR", raising=False)
    assert main(["results", "merge"]) == 2
    assert "no hand-in folder is set" in capsys.readouterr().out


def test_an_export_whose_user_is_not_a_string_is_named_and_skipped(tmp_path: Path, progress: Path) -> None:
    export = export_of("Ada", {})
    export["user"] = {"not": "a name"}
    path = tmp_path / "casebook-answers-x.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    report = merge_exports([path], tmp_path / "out")
    assert report.exports == [] and [p.field for p in report.problems] == ["user"]
    assert str(path) in str(report.problems[0])
