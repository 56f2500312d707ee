"""Merging learners' exports into the teacher's table and chart, from the module and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casebook.cli import main
from casebook.quiz.results import merge_exports
from casebook.quiz.teachers_copy import TeachersCopies
from tests.quiz.handed_in import export_for, read_csv


def test_merge_writes_a_row_per_question_with_counts_and_mean(
    class_folder: Path, tmp_path: Path, copies: TeachersCopies
) -> None:
    report = merge_exports([class_folder], tmp_path / "results", copies)
    assert report.problems == [] and report.warnings == [] and len(report.exports) == 3
    rows = {row["question"]: row for row in read_csv(tmp_path / "results" / "results.csv")}
    assert list(rows)[:3] == ["one", "many", "number"]
    one = rows["one"]
    assert (one["learners"], one["right"], one["not_right"], one["not_answered"]) == ("3", "2", "1", "0")
    assert one["mean_score"] == "0.667"
    many = rows["many"]
    assert (many["right"], many["partly_right"], many["not_answered"], many["mean_score"]) == (
        "1",
        "1",
        "1",
        "0.75",
    )
    assert rows["thoughts"]["reflections_saved"] == "1" and rows["thoughts"]["mean_score"] == ""


def test_answers_csv_has_every_answer_in_words_and_defuses_formulas(
    class_folder: Path, tmp_path: Path, copies: TeachersCopies
) -> None:
    merge_exports([class_folder], tmp_path / "results", copies)
    rows = read_csv(tmp_path / "results" / "answers.csv")
    ada = {row["question"]: row for row in rows if row["name"] == "Ada"}
    assert ada["one"]["answer"] == "B" and ada["many"]["answer"] == "A; C"
    assert ada["thoughts"]["answer"] == "Check every figure."
    assert (ada["one"]["status"], ada["one"]["score"], ada["thoughts"]["status"]) == (
        "correct",
        "1.0",
        "saved",
    )
    assert ada["words"]["status"] == "unanswered" and ada["words"]["score"] == ""
    assert ada["one"]["note"] == "" and ada["one"]["file"].endswith(".json")
    assert any(row["name"].startswith("'=HYPERLINK") for row in rows)
    assert not any(row["name"].startswith("=") for row in rows)


def test_merge_draws_a_chart_and_describes_it(
    class_folder: Path, tmp_path: Path, copies: TeachersCopies
) -> None:
    report = merge_exports([class_folder], tmp_path / "results", copies)
    png = (tmp_path / "results" / "results.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 5000
    assert "every_type one: 2 of 3 right" in report.alt_text and "thoughts" not in report.alt_text


def test_the_newest_export_of_a_learner_counts(every_type, tmp_path: Path, copies: TeachersCopies) -> None:
    folder = tmp_path / "in"
    export_for(every_type, "Ada one", {"one": 0}, folder, exported="2026-05-11T09:00:00+00:00")
    newer = export_for(
        every_type, "Ada two", {"one": 1}, folder / "later", exported="2026-05-11T10:00:00+00:00"
    )
    data = json.loads(newer.read_text(encoding="utf-8"))
    data["name"] = "Ada one"
    newer.write_text(json.dumps(data), encoding="utf-8")
    report = merge_exports([folder], tmp_path / "out", copies)
    assert len(report.exports) == 1 and report.exports[0].answers[0].answer_text == "B"
    [warning] = report.warnings
    assert warning.file != str(newer) and warning.field == "name"
    assert f"as {newer}, which counts instead (it was exported later)" in warning.message


def test_bad_files_are_reported_and_skipped(
    class_folder: Path, tmp_path: Path, copies: TeachersCopies
) -> None:
    (class_folder / "casebook-answers-broken.json").write_text("{not json", encoding="utf-8")
    (class_folder / "casebook-answers-other.json").write_text('{"format": "something"}', encoding="utf-8")
    bad_shape = {
        "format": "casebook-answers",
        "version": 1,
        "quiz": "q",
        "name": "X",
        "exported": "now",
        "answers": [{"id": "q1", "type": "single", "status": "correct", "score": 7}],
    }
    (class_folder / "casebook-answers-shape.json").write_text(json.dumps(bad_shape), encoding="utf-8")
    report = merge_exports([class_folder, tmp_path / "missing"], tmp_path / "results", copies)
    messages = [str(p) for p in report.problems]
    assert any("missing: no such file or folder" in m for m in messages)
    assert any("broken.json: not valid JSON" in m for m in messages)
    assert any("other.json: not a casebook answers export" in m for m in messages)
    assert any(
        "shape.json, field 'answers[0].score': must be at most 1, not 7" in m for m in messages
    )
    assert len(report.exports) == 3 and (tmp_path / "results" / "results.csv").exists()


def test_cli_merge_reports_and_exits_1_when_files_were_skipped(
    class_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    command = ["results", "merge", str(class_folder), "--out", str(tmp_path / "r")]
    assert main([*command, "--quiz", str(tmp_path / "every_type.yaml")]) == 0
    out = capsys.readouterr().out
    assert "Merged 3 exports" in out and "results.csv" in out and "Chart description:" in out
    (class_folder / "casebook-answers-broken.json").write_text("[]", encoding="utf-8")
    assert main([*command, "--quiz", str(tmp_path / "every_type.yaml")]) == 1
    assert "skipped" in capsys.readouterr().out


def test_cli_merge_without_the_teachers_copy_names_the_quiz_and_skips(
    class_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["results", "merge", str(class_folder), "--out", str(tmp_path / "r")]) == 1
    out = capsys.readouterr().out
    assert (
        out.count("field 'quiz': no quiz 'every_type' in ") == 3
        and "give the teacher's copy with --quiz" in out
    )
    assert not (tmp_path / "r").exists()


def test_cli_merge_with_nothing_readable_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["results", "merge", str(tmp_path / "empty"), "--out", str(tmp_path / "r")]) == 1
    assert "nothing was written" in capsys.readouterr().out and not (tmp_path / "r").exists()
