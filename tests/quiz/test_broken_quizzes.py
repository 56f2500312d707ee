"""A corpus of broken quiz files, each with the one message it must give (broken/expected.csv):
the file, the line, the field path and the words. ``casebook validate`` lists them all and exits 1."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from casebook.cli import main
from casebook.quiz import QuizFileError, load_quiz, show_quiz
from casebook.quiz.load import validate_quiz_file
from tests.quiz.conftest import FAKE

BROKEN = Path(__file__).parent / "broken"


def _expected() -> dict[str, list[dict[str, str]]]:
    table: dict[str, list[dict[str, str]]] = defaultdict(list)
    with (BROKEN / "expected.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            table[row["file"]].append(row)
    return table


EXPECTED = _expected()


def test_the_corpus_is_big_and_every_file_has_an_expected_message() -> None:
    files = {path.name for path in BROKEN.glob("*.yaml")}
    assert len(files) >= 15
    assert files == set(EXPECTED), "every broken file needs a row in expected.csv, and every row a file"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_gives_exactly_its_expected_problems(name: str) -> None:
    problems = validate_quiz_file(BROKEN / name, transcript=FAKE)
    expected = EXPECTED[name]
    shown = "\n".join(str(p) for p in problems)
    assert len(problems) == len(expected), f"expected {len(expected)} problem(s), got:\n{shown}"
    for row, problem in zip(expected, problems, strict=True):
        assert problem.file == str(BROKEN / name)
        assert row["message"] in problem.message, shown
        assert problem.line == (int(row["line"]) if row["line"] else None), shown
        assert problem.field == (row["field"] or None), shown
        assert name in str(problem) and "Traceback" not in str(problem)


def test_load_quiz_raises_one_error_listing_every_problem() -> None:
    with pytest.raises(QuizFileError) as caught:
        load_quiz(BROKEN / "evidence_bad_ref.yaml", transcript=FAKE)
    message = str(caught.value)
    assert "evidence_bad_ref.yaml has 2 problems" in message
    assert "turn 99" in message and "sentence 5" in message


def test_show_quiz_shows_the_problems_instead_of_raising() -> None:
    shown = show_quiz(BROKEN / "unknown_type.yaml")
    bundle = shown._repr_mimebundle_()
    assert "'singel' is not a question type" in bundle["text/plain"]
    assert "unknown_type.yaml:5" in bundle["text/html"]


def test_validate_lists_every_problem_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    paths = sorted(str(p) for p in BROKEN.glob("*.yaml") if p.name != "evidence_bad_ref.yaml")
    assert main(["validate", *paths]) == 1
    out = capsys.readouterr().out
    total = sum(len(rows) for name, rows in EXPECTED.items() if name != "evidence_bad_ref.yaml")
    assert f"{len(paths)} files checked: {total} problems." in out
    for name in EXPECTED:
        if name != "evidence_bad_ref.yaml":
            assert name in out


def test_validate_in_a_fresh_process_prints_no_traceback() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "casebook",
            "validate",
            str(BROKEN / "bad_yaml.yaml"),
            str(BROKEN / "gone.yaml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "bad_yaml.yaml:6: not valid YAML" in result.stdout
    assert "gone.yaml: no such file or folder" in result.stdout


def test_validate_a_good_file_anywhere_on_disk(write_quiz, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_quiz(
        """
        id: mine
        title: "A teacher's own quiz"
        questions:
          - {id: q1, type: reflection, prompt: "Why?"}
        """,
        "mine",
    )
    assert main(["validate", str(path)]) == 0
    assert "1 file checked: all valid." in capsys.readouterr().out
