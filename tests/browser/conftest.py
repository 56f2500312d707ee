"""One JupyterLab and one Chromium per test session; a fresh page (and workspace) per notebook.

The server serves a temporary copy of the kit's notebooks, so autosave never touches the real files.
Screenshots and per-notebook reports go to ``build/browser/``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.chromium import find_chromium, launch
from tests.browser.lab_server import LabServer, running_lab
from tests.conftest import NOTEBOOK_DIRS, ROOT

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHOTS = ROOT / "build" / "browser"
FIXTURE_FOLDER = "browser-fixtures"  # where the broken fixtures live inside the served copy


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The Chromium to drive; stops the whole run with one line when there is none (never a skip)."""
    path, why = find_chromium()
    if path is None:
        pytest.exit(why, returncode=1)
    return path


@pytest.fixture(scope="session")
def served_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary copy of the kit's notebook folders and the browser fixtures, for JupyterLab to serve."""
    root = tmp_path_factory.mktemp("lab-root")
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    for folder in NOTEBOOK_DIRS:
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, root / folder, ignore=ignore)
    shutil.copytree(FIXTURES, root / FIXTURE_FOLDER, ignore=ignore)
    return root


@pytest.fixture(scope="session")
def lab(served_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """JupyterLab on 127.0.0.1 with a fresh token and private Jupyter folders; stopped at the end."""
    with running_lab(served_root, tmp_path_factory.mktemp("lab-state")) as server:
        yield server


@pytest.fixture(scope="session")
def browser(chromium_path: str, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """Headless Chromium with a fresh profile, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = launch(playwright, chromium_path, tmp_path_factory.mktemp("chromium-profile"))
        context.set_default_timeout(30_000)
        try:
            yield context
        finally:
            context.close()


def pytest_configure(config: pytest.Config) -> None:
    """Empty ``build/browser/`` once per browser run (in the controller only, when run with xdist)."""
    selected = config.getoption("markexpr", "") or ""
    if selected.strip() == "browser" and not hasattr(config, "workerinput"):
        shutil.rmtree(SHOTS, ignore_errors=True)


@pytest.fixture(scope="session")
def shots() -> Path:
    """``build/browser/``: one screenshot and report per notebook."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


@pytest.fixture
def page(browser, lab: LabServer) -> Iterator:  # noqa: ANN001
    """A new tab; closed afterwards, and every kernel it started is shut down."""
    tab = browser.new_page()
    try:
        yield tab
    finally:
        tab.close()
        for session in lab.api("GET", "api/sessions") or []:  # type: ignore[union-attr]
            lab.api("DELETE", f"api/sessions/{session['id']}")
