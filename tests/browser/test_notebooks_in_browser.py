"""Every notebook the kit ships, run in JupyterLab under Chromium and looked at as a learner would."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.acceptance import check_notebook
from tests.conftest import ROOT, all_notebooks

pytestmark = pytest.mark.browser

NOTEBOOKS = [p.relative_to(ROOT).as_posix() for p in all_notebooks()]


@pytest.mark.parametrize("path", NOTEBOOKS)
def test_notebook_runs_and_displays_cleanly(page, lab, shots: Path, path: str) -> None:  # noqa: ANN001
    report = check_notebook(page, lab, path, shots)
    assert report.screenshot is not None and report.screenshot.stat().st_size > 0
    assert report.ok, report.summary()
