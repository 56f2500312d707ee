"""Where quiz files are, how much one may hold, and reading one as YAML with line numbers.

``quiz_path("03_moscow_mechanism")`` finds the kit's quiz by id (``data/quizzes/<id>.yaml``) or takes a
path; ``read_yaml(path)`` reads it through :mod:`casebook.authored_yaml` within ``QUIZ_LIMITS``. Both
never look inside the quiz: checking it is :mod:`casebook.quiz.load`'s job.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from casebook.authored_yaml import AuthoredYaml, Limits, LineMap, read_authored_yaml
from casebook.paths import data_dir
from casebook.problems import Problem

#: How much one quiz file may hold, checked before anything else runs: the kit's quizzes are about
#: 10 KB with a dozen questions, so these leave room for any real quiz and none for a resource bomb.
QUIZ_LIMITS = Limits(max_bytes=1024 * 1024, max_depth=20, max_values=20_000, max_items=500)
MAX_QUESTIONS = 200

EMPTY = "the file is empty; a quiz needs at least id, title and questions"


class QuizNotFound(FileNotFoundError):
    """No quiz by that name or path; the message lists the quizzes there are."""


def quizzes_dir() -> Path:
    """The folder of the kit's quizzes: ``data/quizzes``."""
    return data_dir() / "quizzes"


def quiz_path(name_or_path: str | Path) -> Path:
    """The file of a quiz given by id ("03_moscow_mechanism") or by path; QuizNotFound if none."""
    text = str(name_or_path)
    looks_like_path = isinstance(name_or_path, Path) or text.endswith((".yaml", ".yml")) or "/" in text
    path = Path(text).expanduser() if looks_like_path else quizzes_dir() / f"{text}.yaml"
    if path.is_file():
        return path
    if looks_like_path:
        raise QuizNotFound(f"There is no quiz file at {path}.")
    known = sorted(p.stem for p in quizzes_dir().glob("*.yaml"))
    close = difflib.get_close_matches(text, known, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise QuizNotFound(
        f"There is no quiz called '{text}' in {quizzes_dir()}.{hint} "
        f"Quizzes there: {', '.join(known) or 'none'}."
    )


def read_quiz_document(path: Path) -> AuthoredYaml:
    """The quiz file read as bounded YAML: its text, value, line map and problems. Never raises."""
    return read_authored_yaml(path, QUIZ_LIMITS, empty_message=EMPTY)


def read_yaml(path: Path) -> tuple[Any, LineMap, list[Problem]]:
    """The YAML document in ``path``, its line map, and any problems reading it (then data is None)."""
    document = read_quiz_document(path)
    return document.data, document.lines, document.problems
