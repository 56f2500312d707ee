"""The outcome of one check, and its feedback as plain text."""

from __future__ import annotations

from dataclasses import dataclass, field

from casebook.checks.compare import Finding

PASSED = "passed"
FAILED = "failed"
UNANSWERED = "unanswered"
ERROR = "error"  # the check itself could not run: unknown id, data missing, a bug in a check


@dataclass(frozen=True)
class CheckResult:
    """What one call of ``check`` found.

    ``status`` is "passed", "failed", "unanswered" or "error". ``findings`` are exactly the
    properties checked; ``not_checked`` those skipped because an earlier one failed. ``feedback``
    is the text ``check`` prints.
    """

    check_id: str
    status: str
    question: str = ""
    findings: tuple[Finding, ...] = ()
    not_checked: tuple[str, ...] = ()
    hint: str = ""
    message: str = ""
    notes: tuple[str, ...] = field(default=())

    @property
    def passed(self) -> bool:
        """True only when every property was checked and holds."""
        return self.status == PASSED

    @property
    def feedback(self) -> str:
        """The feedback, several plain-text lines naming every property checked."""
        title = f"Check {self.check_id}" + (f": {self.question}" if self.question else "")
        lines = [title]
        if self.status == UNANSWERED:
            lines.append("Not answered yet: replace the ... with your answer, then run the cell again.")
        elif self.status == ERROR:
            lines.append(f"This check could not run: {self.message}")
        else:
            if not self.passed:
                lines.append("Not right yet.")
            elif len(self.findings) == 1:
                lines.append("Right: the one property checked holds.")
            else:
                lines.append(f"Right: all {len(self.findings)} properties checked hold.")
            lines += [
                f"  {'right' if f.ok else 'wrong'}: {f.prop}" + ("" if f.ok else f": {f.problem}")
                for f in self.findings
            ]
            lines += [f"  not checked until the above is right: {prop}" for prop in self.not_checked]
            if not self.passed and self.hint:
                lines.append(f"Hint: {self.hint}")
        lines += list(self.notes)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.feedback

    def __repr__(self) -> str:
        return f"<check {self.check_id}: {self.status}>"
