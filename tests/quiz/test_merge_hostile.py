"""Hostile handed-in files (issue 20): one bad file never stops the merge, and no file can fool it.

Each case sits among three good exports. The merge must name the bad file (and the field, when the
file has fields), finish the good ones, write every output whole, and gain a forger nothing.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import tracemalloc
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casebook.cli import main
from casebook.quiz.export import MAX_ANSWERS, quiz_version, read_export
from casebook.quiz.load import load_quiz
from casebook.quiz.results import (
    QuestionRow,
    answers_csv,
    chart_png,
    merge,
    merge_exports,
    results_csv,
)
from casebook.quiz.schema import load_schema
from casebook.quiz.teachers_copy import TeachersCopies
from tests.quiz.conftest import EVERY_TYPE, FAKE
from tests.quiz.handed_in import export_for, hand_in_class, read_csv

NOW = datetime.now(timezone.utc)


def honest(every_type, tmp_path: Path, name: str = "Cy", answers: dict | None = None) -> dict:
    """A good export's content, to edit into a hostile one."""
    path = export_for(every_type, name, answers or {"one": 0, "many": [1]}, tmp_path / "drafts")
    return json.loads(path.read_text(encoding="utf-8"))


def put(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / f"casebook-answers-{name}.json"
    path.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
    return path


def deep_json(folder: Path, every_type, tmp_path: Path) -> tuple[Path, str]:
    return put(folder, "deep", "[" * 100_000 + "]" * 100_000), "nested too deeply"


def deep_inside(folder: Path, every_type, tmp_path: Path) -> tuple[Path, str]:
    data = honest(every_type, tmp_path)
    data["answers"][0]["answer"] = json.loads("[" * 200 + "]" * 200)
    return put(folder, "deep-inside", json.dumps(data)), "field 'answers[0].answer"


def many_ids(folder: Path, every_type, tmp_path: Path) -> tuple[Path, str]:
    data = honest(every_type, tmp_path)
    entry = {"type": "single", "status": "correct", "score": 1}
    data["answers"] = [{"id": f"invented_{n:05}", **entry} for n in range(20_000)]
    path = put(folder, "many", json.dumps(data))
    assert 1_200_000 < path.stat().st_size < 1_800_000
    return path, "field 'answers': 20,000 answers; an export holds at most 1,000"


def fifo(folder: Path, every_type, tmp_path: Path) -> tuple[Path, str]:
    path = folder / "casebook-answers-pipe.json"
    os.mkfifo(path)
    return path, "is a named pipe (FIFO), not a regular file"


def dev_zero(folder: Path, every_type, tmp_path: Path) -> tuple[Path, str]:
    path = folder / "casebook-answers-zero.json"
    path.symlink_to("/dev/zero")
    return path, "is a device, not a regular file"


def not_a_number(folder: Path, every_type, tmp_path: Path) -> tuple[Path, str]:
    data = honest(every_type, tmp_path)
    data["answers"][0]["score"] = float("nan")
    data["answers"][1]["score"] = float("inf")
    path = put(folder, "nan", json.dumps(data))
    return path, "field 'answers[0].score': nan is not a number JSON allows"


HOSTILE: dict[str, Callable[..., tuple[Path, str]]] = {
    "JSON nested 100,000 deep": deep_json,
    "an answer nested 200 deep": deep_inside,
    "20,000 invented question ids (1.3 MB)": many_ids,
    "a FIFO named like an export": fifo,
    "a link to /dev/zero": dev_zero,
    "score NaN and Infinity": not_a_number,
}


def merged_within(seconds: float, *args, **kwargs):
    """``merge(...)`` in a thread; fails the test (instead of hanging it) if it blocks."""
    outcome: dict = {}
    worker = threading.Thread(target=lambda: outcome.update(report=merge(*args, **kwargs)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "the merge blocked"
    return outcome["report"]


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_a_bad_file_is_named_and_the_good_ones_are_merged(
    case: str, every_type, class_folder: Path, copies: TeachersCopies, tmp_path: Path
) -> None:
    bad, expected = HOSTILE[case](class_folder, every_type, tmp_path)
    report = merged_within(120, [class_folder], copies, NOW)
    [problem] = report.problems
    assert problem.file == str(bad) and expected in str(problem)
    assert "\n" not in str(problem) and len(str(problem)) < 400
    assert sorted(e.name for e in report.exports) == ['=HYPERLINK("http://x")', "Ada", "Bo"]
    assert [row.question for row in report.rows] == [q.id for q in every_type.questions]
    assert all(0 <= (row.mean_score or 0) <= 1 for row in report.rows)
    assert "nan" not in results_csv(report.rows).lower() and answers_csv(report.exports)


def test_twenty_thousand_invented_ids_cost_little_memory(every_type, tmp_path: Path) -> None:
    path, _ = many_ids(tmp_path, every_type, tmp_path)
    tracemalloc.start()
    try:
        data, problems = read_export(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert data is None and problems[0].field == "answers"
    assert peak < 30 * path.stat().st_size, f"reading a {path.stat().st_size:,}-byte file took {peak:,} bytes"


def test_nine_hundred_invented_ids_are_one_warning_and_no_rows(
    every_type, class_folder: Path, copies: TeachersCopies, tmp_path: Path
) -> None:
    data = honest(every_type, tmp_path)
    data["answers"] += [{**data["answers"][0], "id": f"made_up_{n}"} for n in range(900)]
    bad = put(class_folder, "made-up", json.dumps(data))
    report = merge([class_folder], copies, NOW)
    [warning] = report.warnings
    assert warning.file == str(bad) and warning.field == "answers"
    assert "900 answers to questions quiz 'every_type' does not have ('made_up_0'" in warning.message
    assert "and 895 more" in warning.message and len(str(warning)) < 400
    assert len(report.rows) == len(every_type.questions) and len(report.exports) == 4


def test_a_lone_surrogate_in_a_name_is_replaced_and_the_file_merged(
    every_type, class_folder: Path, copies: TeachersCopies, tmp_path: Path
) -> None:
    data = honest(every_type, tmp_path)
    text = json.dumps(data).replace('"name": "Cy"', '"name": "Cy\\ud800"')
    put(class_folder, "surrogate", text)
    report = merge_exports([class_folder], tmp_path / "out", copies, NOW)
    assert report.problems == [] and len(report.exports) == 4
    names = {row["name"] for row in read_csv(tmp_path / "out" / "answers.csv")}
    assert "Cy\ufffd" in names


def test_a_mathtext_question_id_never_reaches_the_chart(
    every_type, class_folder: Path, copies: TeachersCopies, tmp_path: Path
) -> None:
    data = honest(every_type, tmp_path)
    data["answers"][0]["id"] = r"$\undefinedcommand{x}$"
    bad = put(class_folder, "mathtext", json.dumps(data))
    report = merge_exports([class_folder], tmp_path / "out", copies, NOW)
    assert [w.file for w in report.warnings] == [str(bad)]
    assert r"'$\undefinedcommand{x}$'" in report.warnings[0].message
    assert (tmp_path / "out" / "results.png").read_bytes().startswith(b"\x89PNG")
    assert "undefinedcommand" not in (tmp_path / "out" / "results.csv").read_text(encoding="utf-8")


def test_the_chart_shows_dollar_signs_as_text_not_mathtext() -> None:
    row = QuestionRow(quiz="q", question=r"$\undefinedcommand{x}$", type="single", prompt="p", max_points=1)
    row.counts["correct"] = 1
    assert chart_png([row], 1).startswith(b"\x89PNG")


def test_a_forged_export_gains_nothing(every_type, tmp_path: Path, copies: TeachersCopies) -> None:
    honest_folder, forged_folder = tmp_path / "honest", tmp_path / "forged"
    for target in (honest_folder, forged_folder):
        hand_in_class(every_type, target)
    export_for(every_type, "Dee", {"one": 0, "many": [1], "number": 5}, honest_folder)
    data = honest(every_type, tmp_path, "Dee", {"one": 0, "many": [1], "number": 5})
    for answer in data["answers"]:
        answer.update(status="correct", score=1.0, points=99, max_points=99, prompt="Forged", revealed=False)
    data["answers"][0]["type"] = "reflection"
    data["answers"].append({**data["answers"][0], "id": "bonus", "answer": 0})
    data["score"] = {"points": 99, "max_points": 99, "answered": 9, "questions": 9}
    forged = put(forged_folder, "forged", json.dumps(data))

    clean = merge_exports([honest_folder], tmp_path / "clean", copies, NOW)
    fooled = merge_exports([forged_folder], tmp_path / "fooled", copies, NOW)
    assert clean.warnings == [] and fooled.problems == []
    table = (tmp_path / "clean" / "results.csv").read_text(encoding="utf-8")
    assert (tmp_path / "fooled" / "results.csv").read_text(encoding="utf-8") == table
    assert "Forged" not in table and ",99" not in table
    warnings = {w.field: w.message for w in fooled.warnings}
    assert set(warnings) == {"answers[8].id", "answers"} and all(
        w.file == str(forged) for w in fooled.warnings
    )
    assert "'bonus'" in warnings["answers[8].id"] and "'one', 'many', 'number'" in warnings["answers"]
    dee = {
        row["question"]: row for row in read_csv(tmp_path / "fooled" / "answers.csv") if row["name"] == "Dee"
    }
    assert (dee["one"]["status"], dee["one"]["score"]) == ("incorrect", "0.0")
    assert "the file said 'correct'" in dee["one"]["note"] and "type 'reflection'" in dee["one"]["note"]
    assert "bonus" not in dee


def test_a_score_beyond_the_schema_makes_the_file_skipped(
    every_type, class_folder: Path, copies: TeachersCopies, tmp_path: Path
) -> None:
    data = honest(every_type, tmp_path)
    data["answers"][0].update(status="correct", score=99)
    bad = put(class_folder, "ninety-nine", json.dumps(data))
    report = merge([class_folder], copies, NOW)
    assert [(p.file, p.field) for p in report.problems] == [(str(bad), "answers[0].score")]
    assert len(report.exports) == 3


def test_another_version_of_the_quiz_is_reported_and_graded_against_the_teachers_copy(
    every_type, write_quiz, class_folder: Path, copies: TeachersCopies, tmp_path: Path
) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "again").mkdir()
    moved = EVERY_TYPE.replace('{text: "B", correct: true', '{text: "B"').replace(
        '{text: "A", feedback', '{text: "A", correct: true, feedback'
    )
    edited = load_quiz(write_quiz(moved, "elsewhere/every_type"), transcript=FAKE)
    assert quiz_version(edited) != quiz_version(every_type)
    assert quiz_version(
        load_quiz(write_quiz(EVERY_TYPE + "\n# a comment\n", "again/every_type"), transcript=FAKE)
    ) == quiz_version(every_type)
    other = export_for(edited, "Eve", {"one": 1}, tmp_path / "old")
    data = json.loads(other.read_text(encoding="utf-8"))
    assert data["answers"][0]["status"] == "incorrect"
    other.rename(class_folder / other.name)
    report = merge([class_folder], copies, NOW)
    assert [(w.file, w.field) for w in report.warnings][0] == (str(class_folder / other.name), "quiz_version")
    eve = next(e for e in report.exports if e.name == "Eve")
    assert eve.answers[0].outcome == "correct"


def test_an_export_from_before_quiz_versions_is_still_read(
    every_type, class_folder: Path, copies: TeachersCopies, tmp_path: Path
) -> None:
    data = honest(every_type, tmp_path)
    del data["quiz_version"]
    put(class_folder, "older", json.dumps(data))
    report = merge([class_folder], copies, NOW)
    assert report.problems == [] and report.warnings == [] and len(report.exports) == 4


@pytest.mark.parametrize("when", ["2999-01-01T00:00:00+00:00", "yesterday", "9999-12-31T23:59:59-23:59"])
def test_an_untrustworthy_time_never_replaces_another_learners_answers(
    when: str, every_type, class_folder: Path, copies: TeachersCopies, tmp_path: Path
) -> None:
    victim = export_for(every_type, "Fay", {"one": 1}, class_folder, exported="2026-05-11T10:00:00+00:00")
    data = honest(every_type, tmp_path, "fay ", {"one": 0})
    data["exported"] = when
    impostor = put(class_folder, "impostor", json.dumps(data))
    report = merge([class_folder], copies, NOW)
    fay = [e for e in report.exports if e.learner == "fay"]
    assert [e.file for e in fay] == [victim] and fay[0].answers[0].outcome == "correct"
    about = {w.field: w for w in report.warnings if w.file == str(impostor)}
    assert set(about) == {"exported", "name"}
    assert "can replace no other" in about["exported"].message
    assert f"as {victim}, which counts instead (only its time can be trusted)" in about["name"].message


def test_two_files_for_one_learner_name_each_other(
    every_type, class_folder: Path, copies: TeachersCopies, tmp_path: Path
) -> None:
    first = export_for(
        every_type, "Gil", {"one": 0}, class_folder / "a", exported="2026-05-11T10:00:00+00:00"
    )
    second = export_for(
        every_type, "GIL", {"one": 1}, class_folder / "b", exported="2026-05-11T10:00:00+00:00"
    )
    report = merge([class_folder], copies, NOW)
    [warning] = report.warnings
    assert warning.file == str(second) and str(first) in warning.message
    assert "both have the same time, so the first file found counts" in warning.message


def test_a_second_answer_to_one_question_does_not_count(
    every_type, class_folder: Path, copies: TeachersCopies, tmp_path: Path
) -> None:
    data = honest(every_type, tmp_path, "Hal", {"one": 0})
    data["answers"].append({**data["answers"][0], "answer": 1})
    put(class_folder, "twice", json.dumps(data))
    report = merge([class_folder], copies, NOW)
    assert [w.field for w in report.warnings] == ["answers[8]"]
    hal = next(e for e in report.exports if e.name == "Hal")
    assert hal.answers[0].outcome == "incorrect"


@pytest.mark.parametrize("quiz_id", ["../quizzes/00_start_here", "/etc/passwd", "00_start_here.yaml"])
def test_a_quiz_id_is_never_used_as_a_path(quiz_id: str, every_type, tmp_path: Path) -> None:
    data = honest(every_type, tmp_path)
    data["quiz"] = quiz_id
    bad = put(tmp_path, "path", json.dumps(data))
    report = merge([bad], TeachersCopies(), NOW)
    [problem] = report.problems
    assert (problem.file, problem.field) == (str(bad), "quiz") and "no quiz" in problem.message
    assert report.exports == []


def test_the_schema_and_the_reader_agree_on_the_most_answers() -> None:
    assert load_schema("answers.schema.json")["properties"]["answers"]["maxItems"] == MAX_ANSWERS


def test_control_characters_in_learners_text_never_reach_the_terminal(
    every_type, class_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evil = "\x1b[2J\x1b[31mEvil\u202e\r\x07"
    for copy in ("one", "two"):
        data = honest(every_type, tmp_path, evil)
        data["answers"][0]["id"] = "\x1b]0;owned\x07"
        data["exported"] = "\x1b[1A" + copy
        put(class_folder, copy, json.dumps(data))
    put(class_folder, "\x1b[31mred", "{")
    quiz = str(tmp_path / "every_type.yaml")
    assert main(["results", "merge", str(class_folder), "--out", str(tmp_path / "r"), "--quiz", quiz]) == 1
    out = capsys.readouterr().out
    assert not {"\x1b", "\x07", "\r", "\u202e"} & set(out)
    assert "('\ufffd[2J\ufffd[31mEvil\\u202e \ufffd')" in out and "'\\x1b]0;owned\\x07'" in out
    assert "casebook-answers-\\x1b[31mred.json: not valid JSON" in out
    assert all(
        line.startswith(("skipped ", "warning: ", "Merged ", "wrote ", "Chart ")) for line in out.splitlines()
    )


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
QUESTION_IDS = ["one", "many", "number", "words", "steps", "pairs", "proof", "thoughts"]
ANSWER = st.fixed_dictionaries(
    {
        "id": st.sampled_from(QUESTION_IDS) | st.text(max_size=12),
        "type": st.sampled_from(["single", "multiple", "numeric", "text", "reflection"]) | JSON,
        "status": st.sampled_from([None, "correct", "partial", "incorrect", "saved"]) | JSON,
        "score": st.floats(0, 1) | JSON,
    },
    optional={
        "answer": st.integers(-1, 4) | st.lists(st.integers(-1, 4), max_size=5) | st.text(max_size=30) | JSON,
        "attempts": st.integers(-1, 20_000) | JSON,
        "points": JSON,
        "prompt": JSON,
    },
)
WELL_FORMED_ANSWER = st.fixed_dictionaries(
    {
        "id": st.sampled_from(QUESTION_IDS) | st.text(min_size=1, max_size=12),
        "type": st.sampled_from(["single", "multiple", "numeric", "text", "order", "match", "reflection"]),
        "status": st.sampled_from([None, "correct", "partial", "incorrect", "saved"]),
        "score": st.floats(0, 1),
    },
    optional={
        "answer": st.integers(-1, 4) | st.lists(st.integers(-1, 4), max_size=5) | st.text(max_size=30) | JSON,
        "attempts": st.integers(0, 20),
        "points": st.floats(0, 1e9),
        "max_points": st.floats(0, 1e9),
    },
)
# Exports the schema accepts, so the re-grading itself meets every kind of answer and claim.
WELL_FORMED = st.fixed_dictionaries(
    {
        "format": st.just("casebook-answers"),
        "version": st.just(1),
        "quiz": st.just("every_type"),
        "name": st.sampled_from(["Ada", "bo", ""]) | st.text(max_size=20),
        "exported": st.datetimes(timezones=st.just(timezone.utc)).map(datetime.isoformat)
        | st.text(max_size=30),
        "answers": st.lists(WELL_FORMED_ANSWER, max_size=10),
    },
    optional={"quiz_version": st.text(max_size=10)},
)
EXPORT = st.fixed_dictionaries(
    {
        "format": st.just("casebook-answers") | st.text(max_size=5),
        "version": st.just(1) | JSON,
        "quiz": st.just("every_type") | st.text(max_size=12),
        "name": st.sampled_from(["Ada", "bo", ""]) | st.text(max_size=20),
        "exported": st.datetimes(timezones=st.just(timezone.utc)).map(datetime.isoformat)
        | st.text(max_size=30),
    },
    optional={"answers": st.lists(ANSWER, max_size=10) | JSON, "quiz_version": JSON, "score": JSON},
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    content=WELL_FORMED.map(json.dumps)
    | EXPORT.map(json.dumps)
    | st.binary(max_size=200)
    | JSON.map(json.dumps)
)
def test_generated_exports_never_make_the_merge_raise(
    content: str | bytes, class_folder: Path, copies: TeachersCopies
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        generated = put(Path(scratch), "generated", content)
        report = merge([class_folder, generated], copies, NOW)
        results, answers = results_csv(report.rows), answers_csv(report.exports)
    assert 3 <= len(report.exports) <= 4 and answers.count("\n") >= 3 * len(QUESTION_IDS)
    assert [row.question for row in report.rows] == QUESTION_IDS and "nan" not in results.lower()
    assert all(row.mean_score is None or 0 <= row.mean_score <= 1 for row in report.rows)
    for problem in report.problems + report.warnings:
        assert (
            problem.file in (str(generated), *map(str, class_folder.rglob("*.json")))
            and len(str(problem)) < 1500
        )
