"""The solutions → exercises builder on small notebooks built here: round trip, drift and bad markup."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_output

from casebook.exercises import (
    SolutionMarkupError,
    build,
    check_up_to_date,
    exercise_notebook,
    render_exercise,
)
from casebook.exercises.markers import ANSWER_PROMPT
from casebook.paths import ENV_COURSE
from casebook.problems import ProblemsError
from tests.exercises.conftest import code, course, markdown, notebook, write

STRICT_CELL = "from casebook.checks import require_answers\nrequire_answers()"


@pytest.fixture(autouse=True)
def words_course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The course the builder matches the solutions with: one check, the one ``lesson()`` calls."""
    folder = course(tmp_path / "course", "demo.transcript_words")
    monkeypatch.setenv(ENV_COURSE, str(folder))
    return folder


def lesson() -> nbformat.NotebookNode:
    """A small solutions notebook using every marking convention."""
    answered = code(
        "from casebook.checks import check\n### BEGIN SOLUTION\nwords = 42\n### END SOLUTION\n"
        "check('demo.transcript_words', words)",
        "c-answer",
        keep_me={"a": 1},
    )
    answered.outputs = [new_output("stream", name="stdout", text="Right\n")]
    answered.execution_count = 3
    return notebook(
        markdown("# Exercises\nCount the words.", "m-title"),
        code(STRICT_CELL, "c-strict", tags=["solution-only"]),
        answered,
        markdown("Why?\n<!-- BEGIN SOLUTION -->\nBecause.\n<!-- END SOLUTION -->", "m-region"),
        markdown("The envoy is hedging.", "m-tagged", tags=["solution"]),
        code("total = sum([1, 2])", "c-tagged", tags=["solution"]),
        markdown("Teacher: discuss the hedges.", "m-teacher", tags=["solution-only"]),
        code("print('unchanged')", "c-plain"),
    )


def test_the_exercise_keeps_ids_metadata_and_plain_cells_and_drops_solution_only_ones() -> None:
    solution = lesson()
    exercise = exercise_notebook(solution)
    by_id = {cell.id: cell for cell in exercise.cells}
    assert list(by_id) == ["m-title", "c-answer", "m-region", "m-tagged", "c-tagged", "c-plain"]
    assert by_id["m-title"] == solution.cells[0]
    assert by_id["c-plain"] == solution.cells[7]
    assert by_id["c-answer"].metadata == {"keep_me": {"a": 1}}
    assert by_id["m-tagged"].metadata == {"tags": ["solution"]}
    assert exercise.metadata == solution.metadata
    assert exercise.nbformat == 4 and exercise.nbformat_minor == solution.nbformat_minor
    assert len(solution.cells) == 8, "the solution itself is not changed"


def test_solutions_become_placeholders_and_prompts_and_outputs_are_cleared() -> None:
    exercise = {cell.id: cell for cell in exercise_notebook(lesson()).cells}
    answer = exercise["c-answer"]
    assert answer.source == (
        "from casebook.checks import check\n"
        "words = ...  # your code here\n"
        "check('demo.transcript_words', words)"
    )
    assert answer.outputs == [] and answer.execution_count is None
    assert exercise["m-region"].source == f"Why?\n{ANSWER_PROMPT}"
    assert exercise["m-tagged"].source == ANSWER_PROMPT
    assert exercise["c-tagged"].source == "total = ...  # your code here"
    text = json.dumps(exercise)
    for secret in ("42", "Because.", "hedging", "sum([1, 2])", "Teacher", "require_answers"):
        assert secret not in text


def test_build_round_trip_is_deterministic_and_check_agrees(tmp_path: Path) -> None:
    solutions, exercises = tmp_path / "solutions", tmp_path / "exercises"
    write(lesson(), solutions / "01_words.ipynb")
    write(notebook(markdown("Nothing to hide.", "only")), solutions / "02_plain.ipynb")
    report = build(solutions, exercises)
    assert [p.name for p in report.written] == ["01_words.ipynb", "02_plain.ipynb"]
    first = (exercises / "01_words.ipynb").read_bytes()
    nbformat.validate(nbformat.reads(first.decode(), as_version=4))
    assert check_up_to_date(solutions, exercises) == []
    again = build(solutions, exercises)
    assert again.written == [] and len(again.unchanged) == 2
    assert (exercises / "01_words.ipynb").read_bytes() == first
    (exercises / "01_words.ipynb").unlink()
    build(solutions, exercises)
    assert (exercises / "01_words.ipynb").read_bytes() == first, "byte-identical when rebuilt from scratch"
    assert render_exercise(solutions / "01_words.ipynb").encode() == first


