"""Rubrics checked against their schema ahead of time, as quizzes are: exact, current, never trusted for
edits, and an edited rubric is still checked where jsonschema is absent (the browser-only course)."""

from __future__ import annotations

import json
import runpy
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from casebook import rubric_checked
from casebook.maintain import rubric_checked as rubric_checked_tool
from casebook.rubric import files as rubric_files
from casebook.rubric import load_rubric_file, validate_rubric_file
from tests.conftest import ROOT

RUBRICS = sorted((ROOT / "data" / "rubrics").glob("*.yaml"))
SHIPPED = ROOT / "data" / "rubrics" / "answer_the_question.yaml"
# Run in a fresh interpreter with jsonschema made unimportable, as it is in Pyodide.
NO_JSONSCHEMA = "import sys; sys.modules['jsonschema'] = None\n"


@pytest.fixture(autouse=True)
def _fresh_list_cache():
    rubric_checked._known.cache_clear()
    yield
    rubric_checked._known.cache_clear()


def _schema_step_spy(monkeypatch) -> list[int]:
    calls: list[int] = []
    original = rubric_files._schema_step

    def spy(*args):
        calls.append(1)
        return original(*args)

    monkeypatch.setattr(rubric_files, "_schema_step", spy)
    return calls


def _python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def test_the_list_matches_the_shipped_rubrics_as_they_are() -> None:
    listed = json.loads(rubric_checked.CHECKED_PATH.read_text(encoding="utf-8"))["digests"]
    assert listed == rubric_checked_tool.current_digests(), (
        "a shipped rubric or rubric.schema.json changed: run `python -m casebook.rubric_checked` and commit "
        f"{rubric_checked.CHECKED_PATH.name}"
    )
    assert sorted(listed) == [p.name for p in RUBRICS]


def test_an_unedited_shipped_rubric_skips_only_the_schema_step(monkeypatch, tmp_path: Path) -> None:
    calls = _schema_step_spy(monkeypatch)
    assert validate_rubric_file(SHIPPED) == []
    assert calls == []
    # The same text under another name: the schema step is known, the rules a schema cannot say still run.
    copy = tmp_path / "renamed.yaml"
    copy.write_text(SHIPPED.read_text(encoding="utf-8"), encoding="utf-8")
    assert [p.field for p in validate_rubric_file(copy)] == ["id"]
    assert calls == []


def test_an_edited_rubric_is_checked_against_the_schema_in_full(monkeypatch, tmp_path: Path) -> None:
    calls = _schema_step_spy(monkeypatch)
    text = SHIPPED.read_text(encoding="utf-8")
    harmless = tmp_path / SHIPPED.name
    harmless.write_text(text + "# a teacher's note\n", encoding="utf-8")
    assert validate_rubric_file(harmless) == []
    assert calls == [1]
    harmless.write_text(text.replace("score: 2\n", "score: 11\n", 1), encoding="utf-8")
    problems = validate_rubric_file(harmless)
    assert [p.field for p in problems] == ["criteria[0].levels[0].score"]
    assert problems[0].message == "must be at most 10, not 11"  # plain words (authored_schema)


@pytest.mark.parametrize("content", ["{not json", '{"digests": 3}', '["a"]', "", None])
def test_a_corrupt_or_missing_list_means_every_rubric_is_checked(monkeypatch, tmp_path, content) -> None:
    path = tmp_path / "rubric.checked.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setattr(rubric_checked, "CHECKED_PATH", path)
    monkeypatch.setattr(rubric_checked.passed_schema, "__defaults__", (path,))
    calls = _schema_step_spy(monkeypatch)
    assert validate_rubric_file(SHIPPED) == []
    assert calls == [1]


def test_a_changed_schema_invalidates_every_digest(monkeypatch) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    assert rubric_checked.passed_schema(text)
    monkeypatch.setattr(
        rubric_checked, "SCHEMA_PATH", ROOT / "src" / "casebook" / "quiz" / "quiz.schema.json"
    )
    assert not rubric_checked.passed_schema(text)


