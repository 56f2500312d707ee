"""Student notebooks generated from the solutions notebooks.

``solutions/`` is the single source; ``exercises/`` is written by ``build`` (``casebook exercises``)
and verified by ``check_up_to_date`` (``casebook exercises --check``). The marking conventions are
documented for teachers in ``solutions/README.md``.
"""

from __future__ import annotations

from casebook.exercises.builder import (
    SOLUTION_ONLY_TAG,
    SOLUTION_TAG,
    BuildReport,
    Drift,
    SolutionMarkupError,
    build,
    check_up_to_date,
    exercise_notebook,
    generate,
    render_exercise,
)

__all__ = [
    "SOLUTION_ONLY_TAG",
    "SOLUTION_TAG",
    "BuildReport",
    "Drift",
    "SolutionMarkupError",
    "build",
    "check_up_to_date",
    "exercise_notebook",
    "generate",
    "render_exercise",
]
