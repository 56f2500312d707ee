"""The browser-only course, served from 127.0.0.1 with every other address refused (make test-lite).

Every lesson and every exercise notebook opens from its own link, its kernel is idle within a bound,
and it runs all its cells with no error, every widget and stored figure shown. In each lesson, one
question of each quiz it shows is answered and gets feedback (a prediction quiz: a verdict committed);
for its main quiz, "Export my answers" writes the file to the browser's drive and the file browser
downloads it, and a reload (a new kernel) restores the answer from the browser's storage. No request
leaves loopback: the proxy Chromium must use for every other host refuses and lists each one, and
every request Playwright sees is on 127.0.0.1.

One browser serves the whole run (one per xdist worker), so Pyodide and the wheels come from its
cache after the first lesson, as they would for a learner. Each notebook starts with the site's
storage cleared, so that no answer is left from the last; that a lesson link reopens no earlier
notebook (each would start its own Pyodide kernel) has its own test, with storage kept.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest

from casebook.plots.fallback import CANNOT_DRAW
from casebook.quiz.export import FORMAT, export_name
from lite.build import audit
from tests.browser import notebook_page, output_checks, quiz_driver
from tests.browser.quiz_answers import CORRECT, load_questions, plan_quiz
from tests.browser.test_quizzes_in_browser import REASON, is_prediction
from tests.conftest import ROOT
from tests.lite import lite_page
from tests.lite.conftest import site_requests_refused

pytestmark = [pytest.mark.lite, pytest.mark.browser]

LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("[0-9][0-9]_*.ipynb"))
NOTEBOOKS = [p.relative_to(ROOT).as_posix() for p in [*LESSONS, *EXERCISES]]
# The kernel's write reaches the browser's storage through the page a moment later; a reload at once
# can lose it (measured: it did, with no wait). Give it that moment.
SAVE_SETTLE_MS = 5000
QUIZ_DRAWN_MS = 60000  # a bound on waiting, not a performance assert


def _url(site_url: str, path: str) -> str:
    return f"{site_url}lab/index.html?path={path}"


def _problems(shown: dict, notebook: Path) -> list[str]:
    saved = nbformat.read(notebook, as_version=4)
    problems = output_checks.errors_shown(shown, saved)
    for cell in shown["cells"]:
        for out in cell["outputs"]:
            if out["widget_error"] or out["text"].startswith("Loading widget..."):
                problems.append(f"cell {cell['index'] + 1}: a widget did not render")
            if any(not image["loaded"] for image in out["images"]):
                problems.append(f"cell {cell['index'] + 1}: an image did not load")
            if CANNOT_DRAW in out["text"]:  # every figure a shipped lesson shows is a stored image
                problems.append(f"cell {cell['index'] + 1}: a figure was not shown (no stored image)")
    return problems


def test_every_quiz_is_shown_by_a_lesson_so_each_gets_an_answer_here() -> None:
    shown = {quiz_id for lesson in LESSONS for quiz_id in lite_page.quizzes_shown(lesson)}
    assert shown == {path.stem for path in (ROOT / "data" / "quizzes").glob("*.yaml")}


def test_the_config_and_the_lock_name_no_cdn_and_no_pypi(site: Path) -> None:
    assert audit() == []
    assert (site / "static" / "pyodide" / "pyodide.asm.wasm").is_file()


def test_the_start_page_opens_lesson_00(site_url: str, offline_browser) -> None:  # noqa: ANN001
    page = offline_browser.new_page()
    try:
        lite_page.forget_site(page, site_url)
        page.goto(site_url)
        page.wait_for_url("**/lab/index.html?path=notebooks/00_start_here.ipynb*", timeout=60000)
    finally:
        page.close()


def test_a_second_lesson_link_opens_one_notebook_with_one_kernel(site_url: str, offline_browser) -> None:  # noqa: ANN001
    """A learner follows one lesson link, then the next, in the same browser, storage not cleared: the
    site keeps JupyterLab's workspace in memory, so the second page reopens nothing from the first."""
    first, second = LESSONS[0], LESSONS[-2]
    page = offline_browser.new_page()
    try:
        lite_page.forget_site(page, site_url)
        lite_page.open_from_link(page, _url(site_url, f"notebooks/{first.name}"))
        assert (lite_page.open_tabs(page), lite_page.kernels(page)) == ([first.name], 1)
        lite_page.open_from_link(page, _url(site_url, f"notebooks/{second.name}"))
        page.wait_for_timeout(SAVE_SETTLE_MS)  # a restored notebook would have opened by now
        assert (lite_page.open_tabs(page), lite_page.kernels(page)) == ([second.name], 1)
    finally:
        page.close()


