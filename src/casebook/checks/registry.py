"""Check definitions, the registry that holds them, and ``check`` itself (feedback and strict mode).

A check definition names what the exercise asks, how to compute the expected value FROM THE DATA
(never typed in, so a corrected dataset updates the check), how to compare (a helper of
``casebook.checks.compare``) and a hint. Definitions are course content, so they live outside the
package: the default registry reads every file in the course's checks folder
(``casebook.paths.checks_dir()``, see ``casebook.checks.definitions``) on first use.

Strict mode (``CASEBOOK_STRICT=1``, set by ``make test``): a wrong answer, or a check that cannot
run, raises AssertionError with the feedback as its message, so a solutions notebook whose check
fails breaks the test run. A placeholder (``...``) never raises, so the generated exercises run
under nbval, unless ``require_answers()`` was called: solutions notebooks call it in a cell tagged
``solution-only``, so there an unanswered check fails too.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from casebook import paths
from casebook.checks.definitions import Check, DefinitionsError, load_folder
from casebook.checks.result import ERROR, FAILED, PASSED, UNANSWERED, CheckResult

STRICT_ENV = "CASEBOOK_STRICT"
CHECK_ID = re.compile(r"^[a-z][a-z0-9_]*\.[a-z0-9_]+$")

_answers_required = False


class Registry:
    """Checks by id; those in ``folder`` (a path, or a function giving one) are read on first use."""

    def __init__(self, checks: Iterable[Check] = (), folder: Path | Callable[[], Path] | None = None) -> None:
        self._checks: dict[str, Check] = {}
        self._origins: dict[str, Path] = {}
        self._folder = folder
        self._load_error = ""
        for item in checks:
            self.add(item)

    @property
    def load_error(self) -> str:
        """Why the definitions folder could not be read (one line naming the file), or ""."""
        self._load()
        return self._load_error

    def origin(self, check_id: str) -> Path | None:
        """The definition file that defines ``check_id``, or None (unknown, or not read from a folder)."""
        self._load()
        return self._origins.get(check_id)

    def add(self, item: Check) -> Check:
        """Register a check; raises ValueError for a malformed or repeated id (a mistake by the author)."""
        if not isinstance(item.id, str) or not CHECK_ID.match(item.id):
            raise ValueError(f"check id {item.id!r} is not like 'ex03.q2' (lower-case letters, digits, _)")
        if item.id in self._checks:
            raise ValueError(f"check id '{item.id}' is registered twice")
        self._checks[item.id] = item
        return item

    def ids(self) -> list[str]:
        """Every registered check id, sorted."""
        self._load()
        return sorted(self._checks)

    def get(self, check_id: str) -> Check | None:
        """The check with this id, or None."""
        self._load()
        return self._checks.get(check_id)

    def run(self, check_id: object, value: object) -> CheckResult:
        """Judge ``value`` against the check ``check_id``; never raises, never prints."""
        if not isinstance(check_id, str):
            return CheckResult(
                "(no id)",
                ERROR,
                message="check() takes the exercise id first, as a text, then your answer: "
                "check('ex03.q2', answer).",
            )
        self._load()
        if self._load_error:
            return CheckResult(check_id, ERROR, message=self._load_error)
        item = self._checks.get(check_id)
        if item is None:
            return CheckResult(check_id, ERROR, message=self.unknown(check_id))
        if value is Ellipsis or (value is None and item.none_is_placeholder):
            return CheckResult(check_id, UNANSWERED, item.question)
        try:
            expected = item.expected()
        except Exception as error:  # noqa: BLE001 - e.g. a data file missing; reported, not raised
            return CheckResult(
                check_id,
                ERROR,
                item.question,
                message=f"the expected answer could not be computed from the data ({_error_text(error)}). "
                "Tell your teacher.",
            )
        try:
            comparison = item.compare(value, expected)
            status = PASSED if comparison.passed else FAILED
            return CheckResult(
                check_id, status, item.question, comparison.findings, comparison.not_checked, item.hint
            )
        except Exception as error:  # noqa: BLE001 - a bug in a check must not look like the learner's fault
            return CheckResult(
                check_id,
                ERROR,
                item.question,
                message=f"it could not judge this answer ({_error_text(error)}); this is a problem in the "
                "check, not in your answer. Tell your teacher.",
            )

    def _load(self) -> None:
        if self._folder is None:
            return
        folder = self._folder() if callable(self._folder) else self._folder
        self._folder = None
        try:
            for path, checks in load_folder(Path(folder)).items():
                for item in checks:
                    try:
                        self.add(item)
                    except ValueError as error:
                        raise DefinitionsError(f"{path}: {error}") from None
                    self._origins[item.id] = path
        except DefinitionsError as error:
            self._load_error = f"the course's check definitions could not be loaded ({error})."

    def unknown(self, check_id: str) -> str:
        """The sentence for an id no check has, naming up to three close ones."""
        close = difflib.get_close_matches(check_id, list(self._checks), n=3)
        suggestion = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        return f"there is no check called {check_id[:60]!r}.{suggestion}"


DEFAULT = Registry(folder=paths.checks_dir)


def strict_mode() -> bool:
    """Whether ``CASEBOOK_STRICT`` asks failing checks to raise (1, true or yes)."""
    return os.environ.get(STRICT_ENV, "").strip().lower() in ("1", "true", "yes")


def require_answers(required: bool = True) -> None:
    """From now on in this kernel, an unanswered check counts as a failure (for solutions notebooks).

    Call it in a cell tagged ``solution-only``, so it is left out of the exercises.
    """
    global _answers_required
    _answers_required = bool(required)


def check(check_id: str, value: Any, *, registry: Registry | None = None) -> CheckResult:
    """Check an exercise answer, print specific feedback and return it as a ``CheckResult``.

    In strict mode a wrong answer (or an unanswered one after ``require_answers()``) raises
    AssertionError whose message is the feedback; otherwise nothing ever raises.
    """
    result = (registry or DEFAULT).run(check_id, value)
    required = result.status == UNANSWERED and _answers_required
    if required:
        note = "This is a solutions notebook (require_answers() is on): every check must be answered."
        result = replace(result, notes=(note,))
    if strict_mode() and (required or result.status in (FAILED, ERROR)):
        raise AssertionError(result.feedback)
    print(result.feedback)
    return result


def _error_text(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0][:200]}" if text else type(error).__name__
