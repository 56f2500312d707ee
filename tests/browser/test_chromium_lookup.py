"""Finding Chromium: CASEBOOK_CHROMIUM, then `chromium` on PATH; without one, one line and a failure."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.browser.chromium import ENV_CHROMIUM, find_chromium
from tests.conftest import ROOT


def _fake_browser(folder: Path, name: str = "chromium") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(0o755)
    return path


def test_the_override_wins_over_path(tmp_path: Path) -> None:
    chosen = _fake_browser(tmp_path / "chosen", "my-chromium")
    on_path = _fake_browser(tmp_path / "bin")
    assert find_chromium({ENV_CHROMIUM: str(chosen), "PATH": str(on_path.parent)}) == (str(chosen), "")


def test_chromium_on_path_is_found(tmp_path: Path) -> None:
    on_path = _fake_browser(tmp_path / "bin")
    assert find_chromium({"PATH": str(on_path.parent)}) == (str(on_path), "")


def test_an_override_that_is_not_executable_is_named(tmp_path: Path) -> None:
    not_executable = tmp_path / "chromium.txt"
    not_executable.write_text("not a program")
    path, why = find_chromium({ENV_CHROMIUM: str(not_executable), "PATH": ""})
    assert path is None
    assert ENV_CHROMIUM in why and str(not_executable) in why


def test_without_chromium_the_reason_says_how_to_get_one(tmp_path: Path) -> None:
    path, why = find_chromium({"PATH": str(tmp_path)})
    assert path is None
    assert "apt-get install chromium" in why and ENV_CHROMIUM in why
    assert "\n" not in why


def _make_browser_check(env_changes: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != ENV_CHROMIUM}
    env.update(env_changes)
    return subprocess.run(
        [shutil.which("make") or "make", "--no-print-directory", "-C", str(ROOT), "browser-check"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_make_test_browser_stops_in_one_line_without_chromium(tmp_path: Path) -> None:
    no_chromium = tmp_path / "bin"  # a PATH with Python (make checks for it) but no chromium
    no_chromium.mkdir()
    (no_chromium / "python3").symlink_to(sys.executable)
    for changes in ({"PATH": str(no_chromium)}, {ENV_CHROMIUM: str(tmp_path / "no-such-chromium")}):
        result = _make_browser_check(changes)
        assert result.returncode != 0, result.stdout
        lines = [line for line in result.stdout.splitlines() if line.strip()]
        assert len(lines) == 1 and "chromium" in lines[0].lower(), result.stdout


def test_make_browser_check_names_the_browser_it_found(tmp_path: Path) -> None:
    browser = _fake_browser(tmp_path / "bin", "chromium-for-test")
    result = _make_browser_check({ENV_CHROMIUM: str(browser)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == str(browser)
