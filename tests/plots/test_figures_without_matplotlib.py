"""A lesson shows its stored figures without importing matplotlib, and shows a quiz without jsonschema.

Each figure lesson's code cells run in a fresh Python (an IPython shell in a subprocess, as a kernel
runs them), every result is formatted as a notebook would show it, and the modules loaded at the end
are listed: matplotlib, numpy and PIL must not be among them, nor jsonschema and frictionless (which
only validation needs). This is what lets the lessons run in the browser-only course, where there is
no matplotlib, and what makes a lesson's kernel smaller on a server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import nbformat
import pytest

from tests.conftest import ROOT

FIGURE_LESSONS = sorted(
    path
    for path in (ROOT / "notebooks").glob("0[0-9]_*.ipynb")
    if "plots." in "".join(cell.source for cell in nbformat.read(path, as_version=4).cells)
)
HEAVY = ("matplotlib", "numpy", "PIL", "jsonschema", "frictionless")

RUNNER = """
import json, sys
import nbformat
from IPython.core.interactiveshell import InteractiveShell

shell = InteractiveShell.instance()
shell.display_formatter.active_types = ["text/plain", "text/html", "image/png"]
notebook = nbformat.read(sys.argv[1], as_version=4)
before = set(sys.modules)  # the runner's own imports (nbformat pulls in jsonschema) do not count
failures, html = [], 0
for cell in notebook.cells:
    if cell.cell_type != "code":
        continue
    result = shell.run_cell(cell.source, store_history=False)
    if not result.success and "raises-exception" not in cell.metadata.get("tags", []):
        failures.append(f"{cell.source[:60]!r}: {result.error_in_exec or result.error_before_exec!r}")
    if result.result is not None:
        shown = shell.display_formatter.format(result.result)[0]
        html += "data:image/png;base64," in shown.get("text/html", "")
loaded = sorted({name.split(".")[0] for name in set(sys.modules) - before})
print(json.dumps({"failures": failures, "images": html, "loaded": loaded}))
"""


@pytest.mark.parametrize("lesson", FIGURE_LESSONS, ids=lambda path: path.stem)
def test_a_figure_lesson_shows_its_figures_without_matplotlib(lesson) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("CASEBOOK_FIGURE_CACHE", "MPLBACKEND")}
    run = subprocess.run(
        [sys.executable, "-c", RUNNER, str(lesson)],
        capture_output=True,
        text=True,
        env=env,
        cwd=lesson.parent,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["failures"] == [], report["failures"]
    assert report["images"] >= 1, f"{lesson.name}: no figure was shown as an image"
    heavy = [name for name in HEAVY if name in report["loaded"]]
    assert heavy == [], f"{lesson.name} loaded {', '.join(heavy)}"


def test_the_figure_lessons_are_found() -> None:
    assert len(FIGURE_LESSONS) >= 5, [p.name for p in FIGURE_LESSONS]
