"""Start a throw-away JupyterLab for the browser tests, and stop it by the process it started.

Everything the server writes (config, runtime files, workspaces, user settings, quiz progress) goes
into one temporary folder, so a test run never touches a person's own Jupyter set-up or saved answers.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from casebook.maintain.lab import lab_command, token_environment

# User settings for the test server. Fetching news and checking for updates would reach the network;
# windowing off keeps every cell in the page, so every output can be checked and photographed.
LAB_SETTINGS: dict[str, dict[str, object]] = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "checkForUpdates": False,
        "fetchNews": "false",
    },
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/extensionmanager-extension/plugin.jupyterlab-settings": {"enabled": False},
}

# Environment variables a test run sets for itself that must not reach the kernels JupyterLab starts:
# MPLBACKEND=Agg would stop matplotlib figures from appearing in the page.
DROPPED_ENV = ("MPLBACKEND",)


class LabDidNotStart(RuntimeError):
    """JupyterLab exited or did not answer in time; the message holds the end of its log."""


@dataclass(frozen=True)
class LabServer:
    """A running JupyterLab: where it listens, its token, the folder it serves and its process."""

    process: subprocess.Popen[bytes]
    port: int
    token: str
    root: Path
    log: Path

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str, workspace: str | None = None) -> str:
        """The address that opens ``path`` (relative to ``root``) in JupyterLab, token included.

        A distinct ``workspace`` name gives a page with nothing else open in it.
        """
        prefix = f"lab/workspaces/{workspace}/tree" if workspace else "lab/tree"
        return f"{self.base_url}/{prefix}/{path}?token={self.token}"

    def api(self, method: str, path: str) -> object:
        """Call the Jupyter server's REST API (``path`` like ``api/sessions``); returns decoded JSON."""
        request = urllib.request.Request(
            f"{self.base_url}/{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shut_down_kernels_of(self, path: str) -> None:
        """End the kernel sessions of one notebook, so a long run does not pile up kernels."""
        for session in self.api("GET", "api/sessions") or []:  # type: ignore[union-attr]
            if session.get("path") == path:
                self.api("DELETE", f"api/sessions/{session['id']}")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_lab_settings(settings_dir: Path) -> None:
    """Write the test server's user settings (see LAB_SETTINGS) into ``settings_dir``."""
    for relative, values in LAB_SETTINGS.items():
        path = settings_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2), encoding="utf-8")


def lab_environment(state_dir: Path, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a test JupyterLab: private Jupyter folders and quiz progress in ``state_dir``."""
    env = {k: v for k, v in (os.environ if base is None else base).items() if k not in DROPPED_ENV}
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR", "CASEBOOK_PROGRESS_DIR"):
        folder = state_dir / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    env["JUPYTERLAB_SETTINGS_DIR"] = str(state_dir / "jupyter_config_dir" / "lab" / "user-settings")
    env["JUPYTERLAB_WORKSPACES_DIR"] = str(state_dir / "workspaces")
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"  # silences a debugger warning in every kernel's stderr
    return env


def _wait_until_ready(server: LabServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if server.process.poll() is not None:
            code = server.process.returncode
            raise LabDidNotStart(f"JupyterLab exited with code {code}:\n{_tail(server.log)}")
        try:
            server.api("GET", "api/status")
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                raise LabDidNotStart(
                    f"JupyterLab did not answer within {timeout:.0f} s:\n{_tail(server.log)}"
                ) from None
            time.sleep(0.3)


def _tail(log: Path, lines: int = 30) -> str:
    try:
        return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def stop(process: subprocess.Popen[bytes], grace: float = 20) -> None:
    """Stop the process we started: terminate, wait up to ``grace`` seconds, then kill."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=grace)


@contextmanager
def running_lab(root: Path, state_dir: Path, timeout: float = 90) -> Iterator[LabServer]:
    """Run JupyterLab serving ``root`` while the ``with`` block lasts; stop it however the block ends.

    ``state_dir`` receives the server's config, runtime and data folders, its user settings, the quiz
    progress folder and its log (``lab.log``).
    """
    state_dir.mkdir(parents=True, exist_ok=True)
    port, token = free_port(), secrets.token_hex(24)
    env = token_environment(token, lab_environment(state_dir))  # the token never goes on the command line
    write_lab_settings(Path(env["JUPYTERLAB_SETTINGS_DIR"]))
    command = lab_command(root=root, port=port, open_browser=False)
    log = state_dir / "lab.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            command, env=env, cwd=root, stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
    server = LabServer(process=process, port=port, token=token, root=root, log=log)
    try:
        _wait_until_ready(server, timeout)
        yield server
    finally:
        stop(process)
