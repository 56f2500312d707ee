"""A notebook that raises fails the notebook run, and the report names the notebook and the cell."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


def test_nbval_names_the_notebook_and_cell_that_raised(tmp_path: Path) -> None:
    nb = new_notebook(
        cells=[
            new_markdown_cell("# A lesson with a bug"),
            new_code_cell("x = 1"),
            new_code_cell("raise ValueError('deliberately broken cell')"),
        ]
    )
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "broken_lesson.ipynb"
    nbformat.write(nb, path)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "-p", "no:cacheprovider", "-q", str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 1, result.stdout[-2000:]
    assert "broken_lesson.ipynb::Cell 1" in result.stdout
    assert "deliberately broken cell" in result.stdout
