"""The progress store: answers come back, writes are atomic, two kernels lose nothing, and a corrupt
file is moved aside with one warning instead of breaking the quiz."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from casebook.quiz import progress
from casebook.quiz.progress import ProgressStore, progress_dir


def test_progress_dir_honours_the_environment(progress_dir: Path) -> None:
    assert progress.progress_dir() == progress_dir


def test_without_the_variable_progress_goes_to_the_jupyter_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    from jupyter_core.paths import jupyter_data_dir

    monkeypatch.delenv("CASEBOOK_PROGRESS_DIR", raising=False)
    assert progress_dir() == Path(jupyter_data_dir()) / "casebook" / "progress"


def test_answers_are_restored_by_a_new_store(progress_dir: Path) -> None:
    ProgressStore("quiz1").save_answer("q1", {"answer": 2, "status": "correct"})
    ProgressStore("quiz1").save_name("Ada")
    again = ProgressStore("quiz1").load()
    assert again["answers"]["q1"]["answer"] == 2 and again["name"] == "Ada"
    assert "updated" in again["answers"]["q1"]
    assert ProgressStore("other").load()["answers"] == {}


def test_clear_forgets_answers_but_keeps_the_name(progress_dir: Path) -> None:
    store = ProgressStore("quiz1")
    store.save_name("Ada")
    store.save_answer("q1", {"answer": 1})
    store.clear()
    assert store.load()["answers"] == {} and store.load()["name"] == "Ada"


def test_a_failed_write_leaves_the_old_file_whole_and_no_temp_files(
    progress_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ProgressStore("quiz1")
    store.save_answer("q1", {"answer": 1})
    before = store.path.read_bytes()

    def crash(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(progress.os, "replace", crash)
    with pytest.raises(OSError):
        store.save_answer("q2", {"answer": 2})
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in progress_dir.iterdir()) == [".quiz1.lock", "quiz1.json"]


def _hammer(directory: str, prefix: str, count: int) -> None:
    store = ProgressStore("shared", Path(directory))
    for i in range(count):
        store.save_answer(f"{prefix}{i}", {"answer": i})


def test_two_kernels_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_hammer, args=(str(tmp_path), p, 40)) for p in ("a", "b")]
    for worker in workers:
        worker.start()
    reader = ProgressStore("shared", tmp_path, warn=lambda message: pytest.fail(message))
    while any(worker.is_alive() for worker in workers):
        reader.load()  # never sees half a file (that would be moved aside, and fail the test)
    for worker in workers:
        worker.join()
        assert worker.exitcode == 0
    answers = ProgressStore("shared", tmp_path).load()["answers"]
    assert sorted(answers) == sorted([f"a{i}" for i in range(40)] + [f"b{i}" for i in range(40)])


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "",
        "[1, 2]",
        '{"format": "something-else", "answers": {}}',
        '{"format": "casebook-progress"}',
        '{"format": "casebook-progress", "answers": {"q1": 5}}',
        "\x00\x01",
    ],
)
def test_a_corrupt_store_is_moved_aside_with_one_warning_line(
    progress_dir: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    progress_dir.mkdir(parents=True)
    (progress_dir / "quiz1.json").write_text(content, encoding="utf-8")
    store = ProgressStore("quiz1")
    assert store.load()["answers"] == {}
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("casebook: saved answers in") and "moved to" in err
    aside = list(progress_dir.glob("quiz1.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == content  # nothing is lost
    store.save_answer("q1", {"answer": 1})  # and the quiz carries on
    assert json.loads(store.path.read_text(encoding="utf-8"))["answers"]["q1"]["answer"] == 1