def test_check_catches_a_hand_edit_a_missing_and_an_extra_notebook(tmp_path: Path) -> None:
    solutions, exercises = tmp_path / "solutions", tmp_path / "exercises"
    write(lesson(), solutions / "01_words.ipynb")
    write(lesson(), solutions / "02_more.ipynb")
    build(solutions, exercises)
    edited = nbformat.read(exercises / "01_words.ipynb", as_version=4)
    edited.cells[1].source = "words = 42  # a learner's answer committed by mistake"
    nbformat.write(edited, exercises / "01_words.ipynb")
    (exercises / "02_more.ipynb").unlink()
    write(notebook(markdown("stray", "s")), exercises / "03_stray.ipynb")
    drifts = {d.path.name: d.reason for d in check_up_to_date(solutions, exercises)}
    assert set(drifts) == {"01_words.ipynb", "02_more.ipynb", "03_stray.ipynb"}
    assert drifts["01_words.ipynb"].startswith("differs from what")
    assert drifts["02_more.ipynb"].startswith("missing")
    assert drifts["03_stray.ipynb"].startswith("extra")


def test_build_reports_but_never_deletes_an_exercise_without_a_solution(tmp_path: Path) -> None:
    solutions, exercises = tmp_path / "solutions", tmp_path / "exercises"
    write(lesson(), solutions / "01_words.ipynb")
    stray = write(notebook(markdown("mine", "s")), exercises / "09_old.ipynb")
    report = build(solutions, exercises)
    assert report.extra == [stray] and stray.exists()


def test_an_unclosed_region_names_the_notebook_cell_and_id_and_nothing_is_written(tmp_path: Path) -> None:
    solutions, exercises = tmp_path / "solutions", tmp_path / "exercises"
    write(lesson(), solutions / "01_good.ipynb")
    broken = notebook(markdown("Intro", "m0"), code("x = 1\n### BEGIN SOLUTION\nanswer = 2", "the-cell"))
    write(broken, solutions / "02_broken.ipynb")
    with pytest.raises(SolutionMarkupError) as error:
        build(solutions, exercises)
    [problem] = error.value.problems
    assert isinstance(error.value, ProblemsError)
    assert problem.file.endswith("02_broken.ipynb")
    assert problem.cell == "cell 2 (id 'the-cell', code, starting 'x = 1')"
    assert problem.line == 2 and "'### BEGIN SOLUTION' is never closed" in problem.message
    assert str(problem).endswith(
        "02_broken.ipynb, cell 2 (id 'the-cell', code, starting 'x = 1'), line 2: " + problem.message
    )
    assert str(error.value) == str(problem), "the error's message lists its problems, as other files' do"
    assert not exercises.exists() or not list(exercises.glob("*.ipynb")), "one bad notebook stops all writing"


def test_every_problem_of_every_notebook_is_reported_at_once(tmp_path: Path) -> None:
    solutions = tmp_path / "solutions"
    write(
        notebook(code("### END SOLUTION", "a"), markdown("<!-- BEGIN SOLUTION -->", "b")),
        solutions / "01.ipynb",
    )
    write(notebook(code("## BEGIN SOLUTION", "c")), solutions / "02.ipynb")
    with pytest.raises(SolutionMarkupError) as error:
        check_up_to_date(solutions, tmp_path / "exercises")
    messages = [str(p) for p in error.value.problems]
    assert len(messages) == 3
    assert "01.ipynb, cell 1 (id 'a'" in messages[0] and "cell 2 (id 'b'" in messages[1]
    assert "02.ipynb, cell 1 (id 'c'" in messages[2]


