"""`casebook handout` and `casebook answer-key`: printable pages for one quiz, a path, or all of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook.cli import main
from tests.quiz.test_broken_quizzes import BROKEN


def test_handout_and_key_for_every_quiz(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["handout", "--all", "--out", str(tmp_path)]) == 0
    assert main(["answer-key", "--all", "--out", str(tmp_path)]) == 0
    handout = (tmp_path / "00_start_here-handout.html").read_text(encoding="utf-8")
    key = (tmp_path / "00_start_here-answer-key.html").read_text(encoding="utf-8")
    assert "Name: ____" in handout and "Explanation." not in handout and "✔" not in handout
    assert "Explanation." in key and "✔ right" in key
    assert "wrote" in capsys.readouterr().out


def test_a_quiz_given_by_path(write_quiz, tmp_path: Path) -> None:
    path = write_quiz(
        'id: mine\ntitle: Mine\nquestions:\n  - {id: q1, type: reflection, prompt: "Why?"}\n', "mine"
    )
    assert main(["handout", str(path), "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "mine-handout.html").exists()


def test_a_broken_quiz_is_reported_not_raised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["answer-key", str(BROKEN / "unknown_type.yaml"), "--out", str(tmp_path)]) == 1
    assert "'singel' is not a question type" in capsys.readouterr().out
    assert main(["handout", "no_such_quiz", "--out", str(tmp_path)]) == 1
    assert "no quiz called 'no_such_quiz'" in capsys.readouterr().out


def test_one_quiz_or_all_not_both(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["handout"]) == 2
    assert main(["handout", "00_start_here", "--all"]) == 2
    assert "name one quiz" in capsys.readouterr().out
