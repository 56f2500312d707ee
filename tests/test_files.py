"""Safe reads and atomic writes: special files refused at once, sizes bounded, nothing half-written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casebook.files import UnreadableFile, read_bytes_bounded, read_text_bounded, write_atomic


def test_reads_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\ufeffhello", encoding="utf-8")
    assert read_text_bounded(path) == "hello"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "casebook-answers-quiz.json"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFile) as caught:
        read_text_bounded(fifo)
    assert caught.value.problem.file == str(fifo)
    assert "named pipe" in caught.value.problem.message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_dev_zero_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "transcript.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(UnreadableFile, match="a device"):
        read_bytes_bounded(link)


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"x" * 2049)
    assert len(read_bytes_bounded(path, limit=2049)) == 2049
    with pytest.raises(UnreadableFile, match="larger than 2 KB"):
        read_bytes_bounded(path, limit=2048)


def test_a_folder_and_a_missing_file_are_problems(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="folder"):
        read_text_bounded(tmp_path)
    with pytest.raises(UnreadableFile, match="no such file"):
        read_text_bounded(tmp_path / "missing.yaml")


def test_utf16_text_names_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    path.write_text("{}", encoding="utf-16")
    with pytest.raises(UnreadableFile, match="not UTF-8"):
        read_text_bounded(path)


def test_write_atomic_replaces_whole_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out" / "answers.csv"
    write_atomic(target, "one\n")
    write_atomic(target, "two\n")
    assert target.read_text(encoding="utf-8") == "two\n"
    assert [p.name for p in target.parent.iterdir()] == ["answers.csv"]


def test_write_atomic_refuses_a_folder_and_a_file_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    with pytest.raises(UnreadableFile, match="is a folder"):
        write_atomic(tmp_path / "taken", "x")
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    with pytest.raises(UnreadableFile, match="is a file"):
        write_atomic(tmp_path / "plain" / "inside.csv", "x")


def test_values_made_from_one_file_are_cached_apart_by_kind_and_read_again_when_it_changes(tmp_path) -> None:
    import os

    from casebook.files import cached_by_file

    path = tmp_path / "t.txt"
    path.write_text("one", encoding="utf-8")
    reads: list[str] = []

    def read_text() -> str:
        reads.append("text")
        return path.read_text(encoding="utf-8")

    assert cached_by_file("text", path, read_text) == "one"
    assert cached_by_file("text", path, read_text) == "one" and reads == ["text"]
    assert cached_by_file("length", path, lambda: len(path.read_text(encoding="utf-8"))) == 3
    assert cached_by_file("text", path, read_text) == "one", "another kind of value must not replace it"
    path.write_text("three", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert cached_by_file("text", path, read_text) == "three" and reads == ["text", "text"]
