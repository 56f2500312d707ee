"""Start JupyterLab for a learner: local only, token protected, opened on a lesson.

The token travels in the server's environment (``JUPYTER_TOKEN``, which jupyter_server reads),
never on its command line: any user of a shared machine can list every process's arguments, but
only the same user (and root) can read its environment.

The notebook to open is found wherever the learner runs the command from: as given (absolute, or
relative to the working folder), else in the kit's folder, else in its ``notebooks/`` folder.
"""

from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

#: jupyter_server's kernel websocket without Nagle's algorithm (``casebook.lab_socket``, which imports
#: jupyter_server: named here as text, so this module stays light).
CONNECTION_CLASS = "casebook.lab_socket.NoDelayConnection"

#: The environment variable jupyter_server takes its token from when no config file sets one.
TOKEN_VARIABLE = "JUPYTER_TOKEN"


class NotebookNotFound(FileNotFoundError):
    """The notebook asked for exists nowhere the kit looks; the message says where it looked."""


@dataclass(frozen=True)
class LabLaunch:
    """Everything needed to start the server: its arguments, its environment and its token."""

    args: list[str]
    env: dict[str, str]
    token: str


def new_token() -> str:
    """A fresh random token (48 hex digits), so the server never runs without one."""
    return secrets.token_hex(24)


def lab_command(
    notebook: str | Path | None = None,
    *,
    root: Path | None = None,
    port: int | None = None,
    open_browser: bool = True,
) -> list[str]:
    """The argument list that starts JupyterLab on 127.0.0.1 with token authentication.

    It carries no token: start it with ``token_environment(token)``, which sets ``JUPYTER_TOKEN``.
    ``notebook`` is opened on start; jupyter_server resolves a relative one against its working
    folder, so pass an absolute path (``find_notebook``) when that may not be ``root``.
    """
    args = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.allow_remote_access=False",
        f"--ServerApp.kernel_websocket_connection_class={CONNECTION_CLASS}",  # no Nagle delay (lab_socket)
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
        args.append(str(notebook))
    return args


def token_environment(token: str, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """``base`` (default: this process's environment) with the server's token in ``JUPYTER_TOKEN``."""
    if not token:
        raise ValueError("JupyterLab must not run without a token")
    env = dict(os.environ if base is None else base)
    env.pop("JUPYTER_TOKEN_FILE", None)  # one source of truth for the token
    env[TOKEN_VARIABLE] = token
    return env


def find_notebook(name: str | Path, cwd: Path, kit: Path) -> Path:
    """The absolute path of the notebook ``name``: as given, else in ``kit``, else in ``kit``/notebooks.

    ``.ipynb`` may be left off. Raises NotebookNotFound naming the places looked in and the lessons.
    """
    given = Path(name).expanduser()
    names = [given] if given.suffix == ".ipynb" else [given, given.with_name(given.name + ".ipynb")]
    places = [cwd] if given.is_absolute() else [cwd, kit, kit / "notebooks"]
    for place in places:
        for candidate in names:
            path = place / candidate
            if path.is_file():
                return path.resolve()
    lessons = sorted(p.name for p in (kit / "notebooks").glob("*.ipynb"))
    where = str(given) if given.is_absolute() else " or ".join(str(p) for p in dict.fromkeys(places))
    raise NotebookNotFound(
        f"casebook lab: there is no notebook '{name}' in {where}. "
        f"The lessons are: {', '.join(lessons) or 'none found'}."
    )


def lab_launch(
    notebook: str | Path | None,
    *,
    kit: Path,
    cwd: Path | None = None,
    port: int | None = None,
    open_browser: bool = True,
    token: str | None = None,
    base_env: Mapping[str, str] | None = None,
) -> LabLaunch:
    """How to start JupyterLab on ``notebook`` (found by ``find_notebook``), serving the kit's folder.

    A notebook outside the kit is served from its own folder instead, since JupyterLab can only open
    files under the folder it serves. Raises NotebookNotFound when the notebook exists nowhere.
    """
    path = find_notebook(notebook, cwd or Path.cwd(), kit) if notebook else None
    kit = kit.resolve()
    root = kit if path is None or path.is_relative_to(kit) else path.parent
    token = token or new_token()
    args = lab_command(path, root=root, port=port, open_browser=open_browser)
    return LabLaunch(args=args, env=token_environment(token, base_env), token=token)
