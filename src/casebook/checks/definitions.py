"""Find a course's check definitions by scanning its folder, as plots are found by name.

A course keeps its checks outside the package (this kit: ``course/checks/``, found through
``casebook.paths.checks_dir``), so the engine holds no answers and a second course can bring its own
folder. Every ``*.py`` file there whose name does not start with ``_`` is one definition file: it
imports what it needs from ``casebook.checks`` and exposes ``CHECKS``, a list of ``Check`` (defined
here: the question, how its expected value is computed and compared, and a hint).

The files are run from their source text, not imported: they are not a package anyone can
``import``, and no ``__pycache__`` is written beside them (on a read-only hub share, or on the
browser-only site's drive).
"""

from __future__ import annotations

import types
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casebook.checks.compare import Comparator

MODULE_PREFIX = "casebook_course_checks"


@dataclass(frozen=True)
class Check:
    """One exercise check: what is asked, how the expected value is computed and compared, and a hint.

    ``expected`` takes no arguments and computes the expected value from the kit's data.
    ``compare(value, expected)`` returns a ``Comparison``. With ``none_is_placeholder`` a value of
    ``None`` counts as "not answered yet" (for exercises whose placeholder is None).
    """

    id: str
    question: str
    expected: Callable[[], Any]
    compare: Comparator
    hint: str = ""
    none_is_placeholder: bool = False


class DefinitionsError(Exception):
    """A definitions folder or file cannot be used; the message names the file and what is wrong."""


def definition_files(folder: Path) -> list[Path]:
    """The definition files in ``folder``, in name order; DefinitionsError if it is not a folder."""
    if not folder.is_dir():
        raise DefinitionsError(
            f"{folder}: no such folder of check definitions (set CASEBOOK_COURSE to the course folder "
            f"that holds checks/)"
        )
    return sorted(p for p in folder.glob("*.py") if not p.name.startswith("_") and p.is_file())


def load_file(path: Path) -> list[Check]:
    """The ``CHECKS`` of one definition file; DefinitionsError naming the file when it cannot be used."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DefinitionsError(f"{path}: cannot be read ({_first(error)})") from None
    module = types.ModuleType(f"{MODULE_PREFIX}.{path.stem}")
    module.__file__ = str(path)
    try:
        exec(compile(source, str(path), "exec"), module.__dict__)  # noqa: S102 - the course's own code
    except Exception as error:  # noqa: BLE001 - any error in a definition file is reported in one line
        raise DefinitionsError(
            f"{path}: {_where(error, path)}{type(error).__name__}: {_first(error)}"
        ) from None
    checks = getattr(module, "CHECKS", None)
    if not isinstance(checks, (list, tuple)):
        raise DefinitionsError(f"{path}, field 'CHECKS': missing, or not a list of Check")
    for number, item in enumerate(checks):
        if not isinstance(item, Check):
            raise DefinitionsError(f"{path}, field 'CHECKS[{number}]': not a Check ({type(item).__name__})")
    return list(checks)


def load_folder(folder: Path) -> dict[Path, list[Check]]:
    """Each definition file in ``folder`` and its checks; DefinitionsError for the first file that
    cannot be used."""
    return {path: load_file(path) for path in definition_files(folder)}


def _first(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else "(no message)"


def _where(error: BaseException, path: Path) -> str:
    """'line N: ' for the deepest frame of the error inside ``path``, or ''."""
    if isinstance(error, SyntaxError) and error.lineno:
        return f"line {error.lineno}: "
    line = None
    trace = error.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == str(path):
            line = trace.tb_lineno
        trace = trace.tb_next
    return f"line {line}: " if line else ""
