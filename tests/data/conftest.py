"""Fixtures for the data tests: a private copy of the data folder that a test may break."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from casebook.maintain.data_hashes import update_hashes
from tests.conftest import ROOT

DATA = ROOT / "data"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ (without the quizzes, which are not part of the data package)."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("quizzes", "__pycache__"))
    return target


def edit_cell(path: Path, key: str, field: str, value: str, *, rehash: bool = True) -> int:
    """Set ``field`` of the row whose first cell is ``key``; returns that row's number (header = 1).

    With ``rehash`` the package's hashes are brought up to date, so that validation reports only the
    deliberate breakage, not also "the file has changed".
    """
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    column = rows[0].index(field)
    number = next(i for i, row in enumerate(rows, start=1) if row[0] == key)
    rows[number - 1][column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    if rehash:
        update_hashes(data_root(path))
    return number


def data_root(path: Path) -> Path:
    """The folder holding the datapackage.json that describes ``path``."""
    for parent in path.parents:
        if (parent / "datapackage.json").exists():
            return parent
    raise AssertionError(f"{path} is not inside a data package")
