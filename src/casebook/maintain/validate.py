"""``casebook validate``: each file checked by the checker for its type, every problem listed.

``default_paths()`` is what is checked when no file is named: every quiz, the data package and every
rubric. ``validate_paths(paths)`` never raises: a missing file, a FIFO, a device or an oversized file
is one problem, refused before any checker opens it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from casebook.files import UnreadableFile, read_bytes_bounded
from casebook.paths import data_dir
from casebook.problems import Problem

NOT_A_KIT_FILE = "not a quiz file (.yaml) nor a data package (datapackage.json)"


def default_paths(root: Path | None = None) -> list[Path]:
    """Every quiz, the data package and every rubric of the data folder (default: the kit's)."""
    root = root or data_dir()
    paths = sorted((root / "quizzes").glob("*.yaml")) + [root / "datapackage.json"]
    return paths + sorted((root / "rubrics").glob("*.yaml"))


def file_problems(path: Path) -> list[Problem]:
    """Every problem of one file, found by the checker its type needs (rubric, quiz or data package)."""
    if not path.exists():
        return [Problem(str(path), "no such file or folder")]
    if not path.is_dir():
        try:  # refuse a FIFO, a device or an oversized file before any checker opens it
            read_bytes_bounded(path)
        except UnreadableFile as error:
            return [error.problem]
    if path.suffix in (".yaml", ".yml") and path.parent.name == "rubrics":
        from casebook.rubric import validate_rubric_file

        return validate_rubric_file(path)
    if path.suffix in (".yaml", ".yml"):
        from casebook.quiz.load import validate_quiz_file

        return validate_quiz_file(path)
    if path.name == "datapackage.json" or (path / "datapackage.json").exists():
        from casebook.data.validation import validate_package

        return validate_package(path if path.is_dir() else path.parent)
    return [Problem(str(path), NOT_A_KIT_FILE)]


def validate_paths(paths: Sequence[Path]) -> list[Problem]:
    """Every problem of every file, in the order given."""
    return [problem for path in paths for problem in file_problems(path)]
