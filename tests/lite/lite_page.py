"""What the Lite tests do in a page beyond tests/browser's helpers: open a notebook from its link, run
chosen cells, export a quiz's answers and download the file from JupyterLite's file browser.

These functions act and observe only; the tests decide what counts as a problem.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import nbformat

from tests.browser import notebook_page

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

# A bound on waiting for Pyodide to start on a busy two-core machine, not a performance assert:
# make bench measures the first load.
KERNEL_IDLE_S = 300
CELL_TIMEOUT_S = 120
EXPORT_TIMEOUT_S = 30
LEARNER = "Lite Tester"


# Where JupyterLab in the browser keeps its state: its workspace (the notebooks left open) and the
# drive are in the site's IndexedDB and local storage. Chromium's HTTP cache is apart and stays warm.
# Only these two are cleared: that is where the workspace is; the service worker stays registered.
SITE_STORAGE = "local_storage,indexeddb"
NOTEBOOK_TAB = ".lm-DockPanel-tabBar .lm-TabBar-tab"


def forget_site(page: Page, site_url: str) -> None:
    """Clear everything the site stored in this browser, as a learner's "clear site data" does.

    Each notebook's test starts from no saved answers. (The site keeps JupyterLab's workspace in memory,
    so a new page reopens no earlier notebook anyway; a test checks that with storage kept.)
    """
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("Storage.clearDataForOrigin", {"origin": site_url.rstrip("/"), "storageTypes": SITE_STORAGE})
    finally:
        cdp.detach()


def kernels(page: Page) -> int:
    """How many Pyodide kernels this page runs: each runs in a Web Worker of the kernel's own script."""
    return sum("pyodide-kernel-extension" in worker.url for worker in page.workers)


def open_tabs(page: Page) -> list[str]:
    """The names on the main area's tabs: the notebooks this page has open."""
    return page.locator(NOTEBOOK_TAB).all_inner_texts()


def open_from_link(page: Page, url: str) -> float:
    """Open a notebook's own link and wait for its kernel to be idle; returns the seconds it took."""
    started = time.monotonic()
    page.goto(url)
    page.wait_for_selector(f"{notebook_page.PANEL} .jp-Notebook .jp-Cell", timeout=KERNEL_IDLE_S * 1000)
    notebook_page.wait_until(
        page, lambda s: s["kernel"].endswith("| Idle"), KERNEL_IDLE_S, "the Pyodide kernel to be idle"
    )
    return time.monotonic() - started


def quiz_cells(notebook: Path, quiz_id: str) -> list[int]:
    """The code cells one quiz needs, by index: the first that imports ``show_quiz``, and the one that
    shows quiz ``quiz_id`` (the same cell in a lesson that does both at once).

    A lesson may show several quizzes (04, 05 and 07 open with a prediction quiz before their main
    one): the cell is found by the quiz's id, not by being the first ``show_quiz`` call.
    """
    cells = nbformat.read(notebook, as_version=4).cells
    code = [(i, c.source) for i, c in enumerate(cells) if c.cell_type == "code"]
    imports = next(i for i, source in code if "import show_quiz" in source)
    shows = next(i for i, source in code if f'show_quiz("{quiz_id}")' in source and i >= imports)
    return sorted({imports, shows})


def quizzes_shown(notebook: Path) -> list[str]:
    """The ids of the quizzes a notebook shows (its ``show_quiz("...")`` calls), in order."""
    cells = nbformat.read(notebook, as_version=4).cells
    code = [c.source for c in cells if c.cell_type == "code"]
    return [quiz_id for source in code for quiz_id in re.findall(r'show_quiz\("([^"]+)"\)', source)]


def quiz_box(page: Page, question_id: str) -> Locator:
    """The quiz on the page that holds question ``question_id``: a lesson may show several quizzes, each
    with its own name box and "Export my answers" button."""
    return page.locator(".casebook-quiz", has=page.locator(f".casebook-q-{question_id}"))


def run_cells(page: Page, indices: list[int]) -> dict[str, Any]:
    """Run the given cells one by one (select, Ctrl+Enter), each to its end; returns the snapshot."""
    cells = page.locator(f"{notebook_page.PANEL} .jp-Notebook .jp-Cell")
    for index in indices:
        cells.nth(index).locator(".jp-InputPrompt").click()
        page.keyboard.press("Control+Enter")
        notebook_page.wait_until(
            page,
            lambda s, i=index: (
                s["kernel"].endswith("| Idle") and s["cells"][i]["prompt"] not in ("[ ]:", "[*]:")
            ),
            CELL_TIMEOUT_S,
            f"cell {index + 1} to run",
            stable_for=notebook_page.SETTLE_S,
        )
    return notebook_page.snapshot(page)


def export_answers(page: Page, question_id: str) -> str:
    """In the quiz holding ``question_id``, type a name, press "Export my answers" and return the status
    line that quiz shows then."""
    quiz = quiz_box(page, question_id)
    name = quiz.get_by_role("textbox", name="Your name")
    name.fill(LEARNER)
    name.press("Enter")  # the box sends its value on Enter (continuous_update off)
    quiz.locator(".casebook-export").first.click()
    status = quiz.locator(".casebook-export-status")
    deadline = time.monotonic() + EXPORT_TIMEOUT_S
    while time.monotonic() < deadline:
        text = status.inner_text().strip()
        if text:
            return text
        page.wait_for_timeout(200)
    return ""


def download_from_file_browser(page: Page, folder: str, file_name: str) -> dict[str, Any]:
    """Find ``folder/file_name`` in JupyterLite's file browser, right-click it, Download; returns the
    downloaded file's JSON."""
    browser = page.locator("#filebrowser")
    if not browser.is_visible():  # the sidebar tab toggles: press it only when the panel is closed
        page.locator(".jp-SideBar [data-id='filebrowser']").first.click()
    browser.wait_for(state="visible", timeout=EXPORT_TIMEOUT_S * 1000)
    crumbs = browser.locator(".jp-BreadCrumbs")
    if not crumbs.inner_text().strip().rstrip("/").endswith(folder):
        browser.locator(".jp-BreadCrumbs-home").click()
        browser.locator(".jp-DirListing-item", has_text=folder).first.dblclick()
    item = browser.locator(
        f".jp-DirListing-item[title*='{file_name}'], .jp-DirListing-item:has-text('{file_name}')"
    )
    deadline = time.monotonic() + EXPORT_TIMEOUT_S
    while item.count() == 0 and time.monotonic() < deadline:
        browser.locator(
            "button[data-command='filebrowser:refresh'], .jp-ToolbarButtonComponent[title*='Refresh']"
        ).first.click()
        page.wait_for_timeout(500)
    item.first.click(button="right")
    with page.expect_download(timeout=EXPORT_TIMEOUT_S * 1000) as info:
        page.locator(".lm-Menu-item[data-command='filebrowser:download']").click()
    download = info.value
    return json.loads(Path(download.path()).read_text(encoding="utf-8"))
