# The local class hub: `make hub` runs `jupyterhub -f hub/jupyterhub_config.py` from the repository.
#
# A real JupyterHub on one machine, for a teacher to try the class workflow: students log in with any
# name and the class password, get the kit through the nbgitpuller link printed below, and hand in
# quiz answers into one folder the teacher's notebook reads. Everything binds 127.0.0.1 only.
# Ctrl+C stops the hub, its proxy and every student's server (cleanup_servers).
#
# Environment:
#   HUB_PORT                       the port students open (default 8000)
#   CASEBOOK_HUB_PASSWORD          the class password (unset: a random one is printed)
#   CASEBOOK_HUB_TEACHER_PASSWORD  the password of the admin account `teacher` (unset: printed)
#   CASEBOOK_HUB_STATE             where the hub keeps its database, homes and kit copy (build/hub)
#   CASEBOOK_HANDIN_DIR            the hand-in folder (default: <state>/handin)
# ruff: noqa: F821 (`c` is the config object JupyterHub provides)

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from casebook_hub import (  # noqa: E402
    ROOT,
    SERVER_CONFIG,
    TEACHER,
    USERNAME_PATTERN,
    class_link,
    free_port,
    password_from,
    publish_kit,
)

from casebook.quiz.handin import ENV_HANDIN, FOLDER_MODE  # noqa: E402

port = int(os.environ.get("HUB_PORT", "8000"))
state = Path(os.environ.get("CASEBOOK_HUB_STATE", ROOT / "build" / "hub")).resolve()
homes = state / "homes"
handin = Path(os.environ.get(ENV_HANDIN) or state / "handin").resolve()
for folder in (state, homes):
    folder.mkdir(parents=True, exist_ok=True)
handin.mkdir(parents=True, exist_ok=True)
os.chmod(handin, FOLDER_MODE)  # the drop-box mode a shared hub needs (see instructors/hub.md)

# --- network: loopback only -------------------------------------------------------------------------
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = port
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = free_port()
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{free_port()}"
c.ConfigurableHTTPProxy.command = [str(ROOT / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# --- who may log in -----------------------------------------------------------------------------------
c.JupyterHub.authenticator_class = "casebook_hub.ClassAuthenticator"
c.ClassAuthenticator.class_password = password_from("CASEBOOK_HUB_PASSWORD", "class")
c.ClassAuthenticator.teacher_password = password_from("CASEBOOK_HUB_TEACHER_PASSWORD", "teacher")
c.Authenticator.allow_all = True
c.Authenticator.admin_users = {TEACHER}
c.Authenticator.username_pattern = USERNAME_PATTERN

# --- each user's server: this clone's environment, a home of their own -------------------------------
c.JupyterHub.spawner_class = "simple"  # SimpleLocalProcessSpawner: every server runs as this system user
c.Spawner.ip = "127.0.0.1"
c.Spawner.cmd = [str(Path(sys.executable).with_name("jupyterhub-singleuser"))]
c.Spawner.default_url = "/lab"
c.SimpleLocalProcessSpawner.home_dir_template = str(homes / "{username}")
c.Spawner.environment = {
    ENV_HANDIN: str(handin),
    "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    # The kit's server settings (etc/jupyter: kernel websockets without Nagle's delay), as on Binder.
    "JUPYTER_CONFIG_PATH": os.pathsep.join(
        filter(None, [str(SERVER_CONFIG), os.environ.get("JUPYTER_CONFIG_PATH")])
    ),
}
if hasattr(os, "geteuid") and os.geteuid() == 0:  # a container or CI machine running as root
    c.Spawner.args = ["--ServerApp.allow_root=True"]
# Two cores start a server in 11-20 s (measured); a class logging in at once queues behind each other.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180

repo_url = publish_kit(state)
link = class_link(f"http://127.0.0.1:{port}", repo_url)
print(f"[casebook hub] hand-in folder: {handin}", flush=True)
print(f"[casebook hub] students log in at http://127.0.0.1:{port}/ ; share this link:\n  {link}", flush=True)
