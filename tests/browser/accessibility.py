"""Audit what a notebook displays with axe-core, the standard WCAG engine, injected into the page.

Only the notebook's outputs are audited (``.jp-OutputArea-output``, tracebacks aside): the kit answers
for its quizzes, figures and tables, not for JupyterLab's own interface. axe-core comes from npm
(``package.json`` pins it; ``make test-browser`` runs ``npm ci``), so a test fetches nothing from the
network.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Every output the notebook shows, except tracebacks and warnings: those are JupyterLab's rendering of
# Python's own text (its ANSI colours fail contrast), and the output checks already report errors.
OUTPUTS = '.jp-OutputArea-output:not([data-mime-type="application/vnd.jupyter.stderr"])'


class AxeMissing(RuntimeError):
    """axe-core is not installed in node_modules/."""


@dataclass(frozen=True)
class Violation:
    """One WCAG rule broken by one or more elements of the notebook's outputs."""

    rule: str
    impact: str
    summary: str
    targets: tuple[str, ...]
    help_url: str

    def __str__(self) -> str:
        where = ", ".join(self.targets[:5])
        if len(self.targets) > 5:
            where += f" and {len(self.targets) - 5} more"
        return f"{self.rule} ({self.impact}): {self.summary} at {where}"


def violations_from(result: dict[str, Any]) -> list[Violation]:
    """The violations in an ``axe.run`` result, in a form that prints as one line each."""
    found = []
    for item in result.get("violations", []):
        targets = tuple(" ".join(str(t) for t in node.get("target", [])) for node in item.get("nodes", []))
        found.append(
            Violation(
                rule=str(item.get("id")),
                impact=str(item.get("impact") or "unknown impact"),
                summary=str(item.get("help") or item.get("description") or ""),
                targets=targets,
                help_url=str(item.get("helpUrl") or ""),
            )
        )
    return found


def merge_violations(parts: list[list[Violation]]) -> list[Violation]:
    """The violations of a notebook audited in parts: one per rule, with every element named once."""
    merged: dict[str, Violation] = {}
    for found in parts:
        for violation in found:
            kept = merged.get(violation.rule)
            if kept is None:
                merged[violation.rule] = violation
                continue
            targets = tuple(dict.fromkeys(kept.targets + violation.targets))
            merged[violation.rule] = Violation(kept.rule, kept.impact, kept.summary, targets, kept.help_url)
    return list(merged.values())


def audit_outputs(page: Page) -> tuple[list[Violation], dict[str, Any]]:
    """Run axe-core's WCAG 2.2 A and AA rules on the open notebook's outputs.

    Returns the violations and the raw axe result (for the report written beside the screenshot).
    Make the page as tall as the notebook first (``notebook_page.fit_viewport_to_notebook``), or axe
    skips colour contrast and target size; a notebook taller than a window is audited once per part
    (``notebook_page.scroll_notebook``) and the parts' violations merged (``merge_violations``).
    """
    if not AXE_SCRIPT.is_file():
        raise AxeMissing(f"{AXE_SCRIPT} is missing: run 'npm ci' in {ROOT} (make test-browser does).")
    if page.locator(OUTPUTS).count() == 0:
        return [], {"violations": [], "incomplete": [], "passes": []}
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        """([selector, tags]) => axe.run(
             {include: [...document.querySelectorAll(selector)]},
             {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations', 'incomplete']})
           .then(r => ({violations: r.violations, incomplete: r.incomplete.map(i => ({id: i.id,
             help: i.help, targets: i.nodes.map(n => n.target.join(' '))}))}))""",
        [OUTPUTS, WCAG_TAGS],
    )
    return violations_from(result), result
