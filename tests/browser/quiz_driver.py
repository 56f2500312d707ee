"""Answer a quiz in JupyterLab with the mouse or the keyboard alone, through the quiz engine's CSS hooks.

The hooks (classes the engine puts on its widgets): ``casebook-quiz`` (the whole quiz),
``casebook-question`` and ``casebook-q-<id>`` (one question), ``casebook-submit``, ``casebook-feedback``
(text starting "✔ Correct", "✘ Not quite" or "◑ Partly right"), ``casebook-hint``,
``casebook-show-answer``, ``casebook-reset`` and ``casebook-score``. Options are found by their
accessible role and name (radio, checkbox, textbox), as assistive technology finds them.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from tests.browser.quiz_answers import Answer

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

FEEDBACK_TIMEOUT_S = 30
MAX_TABS = 80


class QuizDriverError(AssertionError):
    """The page did not do what a learner would expect; the message says what and where."""


def question(page: Page, question_id: str) -> Locator:
    """The box of one question."""
    box = page.locator(f".casebook-q-{question_id}")
    if box.count() != 1:
        raise QuizDriverError(f"expected one element .casebook-q-{question_id}, found {box.count()}")
    return box


def _option(box: Locator, answer: Answer, value: str) -> Locator:
    role = "radio" if answer.kind == "choose" else "checkbox"
    found = box.get_by_role(role, name=value, exact=True)
    if found.count() != 1:
        raise QuizDriverError(f"question '{answer.question_id}': no single {role} named {value!r}")
    return found


def _textbox(box: Locator, answer: Answer) -> Locator:
    found = box.get_by_role("textbox")
    if found.count() < 1:
        raise QuizDriverError(f"question '{answer.question_id}': no text box")
    return found.first


def feedback(page: Page, question_id: str) -> str:
    """The feedback text under a question now ('' when there is none)."""
    return question(page, question_id).locator(".casebook-feedback").inner_text().strip()


def wait_for_feedback(page: Page, question_id: str, before: str = "") -> str:
    """Wait until the question's feedback is non-empty and differs from ``before``; return it."""
    deadline = time.monotonic() + FEEDBACK_TIMEOUT_S
    while time.monotonic() < deadline:
        text = feedback(page, question_id)
        if text and text != before:
            return text
        page.wait_for_timeout(100)
    raise QuizDriverError(f"question '{question_id}': no feedback within {FEEDBACK_TIMEOUT_S} s")


def enter_with_mouse(page: Page, answer: Answer) -> None:
    """Put ``answer`` into the question's controls with clicks (and typing, for text); do not submit."""
    box = question(page, answer.question_id)
    if answer.kind == "type":
        textbox = _textbox(box, answer)
        textbox.click()
        textbox.press("Control+a")
        page.keyboard.type(answer.values[0])
    else:
        for value in answer.values:
            _option(box, answer, value).click()


def submit_with_mouse(page: Page, question_id: str) -> str:
    """Click the question's submit button and return the new feedback."""
    before = feedback(page, question_id)
    question(page, question_id).locator(".casebook-submit").click()
    return wait_for_feedback(page, question_id, before)


def answer_with_mouse(page: Page, answer: Answer) -> str:
    """Give ``answer`` with the mouse, press the question's submit button, and return the feedback."""
    enter_with_mouse(page, answer)
    return submit_with_mouse(page, answer.question_id)


def _focused_in(target: Locator) -> bool:
    """True when the focus is on (or inside) any element ``target`` matches."""
    return bool(
        target.evaluate_all(
            "els => els.some(el => el === document.activeElement || el.contains(document.activeElement))"
        )
    )


def tab_to(page: Page, target: Locator, what: str) -> None:
    """Press Tab until ``target`` has the keyboard focus; fail after MAX_TABS presses."""
    for _ in range(MAX_TABS):
        if _focused_in(target):
            return
        page.keyboard.press("Tab")
    raise QuizDriverError(f"{what} cannot be reached with the Tab key ({MAX_TABS} presses)")


def start_keyboard_at(box: Locator) -> None:
    """Put the keyboard focus at the start of a question, as a screen reader's "next region" would."""
    box.evaluate("el => { el.setAttribute('tabindex', '-1'); el.focus(); }")


def _in_page_order(page: Page, box: Locator, answer: Answer) -> list[str]:
    """The answer's option labels in the order the page shows them (options may be shuffled)."""
    everything = box.get_by_role("radio" if answer.kind == "choose" else "checkbox").element_handles()

    def place(value: str) -> int:
        handle = _option(box, answer, value).element_handle()
        return next(i for i, h in enumerate(everything) if page.evaluate("([a, b]) => a === b", [h, handle]))

    return sorted(answer.values, key=place)


def choose_with_arrows(page: Page, box: Locator, answer: Answer) -> None:
    """Tab into the question's radio group (one Tab stop), then arrow down until the answer is chosen.

    The radios share a name, so the browser's own radio-group keys apply: an arrow moves the focus
    and the choice together; Space chooses the focused radio (needed when it is the first one).
    """
    where = f"question '{answer.question_id}'"
    target = _option(box, answer, answer.values[0])
    tab_to(page, box.get_by_role("radiogroup"), f"{where}: the options")
    radios = box.get_by_role("radio").count()
    for _ in range(radios + 1):
        if _focused_in(target):
            page.keyboard.press("Space")
            break
        page.keyboard.press("ArrowDown")
    if not target.is_checked():
        raise QuizDriverError(f"{where}: the arrow keys did not reach and choose {answer.values[0]!r}")


