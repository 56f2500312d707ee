"""Where widgets cannot run: an executed lesson exported to HTML with nbconvert stays readable, and
every quiz's static view shows its questions and none of its answers: no answer text appears in it,
and it does not change when every answer in the quiz file is replaced."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
import yaml

import casebook
from casebook.paths import ENV_DATA, data_dir
from tests.browser.quiz_answers import plain_text
from tests.browser.static_fallback import (
    SENTINEL,
    answers_changed,
    export_html,
    replace_answers,
    static_problems,
    visible_text,
)
from tests.browser.test_quizzes_in_browser import QUIZ_FILES, write_quiz_notebook
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

FIRST_LESSON = ROOT / "notebooks" / "00_start_here.ipynb"


def test_an_executed_lesson_exports_to_readable_html(tmp_path: Path) -> None:
    copy = tmp_path / FIRST_LESSON.name
    copy.write_bytes(FIRST_LESSON.read_bytes())
    html = export_html(copy)
    text = visible_text(html)
    nb = nbformat.read(FIRST_LESSON, as_version=4)
    headings = [
        plain_text(line.lstrip("#"))
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("#")
    ]
    assert headings, "the lesson has no headings to look for"
    missing = [h for h in headings if h not in text]
    assert not missing, f"headings missing from the HTML export: {missing}"
    assert "Traceback" not in text
    assert f"'{casebook.__version__}'" in text  # the first code cell ran and its result was exported
    # The lesson's quiz, seen where widgets cannot run: every question readable, no answer given away.
    assert 'show_quiz("00_start_here")' in "".join(c.source for c in nb.cells)
    assert static_problems(html, ROOT / "data" / "quizzes" / "00_start_here.yaml") == []


@pytest.mark.parametrize("quiz_file", QUIZ_FILES, ids=lambda p: p.stem)
def test_quiz_static_view_shows_questions_and_hides_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quiz_file: Path
) -> None:
    notebook = tmp_path / write_quiz_notebook(tmp_path, quiz_file.stem)
    data = tmp_path / "data"  # a copy of the data folder, so the quiz file can be changed
    shutil.copytree(data_dir(), data)
    monkeypatch.setenv(ENV_DATA, str(data))
    copy = data / "quizzes" / quiz_file.name
    quiz = yaml.safe_load(quiz_file.read_text(encoding="utf-8"))
    quiz["title"] = f"{SENTINEL} title"  # proves the kernel read the copy

    def export(content: dict) -> str:
        copy.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return export_html(notebook)

    html = export(quiz)
    assert f"{SENTINEL} title" in visible_text(html)
    assert static_problems(html, copy) == []
    # With every answer, feedback and explanation replaced, the static view must not change.
    assert answers_changed(html, export(replace_answers(quiz))) == []
