"""The command line, `make`'s Python check, and the JupyterLab launcher's token protection."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from casebook.cli import main
from casebook.lab import lab_command
from tests.conftest import ROOT


def test_python_dash_m_casebook_shows_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "casebook", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "usage: casebook" in result.stdout
    assert "lab" in result.stdout


def test_no_subcommand_prints_help_and_succeeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    assert "usage: casebook" in capsys.readouterr().out


def test_lab_command_is_local_and_token_protected() -> None:
    args = lab_command("notebooks/00_start_here.ipynb", token="abc", port=9999)
    assert "--ServerApp.ip=127.0.0.1" in args
    assert "--IdentityProvider.token=abc" in args
    assert args[-1] == "notebooks/00_start_here.ipynb"
    fresh = [a for a in lab_command() if a.startswith("--IdentityProvider.token=")]
    assert len(fresh) == 1 and len(fresh[0].split("=", 1)[1]) >= 32


def test_make_lab_stops_in_one_line_without_python_310(tmp_path: Path) -> None:
    old_python = tmp_path / "python3"
    old_python.write_text("#!/bin/sh\nexit 1\n")
    old_python.chmod(0o755)
    for python in (str(old_python), str(tmp_path / "no-such-python")):
        result = subprocess.run(
            ["make", "--no-print-directory", "-C", str(ROOT), "check-python", f"PYTHON={python}"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode != 0
        message = [line for line in result.stdout.splitlines() if line.strip()]
        assert len(message) == 1 and "Python 3.10 or newer" in message[0]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_lab_serves_on_localhost_and_refuses_requests_without_the_token(tmp_path: Path) -> None:
    port, token = _free_port(), "casebook-test-token"
    env_dirs = {name: str(tmp_path / name) for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR")}
    import os

    env = {**os.environ, **env_dirs}
    command = lab_command(root=ROOT, port=port, token=token, open_browser=False)
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                status = _status(f"{base}/api/status?token={token}")
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, "JupyterLab exited early"
                assert time.monotonic() < deadline, "JupyterLab did not start within 60 s"
                time.sleep(0.5)
        assert status == 200
        assert _status(f"{base}/api/contents/notebooks") == 403
        assert _status(f"{base}/api/contents/notebooks?token=wrong") == 403
        assert _status(f"{base}/api/contents/notebooks?token={token}") == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
