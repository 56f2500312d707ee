"""One notebook's acceptance check in JupyterLab: run it all, then look at it as a learner would.

``check_notebook`` never asserts: it returns a report, so the tests of the kit's notebooks assert
that it is clean and the tests of the deliberately broken fixtures assert that it is not.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.browser import notebook_page
from tests.browser.accessibility import Violation, audit_outputs, merge_violations
from tests.browser.output_checks import notebook_problems, part_offsets

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.lab_server import LabServer


@dataclass
class NotebookReport:
    """What a browser run of one notebook found, and where its screenshot is."""

    path: str
    problems: list[str] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    screenshot: Path | None = None

    def summary(self) -> str:
        """Every problem and accessibility violation, one per line, under the notebook's path."""
        lines = [f"{self.path}:"] + [f"  {p}" for p in self.problems]
        lines += [f"  accessibility: {v}" for v in self.violations]
        if self.screenshot:
            lines.append(f"  screenshot: {self.screenshot}")
        return "\n".join(lines)

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems and not self.violations


def shot_name(path: str) -> str:
    """A file name for a notebook's screenshot: its path with the folders joined by '__'."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "__", path.removesuffix(".ipynb"))


def check_notebook(page: Page, server: LabServer, path: str, shots: Path) -> NotebookReport:
    """Open ``path`` (relative to the server's root), Run All, save, and check what it shows.

    Writes ``<shots>/<name>.png`` and ``<name>.json`` (problems, axe violations and axe's
    "incomplete" list, for a person to review).
    """
    report = NotebookReport(path)
    notebook_page.open_notebook(page, server, path, workspace=shot_name(path))
    try:
        shown = notebook_page.run_all_cells(page)
    except TimeoutError as exc:
        shown = notebook_page.snapshot(page)
        report.problems.append(str(exc))
    notebook_page.save_notebook(page)
    saved = json.loads((server.root / path).read_text(encoding="utf-8"))
    report.problems += notebook_problems(shown, saved)
    # A notebook taller than the tallest window is photographed and audited in overlapping parts:
    # <name>.png, <name>-part2.png ...
    content, window = notebook_page.fit_viewport_to_notebook(page)
    found, incomplete = [], []
    for number, offset in enumerate(part_offsets(content, window), start=1):
        notebook_page.scroll_notebook(page, offset)
        suffix = "" if number == 1 else f"-part{number}"
        shot = notebook_page.screenshot(page, shots / f"{shot_name(path)}{suffix}.png")
        report.screenshot = report.screenshot or shot
        violations, axe_result = audit_outputs(page)
        found.append(violations)
        incomplete += axe_result.get("incomplete", [])
    report.violations = merge_violations(found)
    _write_json(shots / f"{shot_name(path)}.json", report, {"incomplete": incomplete})
    return report


def _write_json(target: Path, report: NotebookReport, axe_result: dict[str, Any]) -> None:
    target.write_text(
        json.dumps(
            {
                "notebook": report.path,
                "problems": report.problems,
                "violations": [str(v) for v in report.violations],
                "axe_incomplete": axe_result.get("incomplete", []),
            },
            indent=2,
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
