"""Where progress lives in the browser-only course, and saving there without flock."""

from __future__ import annotations

import importlib
import sys
import types
from pathlib import Path

import pytest

from casebook.quiz import progress


def test_in_jupyterlite_progress_goes_to_the_drive_the_browser_keeps(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv(progress.ENV_PROGRESS, raising=False)
    monkeypatch.setattr(sys, "platform", "emscripten")
    monkeypatch.setattr(progress, "LITE_DRIVE", tmp_path)
    assert progress.progress_dir() == tmp_path / "casebook-progress"
    monkeypatch.setenv(progress.ENV_PROGRESS, str(tmp_path / "chosen"))
    assert progress.progress_dir() == tmp_path / "chosen"


def test_without_a_mounted_drive_the_jupyter_data_dir_is_used(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv(progress.ENV_PROGRESS, raising=False)
    monkeypatch.setattr(sys, "platform", "emscripten")
    monkeypatch.setattr(progress, "LITE_DRIVE", tmp_path / "absent")
    assert progress.progress_dir().parts[-2:] == ("casebook", "progress")


def test_a_fcntl_without_flock_saves_without_locking(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Pyodide's fcntl has no flock: saving must still work there (it raised AttributeError)."""
    monkeypatch.setitem(sys.modules, "fcntl", types.ModuleType("fcntl"))
    try:
        reloaded = importlib.reload(progress)
        assert reloaded.fcntl is None
        store = reloaded.ProgressStore("lite", directory=tmp_path)
        store.save_answer("q1", {"answer": 1, "status": "correct"})
        assert reloaded.ProgressStore("lite", directory=tmp_path).load()["answers"]["q1"]["answer"] == 1
    finally:
        monkeypatch.undo()
        importlib.reload(progress)
