"""Every committed notebook is valid, stripped, and every relative link in the kit resolves."""

from __future__ import annotations

import importlib
import re
import subprocess
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


# Dotted names in the docs that are not Python: the Sources cell's metadata key (docs/architecture.md).
NOT_PYTHON = {"casebook.sources"}
DOTTED = re.compile(r"\bcasebook(?:\.[A-Za-z_]\w*)+")
HOUSE_DOCS = [ROOT / "docs" / "architecture.md", ROOT / "README.md"]


def _resolves(dotted: str) -> bool:
    """Whether ``dotted`` is a module of the package, or a name inside one (``casebook.text.fold``)."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            if not hasattr(found, name):
                return False
            found = getattr(found, name)
        return True
    return False


@pytest.mark.parametrize("doc", HOUSE_DOCS, ids=lambda p: p.name)
def test_every_casebook_name_the_docs_give_exists(doc: Path) -> None:
    named = sorted(set(DOTTED.findall(doc.read_text(encoding="utf-8"))) - NOT_PYTHON)
    assert named, f"{doc.name} names no casebook module: the pattern is wrong"
    missing = [name for name in named if not _resolves(name)]
    assert not missing, f"{doc.relative_to(ROOT)} names what the package does not have: {missing}"


def test_the_name_check_catches_a_stale_name() -> None:
    assert _resolves("casebook.text.fold") and _resolves("casebook.maintain.rubric_checked")
    assert not _resolves("casebook.plots.speaking_share") and not _resolves("casebook.nowhere")


def test_the_readme_folder_map_names_every_folder_of_the_kit() -> None:
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    folders = sorted({path.split("/")[0] for path in tracked if "/" in path})
    folder_map = section_of(
        (ROOT / "README.md").read_text(encoding="utf-8"), "## The folders", "## For maintainers"
    )
    mapped = set(re.findall(r"^\| \[`([^`/]+)/", folder_map, re.M))
    assert folders, "git lists no folders: not run from a checkout?"
    assert [f for f in folders if f not in mapped] == [], "README.md's folder map leaves out these folders"
    assert [f for f in mapped if not (ROOT / f).is_dir()] == [], (
        "README.md's folder map names missing folders"
    )


def section_of(text: str, start: str, end: str) -> str:
    """The text from the heading ``start`` up to the heading ``end``."""
    return text[text.index(start) : text.index(end)]