def _answer_one_question(page, quiz_id: str) -> None:  # noqa: ANN001
    """One question of a lesson's other quiz (practice or prediction) answered, and its feedback."""
    quiz_file = ROOT / "data" / "quizzes" / f"{quiz_id}.yaml"
    if is_prediction(quiz_file):  # verdicts only: commit one with a reason, then the kit's is revealed
        first = load_questions(quiz_file)[1][0]["id"]
        page.wait_for_selector(f".casebook-q-{first}", timeout=QUIZ_DRAWN_MS)
        _, _, committed = quiz_driver.commit_verdict_with_keyboard(page, first, REASON)
        assert committed.startswith("✔ Committed"), f"{quiz_id}, question '{first}': {committed!r}"
        return
    right = plan_quiz(quiz_file).mouse_right
    page.wait_for_selector(f".casebook-q-{right.question_id}", timeout=QUIZ_DRAWN_MS)
    text = quiz_driver.answer_with_mouse(page, right)
    assert text.startswith(right.expect), f"{quiz_id}: {right.describe()}: {text!r}"


def _quiz_round_trip(page, site_url: str, notebook: Path) -> None:  # noqa: ANN001
    """Answer one question, export and download the answers, reload and see the answer restored."""
    plan = plan_quiz(ROOT / "data" / "quizzes" / f"{notebook.stem}.yaml")
    right = plan.mouse_right
    # The quiz's questions are drawn a moment after Run All ends, later on a loaded machine.
    page.wait_for_selector(f".casebook-q-{right.question_id}", timeout=QUIZ_DRAWN_MS)
    # The site's storage was cleared before this notebook: feedback now would be progress leaking in.
    assert quiz_driver.feedback(page, right.question_id) == "", "an answer was shown before any was given"
    text = quiz_driver.answer_with_mouse(page, right)
    assert text.startswith(right.expect), f"{right.describe()}: {text!r}"

    # The export of the quiz that holds the question (04, 05 and 07 show a prediction quiz first).
    status = lite_page.export_answers(page, right.question_id)
    file_name = export_name(plan.quiz_id)
    assert status.startswith("✔ Saved your answers to"), f"Export my answers: {status!r}"
    assert file_name in status, f"Export my answers saved another quiz's file: {status!r}"
    exported = lite_page.download_from_file_browser(page, "notebooks", file_name)
    assert (exported["format"], exported["quiz"], exported["name"]) == (
        FORMAT,
        plan.quiz_id,
        lite_page.LEARNER,
    )
    answered = {a["id"]: a["status"] for a in exported["answers"]}
    assert answered[right.question_id] == "correct", exported["answers"]

    page.wait_for_timeout(SAVE_SETTLE_MS)
    lite_page.open_from_link(page, _url(site_url, f"notebooks/{notebook.name}"))  # a new kernel
    lite_page.run_cells(page, lite_page.quiz_cells(notebook, plan.quiz_id))
    page.wait_for_selector(f".casebook-q-{right.question_id}", timeout=QUIZ_DRAWN_MS)
    assert quiz_driver.answer_is_shown(page, right), "the saved answer was not restored after a reload"
    assert quiz_driver.feedback(page, right.question_id).startswith(CORRECT)


@pytest.mark.parametrize("path", NOTEBOOKS)
def test_a_notebook_runs_offline_and_its_quiz_round_trips(
    site_url: str,
    offline_browser,  # noqa: ANN001
    proxy,  # noqa: ANN001
    path: str,
) -> None:
    notebook = ROOT / path
    page = offline_browser.new_page()
    try:
        lite_page.forget_site(page, site_url)  # one notebook, one kernel: nothing left from the last
        seconds = lite_page.open_from_link(page, _url(site_url, path))
        print(f"{path}: kernel idle after {seconds:.0f} s")
        assert lite_page.open_tabs(page) == [notebook.name], "notebooks of an earlier test were reopened"
        shown = notebook_page.run_all_cells(page)
        assert _problems(shown, notebook) == []
        if notebook in LESSONS:
            for quiz_id in lite_page.quizzes_shown(notebook):
                if quiz_id != notebook.stem:
                    _answer_one_question(page, quiz_id)
        if (ROOT / "data" / "quizzes" / f"{notebook.stem}.yaml").is_file() and notebook in LESSONS:
            _quiz_round_trip(page, site_url, notebook)
    finally:
        page.close()
    assert site_requests_refused(proxy) == []
    off_loopback = [u for u in offline_browser.seen_urls if urlparse(u).hostname not in ("127.0.0.1", None)]
    assert [u for u in off_loopback if not u.startswith(("data:", "blob:"))] == []
