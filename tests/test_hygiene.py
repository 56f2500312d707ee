"""Every committed notebook is valid, stripped, and every relative link in the kit resolves."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import pytest

from tests.conftest import ROOT, all_notebooks

NOTEBOOKS = all_notebooks()
# Markdown links and images, and the href/src of HTML written into Markdown: a missing picture is as
# broken as a missing page.
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
HTML_LINK = re.compile(r"<(?:a|img|source)\b[^>]*?\b(?:href|src)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


def test_there_are_notebooks() -> None:
    assert (ROOT / "notebooks" / "00_start_here.ipynb") in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_is_valid_nbformat4_with_python3_kernel(path: Path) -> None:
    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    assert nb.nbformat == 4
    nbformat.validate(nb)
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_has_no_stored_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    dirty = [
        i
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        and not cell.metadata.get("keep_output")
        and (cell.outputs or cell.execution_count is not None)
    ]
    assert not dirty, f"{path.name}: cells {dirty} have stored outputs; run nbstripout (pre-commit install)"


def _links(text: str) -> list[str]:
    return [m.group(1) for pattern in (LINK, HTML_LINK) for m in pattern.finditer(text)]


def _check_relative_links(source: Path, text: str) -> list[str]:
    missing = []
    for link in _links(text):
        parsed = urlparse(link)
        if parsed.scheme or link.startswith("#") or link.startswith("mailto:"):
            continue
        target = (source.parent / unquote(parsed.path)).resolve()
        if not target.exists():
            missing.append(link)
    return missing


def _markdown_files() -> list[Path]:
    skip = {".venv", "build", "node_modules", ".git"}
    return sorted(p for p in ROOT.rglob("*.md") if not skip & set(p.relative_to(ROOT).parts))


@pytest.mark.parametrize("path", _markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_in_markdown_files_resolve(path: Path) -> None:
    missing = _check_relative_links(path, path.read_text(encoding="utf-8"))
    assert not missing, f"{path.relative_to(ROOT)} links to missing files: {missing}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_in_notebooks_resolve(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    missing = _check_relative_links(path, text)
    assert not missing, f"{path.relative_to(ROOT)} links to missing files: {missing}"


def test_link_checker_finds_a_broken_link(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    (tmp_path / "real.md").write_text("x")
    (tmp_path / "real.png").write_bytes(b"")
    text = (
        "[ok](real.md) [web](https://example.org/x) [gone](missing/file.ipynb) ![img](pic.png) "
        "![ok](real.png) ![inline](attachment:x.png) [here](#top) [part](real.md#part) "
        '<img src="gone.png" alt="x"> <a href="real.md">ok</a> <img src="data:image/png;base64,AA==">'
    )
    assert _check_relative_links(page, text) == ["missing/file.ipynb", "pic.png", "gone.png"]


LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_has_title_and_minutes_metadata(path: Path) -> None:
    meta = nbformat.read(path, as_version=4).metadata.get("casebook", {})
    assert meta.get("title"), f"{path.name}: metadata.casebook.title is missing"
    assert meta.get("teaching_minutes", 0) > 0, f"{path.name}: metadata.casebook.teaching_minutes is missing"
    assert meta.get("activity_minutes", 0) >= 0
