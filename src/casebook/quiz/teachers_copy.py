"""The teacher's copies of the quizzes, which the merge grades every handed-in file against.

An export names its quiz by id. ``TeachersCopies.find(quiz_id)`` gives the quiz the teacher chose
for that id (``casebook results merge --quiz FILE``) or else the kit's own quiz in
``data/quizzes``. The id in a learner's file is only ever compared with known ids: it is never used
as a path, so a file cannot make the merge read anything else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from casebook.problems import Problem
from casebook.quiz.load import QuizFileError, QuizNotFound, load_quiz, quiz_path, quizzes_dir
from casebook.quiz.model import Quiz
from casebook.untrusted_text import for_terminal

_QUIZ_ID = re.compile(r"[A-Za-z0-9_-]{1,200}")


class TeachersCopies:
    """Quizzes by id: the ones given first, then (when ``shipped``) the kit's own, each loaded once."""

    def __init__(self, given: Iterable[Quiz] = (), *, shipped: bool = True) -> None:
        self._quizzes: dict[str, Quiz | str] = {quiz.id: quiz for quiz in given}
        self._shipped = shipped

    @classmethod
    def from_sources(cls, sources: Iterable[str | Path]) -> tuple[TeachersCopies, list[Problem]]:
        """Copies from quiz ids or ``.yaml`` files (``--quiz``), and the problems of those that failed.

        A quiz file that fails to load blocks its id (its file name): exports of that quiz are then
        reported, rather than graded against some other copy.
        """
        copies = cls()
        problems: list[Problem] = []
        for source in sources:
            try:
                quiz = load_quiz(source)
            except QuizFileError as error:
                problems += error.problems
                copies._quizzes[error.path.stem] = f"the teacher's copy {error.path} has problems"
                continue
            except QuizNotFound as error:
                problems.append(Problem(str(source), str(error)))
                continue
            copies._quizzes[quiz.id] = quiz
        return copies, problems

    def find(self, quiz_id: str) -> Quiz | str:
        """The teacher's copy of the quiz with this id, or why there is none, in words."""
        if quiz_id in self._quizzes:
            return self._quizzes[quiz_id]
        shown = for_terminal(quiz_id, 60)
        if not self._shipped or not _QUIZ_ID.fullmatch(quiz_id):
            found: Quiz | str = f"no quiz '{shown}' to grade against; give the teacher's copy with --quiz"
        else:
            try:
                found = load_quiz(quiz_path(quizzes_dir() / f"{quiz_id}.yaml"))
                if found.id != quiz_id:  # a folder that ignores case found another quiz
                    raise QuizNotFound(quiz_id)
            except QuizNotFound:
                found = f"no quiz '{shown}' in {quizzes_dir()}; give the teacher's copy with --quiz"
            except QuizFileError as error:
                found = (
                    f"the kit's quiz {error.path} has problems ({len(error.problems)}); run casebook validate"
                )
        self._quizzes[quiz_id] = found
        return found
