"""Every quiz in data/quizzes, answered in JupyterLab as a learner would.

For each quiz file the test writes a one-cell notebook that shows it (``show_quiz(id)``), checks that
it renders cleanly and passes the accessibility audit, then answers one question right and one wrong
with the mouse and one right with the keyboard alone, checks the feedback, reloads the page and runs
the notebook again to see the saved answer restored, opens a hint, and resets the quiz.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from tests.browser import notebook_page, quiz_driver
from tests.browser.acceptance import check_notebook
from tests.browser.accessibility import audit_outputs
from tests.browser.quiz_answers import CORRECT, Answer, plan_quiz
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

QUIZ_FILES = sorted((ROOT / "data" / "quizzes").glob("*.yaml"))


def is_prediction(path: Path) -> bool:
    """A predict-first quiz: only verdict questions, which have no right answer to plan."""
    from tests.browser.quiz_answers import load_questions

    return {q.get("type") for q in load_questions(path)[1]} == {"verdict"}


CHOICE_QUIZZES = [path for path in QUIZ_FILES if not is_prediction(path)]
PREDICTION_QUIZZES = [path for path in QUIZ_FILES if is_prediction(path)]
REASON = "The sources would need to confirm each part of the sentence."


def write_quiz_notebook(root: Path, quiz_id: str) -> str:
    """A notebook that shows one quiz, in the served folder; returns its path relative to ``root``."""
    nb = new_notebook(cells=[new_code_cell(f'from casebook.quiz import show_quiz\n\nshow_quiz("{quiz_id}")')])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    path = root / "browser-quizzes" / f"{quiz_id}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path.relative_to(root).as_posix()


@pytest.mark.parametrize("quiz_file", CHOICE_QUIZZES, ids=lambda p: p.stem)
def test_quiz_answered_with_mouse_and_keyboard(page, lab, shots: Path, quiz_file: Path) -> None:  # noqa: ANN001
    plan = plan_quiz(quiz_file)
    path = write_quiz_notebook(lab.root, plan.quiz_id)
    report = check_notebook(page, lab, path, shots / "quizzes")
    assert report.ok, report.summary()
    if any(t.strip() for t in page.locator(".casebook-quiz .casebook-feedback").all_inner_texts()):
        quiz_driver.reset_quiz(page)  # answers left by an earlier run of this session

    answered: set[str] = set()

    def give(answer: Answer, how) -> None:  # noqa: ANN001
        if answer.question_id in answered:  # a quiz with few questions: start that question afresh
            quiz_driver.reset_quiz(page)
            answered.clear()
        text = how(page, answer)
        answered.add(answer.question_id)
        assert text.startswith(answer.expect), f"{answer.describe()}: the feedback was {text!r}"

    score_before = quiz_driver.score(page)
    give(plan.mouse_right, quiz_driver.answer_with_mouse)
    quiz_driver.wait_for_score_change(page, score_before)  # a right answer counts
    give(plan.mouse_wrong, quiz_driver.answer_with_mouse)
    give(plan.keyboard_right, quiz_driver.answer_with_keyboard)
    violations, _ = audit_outputs(page)
    assert not violations, "with feedback shown:\n" + "\n".join(map(str, violations))

    page.reload()
    notebook_page.wait_for_notebook(page)
    notebook_page.run_all_cells(page)
    assert quiz_driver.answer_is_shown(page, plan.keyboard_right), "the saved answer was not restored"
    assert quiz_driver.feedback(page, plan.keyboard_right.question_id).startswith(CORRECT)

    if plan.hint_question and plan.hint_text:
        quiz_driver.show_hint(page, plan.hint_question, plan.hint_text)
    else:  # a quiz without hints must not offer a hint button that does nothing
        assert page.locator(".casebook-quiz .casebook-hint:visible").count() == 0, "hint button, no hint"
    quiz_driver.reset_quiz(page)
    assert not quiz_driver.answer_is_shown(page, plan.keyboard_right), "reset left the answer in place"


def test_every_quiz_is_answered_by_one_of_the_browser_tests() -> None:
    assert sorted(CHOICE_QUIZZES + PREDICTION_QUIZZES) == QUIZ_FILES and len(PREDICTION_QUIZZES) >= 3


@pytest.mark.parametrize("quiz_file", PREDICTION_QUIZZES, ids=lambda p: p.stem)
def test_a_prediction_is_committed_by_keyboard_then_revealed(page, lab, shots: Path, quiz_file: Path) -> None:  # noqa: ANN001
    """Predict, then reveal: nothing of the kit's verdict is on the page until the learner commits a
    verdict and a reason by keyboard; then the kit's verdict, what sources say and who is behind each
    source appear, pass the audit, and come back after a reload and a new run; Reset keeps them."""
    from casebook import data
    from tests.browser.quiz_answers import load_questions

    quiz_id, questions = load_questions(quiz_file)
    first = questions[0]
    record = next(c for c in data.load("claims") if c.id == first["claim"])
    publishers = {s.id: s for s in data.load("sources")}
    said = " ".join(record.sources_say.split())[:60]
    path = write_quiz_notebook(lab.root, quiz_id)
    report = check_notebook(page, lab, path, shots / "quizzes")
    assert report.ok, report.summary()

    def shown() -> str:
        return " ".join(page.locator(".casebook-quiz").first.inner_text().split())

    assert said not in shown(), "the kit's finding is on the page before the learner commits"
    assert page.locator(".casebook-quiz .casebook-show-answer:visible").count() == 0, "no Show answer"
    label, refused, committed = quiz_driver.commit_verdict_with_keyboard(page, first["id"], REASON)
    assert refused.startswith("ⓘ") and "reason" in refused, refused
    assert committed.startswith("✔ Committed"), committed
    box = quiz_driver.question(page, first["id"])
    revealed = " ".join(box.locator(".casebook-answer").inner_text().split())
    chosen = label.split(":")[0]
    assert said in revealed, revealed
    assert f"You said “{chosen}”" in revealed or f"both say “{chosen}”" in revealed, revealed
    if record.sources:
        source = publishers[record.sources[0]]
        assert f"{source.publisher} ({source.publisher_type})" in revealed, revealed
    assert all(box.get_by_role("radio").nth(i).is_disabled() for i in range(box.get_by_role("radio").count()))
    violations, _ = audit_outputs(page)
    assert not violations, "with the reveal shown:\n" + "\n".join(map(str, violations))
    page.screenshot(path=str(shots / "quizzes" / f"{quiz_id}-revealed.png"), full_page=True)

    page.reload()
    notebook_page.wait_for_notebook(page)
    notebook_page.run_all_cells(page)
    assert quiz_driver.wait_for_feedback(page, first["id"]).startswith("✔ Committed")
    assert said in " ".join(box.locator(".casebook-answer").inner_text().split()), "reveal not restored"
    assert box.get_by_role("textbox").input_value() == REASON
    box.page.locator(".casebook-quiz .casebook-reset").first.click()
    box.page.locator(".casebook-quiz .casebook-reset").first.click()  # the second press erases
    page.wait_for_timeout(1000)
    assert said in shown() and box.get_by_role("textbox").is_disabled(), "reset unlocked the prediction"


def test_arrow_keys_choose_an_option_and_enter_checks_it(page, lab, shots: Path) -> None:  # noqa: ANN001
    """The radio options are one group: Tab enters it, arrows choose, Enter checks; the notebook's
    own arrow-key shortcut (move to the next cell) does not fire while the focus is in the quiz."""
    from tests.browser.quiz_answers import load_questions, right_answer

    quiz_file = ROOT / "data" / "quizzes" / "00_start_here.yaml"
    _, questions = load_questions(quiz_file)
    answer = next(a for a in map(right_answer, questions) if a is not None and a.kind == "choose")
    nb = new_notebook(
        cells=[
            new_code_cell('from casebook.quiz import show_quiz\n\nshow_quiz("00_start_here")'),
            nbformat.v4.new_markdown_cell("A cell after the quiz."),
        ]
    )
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    path = lab.root / "browser-quizzes" / "arrow_keys.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    report = check_notebook(page, lab, path.relative_to(lab.root).as_posix(), shots / "quizzes")
    assert report.ok, report.summary()
    if quiz_driver.feedback(page, answer.question_id):
        quiz_driver.reset_quiz(page)

    def active_cell() -> int:
        return page.evaluate(
            "() => [...document.querySelectorAll('.jp-Notebook .jp-Cell')]"
            ".findIndex(c => c.classList.contains('jp-mod-active'))"
        )

    page.locator(".jp-Notebook .jp-Cell").first.click(position={"x": 5, "y": 5})  # select the quiz cell
    before = active_cell()
    box = quiz_driver.question(page, answer.question_id)
    quiz_driver.start_keyboard_at(box)
    quiz_driver.choose_with_arrows(page, box, answer)
    assert active_cell() == before, "an arrow key moved the notebook to another cell"
    page.keyboard.press("Enter")
    assert quiz_driver.wait_for_feedback(page, answer.question_id).startswith(CORRECT)


def test_order_and_match_drop_downs_answer_and_check(page, lab, shots: Path) -> None:  # noqa: ANN001
    """Drop-downs, as a learner uses them: choosing an item for a place swaps it with the place that held
    it, so the places always hold a full order; each term's drop-down takes a definition."""
    import yaml

    quiz = yaml.safe_load((ROOT / "data" / "quizzes" / "00_start_here.yaml").read_text(encoding="utf-8"))
    order = next(q for q in quiz["questions"] if q["type"] == "order")
    match = next(q for q in quiz["questions"] if q["type"] == "match")
    path = write_quiz_notebook(lab.root, "00_start_here")
    report = check_notebook(page, lab, path, shots / "quizzes")
    assert report.ok, report.summary()
    if any(t.strip() for t in page.locator(".casebook-quiz .casebook-feedback").all_inner_texts()):
        quiz_driver.reset_quiz(page)

    box = quiz_driver.question(page, order["id"])
    places = box.get_by_role("combobox")
    assert places.count() == len(order["items"])
    for place, item in enumerate(order["items"]):
        places.nth(place).select_option(label=item)
        shown = places.evaluate_all("menus => menus.map(s => s.options[s.selectedIndex].text)")
        assert sorted(shown) == sorted(order["items"]), f"after choosing place {place + 1}: {shown}"
    assert quiz_driver.submit_with_mouse(page, order["id"]).startswith(CORRECT)

    box = quiz_driver.question(page, match["id"])
    for pair in match["pairs"]:
        box.get_by_role("combobox", name=pair["term"], exact=True).select_option(label=pair["definition"])
    assert quiz_driver.submit_with_mouse(page, match["id"]).startswith(CORRECT)


