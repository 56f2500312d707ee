"""The parts of the local class hub (``make hub``) that are plain Python, imported by its config.

- ``ClassAuthenticator``: any user name with the class password; ``teacher`` with the teacher's own
  password. Passwords come from ``CASEBOOK_HUB_PASSWORD`` and ``CASEBOOK_HUB_TEACHER_PASSWORD``;
  one that is not set is drawn at random and printed, never a built-in default.
- ``publish_kit``: a bare copy of this clone's current commit, which every student's nbgitpuller
  link pulls from, so the hub serves exactly what is committed here, with no network.
- ``free_port``, ``class_link``: a loopback port for the hub's inner parts, and the link to share.
"""

from __future__ import annotations

import hmac
import os
import secrets
import socket
import subprocess
from pathlib import Path

from jupyterhub.auth import Authenticator
from traitlets import Unicode

from casebook.maintain.course import CourseSettings, nbgitpuller_url

ROOT = Path(__file__).resolve().parents[1]
#: The kit's jupyter_server settings (a config folder, for ``JUPYTER_CONFIG_PATH``); Binder's
#: postBuild copies the same files into its environment.
SERVER_CONFIG = ROOT / "etc" / "jupyter"
TEACHER = "teacher"
#: A user name the hub accepts: what a student can type, and safe in a path and a URL.
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,31}$"
KIT_BRANCH = "main"
FIRST_LESSON = Path("notebooks/00_start_here.ipynb")


def password_from(env_name: str, who: str) -> str:
    """The password in ``env_name``, or a fresh random one, printed so the teacher can share it."""
    given = os.environ.get(env_name, "")
    if given:
        return given
    drawn = secrets.token_urlsafe(9)
    print(f"[casebook hub] {env_name} is not set; the {who} password for this run is: {drawn}", flush=True)
    return drawn


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def publish_kit(state: Path, root: Path = ROOT) -> str:
    """Push this clone's current commit to the bare repository ``state/casebook`` (branch ``main``).

    Returns its file:// URL. A bare copy works whatever this clone's branch (or a detached CI
    checkout) is called, and nbgitpuller clones it into ``~/casebook`` in each student's home (it
    names the folder after the URL's last part, so the copy is not called ``casebook.git``).
    """
    bare = state / "casebook"
    if not (bare / "HEAD").exists():
        subprocess.run(["git", "init", "--quiet", "--bare", str(bare)], check=True)
    subprocess.run(
        ["git", "-C", str(root), "push", "--quiet", "--force", str(bare), f"HEAD:refs/heads/{KIT_BRANCH}"],
        check=True,
    )
    subprocess.run(["git", "-C", str(bare), "symbolic-ref", "HEAD", f"refs/heads/{KIT_BRANCH}"], check=True)
    return bare.resolve().as_uri()


def class_link(hub_url: str, repo_url: str, notebook: Path = FIRST_LESSON) -> str:
    """The nbgitpuller link to share: the same one ``casebook readme`` writes, for this hub and copy."""
    settings = CourseSettings(repository="local/casebook", branch=KIT_BRANCH, jupyterhub=hub_url.rstrip("/"))
    return nbgitpuller_url(settings, notebook, repo_url=repo_url)


class ClassAuthenticator(Authenticator):
    """Any user name the pattern allows, with the class password; ``teacher`` with its own."""

    class_password = Unicode(config=True, help="The password every student types.")
    teacher_password = Unicode(config=True, help="The password of the teacher account.")

    async def authenticate(self, handler, data):  # noqa: ANN001, ANN201 (JupyterHub's signature)
        """The user name when the password matches its account's, else None (the form says so)."""
        username = self.normalize_username(str(data.get("username", "")))
        password = str(data.get("password", ""))
        expected = self.teacher_password if username == TEACHER else self.class_password
        if not expected or not hmac.compare_digest(password.encode("utf-8"), expected.encode("utf-8")):
            return None
        return username
