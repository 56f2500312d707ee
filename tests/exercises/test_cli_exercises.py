"""`casebook exercises` and `casebook exercises --check`: exit codes and messages, never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from casebook.cli import main
from casebook.paths import ENV_COURSE
from tests.conftest import ROOT
from tests.exercises.conftest import code, course, markdown, notebook, write


@pytest.fixture(autouse=True)
def course_without_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """These solutions call no check, so their course defines none (the kit's 31 would be unused)."""
    monkeypatch.setenv(ENV_COURSE, str(course(tmp_path / "course")))


def folders(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    solutions, exercises = tmp_path / "solutions", tmp_path / "exercises"
    args = ["--solutions", str(solutions), "--exercises", str(exercises)]
    return solutions, exercises, args


def test_build_then_check_then_catch_a_hand_edit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    solutions, exercises, args = folders(tmp_path)
    write(notebook(code("### BEGIN SOLUTION\nanswer = 6\n### END SOLUTION", "a")), solutions / "01_x.ipynb")
    assert main(["exercises", *args]) == 0
    out = capsys.readouterr().out
    assert f"wrote {exercises / '01_x.ipynb'}" in out and "1 written, 0 already up to date" in out
    assert main(["exercises", *args]) == 0
    assert "0 written, 1 already up to date" in capsys.readouterr().out
    assert main(["exercises", "--check", *args]) == 0
    assert "is up to date" in capsys.readouterr().out

    edited = nbformat.read(exercises / "01_x.ipynb", as_version=4)
    edited.cells[0].source = "answer = 6"
    nbformat.write(edited, exercises / "01_x.ipynb")
    assert main(["exercises", "--check", *args]) == 1
    out = capsys.readouterr().out
    assert f"{exercises / '01_x.ipynb'}: differs from what" in out
    assert "run 'casebook exercises' and commit the result" in out


def test_check_lists_missing_and_extra_notebooks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    solutions, exercises, args = folders(tmp_path)
    write(notebook(markdown("a", "a")), solutions / "01_new.ipynb")
    write(notebook(markdown("b", "b")), exercises / "00_old.ipynb")
    assert main(["exercises", "--check", *args]) == 1
    out = capsys.readouterr().out
    assert "00_old.ipynb: extra" in out and "01_new.ipynb: missing" in out
    assert main(["exercises", *args]) == 1, "an exercise without a solution is reported, and kept"
    assert "00_old.ipynb has no solutions notebook any more" in capsys.readouterr().out
    assert (exercises / "00_old.ipynb").exists()


def test_an_unclosed_region_fails_with_notebook_and_cell_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    solutions, exercises, args = folders(tmp_path)
    write(
        notebook(markdown("Intro", "m"), code("### BEGIN SOLUTION\nx = 1", "open-cell")),
        solutions / "03_bad.ipynb",
    )
    for extra in ([], ["--check"]):
        assert main(["exercises", *extra, *args]) == 1
        captured = capsys.readouterr()
        assert (
            "03_bad.ipynb, cell 2 (id 'open-cell', code, starting '### BEGIN SOLUTION'), line 1:"
            in captured.out
        )
        assert "never closed" in captured.out
        assert "Traceback" not in captured.out + captured.err
    assert not exercises.exists()


def test_the_repository_exercises_are_up_to_date_as_make_test_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_COURSE)
    result = subprocess.run(
        [sys.executable, "-m", "casebook", "exercises", "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    test_target = re.search(r"^test:(.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    assert test_target and "exercises-check" in test_target.group(1).split()


def test_a_check_without_definition_fails_the_command_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    solutions, exercises, args = folders(tmp_path)
    strict = code(
        "from casebook.checks import require_answers\nrequire_answers()", "s", tags=["solution-only"]
    )
    write(notebook(strict, code("check('ex09.q1', 1)", "c")), solutions / "01_x.ipynb")
    assert main(["exercises", *args]) == 1
    out = capsys.readouterr().out
    assert "check('ex09.q1') has no definition; there is no check called 'ex09.q1'." in out
    assert "\n1 problem in" in out and "no exercise notebook was written" in out
    assert not exercises.exists()
