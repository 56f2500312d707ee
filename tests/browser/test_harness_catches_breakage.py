"""The browser checks fail on deliberately broken notebooks, and pass on one that does it right.

The fixtures run through the very same ``check_notebook`` as the kit's notebooks; these tests assert
that its report names what is broken.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.acceptance import check_notebook
from tests.browser.conftest import FIXTURE_FOLDER

pytestmark = pytest.mark.browser


def _check(page, lab, shots: Path, name: str):  # noqa: ANN001, ANN202
    return check_notebook(page, lab, f"{FIXTURE_FOLDER}/{name}", shots / "fixtures")


def test_a_cell_that_raises_is_reported_with_the_cells_that_never_ran(page, lab, shots: Path) -> None:  # noqa: ANN001
    report = _check(page, lab, shots, "cell_raises.ipynb")
    assert not report.ok
    assert "cell 3 raised ValueError: deliberately broken cell" in report.problems
    assert any(p.startswith("cell 3 shows an error:") and "deliberately broken" in p for p in report.problems)
    assert any(p.startswith("cell 4 did not run") for p in report.problems)
    assert not any(p.startswith("cell 2") for p in report.problems)


def test_widgets_that_fail_to_render_are_reported(page, lab, shots: Path) -> None:  # noqa: ANN001
    report = _check(page, lab, shots, "widget_fails.ipynb")
    assert not report.ok
    assert any(p.startswith("cell 2: a widget failed") for p in report.problems), report.summary()
    assert any(
        p.startswith("cell 3: a widget") and ("Error displaying widget" in p or "Loading widget" in p)
        for p in report.problems
    ), report.summary()


def test_figures_that_do_not_load_or_have_no_alt_text_are_reported(page, lab, shots: Path) -> None:  # noqa: ANN001
    report = _check(page, lab, shots, "figure_fails.ipynb")
    assert "cell 2: a figure did not load (broken image data or address)" in report.problems
    assert any(p.startswith("cell 3: a figure has no text alternative") for p in report.problems)
    assert "image-alt" in {v.rule for v in report.violations}


def test_an_output_that_breaks_wcag_fails_the_audit(page, lab, shots: Path) -> None:  # noqa: ANN001
    report = _check(page, lab, shots, "inaccessible_output.ipynb")
    assert report.problems == []
    rules = {v.rule for v in report.violations}
    assert {"color-contrast", "label"} <= rules, report.summary()
    assert all(v.targets for v in report.violations)


def test_a_notebook_done_right_passes_every_check(page, lab, shots: Path) -> None:  # noqa: ANN001
    report = _check(page, lab, shots, "good_outputs.ipynb")
    assert report.ok, report.summary()
    assert report.screenshot is not None and report.screenshot.is_file()


def test_an_error_tagged_raises_exception_is_accepted_and_run_all_goes_on(page, lab, shots: Path) -> None:  # noqa: ANN001
    report = _check(page, lab, shots, "expected_error.ipynb")
    assert report.ok, report.summary()  # the traceback's colours are JupyterLab's, not audited
