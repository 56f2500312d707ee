"""The browser-only course against a bare JupyterLite site, and figure lessons on a server without matplotlib.

Floor: the same JupyterLite build (same apps and options, the same npm Pyodide, the wheels the kernel
itself needs, PyPI off) holding one empty notebook, built in this run. Reported, as ratios to it:

- the site's size on disk;
- first load: from opening a page to an idle Pyodide kernel in headless Chromium, served on
  127.0.0.1 with every other address refused (median of three fresh profiles each).

Then each figure lesson runs in a fresh server kernel (nbclient) with the stored figures, and the
report says whether matplotlib was imported; the drawn floor (``CASEBOOK_FIGURE_CACHE=off``) is shown
beside it. Needs ``make lite`` first (the site in build/lite) and Chromium; skips nothing silently.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lite import build  # noqa: E402
from tests.browser import chromium  # noqa: E402
from tests.lite.offline import RefusingProxy, chromium_offline_args, serve_folder  # noqa: E402

FLOOR_WORK = build.BUILD / "lite-floor-work"
FLOOR_SITE = build.BUILD / "lite-floor"
RUNS = 3
IDLE_TIMEOUT_S = 600


def build_floor() -> Path:
    """The bare site: JupyterLite and the kernel's own needs, one empty notebook, nothing of the kit."""
    build.stage_pyodide(FLOOR_WORK)
    contents = FLOOR_WORK / "contents"
    contents.mkdir(parents=True, exist_ok=True)
    empty = new_notebook(cells=[new_code_cell("1 + 1")])
    empty.metadata["kernelspec"] = {
        "name": "python",
        "display_name": "Python (Pyodide)",
        "language": "python",
    }
    nbformat.write(empty, contents / "empty.ipynb")
    build.lite_build(FLOOR_WORK, FLOOR_SITE, contents)
    # The kernel needs comm at start, and Pyodide's lock does not hold it: the same pinned wheel the
    # kit's site adds (build.KIT_WHEELS), and nothing else of the kit's.
    pinned = build.pins((ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8"))
    comm = build.download_pure("comm", pinned["comm"], build.CACHE / "wheels")
    build.extend_lock([comm], site=FLOOR_SITE, roots=())
    build.configure([], site=FLOOR_SITE)
    return FLOOR_SITE


def size_mb(folder: Path) -> float:
    """Bytes of every file under ``folder``, in MB."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def first_load_s(site: Path, path: str) -> list[float]:
    """Seconds from opening ``path`` to an idle kernel, once per fresh browser profile."""
    from playwright.sync_api import sync_playwright

    executable, why = chromium.find_chromium()
    if executable is None:
        raise SystemExit(why)
    times = []
    with RefusingProxy() as proxy, serve_folder(site) as url, sync_playwright() as playwright:
        for _ in range(RUNS):
            with tempfile.TemporaryDirectory() as profile:
                context = playwright.chromium.launch_persistent_context(
                    profile,
                    executable_path=executable,
                    headless=True,
                    args=[*chromium.CHROMIUM_ARGS, *chromium_offline_args(proxy)],
                )
                page = context.new_page()
                started = time.perf_counter()
                page.goto(f"{url}lab/index.html?path={path}")
                page.wait_for_function(
                    "() => [...document.querySelectorAll('.jp-StatusBar-TextItem')]"
                    ".some(e => /\\|\\s*Idle/.test(e.textContent))",
                    timeout=IDLE_TIMEOUT_S * 1000,
                )
                times.append(time.perf_counter() - started)
                context.close()
    return times


def lesson_imports_matplotlib(lesson: Path, cache: str) -> bool:
    """Whether running ``lesson`` in a fresh kernel, figure cache in mode ``cache``, imports matplotlib."""
    notebook = nbformat.read(lesson, as_version=4)
    notebook.cells.append(new_code_cell('import sys\nprint("matplotlib" in sys.modules)'))
    with (
        tempfile.TemporaryDirectory() as progress,
        mock.patch.dict(os.environ, {"CASEBOOK_FIGURE_CACHE": cache, "CASEBOOK_PROGRESS_DIR": progress}),
    ):
        NotebookClient(notebook, timeout=600, resources={"metadata": {"path": str(lesson.parent)}}).execute()
    return notebook.cells[-1].outputs[0]["text"].strip() == "True"


def main() -> int:
    """Print the report; exit 1 if the site is missing."""
    if not (build.SITE / "jupyter-lite.json").is_file():
        print("bench_lite: no site in build/lite: run `make lite` first")
        return 1
    floor = build_floor()
    site_mb, floor_mb = size_mb(build.SITE), size_mb(floor)
    print(f"site size: {site_mb:.1f} MB; floor {floor_mb:.1f} MB; ratio {site_mb / floor_mb:.2f}x")
    kit = first_load_s(build.SITE, build.START_PAGE)
    bare = first_load_s(floor, "empty.ipynb")
    kit_s, bare_s = statistics.median(kit), statistics.median(bare)
    print(
        f"first load to an idle kernel (median of {RUNS}): lesson 00 {kit_s:.1f} s; "
        f"floor {bare_s:.1f} s; ratio {kit_s / bare_s:.2f}x"
    )
    figure_lessons = [
        p
        for p in sorted((ROOT / "notebooks").glob("0[0-9]_*.ipynb"))
        if "plots." in "".join(c.source for c in nbformat.read(p, as_version=4).cells)
    ]
    for lesson in figure_lessons:
        stored = lesson_imports_matplotlib(lesson, "use")
        drawn = lesson_imports_matplotlib(lesson, "off")
        print(
            f"{lesson.stem}: imports matplotlib with stored figures: {'yes' if stored else 'no'}; "
            f"when drawing (floor): {'yes' if drawn else 'no'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
