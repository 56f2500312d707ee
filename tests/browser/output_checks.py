"""Decide what is wrong with a notebook after Run All, from what the page shows and what was saved.

Pure functions over two plain inputs, so they are unit-tested without a browser:

- ``shown``: the page snapshot (``notebook_page.SNAPSHOT_JS``): per cell, its prompt and its outputs
  as rendered (mime type, text, widget error, images with their alt text and whether they loaded);
- ``saved``: the notebook as JupyterLab saved it after the run (nbformat JSON), i.e. what the kernel
  produced.

Each problem is one line naming the cell (counting from 1, as a person reads the notebook).
"""

from __future__ import annotations

from typing import Any

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
IMAGE_MIMES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")
LOADING = "Loading widget..."
WIDGET_ERROR = "Error displaying widget"
# What JupyterLab writes into an <img> that came without alt text: not a description.
PLACEHOLDER_ALTS = {"", "image"}


def _where(index: int) -> str:
    return f"cell {index + 1}"


def _first_line(text: str, limit: int = 160) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    line = lines[-1] if lines else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def errors_expected(saved: dict[str, Any], index: int) -> bool:
    """True for a cell tagged ``raises-exception``: its error is the lesson (nbval and JupyterLab's
    Run All agree)."""
    cells = saved.get("cells", [])
    return index < len(cells) and "raises-exception" in cells[index].get("metadata", {}).get("tags", [])


def errors_shown(shown: dict[str, Any], saved: dict[str, Any]) -> list[str]:
    """Tracebacks on the page, and code cells that never ran (Run All stops at the first error)."""
    problems = []
    for cell in shown["cells"]:
        if cell["type"] != "code":
            continue
        for out in cell["outputs"] if not errors_expected(saved, cell["index"]) else []:
            if out["mime"] == "application/vnd.jupyter.stderr" and "Traceback" in out["text"]:
                problems.append(f"{_where(cell['index'])} shows an error: {_first_line(out['text'])}")
        if cell["prompt"] in ("[ ]:", "[*]:", ""):
            problems.append(f"{_where(cell['index'])} did not run (prompt '{cell['prompt'] or 'none'}')")
    return problems


def errors_saved(saved: dict[str, Any]) -> list[str]:
    """Error outputs the kernel produced, as saved in the notebook."""
    problems = []
    for index, cell in enumerate(saved.get("cells", [])):
        if cell.get("cell_type") != "code" or errors_expected(saved, index):
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                problems.append(f"{_where(index)} raised {out.get('ename')}: {out.get('evalue')}")
    return problems


def _widget_state(out: dict[str, Any]) -> str:
    text = out["text"].strip()
    if text.startswith(LOADING):
        return "left as 'Loading widget...'"
    if text.startswith(WIDGET_ERROR):
        return f"failed: '{_first_line(text)}'"
    if out.get("widget_error"):
        return "failed: the widget's code could not be loaded (error widget shown)"
    return ""


def widget_problems(shown: dict[str, Any], saved: dict[str, Any]) -> list[str]:
    """Widgets that did not render: still loading, an error in their place, or not there at all."""
    problems = []
    saved_cells = saved.get("cells", [])
    for cell in shown["cells"]:
        failed = [state for out in cell["outputs"] if (state := _widget_state(out))]
        problems += [f"{_where(cell['index'])}: a widget {state}" for state in failed]
        rendered = sum(1 for out in cell["outputs"] if out.get("widget_rendered") and not _widget_state(out))
        expected = 0
        if cell["index"] < len(saved_cells):
            expected = sum(
                1
                for out in saved_cells[cell["index"]].get("outputs", [])
                if WIDGET_MIME in out.get("data", {}) and out["data"][WIDGET_MIME].get("model_id")
            )
        missing = expected - rendered - len(failed)
        if missing > 0:
            problems.append(
                f"{_where(cell['index'])}: {missing} widget(s) the kernel displayed are not on the page "
                "(is the ipywidgets JupyterLab extension installed?)"
            )
    return problems


def _saved_images(cell: dict[str, Any]) -> int:
    return sum(
        1 for out in cell.get("outputs", []) if any(mime in out.get("data", {}) for mime in IMAGE_MIMES)
    )


def figure_problems(shown: dict[str, Any], saved: dict[str, Any]) -> list[str]:
    """Figures that did not appear, did not load, or have no real text alternative."""
    problems = []
    saved_cells = saved.get("cells", [])
    for cell in shown["cells"]:
        where = _where(cell["index"])
        images = [img for out in cell["outputs"] for img in out["images"]]
        for img in images:
            if not img["loaded"]:
                problems.append(f"{where}: a figure did not load (broken image data or address)")
            alt = (img.get("alt") or "").strip()
            if alt.lower() in PLACEHOLDER_ALTS:
                problems.append(
                    f"{where}: a figure has no text alternative (alt is {img.get('alt')!r}); show it as "
                    "HTML <img alt='...'> with a description"
                )
        expected = _saved_images(saved_cells[cell["index"]]) if cell["index"] < len(saved_cells) else 0
        shown_images = sum(1 for out in cell["outputs"] if out["mime"] in IMAGE_MIMES and out["images"])
        if expected > shown_images:
            missing = expected - shown_images
            problems.append(f"{where}: {missing} figure(s) the kernel made are not on the page")
    return problems


def notebook_problems(shown: dict[str, Any], saved: dict[str, Any]) -> list[str]:
    """Every problem a learner would meet after Run All, one line each; empty when all is well."""
    problems = errors_shown(shown, saved) + errors_saved(saved) + widget_problems(shown, saved)
    problems += figure_problems(shown, saved)
    return list(dict.fromkeys(problems))  # drop repeats, keep order



def part_offsets(content_height: int, window_height: int, overlap: int = 400) -> list[int]:
    """Where to scroll a notebook ``content_height`` px tall so windows ``window_height`` px tall see it all.

    A browser window is at most ``notebook_page.TALLEST_VIEWPORT`` tall, and only what a window shows
    is drawn for a screenshot or for axe's colour-contrast check. A taller notebook is looked at in
    parts that overlap by ``overlap`` px, so an output cut by one part's edge is whole in the next.
    """
    if window_height <= overlap:
        raise ValueError(f"a window of {window_height} px cannot overlap its neighbour by {overlap} px")
    last = max(0, content_height - window_height)
    offsets = list(range(0, last, window_height - overlap))
    return [*offsets, last]