def _choose_theme(page, name: str, light: bool) -> None:  # noqa: ANN001
    """Pick a theme from JupyterLab's Settings menu and wait until the page has switched."""
    import re

    def item(label: str):  # noqa: ANN202 - a Locator; submenu entries carry no ARIA role of their own
        return page.locator(".lm-Menu-item").filter(has_text=re.compile(rf"^{re.escape(label)}\s*$"))

    page.get_by_role("menuitem", name="Settings", exact=True).click()
    item("Theme").click()
    item(name).click()
    page.wait_for_selector(f'body[data-jp-theme-light="{str(light).lower()}"]', state="attached")
    page.wait_for_timeout(500)  # the theme's stylesheet is applied after the attribute changes


def test_quiz_feedback_passes_the_audit_in_the_dark_theme(page, lab, shots: Path) -> None:  # noqa: ANN001
    """Every kind of feedback text (nothing to check yet, wrong, right) keeps its contrast on dark."""
    plan = plan_quiz(ROOT / "data" / "quizzes" / "00_start_here.yaml")
    path = write_quiz_notebook(lab.root, plan.quiz_id)
    report = check_notebook(page, lab, path, shots / "quizzes")
    assert report.ok, report.summary()
    if any(t.strip() for t in page.locator(".casebook-quiz .casebook-feedback").all_inner_texts()):
        quiz_driver.reset_quiz(page)
    empty = quiz_driver.submit_with_mouse(page, plan.keyboard_right.question_id)
    assert empty.startswith("ⓘ"), empty
    assert quiz_driver.answer_with_mouse(page, plan.mouse_wrong).startswith(plan.mouse_wrong.expect)
    assert quiz_driver.answer_with_mouse(page, plan.mouse_right).startswith(CORRECT)
    _choose_theme(page, "JupyterLab Dark", light=False)
    try:
        page.screenshot(path=str(shots / "quizzes" / "dark-theme.png"), full_page=True)
        violations, _ = audit_outputs(page)
        assert not violations, "in the dark theme:\n" + "\n".join(map(str, violations))
    finally:
        _choose_theme(page, "JupyterLab Light", light=True)
