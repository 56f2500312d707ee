"""The shipped quizzes' schema check done ahead of time: exact, current, and never trusted for edits."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from casebook.maintain import quiz_checked
from casebook.quiz import checked, load
from casebook.quiz.load import quizzes_dir, validate_quiz_file


@pytest.fixture(autouse=True)
def _fresh_list_cache():
    checked._known_digests.cache_clear()
    yield
    checked._known_digests.cache_clear()


def _schema_step_spy(monkeypatch) -> list[str]:
    calls: list[str] = []
    original = load._schema_problems

    def spy(file, data, lines):
        calls.append(file)
        return original(file, data, lines)

    monkeypatch.setattr(load, "_schema_problems", spy)
    return calls


def test_the_list_matches_the_shipped_quizzes_as_they_are() -> None:
    listed = json.loads(checked.checked_path().read_text(encoding="utf-8"))["digests"]
    assert listed == quiz_checked.current_digests(), (
        "a shipped quiz or the quiz schema changed: run `python -m casebook.quiz.checked` and commit "
        f"{checked.CHECKED_FILE}"
    )
    assert len(listed) == len(list(quizzes_dir().glob("*.yaml")))


def test_an_unedited_shipped_quiz_skips_only_the_schema_step(monkeypatch, tmp_path: Path) -> None:
    calls = _schema_step_spy(monkeypatch)
    shipped = quizzes_dir() / "03_moscow_mechanism.yaml"
    assert validate_quiz_file(shipped) == []
    assert calls == []
    # The same text under another name: the schema step is known, the cross-field checks still run.
    copy = tmp_path / "renamed.yaml"
    copy.write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    problems = validate_quiz_file(copy, transcript=None)
    assert [p.field for p in problems] == ["id"] and "differs from the file name" in problems[0].message
    assert calls == []


def test_an_edited_quiz_is_checked_against_the_schema_in_full(monkeypatch, tmp_path: Path) -> None:
    calls = _schema_step_spy(monkeypatch)
    text = (quizzes_dir() / "03_moscow_mechanism.yaml").read_text(encoding="utf-8")
    harmless = tmp_path / "03_moscow_mechanism.yaml"
    harmless.write_text(text + "\n# a teacher's note\n", encoding="utf-8")
    assert validate_quiz_file(harmless, transcript=None) == []
    assert calls == [str(harmless)]
    broken = tmp_path / "broken" / "03_moscow_mechanism.yaml"
    broken.parent.mkdir()
    broken.write_text(text.replace("\ntitle:", "\ntitel:", 1), encoding="utf-8")
    messages = [p.message for p in validate_quiz_file(broken, transcript=None)]
    assert any("missing required field 'title'" in m for m in messages)
    assert any("unknown field 'titel'" in m for m in messages)


@pytest.mark.parametrize("content", ["{not json", '{"digests": 3}', '["a"]', "", None])
def test_a_corrupt_or_missing_list_means_every_quiz_is_validated(monkeypatch, tmp_path, content) -> None:
    path = tmp_path / checked.CHECKED_FILE
    if content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setattr(checked, "checked_path", lambda: path)
    calls = _schema_step_spy(monkeypatch)
    assert validate_quiz_file(quizzes_dir() / "03_moscow_mechanism.yaml") == []
    assert len(calls) == 1


def test_a_changed_schema_invalidates_every_digest(monkeypatch) -> None:
    text = (quizzes_dir() / "03_moscow_mechanism.yaml").read_text(encoding="utf-8")
    assert checked.passed_schema(text)
    monkeypatch.setattr(checked, "_schema_bytes", lambda: b'{"type": "object"}')
    assert not checked.passed_schema(text)


def test_a_list_naming_a_file_that_fails_the_schema_is_never_written(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(
        "id: good\ntitle: Good\nquestions:\n  - {id: q, type: reflection, prompt: Why?}\n", encoding="utf-8"
    )
    (tmp_path / "bad.yaml").write_text("id: bad\ntitle: Bad\nquestions: []\n", encoding="utf-8")
    assert list(quiz_checked.current_digests(tmp_path)) == ["good.yaml"]


def test_showing_a_shipped_quiz_does_not_import_jsonschema(tmp_path: Path) -> None:
    code = (
        f"import os, sys; os.environ['CASEBOOK_PROGRESS_DIR'] = {str(tmp_path)!r}\n"
        "from casebook.quiz import load_quiz\nload_quiz('03_moscow_mechanism')\n"
        "print(sorted(m for m in ('jsonschema', 'referencing') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
