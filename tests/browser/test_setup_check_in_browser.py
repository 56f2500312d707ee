"""The first widget a learner presses: the setup check answers a click and the Enter key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import notebook_page, quiz_driver
from tests.browser.accessibility import audit_outputs

pytestmark = pytest.mark.browser

LESSON = "notebooks/00_start_here.ipynb"


def _open_and_run(page, lab) -> None:  # noqa: ANN001
    notebook_page.open_notebook(page, lab, LESSON, workspace="setup-check")
    notebook_page.run_all_cells(page)


def test_pressing_check_my_setup_shows_all_set(page, lab, shots: Path) -> None:  # noqa: ANN001
    _open_and_run(page, lab)
    page.get_by_role("button", name="Check my setup").click()
    verdict = page.get_by_text("All set.")
    verdict.wait_for(timeout=30_000)
    assert page.get_by_role("table", name="Setup check").count() == 1
    notebook_page.fit_viewport_to_notebook(page)  # lesson 00 fits one window
    notebook_page.screenshot(page, shots / "setup-check-pressed.png")
    violations, _ = audit_outputs(page)
    assert not violations, "\n".join(map(str, violations))


def test_the_setup_check_works_from_the_keyboard(page, lab) -> None:  # noqa: ANN001
    _open_and_run(page, lab)
    button = page.get_by_role("button", name="Check my setup")
    quiz_driver.start_keyboard_at(page.locator(".jp-OutputArea-output").filter(has=button))
    quiz_driver.tab_to(page, button, "the Check my setup button")
    page.keyboard.press("Enter")
    page.get_by_text("All set.").wait_for(timeout=30_000)