def answer_with_keyboard(page: Page, answer: Answer) -> str:
    """Give ``answer`` with the keyboard alone and return the feedback.

    A single choice: Tab into the options, arrow keys to choose, Enter to check. Ticks: Tab to each
    box, Space to tick, then Tab to the Check button and Enter. Text: Tab to the box, type, Enter.
    """
    box = question(page, answer.question_id)
    before = feedback(page, answer.question_id)
    start_keyboard_at(box)
    where = f"question '{answer.question_id}'"
    if answer.kind == "choose":
        choose_with_arrows(page, box, answer)
        page.keyboard.press("Enter")  # Enter on the chosen option checks the answer
    elif answer.kind == "tick":
        for value in _in_page_order(page, box, answer):  # Tab only goes forward
            target = _option(box, answer, value)
            tab_to(page, target, f"{where}: the option {value!r}")
            page.keyboard.press("Space")
            if not target.is_checked():
                raise QuizDriverError(f"{where}: Space on {value!r} did not tick it")
        tab_to(page, box.locator(".casebook-submit"), f"{where}: the submit button")
        page.keyboard.press("Enter")
    else:
        tab_to(page, _textbox(box, answer), f"{where}: the text box")
        page.keyboard.press("Control+a")
        page.keyboard.type(answer.values[0])
        page.keyboard.press("Enter")  # Enter in the text box checks the answer
    return wait_for_feedback(page, answer.question_id, before)


def commit_verdict_with_keyboard(page: Page, question_id: str, reason: str) -> tuple[str, str, str]:
    """Predict, then reveal, with the keyboard alone: Tab into the verdicts, ArrowDown to choose the
    second one, Enter (refused: no reason yet), Tab to the reason, type it, Ctrl+Enter to commit.

    Returns the chosen verdict's label, the feedback to Enter without a reason, and the feedback to
    the commit."""
    box = question(page, question_id)
    where = f"question '{question_id}'"
    start_keyboard_at(box)
    tab_to(page, box.get_by_role("radiogroup"), f"{where}: the verdicts")
    page.keyboard.press("ArrowDown")  # the arrow moves the focus and the choice to the next verdict
    radios = box.get_by_role("radio")
    chosen = [radios.nth(i) for i in range(radios.count()) if radios.nth(i).is_checked()]
    if len(chosen) != 1 or not _focused_in(chosen[0]):
        raise QuizDriverError(f"{where}: ArrowDown did not choose one verdict")
    label = " ".join(chosen[0].evaluate("el => el.closest('label').innerText").split())
    before = feedback(page, question_id)
    page.keyboard.press("Enter")  # Enter on a verdict commits; without a reason it is refused
    refused = wait_for_feedback(page, question_id, before)
    tab_to(page, box.get_by_role("textbox"), f"{where}: the reason")
    page.keyboard.type(reason)
    page.keyboard.press("Control+Enter")  # Ctrl+Enter in the reason commits
    return label, refused, wait_for_feedback(page, question_id, refused)


def answer_is_shown(page: Page, answer: Answer) -> bool:
    """True when the question's controls hold ``answer`` (after a reload, for example).

    Waits up to the feedback timeout: after Run All the widgets render first and the kernel's restored
    values reach them a moment later, later still on a loaded machine.
    """
    box = question(page, answer.question_id)

    def shown() -> bool:
        if answer.kind == "type":
            return _textbox(box, answer).input_value().strip() == answer.values[0]
        return all(_option(box, answer, value).is_checked() for value in answer.values)

    deadline = time.monotonic() + FEEDBACK_TIMEOUT_S
    while not shown():
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(100)
    return True


def show_hint(page: Page, question_id: str, hint_text: str) -> None:
    """Press the question's hint button and wait for the hint's words to appear in the question."""
    box = question(page, question_id)
    box.locator(".casebook-hint").first.click()
    deadline = time.monotonic() + FEEDBACK_TIMEOUT_S
    while time.monotonic() < deadline:
        if hint_text in " ".join(box.inner_text().split()):
            return
        page.wait_for_timeout(100)
    raise QuizDriverError(f"question '{question_id}': the hint {hint_text!r} did not appear")


def score(page: Page) -> str:
    """The quiz's score summary as shown."""
    return " ".join(page.locator(".casebook-quiz .casebook-score").first.inner_text().split())


def wait_for_score_change(page: Page, before: str) -> str:
    """Wait until the score summary differs from ``before``; return it."""
    deadline = time.monotonic() + FEEDBACK_TIMEOUT_S
    while time.monotonic() < deadline:
        now = score(page)
        if now != before:
            return now
        page.wait_for_timeout(100)
    raise QuizDriverError(f"the score stayed {before!r} for {FEEDBACK_TIMEOUT_S} s")


def reset_quiz(page: Page) -> None:
    """Press the quiz's reset button (again, if it asks to confirm) until no feedback is left."""
    button = page.locator(".casebook-quiz .casebook-reset").first
    feedbacks = page.locator(".casebook-quiz .casebook-feedback")
    for _ in range(2):
        button.click()
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            if not any(t.strip() for t in feedbacks.all_inner_texts()):
                return
            page.wait_for_timeout(100)
    raise QuizDriverError("the quiz still shows feedback after pressing reset (twice, to confirm)")
