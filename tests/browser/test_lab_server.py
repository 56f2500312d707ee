"""The test JupyterLab: private folders, no network chatter, and stopped by its process even on failure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.lab_server import lab_environment, running_lab, write_lab_settings
from tests.conftest import ROOT


def test_environment_is_private_and_keeps_figures_inline(tmp_path: Path) -> None:
    env = lab_environment(
        tmp_path, {"MPLBACKEND": "Agg", "HOME": "/home/x", "CASEBOOK_PROGRESS_DIR": "/real"}
    )
    assert "MPLBACKEND" not in env
    assert env["HOME"] == "/home/x"
    for name in (
        "JUPYTER_CONFIG_DIR",
        "JUPYTER_RUNTIME_DIR",
        "JUPYTER_DATA_DIR",
        "CASEBOOK_PROGRESS_DIR",
    ):
        assert Path(env[name]).is_dir() and Path(env[name]).is_relative_to(tmp_path)


def test_settings_turn_off_news_update_checks_and_windowing(tmp_path: Path) -> None:
    write_lab_settings(tmp_path)
    notification = tmp_path / "@jupyterlab/apputils-extension/notification.jupyterlab-settings"
    assert json.loads(notification.read_text()) == {"checkForUpdates": False, "fetchNews": "false"}
    tracker = tmp_path / "@jupyterlab/notebook-extension/tracker.jupyterlab-settings"
    assert json.loads(tracker.read_text())["windowingMode"] == "none"


@pytest.mark.browser
def test_the_server_is_stopped_when_the_block_fails(tmp_path: Path) -> None:
    with (
        pytest.raises(RuntimeError, match="a test failed"),
        running_lab(ROOT / "notebooks", tmp_path) as lab,
    ):
        process = lab.process
        assert lab.api("GET", "api/status") is not None
        assert lab.url("00_start_here.ipynb").endswith(
            f"/lab/tree/00_start_here.ipynb?token={lab.token}"
        )
        raise RuntimeError("a test failed")
    assert process.poll() is not None