def test_a_rubric_that_fails_the_schema_is_never_listed(tmp_path: Path) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    (tmp_path / "answer_the_question.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(text.replace("\ntitle:", "\ntitel:", 1), encoding="utf-8")
    list_path = tmp_path / "checked.json"
    assert list(rubric_checked_tool.write_checked(tmp_path, list_path)) == ["answer_the_question.yaml"]
    assert json.loads(list_path.read_text(encoding="utf-8"))["digests"] == {
        "answer_the_question.yaml": rubric_checked.digest(text)
    }


def test_the_runtime_check_holds_no_writer_and_the_old_command_runs_the_tool(monkeypatch) -> None:
    assert not hasattr(rubric_checked, "write_checked") and not hasattr(rubric_checked, "current_digests")
    ran: list[str] = []
    monkeypatch.setattr(rubric_checked_tool, "main", lambda: ran.append("tool") or 0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # the module is imported already: runpy says so
        with pytest.raises(SystemExit) as done:
            runpy.run_module("casebook.rubric_checked", run_name="__main__")
    assert done.value.code == 0 and ran == ["tool"]


def test_the_tool_says_what_the_list_holds(monkeypatch, capsys, tmp_path: Path) -> None:
    list_path = tmp_path / "checked.json"
    monkeypatch.setattr(rubric_checked_tool, "CHECKED_PATH", list_path)
    monkeypatch.setattr(rubric_checked_tool.write_checked, "__defaults__", (None, list_path))
    assert rubric_checked_tool.main() == 0
    assert (
        capsys.readouterr().out
        == f"{list_path}: {len(RUBRICS)} rubric file(s) checked against rubric.schema.json\n"
    )
    assert json.loads(list_path.read_text(encoding="utf-8")) == json.loads(
        rubric_checked.CHECKED_PATH.read_text(encoding="utf-8")
    )


def test_showing_the_shipped_rubrics_imports_neither_jsonschema_nor_frictionless() -> None:
    code = (
        "import sys\nfrom casebook.rubric import show_rubric\n"
        "for name in ('answer_the_question', 'capstone_brief'): repr(show_rubric(name))\n"
        "print(sorted(m for m in ('jsonschema', 'referencing', 'frictionless') if m in sys.modules))"
    )
    assert _python(code).strip() == "[]"


def test_without_jsonschema_the_shipped_rubrics_show_and_an_edited_one_is_checked_plainly(
    tmp_path: Path,
) -> None:
    edited = tmp_path / SHIPPED.name
    edited.write_text(
        SHIPPED.read_text(encoding="utf-8")
        .replace("\ntitle:", "\ntitel:", 1)
        .replace("score: 2\n", "score: -1\n", 1),
        encoding="utf-8",
    )
    code = NO_JSONSCHEMA + (
        "from casebook.rubric import show_rubric, validate_rubric_file\n"
        "for name in ('answer_the_question', 'capstone_brief'): assert 'Add up' in repr(show_rubric(name))\n"
        f"for p in validate_rubric_file({str(edited)!r}): print(p)\n"
    )
    lines = _python(code).splitlines()
    assert lines == [
        f"{edited}:1: missing required field 'title'",
        f"{edited}:1: unknown field 'titel' (the fields here are: id, title, intro, criteria, bands)",
        f"{edited}:10, field 'criteria[0].levels[0].score': should be at least 0, not -1",
    ]


def test_without_jsonschema_a_harmlessly_edited_rubric_loads(tmp_path: Path) -> None:
    edited = tmp_path / SHIPPED.name
    edited.write_text(SHIPPED.read_text(encoding="utf-8") + "# note\n", encoding="utf-8")
    code = NO_JSONSCHEMA + (
        f"from casebook.rubric import load_rubric_file\nprint(load_rubric_file({str(edited)!r}).max_score)\n"
        "print('jsonschema' in sys.modules and sys.modules['jsonschema'] is not None)"
    )
    assert _python(code).split() == [str(load_rubric_file(SHIPPED).max_score), "False"]
