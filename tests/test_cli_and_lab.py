"""The command line, `make`'s Python check, and the JupyterLab launcher: its token (never on the
command line) and finding the notebook from any folder."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from casebook.cli import main
from casebook.maintain.lab import NotebookNotFound, find_notebook, lab_command, lab_launch, token_environment
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


def test_lab_command_is_local_and_carries_no_token() -> None:
    args = lab_command("notebooks/00_start_here.ipynb", port=9999)
    assert "--ServerApp.ip=127.0.0.1" in args and "--ServerApp.allow_remote_access=False" in args
    assert args[-1] == "notebooks/00_start_here.ipynb"
    assert not [a for a in args if "token" in a.lower()]


def test_the_token_goes_in_the_environment_never_in_argv(tmp_path: Path) -> None:
    launch = lab_launch(None, kit=ROOT, cwd=tmp_path, port=9999, base_env={"PATH": "/usr/bin"})
    assert len(launch.token) >= 32 and launch.env["JUPYTER_TOKEN"] == launch.token
    assert not [a for a in launch.args if launch.token in a]
    again = lab_launch(None, kit=ROOT, cwd=tmp_path, base_env={})
    assert again.token != launch.token  # a fresh token each time
    assert token_environment("abc", {"JUPYTER_TOKEN_FILE": "/tmp/t"}) == {"JUPYTER_TOKEN": "abc"}
    with pytest.raises(ValueError, match="without a token"):
        token_environment("", {})


def test_the_notebook_is_found_from_any_folder(tmp_path: Path) -> None:
    lesson = ROOT / "notebooks" / "03_moscow_mechanism.ipynb"
    for name in ("notebooks/03_moscow_mechanism.ipynb", "03_moscow_mechanism.ipynb", "03_moscow_mechanism"):
        assert find_notebook(name, tmp_path, ROOT) == lesson
    assert find_notebook(str(lesson), tmp_path, ROOT) == lesson
    own = tmp_path / "mine.ipynb"
    own.write_text("{}")
    assert find_notebook("mine.ipynb", tmp_path, ROOT) == own  # the working folder comes first
    launch = lab_launch("mine.ipynb", kit=ROOT, cwd=tmp_path, base_env={})
    assert f"--ServerApp.root_dir={tmp_path}" in launch.args and launch.args[-1] == str(own)
    launch = lab_launch("03_moscow_mechanism", kit=ROOT, cwd=tmp_path, base_env={})
    assert f"--ServerApp.root_dir={ROOT}" in launch.args and launch.args[-1] == str(lesson)


def test_a_notebook_that_exists_nowhere_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(NotebookNotFound) as caught:
        find_notebook("notebooks/99_missing.ipynb", tmp_path, ROOT)
    message = str(caught.value)
    assert (
        f"no notebook 'notebooks/99_missing.ipynb' in {tmp_path} or {ROOT} or {ROOT / 'notebooks'}" in message
    )
    assert "The lessons are: 00_start_here.ipynb, 01_the_briefing.ipynb" in message
    monkeypatch.chdir(tmp_path)
    assert main(["lab", "99_missing.ipynb", "--no-browser"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert captured.err.startswith("casebook lab: there is no notebook '99_missing.ipynb' in ")


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


def _runtime_token(runtime: Path, pid: int, deadline: float) -> str:
    """The token the server wrote to its runtime file (readable by its own user only)."""
    path = runtime / f"jpserver-{pid}.json"
    while not path.exists():
        assert time.monotonic() < deadline, "JupyterLab wrote no runtime file within 90 s"
        time.sleep(0.5)
    return json.loads(path.read_text(encoding="utf-8"))["token"]


def test_casebook_lab_from_another_folder_serves_with_a_token_not_in_its_command_line(tmp_path: Path) -> None:
    """`casebook lab` started in a folder other than the kit's: it opens the first lesson (found in the
    kit), refuses requests without the token, and no process listing shows the token."""
    port = _free_port()
    folders = {
        name: tmp_path / name.lower()
        for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR")
    }
    env = {**os.environ, **{name: str(folder) for name, folder in folders.items()}}
    env.pop("JUPYTER_TOKEN", None)
    command = [sys.executable, "-m", "casebook", "lab", "--no-browser", "--port", str(port)]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    log = tmp_path / "lab.log"
    with log.open("wb") as log_file:
        server = subprocess.Popen(command, cwd=elsewhere, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        base = f"http://127.0.0.1:{port}"
        while True:
            assert server.poll() is None, f"casebook lab exited early: {log.read_text()[-2000:]}"
            try:
                _status(f"{base}/api/status")
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "JupyterLab did not start within 90 s"
                time.sleep(0.5)
        token = _runtime_token(folders["JUPYTER_RUNTIME_DIR"], server.pid, deadline)
        assert len(token) >= 32
        argv = Path(f"/proc/{server.pid}/cmdline").read_bytes().split(b"\0")
        assert argv[-2] == str(ROOT / "notebooks" / "00_start_here.ipynb").encode()  # found from elsewhere
        assert not [a for a in argv if token.encode() in a]
        lesson = "api/contents/notebooks/00_start_here.ipynb"
        assert _status(f"{base}/{lesson}") == 403
        assert _status(f"{base}/{lesson}?token=wrong") == 403
        assert _status(f"{base}/{lesson}?token={token}") == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
