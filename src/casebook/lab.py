"""Start JupyterLab for a learner: local only, token protected, opened on a lesson."""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path


def lab_command(
    notebook: str | None = None,
    *,
    root: Path | None = None,
    port: int | None = None,
    token: str | None = None,
    open_browser: bool = True,
) -> list[str]:
    """The argument list that starts JupyterLab on 127.0.0.1 with token authentication.

    ``notebook`` is a path relative to ``root`` (the folder JupyterLab serves). A fresh random token
    is made when none is given, so the server never runs without one.
    """
    token = token or secrets.token_hex(24)
    args = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}",
        "--ServerApp.allow_remote_access=False",
    ]
    if root is not None:
        args.append(f"--ServerApp.root_dir={root}")
    if port is not None:
        args += [f"--ServerApp.port={port}", "--ServerApp.port_retries=0"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")  # containers and CI machines often run as root
    if not open_browser:
        args.append("--no-browser")
    if notebook:
        args.append(notebook)
    return args
