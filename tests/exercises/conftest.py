"""Fixtures for the exercises and checks tests: lenient or strict checks, and small notebooks on disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from casebook.checks import registry

# A second, tiny course's checks (demo.transcript_words, demo.transcript_sha256): the engine's tests
# use it, and it shows that the engine runs any course's definitions.
DEMO_COURSE = Path(__file__).resolve().parent / "demo_course"
DEMO_CHECKS = DEMO_COURSE / "checks"


@pytest.fixture(autouse=True)
def lenient_checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts outside strict mode (make test sets CASEBOOK_STRICT=1), without require_answers."""
    monkeypatch.delenv(registry.STRICT_ENV, raising=False)
    registry.require_answers(False)
    yield
    registry.require_answers(False)


@pytest.fixture
def strict(monkeypatch: pytest.MonkeyPatch) -> None:
    """Strict mode, as under make test."""
    monkeypatch.setenv(registry.STRICT_ENV, "1")


def notebook(*cells: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A notebook (format 4.5, with cell ids) holding ``cells``, with the python3 kernel the kit uses."""
    nb = new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def code(
    source: str, cell_id: str, tags: list[str] | None = None, **metadata: object
) -> nbformat.NotebookNode:
    """A code cell with a fixed id (so tests can find it) and optional tags and metadata."""
    cell = new_code_cell(source, id=cell_id)
    cell.metadata.update(metadata)
    if tags:
        cell.metadata["tags"] = tags
    return cell


def markdown(source: str, cell_id: str, tags: list[str] | None = None) -> nbformat.NotebookNode:
    """A markdown cell with a fixed id and optional tags."""
    cell = new_markdown_cell(source, id=cell_id)
    if tags:
        cell.metadata["tags"] = tags
    return cell


def write(nb: nbformat.NotebookNode, path: Path) -> Path:
    """Write ``nb`` to ``path`` (making its folder) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


DEFINITION = """
from casebook.checks import Check
from casebook.checks.kinds import whole

CHECKS = [Check(check_id, "a count", lambda: 3, whole("the count"), "Count them.") for check_id in {ids!r}]
"""


def course(folder: Path, *check_ids: str) -> Path:
    """A course folder whose ``checks/`` defines ``check_ids`` (each expecting 3); returns the folder."""
    (folder / "checks").mkdir(parents=True, exist_ok=True)
    if check_ids:
        (folder / "checks" / "tasks.py").write_text(DEFINITION.format(ids=list(check_ids)), encoding="utf-8")
    return folder
