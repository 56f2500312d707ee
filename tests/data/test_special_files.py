"""FIFOs, links to devices, folders and oversized files where the data package expects a file:
``validate`` and the loaders refuse them at once, naming the file, and never block or read forever
(issue 20, class 7). Each case runs under a time limit (an alarm in this process, or a child
process's timeout), so a regression fails the test instead of hanging the suite."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

import pytest

from casebook import data
from casebook.cli import main
from casebook.data.package import DESCRIPTOR
from casebook.data.validation import validate_package
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need a POSIX system")

#: Seconds a child process may take: validation of the whole package takes about two.
LIMIT = 60


class TookTooLong(Exception):
    """Raised by the alarm: the code under test blocked or read for too long."""


@pytest.fixture
def time_limit() -> Iterator[None]:
    """Fail (instead of hanging) if the test takes more than LIMIT seconds: a blocking open() of a
    FIFO or an endless read is interrupted by SIGALRM, whose handler raises."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise TookTooLong(f"still running after {LIMIT} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(LIMIT)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def make_fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def link_to_dev_zero(path: Path) -> None:
    path.unlink()
    path.symlink_to("/dev/zero")


def make_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def make_huge(path: Path) -> None:
    with path.open("ab") as handle:
        handle.truncate(9 * 1024 * 1024)  # sparse: 9 MB on paper, nothing on disk


SPECIAL: dict[str, tuple[Callable[[Path], None], str]] = {
    "fifo": (make_fifo, "is a named pipe (FIFO), not a regular file; it was not read"),
    "dev-zero": (link_to_dev_zero, "is a device, not a regular file; it was not read"),
    "folder": (make_folder, "is a folder, not a regular file; it was not read"),
    "huge": (make_huge, "is larger than 8 MB, the most the kit reads; it was not read"),
}

FILES = {
    "table": "glossary.csv",
    "metadata": "briefing/metadata.json",
    "schema": "briefing/metadata.schema.json",
    "transcript": "briefing/transcript.txt",
    "descriptor": DESCRIPTOR,
}


def casebook_cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``casebook ARGS`` run in ``cwd`` as a child process that may take LIMIT seconds at most."""
    command = [sys.executable, "-m", "casebook", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=LIMIT, check=False)


@pytest.mark.parametrize("kind", sorted(SPECIAL))
@pytest.mark.parametrize("which", sorted(FILES))
def test_validate_refuses_special_files_at_once(
    data_copy: Path, time_limit: None, which: str, kind: str
) -> None:
    make, message = SPECIAL[kind]
    if which == "descriptor" and kind == "huge":
        message = message.replace("8 MB", "1 MB")
    make(data_copy / FILES[which])
    problems = validate_package(data_copy)
    named = [p for p in problems if p.file.endswith(FILES[which]) and p.message == message]
    assert len(named) == 1, "\n".join(map(str, problems))


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_casebook_validate_on_a_special_file_prints_one_line_naming_it(
    data_copy: Path,
    tmp_path: Path,
    kind: str,
    time_limit: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make, message = SPECIAL[kind]
    make(data_copy / "glossary.csv")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", str(data_copy)]) == 1
    assert capsys.readouterr().out.splitlines() == [  # a link is named as written, not by its target
        f"data/glossary.csv, field 'path': {message}",
        "1 file checked: 1 problem.",
    ]


@pytest.mark.parametrize("kind", sorted(SPECIAL))
def test_loading_refuses_special_files_at_once(
    data_copy: Path, kind: str, time_limit: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    make, message = SPECIAL[kind]
    loads = {
        "glossary.csv": lambda: data.load("glossary"),
        "briefing/metadata.json": data.briefing_metadata,
        "briefing/transcript.txt": data.transcript_text,
    }
    for name in loads:
        make(data_copy / name)
    monkeypatch.setenv("CASEBOOK_DATA", str(data_copy))
    for name, load in loads.items():
        expected = message.replace("8 MB", "1 MB") if name.endswith(".json") else message
        with pytest.raises(data.DataError) as caught:
            load()
        assert str(caught.value) == f"{data_copy / name}: {expected}."
    assert data.load("claims")  # the other tables still load


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_validate_refuses_a_special_file_named_on_the_command_line(tmp_path: Path, kind: str) -> None:
    make, message = SPECIAL[kind]
    for name in ("quiz.yaml", "datapackage.json"):
        path = tmp_path / name
        path.write_text("x")
        make(path)
    result = casebook_cli(["validate", "quiz.yaml", "datapackage.json"], tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [
        f"quiz.yaml: {message}",
        f"datapackage.json: {message}",
        "2 files checked: 2 problems.",
    ]


def test_a_fifo_in_the_data_folder_that_nothing_describes_is_not_opened(
    data_copy: Path, time_limit: None
) -> None:
    os.mkfifo(data_copy / "stray.csv")
    assert validate_package(data_copy) == []


def test_data_hash_refuses_a_fifo_without_blocking(data_copy: Path, tmp_path: Path) -> None:
    make_fifo(data_copy / "glossary.csv")
    result = casebook_cli(["data-hash", str(data_copy)], tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "glossary.csv: is a named pipe (FIFO)" in result.stdout and "resource 'glossary'" in result.stdout


def test_the_shipped_package_still_validates_from_another_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["validate", str(ROOT / "data")]) == 0
    assert capsys.readouterr().out.splitlines() == ["1 file checked: all valid."]
