"""`make` on a copy of the kit's Makefile: a too-old Python stops `make lab` in one line, re-running a
target with nothing changed reinstalls nothing, and `make clean` removes only what make built."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT

INPUTS = (
    "Makefile",
    "pyproject.toml",
    "requirements-dev.txt",
    "binder/requirements.txt",
    "package.json",
    "package-lock.json",
)


def _kit_copy(folder: Path) -> Path:
    """The Makefile and the files its targets depend on, copied into ``folder``."""
    for name in INPUTS:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, folder / name)
    return folder


def _make(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [shutil.which("make") or "make", "--no-print-directory", "-C", str(folder), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _touch(path: Path, when: float) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    os.utime(path, (when, when))


def _installed_copy(folder: Path) -> Path:
    """A copy whose .venv and axe-core were installed after the last change to their inputs."""
    kit = _kit_copy(folder)
    past = time.time() - 3600
    for name in INPUTS:
        os.utime(kit / name, (past, past))
    (kit / ".venv" / "bin").mkdir(parents=True)
    (kit / ".venv" / "bin" / "python").symlink_to(sys.executable)
    _touch(kit / ".venv" / ".casebook-installed", past + 60)
    _touch(kit / "node_modules" / "axe-core" / "axe.min.js", past + 60)
    return kit


def test_make_lab_on_a_fresh_clone_without_python_310_stops_in_one_line(tmp_path: Path) -> None:
    kit = _kit_copy(tmp_path / "kit")
    old_python = tmp_path / "python3.9"
    old_python.write_text("#!/bin/sh\nexit 1\n")  # any Python that fails the version check
    old_python.chmod(0o755)
    for python in (old_python, tmp_path / "no-such-python"):
        result = _make(kit, "lab", f"PYTHON={python}")
        assert result.returncode != 0
        lines = [line for line in result.stdout.splitlines() if line.strip()]
        assert len(lines) == 1 and "Python 3.10 or newer" in lines[0], result.stdout
        assert not (kit / ".venv").exists(), "make lab began building .venv with a Python it refused"


def test_rerunning_a_target_with_nothing_changed_installs_nothing(tmp_path: Path) -> None:
    kit = _installed_copy(tmp_path)
    for target in ("lab", "test", "test-browser"):
        plan = _make(kit, "-n", target, f"PYTHON={sys.executable}")
        assert plan.returncode == 0, plan.stderr
        assert "pip install" not in plan.stdout and "-m venv" not in plan.stdout, (
            f"make {target}:\n{plan.stdout}"
        )
        assert "npm ci" not in plan.stdout, f"make {target}:\n{plan.stdout}"
    assert ".venv/bin/casebook lab notebooks/00_start_here.ipynb" in _make(kit, "-n", "lab").stdout


def test_changed_pins_reinstall_the_environment_but_keep_the_venv(tmp_path: Path) -> None:
    kit = _installed_copy(tmp_path)
    (kit / "binder" / "requirements.txt").touch()  # newer than the install stamp
    plan = _make(kit, "-n", "lab", f"PYTHON={sys.executable}").stdout
    assert "pip install" in plan and "-r binder/requirements.txt -r requirements-dev.txt" in plan
    assert "-m venv" not in plan
    (kit / "package-lock.json").touch()
    assert "npm ci" in _make(kit, "-n", "test-browser", f"PYTHON={sys.executable}").stdout


def test_make_clean_removes_what_make_built_and_can_run_again(tmp_path: Path) -> None:
    kit = _kit_copy(tmp_path)
    built = [
        ".venv/bin/python",
        "build/browser/shot.png",
        "node_modules/axe-core/axe.min.js",
        ".pytest_cache/v",
        ".ruff_cache/x",
        ".hypothesis/examples",
        "src/casebook.egg-info/PKG-INFO",
        "src/casebook/__pycache__/cli.cpython-311.pyc",
    ]
    kept = ["src/casebook/cli.py", "notebooks/00_start_here.ipynb", "data/quizzes/q.yaml"]
    for name in built + kept:
        _touch(kit / name, time.time())
    for _ in range(2):
        result = _make(kit, "clean")
        assert result.returncode == 0, result.stderr
    assert [name for name in built if (kit / name).exists()] == []
    assert [name for name in kept if not (kit / name).exists()] == []
    assert not (kit / "src" / "casebook" / "__pycache__").exists()
