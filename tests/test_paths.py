"""Finding the data folder from anywhere, and saying clearly when it cannot be found."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from casebook.paths import DataFolderNotFound, data_dir
from tests.conftest import ROOT


def test_data_dir_is_beside_the_source() -> None:
    assert data_dir() == ROOT / "data"


def test_data_dir_works_from_another_working_directory(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", "from casebook.paths import data_dir; print(data_dir())"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(out) == ROOT / "data"


def test_casebook_data_points_elsewhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CASEBOOK_DATA", str(tmp_path))
    assert data_dir() == tmp_path.resolve()


def test_missing_override_gives_a_clear_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CASEBOOK_DATA", str(tmp_path / "gone"))
    with pytest.raises(DataFolderNotFound, match="CASEBOOK_DATA is set to .*does not exist"):
        data_dir()


def test_the_course_folder_is_beside_the_source_or_where_casebook_course_points(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from casebook.paths import ENV_COURSE, checks_dir, course_dir

    monkeypatch.delenv(ENV_COURSE, raising=False)
    assert course_dir() == ROOT / "course" and checks_dir() == ROOT / "course" / "checks"
    monkeypatch.setenv(ENV_COURSE, str(tmp_path / "second-course"))
    assert checks_dir() == (tmp_path / "second-course" / "checks").resolve()
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv(ENV_COURSE, "~/mine")
    assert course_dir() == (tmp_path / "mine").resolve()