def test_a_cell_tagged_solution_must_not_also_carry_markers() -> None:
    nb = notebook(code("### BEGIN SOLUTION\nx = 1\n### END SOLUTION", "t", tags=["solution"]))
    with pytest.raises(SolutionMarkupError, match="tagged 'solution' and also has markers"):
        exercise_notebook(nb)


def test_markers_in_raw_cells_are_refused() -> None:
    nb = notebook()
    nb.cells.append(
        nbformat.v4.new_raw_cell("<!-- BEGIN SOLUTION -->\nsecret\n<!-- END SOLUTION -->", id="r")
    )
    with pytest.raises(SolutionMarkupError, match="not supported in raw cells"):
        exercise_notebook(nb)


def test_a_region_that_would_leave_invalid_python_is_refused() -> None:
    nb = notebook(code("print(1 +\n### BEGIN SOLUTION\n2\n### END SOLUTION\n)", "half"))
    with pytest.raises(SolutionMarkupError, match="would not be valid Python"):
        exercise_notebook(nb)


def test_a_notebook_that_checks_answers_must_require_them_in_a_solution_only_cell() -> None:
    uses_check = code("check('demo.transcript_words', 1)", "c")
    with pytest.raises(SolutionMarkupError, match="no cell tagged 'solution-only' calls require_answers"):
        exercise_notebook(notebook(uses_check))
    with pytest.raises(SolutionMarkupError, match="require_answers"):
        exercise_notebook(notebook(code(STRICT_CELL, "s"), uses_check))  # present, but not solution-only
    exercise_notebook(notebook(code(STRICT_CELL, "s", tags=["solution-only"]), uses_check))
    as_attribute = code("import casebook.checks as c\nc.check('demo.transcript_words', 1)", "a")
    with pytest.raises(SolutionMarkupError, match="require_answers"):
        exercise_notebook(notebook(as_attribute))
    with_magic = code("%time check('demo.transcript_words', 1)", "m")
    with pytest.raises(SolutionMarkupError, match="require_answers"):
        exercise_notebook(notebook(with_magic))
    only_mentions = code("# check (by eye) that the figure has a title\nchecked = True", "x")
    exercise_notebook(notebook(only_mentions, markdown("Then check(answer).", "md")))


def test_unreadable_and_id_less_notebooks_are_reported_not_raised(tmp_path: Path) -> None:
    solutions = tmp_path / "solutions"
    solutions.mkdir()
    (solutions / "01_json.ipynb").write_text("{ not json", encoding="utf-8")
    no_ids = json.loads(nbformat.writes(notebook(markdown("a", "x"), markdown("b", "y"))))
    for cell in no_ids["cells"]:
        del cell["id"]
    (solutions / "02_ids.ipynb").write_text(json.dumps(no_ids), encoding="utf-8")
    same_ids = json.loads(nbformat.writes(notebook(markdown("a", "x"), markdown("b", "y"))))
    same_ids["cells"][1]["id"] = "x"
    (solutions / "03_same.ipynb").write_text(json.dumps(same_ids), encoding="utf-8")
    (solutions / "04_v3.ipynb").write_text(json.dumps({"nbformat": 3, "worksheets": []}), encoding="utf-8")
    with pytest.raises(SolutionMarkupError) as error:
        build(solutions, tmp_path / "exercises")
    messages = [str(p) for p in error.value.problems]
    assert len(messages) == 4
    assert "01_json.ipynb: cannot be read as a notebook" in messages[0]
    assert "02_ids.ipynb, field 'id': cells 1, 2 have no id" in messages[1]
    assert "03_same.ipynb, field 'id': cells 1 and 2 have the same id 'x'" in messages[2]
    assert "04_v3.ipynb, field 'nbformat': is not a version 4 Jupyter notebook" in messages[3]


def test_notebooks_from_before_cell_ids_are_copied_without_inventing_ids(tmp_path: Path) -> None:
    old = json.loads(nbformat.writes(notebook(code("### BEGIN SOLUTION\na = 1\n### END SOLUTION", "x"))))
    old["nbformat_minor"] = 4
    del old["cells"][0]["id"]
    path = tmp_path / "01_old.ipynb"
    path.write_text(json.dumps(old), encoding="utf-8")
    text = render_exercise(path)
    assert text == render_exercise(path)
    assert '"id"' not in text and "a = ...  # your code here" in text


