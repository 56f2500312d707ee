"""Drive one notebook in JupyterLab the way a person does: open it, Run > Run All Cells, wait, look.

These functions only act and observe; deciding what counts as a problem is ``output_checks``'s job,
so the same checks are unit-tested on hand-written snapshots.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.lab_server import LabServer

# Generous limits for a slow, shared CI machine; they bound waiting, they are not performance asserts.
OPEN_TIMEOUT_S = 120
RUN_TIMEOUT_S = 300
WIDGET_TIMEOUT_S = 30
SETTLE_S = 1.5
TALLEST_VIEWPORT = 16000

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

# What the page shows about the open notebook: its kernel status and, per cell, its prompt and outputs.
SNAPSHOT_JS = """
(panelSelector) => {
  const panel = document.querySelector(panelSelector);
  if (!panel) return null;
  const kernel = [...document.querySelectorAll('.jp-StatusBar-TextItem')]
    .map(e => e.textContent.trim()).find(t => /\\|\\s*\\w+/.test(t) && t.includes('|')) || '';
  const cells = [...panel.querySelectorAll('.jp-Notebook .jp-Cell')].map((cell, index) => {
    const type = cell.classList.contains('jp-CodeCell') ? 'code'
      : cell.classList.contains('jp-MarkdownCell') ? 'markdown' : 'raw';
    const prompt = (cell.querySelector('.jp-InputArea-prompt')?.textContent || '').trim();
    const outputs = [...cell.querySelectorAll('.jp-OutputArea-output')].map(out => ({
      mime: out.dataset.mimeType || '',
      text: out.innerText.slice(0, 2000),
      widget_error: !!out.querySelector('.jupyter-widgets-error-widget'),
      widget_rendered: !!out.querySelector('.jupyter-widgets'),
      images: [...out.querySelectorAll('img, svg[role="img"]')].map(img => ({
        tag: img.tagName.toLowerCase(),
        alt: img.tagName.toLowerCase() === 'img' ? img.getAttribute('alt')
             : (img.getAttribute('aria-label') || img.querySelector('title')?.textContent || null),
        loaded: img.tagName.toLowerCase() === 'img' ? (img.complete && img.naturalWidth > 0) : true,
        complete: img.tagName.toLowerCase() === 'img' ? img.complete : true,
      })),
    }));
    return {index, type, prompt, outputs};
  });
  return {kernel, cells};
}
"""


def open_notebook(page: Page, server: LabServer, path: str, workspace: str) -> None:
    """Open ``path`` in a JupyterLab workspace of its own and wait until its kernel is idle."""
    page.goto(server.url(path, workspace=workspace))
    wait_for_notebook(page)


def wait_for_notebook(page: Page) -> None:
    """Wait until the page shows a notebook and its kernel is idle (after opening or reloading)."""
    page.wait_for_selector(f"{PANEL} .jp-Notebook .jp-Cell", timeout=OPEN_TIMEOUT_S * 1000)
    wait_until(page, lambda s: s["kernel"].endswith("| Idle"), OPEN_TIMEOUT_S, "the kernel to start")


def snapshot(page: Page) -> dict[str, Any]:
    """What the open notebook shows now (see SNAPSHOT_JS); an empty notebook if none is open."""
    return page.evaluate(SNAPSHOT_JS, PANEL) or {"kernel": "", "cells": []}


def wait_until(
    page: Page, condition: Any, timeout: float, what: str, stable_for: float = 0
) -> dict[str, Any]:
    """Poll the snapshot until ``condition(snapshot)`` holds (for ``stable_for`` seconds running);
    raise TimeoutError naming ``what``."""
    deadline = time.monotonic() + timeout
    held_since: float | None = None
    while True:
        state = snapshot(page)
        if condition(state):
            held_since = time.monotonic() if held_since is None else held_since
            if time.monotonic() - held_since >= stable_for:
                return state
        else:
            held_since = None
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout:.0f} s for {what}; kernel status '{state['kernel']}'")
        page.wait_for_timeout(250)


def _run_finished(state: dict[str, Any]) -> bool:
    code = [c for c in state["cells"] if c["type"] == "code"]
    busy = any(c["prompt"] == "[*]:" for c in code)
    return state["kernel"].endswith("| Idle") and not busy


def _outputs_settled(state: dict[str, Any]) -> bool:
    outputs = [o for c in state["cells"] for o in c["outputs"]]
    loading = any(o["text"].startswith("Loading widget...") for o in outputs)
    decoding = any(not img.get("complete", True) for o in outputs for img in o["images"])
    return not loading and not decoding


def run_all_cells(page: Page) -> dict[str, Any]:
    """Run > Run All Cells, then wait for the kernel to go idle, the widgets to render and the
    images to load.

    Returns the final snapshot. Widgets still loading after WIDGET_TIMEOUT_S are left for the checks
    to report.
    """
    page.locator(".lm-MenuBar-item", has_text="Run").first.click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    # Run All marks every code cell busy ("[*]") at once, but after an error it clears the marks of the
    # cells below while the kernel may still run them (cells tagged raises-exception): so the run is
    # over only when the kernel has been idle, with no cell busy, for a while.
    wait_until(page, _run_finished, RUN_TIMEOUT_S, "Run All Cells to finish", stable_for=SETTLE_S)
    try:
        return wait_until(page, _outputs_settled, WIDGET_TIMEOUT_S, "widgets and images to render")
    except TimeoutError:
        return snapshot(page)


def save_notebook(page: Page) -> None:
    """Save with Ctrl+S, and wait until the tab no longer shows unsaved changes."""
    page.locator(f"{PANEL} .jp-Notebook").first.focus()
    page.keyboard.press("Control+s")
    page.wait_for_selector(".jp-mod-current.lm-TabBar-tab:not(.jp-mod-dirty)", timeout=30000)


def fit_viewport_to_notebook(page: Page) -> tuple[int, int]:
    """Make the window as tall as the notebook (at most TALLEST_VIEWPORT), scrolled to its top.

    JupyterLab's body has no height of its own (axe-core issue 4539), so it gets ``min-height: 100vh``.
    Returns the notebook's full height and the height of the part one window shows, in pixels: a
    taller notebook is looked at in parts (``output_checks.part_offsets``, ``scroll_notebook``).
    """
    page.add_style_tag(content="body { min-height: 100vh; }")
    height = page.evaluate(
        """(sel) => {
          const nb = document.querySelector(sel + ' .jp-WindowedPanel-outer') ||
                     document.querySelector(sel + ' .jp-Notebook');
          const top = nb.getBoundingClientRect().top;
          return Math.ceil(top + nb.scrollHeight + 80);
        }""",
        PANEL,
    )
    width = page.viewport_size["width"] if page.viewport_size else 1280
    page.set_viewport_size({"width": width, "height": max(900, min(int(height), TALLEST_VIEWPORT))})
    # The notebook scrolls past its last cell (JupyterLab's "scroll past end"): measure to the bottom
    # of the last cell, scrolled to the end so that a windowed notebook has drawn it.
    scroll_notebook(page, 10**7)
    content, window = page.evaluate(
        """(sel) => {
          const nb = document.querySelector(sel + ' .jp-WindowedPanel-outer') ||
                     document.querySelector(sel + ' .jp-Notebook');
          const cells = nb.querySelectorAll('.jp-Cell');
          const last = cells[cells.length - 1];
          const bottom = last ? last.getBoundingClientRect().bottom - nb.getBoundingClientRect().top
                                + nb.scrollTop : nb.scrollHeight;
          return [Math.ceil(bottom) + 40, nb.clientHeight];
        }""",
        PANEL,
    )
    scroll_notebook(page, 0)
    return int(content), int(window)


def scroll_notebook(page: Page, offset: int) -> None:
    """Scroll the open notebook so its content from ``offset`` px down fills the window."""
    page.evaluate(
        """([sel, offset]) => document
             .querySelectorAll(sel + ' .jp-WindowedPanel-outer, ' + sel + ' .jp-Notebook')
             .forEach(el => { el.scrollTop = offset; })""",
        [PANEL, offset],
    )
    page.wait_for_timeout(300)


def screenshot(page: Page, path: Path) -> Path:
    """Save a picture of what the window shows of the notebook to ``path`` (PNG)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path
