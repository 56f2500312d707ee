"""A course's check definitions: found by scanning its folder, located from any working directory,
outside the package (a student cannot import the answers), and every problem in a definition file
reported in one line that names the file."""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from casebook import paths
from casebook.checks import Registry, check
from casebook.checks.definitions import definition_files
from tests.conftest import ROOT
from tests.exercises.conftest import DEFINITION, DEMO_COURSE


def definitions(folder: Path, **files: str) -> Path:
    """Write definition files (name -> source) into ``folder`` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, source in files.items():
        (folder / f"{name}.py").write_text(source, encoding="utf-8")
    return folder


def test_every_file_in_the_folder_is_read_without_being_listed_anywhere(tmp_path: Path) -> None:
    folder = definitions(
        tmp_path / "checks",
        lesson02=DEFINITION.format(ids=["ex02.q1"]),
        lesson01=DEFINITION.format(ids=["ex01.q1"]),
        _helpers="raise RuntimeError('files starting with _ are not definitions')",
    )
    (folder / "notes.txt").write_text("not Python", encoding="utf-8")
    assert [p.name for p in definition_files(folder)] == ["lesson01.py", "lesson02.py"]
    registry = Registry(folder=folder)
    assert registry.ids() == ["ex01.q1", "ex02.q1"] and registry.load_error == ""
    assert registry.origin("ex02.q1") == folder / "lesson02.py"
    definitions(folder, lesson03=DEFINITION.format(ids=["ex03.q1"]))
    assert Registry(folder=folder).run("ex03.q1", 3).passed, "a new file is picked up with no other edit"
    assert not (folder / "__pycache__").exists(), "nothing is written beside the definitions"


@pytest.mark.parametrize(
    ("source", "says"),
    [
        ("CHECKS = [\n", "lesson01.py: line 1: SyntaxError"),
        ("x = 1\nCHECKS = [1 / 0]\n", "lesson01.py: line 2: ZeroDivisionError: division by zero"),
        ("from casebook.checks import nothing_here\n", "lesson01.py: line 1: ImportError"),
        ("CHECKS = 'ex01.q1'\n", "lesson01.py, field 'CHECKS': missing, or not a list of Check"),
        ("TASKS = []\n", "lesson01.py, field 'CHECKS': missing, or not a list of Check"),
        ("CHECKS = [{'id': 'ex01.q1'}]\n", "lesson01.py, field 'CHECKS[0]': not a Check (dict)"),
    ],
    ids=["syntax", "runtime", "import", "not-a-list", "no-checks", "not-a-check"],
)
def test_a_broken_definition_file_is_one_line_naming_the_file(tmp_path: Path, source: str, says: str) -> None:
    folder = definitions(tmp_path / "checks", lesson01=source)
    registry = Registry(folder=folder)
    assert says in registry.load_error and "\n" not in registry.load_error
    result = check("ex01.q1", 3, registry=registry)
    assert result.status == "error" and says in result.feedback and "Traceback" not in result.feedback


def test_an_id_defined_in_two_files_names_the_second(tmp_path: Path) -> None:
    folder = definitions(
        tmp_path / "checks",
        a=DEFINITION.format(ids=["ex01.q1"]),
        b=DEFINITION.format(ids=["ex01.q1"]),
    )
    assert f"{folder / 'b.py'}: check id 'ex01.q1' is registered twice" in Registry(folder=folder).load_error


def test_the_course_checks_are_not_in_the_package_so_no_student_can_import_the_answers() -> None:
    for name in [f"lesson0{n}" for n in range(1, 7)] + ["demo"]:
        assert importlib.util.find_spec(f"casebook.checks.{name}") is None, name
    engine = ROOT / "src" / "casebook"
    assert not [p for p in engine.rglob("*.py") if "CHECKS = [" in p.read_text(encoding="utf-8")]
    assert paths.checks_dir() == ROOT / "course" / "checks"
    assert [p.stem for p in definition_files(paths.checks_dir())] == [f"lesson0{n}" for n in range(1, 7)]


def _ids_from(cwd: Path, **env: str) -> list[str]:
    script = "from casebook.checks import DEFAULT; print(' '.join(DEFAULT.ids())); print(DEFAULT.load_error)"
    environment = {k: v for k, v in os.environ.items() if k != paths.ENV_COURSE}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=cwd, env={**environment, **env}, capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.splitlines()[1:] == [""], result.stdout + result.stderr
    return result.stdout.split("\n")[0].split()


def test_the_course_is_found_from_any_folder_or_where_casebook_course_points(tmp_path: Path) -> None:
    ids = _ids_from(tmp_path)
    assert len(ids) == 31 and ids[0] == "ex01.q1" and ids[-1] == "ex06.q5"
    assert _ids_from(tmp_path, CASEBOOK_COURSE=str(DEMO_COURSE)) == [
        "demo.transcript_sha256",
        "demo.transcript_words",
    ]


def test_a_missing_course_folder_is_a_sentence_naming_it_and_the_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.ENV_COURSE, str(tmp_path / "gone"))
    result = Registry(folder=paths.checks_dir).run("ex01.q1", 1)
    assert result.status == "error"
    assert f"{tmp_path / 'gone' / 'checks'}: no such folder of check definitions" in result.feedback
    assert "set CASEBOOK_COURSE" in result.feedback


def _constants(tree: ast.Module) -> dict[str, object]:
    return {
        node.targets[0].id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and node.targets[0].id.isupper()
        and isinstance(node.value, ast.Constant)
    }


def _table_texts(tree: ast.Module) -> list[str]:
    """The literal text (f-string parts included) of the questions and hints in ``CHECKS``."""
    table = next(
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "CHECKS"
    )
    return [n.value for n in ast.walk(table) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def restatements(source: str) -> list[str]:
    """Each question or hint text that spells out a parameter's value instead of using the parameter."""
    tree = ast.parse(source)
    texts = _table_texts(tree)
    found = []
    for name, value in _constants(tree).items():
        spelt = [f"'{value}'"] if isinstance(value, str) else [str(value), f"{value:,}"]
        found += [f"{text!r} restates {name} = {value!r}" for text in texts for form in spelt if form in text]
    return found


def test_a_hint_that_restates_a_parameter_is_caught() -> None:
    source = (
        'THRESHOLD = 1000\nGROUP = "end-2023"\nCHECKS = [Check("ex05.q2", f"above {THRESHOLD:,}", f, c, '
        '"stop at the first count above 1000")]\nOTHER = [Check("x.y", "group \'end-2023\'", f, c)]\n'
    )
    assert restatements(source) == ["'stop at the first count above 1000' restates THRESHOLD = 1000"]


@pytest.mark.parametrize("path", definition_files(paths.checks_dir()), ids=lambda p: p.name)
def test_each_parameter_is_written_once_and_the_questions_and_hints_are_built_from_it(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert _constants(ast.parse(source)), "a definition file names its parameters"
    assert restatements(source) == [], f"{path.name}: use the parameter in an f-string"