def test_a_missing_solutions_folder_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(SolutionMarkupError, match="no such folder"):
        build(tmp_path / "nowhere", tmp_path / "exercises")


def _checking(*sources: str) -> nbformat.NotebookNode:
    return notebook(
        code(STRICT_CELL, "c-strict", tags=["solution-only"]),
        *(code(source, f"c{n}") for n, source in enumerate(sources, start=1)),
    )


def test_a_check_with_no_definition_names_the_notebook_cell_and_close_ids(tmp_path: Path) -> None:
    solutions = tmp_path / "solutions"
    write(
        _checking("check('demo.transcript_words', 3)", "check('demo.transcript_word', 3)"),
        solutions / "01.ipynb",
    )
    with pytest.raises(SolutionMarkupError) as error:
        build(solutions, tmp_path / "exercises")
    [problem] = error.value.problems
    assert str(problem) == (
        f"{solutions / '01.ipynb'}, cell 3 (id 'c2', code, starting 'check('demo.transcript_word', 3)'): "
        "check('demo.transcript_word') has no definition; there is no check called "
        "'demo.transcript_word'. Did you mean 'demo.transcript_words'?"
    )
    assert not (tmp_path / "exercises").exists(), "nothing is written"


def test_a_definition_no_solution_uses_names_its_file(tmp_path: Path, words_course: Path) -> None:
    course(words_course, "demo.transcript_words", "demo.unused")
    solutions = tmp_path / "solutions"
    write(
        _checking("import casebook.checks as c\nc.check('demo.transcript_words', 3)"), solutions / "01.ipynb"
    )
    for run in (
        lambda: build(solutions, tmp_path / "exercises"),
        lambda: check_up_to_date(solutions, tmp_path),
    ):
        with pytest.raises(SolutionMarkupError) as error:
            run()
        [problem] = error.value.problems
        assert str(problem) == (
            f"{words_course / 'checks' / 'tasks.py'}, field 'demo.unused': the check 'demo.unused' is "
            f"defined, but no notebook in {solutions} calls it; call it from a solution, or delete its "
            "definition"
        )


def test_checks_are_found_in_magics_and_an_id_that_is_not_text_is_refused(tmp_path: Path) -> None:
    solutions = tmp_path / "solutions"
    write(_checking("%time check('demo.transcript_words', 3)"), solutions / "01.ipynb")
    build(solutions, tmp_path / "exercises")  # the magic's call counts as a use
    write(_checking("which = 'demo.transcript_words'\ncheck(which, 3)"), solutions / "01.ipynb")
    with pytest.raises(
        SolutionMarkupError, match=r"check\(\.\.\.\) must get the exercise id written as a text"
    ):
        build(solutions, tmp_path / "exercises")


def test_a_broken_definition_file_stops_the_build_in_one_line(tmp_path: Path, words_course: Path) -> None:
    (words_course / "checks" / "tasks.py").write_text("CHECKS = [\n", encoding="utf-8")
    solutions = tmp_path / "solutions"
    write(_checking("check('demo.transcript_words', 3)"), solutions / "01.ipynb")
    with pytest.raises(SolutionMarkupError) as error:
        build(solutions, tmp_path / "exercises")
    [problem] = error.value.problems
    assert f"{words_course / 'checks' / 'tasks.py'}: line 1: SyntaxError" in str(problem)
    assert "\n" not in str(problem)


def test_the_kits_solutions_and_course_checks_agree_and_an_explicit_folder_wins(tmp_path: Path) -> None:
    from tests.conftest import ROOT

    assert check_up_to_date(ROOT / "solutions", ROOT / "exercises", ROOT / "course" / "checks") == []
    with pytest.raises(SolutionMarkupError, match="has no definition"):
        check_up_to_date(ROOT / "solutions", ROOT / "exercises", course(tmp_path / "other") / "checks")
