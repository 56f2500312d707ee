"""What a learner waits for in the browser, against a floor measured in the same run.

In one JupyterLab under headless Chromium (as ``make test-browser`` runs it):

- open to rendered: from opening a notebook to its kernel idle after Run All Cells and every widget
  on the page, for each lesson, against a floor notebook that shows one plain ipywidgets button;
- click to feedback: from a click to the answer on the page, for the setup check's button and for
  the first question of each quiz (when the quiz engine is installed), against the floor's button,
  whose click only updates a counter.

Medians over several rounds (CASEBOOK_BENCH_ROUNDS, default 5); reported as ratios to the floor.
Needs Chromium (see tests/browser/chromium.py); prints one line and exits 1 without it.
"""

from __future__ import annotations

import functools
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the harness lives in tests/browser

import nbformat  # noqa: E402
from nbformat.v4 import new_code_cell, new_notebook  # noqa: E402

from tests.browser import notebook_page, quiz_driver  # noqa: E402
from tests.browser.chromium import find_chromium, launch  # noqa: E402
from tests.browser.lab_server import LabServer, running_lab  # noqa: E402
from tests.browser.quiz_answers import plan_quiz  # noqa: E402

ROUNDS = int(os.environ.get("CASEBOOK_BENCH_ROUNDS", "5"))
FLOOR_CELLS = [
    "import ipywidgets as widgets\n\n"
    "count = widgets.HTML('<p>0</p>')\n"
    "button = widgets.Button(description='Floor button')\n\n\n"
    "def bump(_button):\n"
    "    count.value = f'<p>{int(count.value[3:-4]) + 1}</p>'\n\n\n"
    "button.on_click(bump)\n"
    "widgets.VBox([button, count])",
]


def _write(root: Path, relative: str, cells: list[str]) -> str:
    nb = new_notebook(cells=[new_code_cell(source) for source in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return relative


def open_to_rendered(context, server: LabServer, path: str, name: str) -> float:  # noqa: ANN001
    """Seconds from opening ``path`` to Run All finished and every widget rendered (a fresh tab)."""
    page = context.new_page()
    try:
        start = time.perf_counter()
        notebook_page.open_notebook(page, server, path, workspace=name)
        notebook_page.run_all_cells(page)
        return time.perf_counter() - start
    finally:
        page.close()
        server.shut_down_kernels_of(path)


def _time_until(page, condition: Callable[[], bool]) -> float:  # noqa: ANN001
    start = time.perf_counter()
    while not condition():
        page.wait_for_timeout(5)
        if time.perf_counter() - start > 60:
            raise TimeoutError("no answer on the page within 60 s")
    return time.perf_counter() - start


def floor_click(page) -> float:  # noqa: ANN001
    """Seconds from a click on the floor button to its counter going up."""
    counter = page.locator(".widget-html-content").last
    before = counter.inner_text()
    page.get_by_role("button", name="Floor button").click()
    return _time_until(page, lambda: counter.inner_text() != before)


def setup_check_click(page) -> float:  # noqa: ANN001
    """Seconds from a click on "Check my setup" to the verdict (the cell is run afresh first)."""
    notebook_page.run_all_cells(page)
    page.get_by_role("button", name="Check my setup").click()
    return _time_until(page, lambda: page.get_by_text("All set.").count() > 0)


def quiz_click(page, plan) -> float:  # noqa: ANN001
    """Seconds from clicking a question's submit button to its feedback (the quiz is reset first)."""
    if any(t.strip() for t in page.locator(".casebook-quiz .casebook-feedback").all_inner_texts()):
        quiz_driver.reset_quiz(page)
    quiz_driver.enter_with_mouse(page, plan.mouse_right)
    start = time.perf_counter()
    quiz_driver.submit_with_mouse(page, plan.mouse_right.question_id)
    return time.perf_counter() - start


def clicks(context, server: LabServer, path: str, name: str, measure) -> float:  # noqa: ANN001
    """The median of ROUNDS measurements of ``measure(page)`` on ``path`` opened and run once."""
    page = context.new_page()
    try:
        notebook_page.open_notebook(page, server, path, workspace=name)
        notebook_page.run_all_cells(page)
        measure(page)  # warm-up: the first click loads code in the kernel and the page
        return statistics.median(measure(page) for _ in range(ROUNDS))
    finally:
        page.close()
        server.shut_down_kernels_of(path)


def _row(name: str, seconds: float, floor: float) -> str:
    return f"  {name:<44} {seconds * 1000:9.0f} ms   {seconds / floor:6.2f}x floor"


def main() -> int:
    """Run the measurements and print the report; 1 if there is no Chromium."""
    chromium, why = find_chromium()
    if chromium is None:
        print(why)
        return 1
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="casebook-bench-browser-"))
    try:
        root = work / "root"
        shutil.copytree(ROOT / "notebooks", root / "notebooks")
        floor = _write(root, "bench/floor.ipynb", FLOOR_CELLS)
        quizzes = []
        try:
            import casebook.quiz  # noqa: F401  (phase 2: only when the quiz engine is installed)

            for quiz_file in sorted((ROOT / "data" / "quizzes").glob("*.yaml")):
                plan = plan_quiz(quiz_file)
                cells = [f'from casebook.quiz import show_quiz\n\nshow_quiz("{plan.quiz_id}")']
                quizzes.append((plan, _write(root, f"bench/quiz_{plan.quiz_id}.ipynb", cells)))
        except ImportError:
            print("(no quiz engine installed: quiz click-to-feedback not measured)")
        lessons = sorted(p.relative_to(root).as_posix() for p in (root / "notebooks").glob("*.ipynb"))
        with running_lab(root, work / "state") as server, sync_playwright() as playwright:
            context = launch(playwright, chromium, work / "profile")
            try:
                print(f"Open to rendered (median of {ROUNDS}; kernel start, Run All, widgets on the page):")
                opening = {p: [] for p in [floor, *lessons]}
                for round_ in range(ROUNDS):  # interleaved, so drift hits floor and lessons alike
                    for path, times in opening.items():
                        times.append(open_to_rendered(context, server, path, f"open-{round_}"))
                floor_open = statistics.median(opening.pop(floor))
                print(_row("floor: one button", floor_open, floor_open))
                for path, times in opening.items():
                    print(_row(path, statistics.median(times), floor_open))

                print(f"Click to feedback (median of {ROUNDS}):")
                floor_time = clicks(context, server, floor, "click-floor", floor_click)
                print(_row("floor: button updates a counter", floor_time, floor_time))
                setup = "notebooks/00_start_here.ipynb"
                if (root / setup).exists():
                    print(
                        _row(
                            "setup check: Check my setup",
                            clicks(context, server, setup, "click-setup", setup_check_click),
                            floor_time,
                        )
                    )
                for plan, path in quizzes:
                    measure = functools.partial(quiz_click, plan=plan)
                    seconds = clicks(context, server, path, f"click-{plan.quiz_id}", measure)
                    print(
                        _row(
                            f"quiz {plan.quiz_id}: '{plan.mouse_right.question_id}' Check",
                            seconds,
                            floor_time,
                        )
                    )
            finally:
                context.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
