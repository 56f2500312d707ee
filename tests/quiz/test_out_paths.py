"""`--out` for results merge, handout and answer-key: a place that cannot be written is one plain line
and exit code 2, never a traceback, and nothing is left half-written (issue 20, class 7)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casebook.cli import main


def unwritable(tmp_path: Path) -> Path:
    """A folder no file can be made in: read-only for an ordinary user; for root, a place in /sys."""
    if os.geteuid() == 0:
        return Path("/sys/casebook-results")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    return folder / "results"


def commands(class_folder: Path, tmp_path: Path) -> dict[str, list[str]]:
    return {
        "merge": ["results", "merge", str(class_folder), "--quiz", str(tmp_path / "every_type.yaml")],
        "handout": ["handout", "00_start_here"],
        "answer-key": ["answer-key", "--all"],
    }


def one_plain_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err and captured.err == ""
    [line] = captured.out.splitlines()
    return line


@pytest.mark.parametrize("command", ["merge", "handout", "answer-key"])
def test_out_naming_an_existing_file_is_one_line_and_exit_2(
    command: str, class_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    taken = tmp_path / "results.txt"
    taken.write_text("keep me", encoding="utf-8")
    assert main([*commands(class_folder, tmp_path)[command], "--out", str(taken)]) == 2
    line = one_plain_line(capsys)
    assert line.startswith(f"casebook {'results merge' if command == 'merge' else command}: {taken}")
    assert "is a file, so no folder can be made there" in line
    assert taken.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("command", ["merge", "handout", "answer-key"])
def test_out_in_an_unwritable_place_is_one_line_and_exit_2(
    command: str, class_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    place = unwritable(tmp_path)
    assert main([*commands(class_folder, tmp_path)[command], "--out", str(place)]) == 2
    line = one_plain_line(capsys)
    assert str(place) in line and ("cannot be created" in line or "cannot be written" in line)
    assert not place.exists()


def test_an_output_name_taken_by_a_folder_leaves_no_temporary_file(
    class_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    (out / "answers.csv").mkdir(parents=True)
    assert main([*commands(class_folder, tmp_path)["merge"], "--out", str(out)]) == 2
    assert "answers.csv: is a folder, so no file can be written there" in one_plain_line(capsys)
    assert sorted(p.name for p in out.iterdir()) == ["answers.csv", "results.csv"]
