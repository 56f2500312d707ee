"""A quiz-only lesson stays light, and lessons never hold the answers."""

from __future__ import annotations

import subprocess
import sys

import nbformat

from casebook.quiz import load_quiz
from casebook.quiz.load import quizzes_dir
from casebook.quiz.model import EvidenceQuestion, MultipleQuestion, SingleQuestion
from tests.conftest import ROOT, all_notebooks


def test_importing_the_quiz_package_loads_no_plotting_widgets_or_schema_library() -> None:
    code = (
        "import sys, casebook.quiz\n"
        "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'jsonschema', 'frictionless', 'pandas')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_showing_a_quiz_loads_no_matplotlib(tmp_path) -> None:
    code = (
        "import sys\nfrom casebook.quiz import show_quiz\nshow_quiz('00_start_here')._repr_mimebundle_()\n"
        "print('matplotlib' in sys.modules)"
    )
    env_code = f"import os; os.environ['CASEBOOK_PROGRESS_DIR'] = {str(tmp_path)!r}\n"
    out = subprocess.run([sys.executable, "-c", env_code + code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _secrets() -> list[str]:
    texts: list[str] = []
    for path in sorted(quizzes_dir().glob("*.yaml")):
        quiz = load_quiz(path, transcript=None)
        for question in quiz.questions:
            texts += [question.explanation or ""] + list(question.hints)
            if isinstance(question, (SingleQuestion, MultipleQuestion, EvidenceQuestion)):
                texts += [option.feedback or "" for option in question.options]
    return [" ".join(t.split())[:60] for t in texts if len(t) > 20]


def test_no_notebook_contains_a_quiz_explanation_hint_or_feedback() -> None:
    secrets = _secrets()
    assert secrets
    for path in all_notebooks():
        source = " ".join(" ".join(c.source.split()) for c in nbformat.read(path, as_version=4).cells)
        leaked = [s for s in secrets if s in source]
        assert not leaked, f"{path.relative_to(ROOT)} holds quiz answers: {leaked}"
