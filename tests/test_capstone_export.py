"""Lesson 07 hands in the brief: the capstone quiz's export carries the written answers, and the
teacher's merge puts them in answers.csv (instructors/README.md, "Collecting exported answers")."""

from __future__ import annotations

import csv
from pathlib import Path

from casebook.quiz import load_quiz
from casebook.quiz.export import build_export, export_name, write_export
from casebook.quiz.results import merge_exports
from casebook.quiz.state import QuestionState, submit

BRIEF = "Claim. " + "The ambassador said 38 states invoked the mechanism, and two sources agree. " * 12


def test_the_brief_and_the_self_assessment_reach_the_teachers_table(tmp_path: Path) -> None:
    quiz = load_quiz("07_capstone")
    reflections = [q.id for q in quiz.questions if q.type == "reflection"]
    assert {"your_claim", "your_sources", "your_brief", "self_assessment"} <= set(reflections)
    states = {}
    for question_id in ("your_brief", "self_assessment"):
        text = BRIEF if question_id == "your_brief" else "Criteria 2, 2, 1, 2, 1: total 8. " * 4
        states[question_id], _ = submit(quiz.question(question_id), QuestionState(), text)
    path = write_export(build_export(quiz, states, "Ada"), tmp_path / "handed-in")
    assert path.name == export_name("07_capstone") == "casebook-answers-07_capstone.json"

    report = merge_exports([tmp_path / "handed-in"], tmp_path / "results")
    assert report.problems == []
    with (tmp_path / "results" / "answers.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["question"]: row for row in csv.DictReader(handle) if row["name"] == "Ada"}
    assert " ".join(rows["your_brief"]["answer"].split()) == " ".join(BRIEF.split())
    assert rows["self_assessment"]["answer"].startswith("Criteria 2, 2, 1, 2, 1")
    assert rows["your_claim"]["answer"] == "" and rows["your_claim"]["status"] != "saved"
