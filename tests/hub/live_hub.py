"""Drive the real class hub (hub/jupyterhub_config.py) as a class does: not part of the package.

``running_hub(state)`` starts JupyterHub on a free loopback port with fresh passwords and stops it,
with every server it spawned, whatever happens. A ``Student`` logs in through the login form, opens
the nbgitpuller link, and runs notebooks in a kernel of their own server over the Jupyter protocol
(REST plus websocket), as JupyterLab does. Used by tests/hub/test_live_hub.py (``make test-hub``)
and benchmarks/bench_hub.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import psutil
import requests
import websocket

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "hub" / "jupyterhub_config.py"
JUPYTERHUB = Path(sys.executable).with_name("jupyterhub")
ADMIN_SERVICE = "casebook-check"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Hub:
    """A running hub: where it is, its passwords, its admin token, and its processes."""

    url: str
    state: Path
    handin: Path
    class_password: str
    teacher_password: str
    admin_token: str
    process: subprocess.Popen
    log: Path
    seen: set[int] = field(default_factory=set)

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        """Call the hub's REST API as the admin service (only the harness holds that token)."""
        headers = {"Authorization": f"token {self.admin_token}"}
        return requests.request(method, f"{self.url}/hub/api{path}", headers=headers, timeout=60, **kwargs)

    def remember_processes(self) -> None:
        """Note the hub's process tree now: servers spawned in their own session outlive the hub."""
        with contextlib.suppress(psutil.Error):
            self.seen |= {p.pid for p in psutil.Process(self.process.pid).children(recursive=True)}

    def link(self) -> str:
        """The nbgitpuller link the hub printed for students."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        found = re.search(r"share this link:\s*\n\s*(\S+)", text)
        if not found:
            raise AssertionError(f"the hub printed no class link; its log:\n{text[-3000:]}")
        return found.group(1)


TEST_CONFIG = """
# The class hub as `make hub` runs it, plus one admin service token for the test harness.
load_subconfig({config!r})
c.JupyterHub.services = [{{"name": {service!r}, "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "casebook-check", "scopes": ["admin:users", "admin:servers", "tokens"],
                            "services": [{service!r}]}}]
"""


def _stop(hub: Hub) -> list[int]:
    """Ctrl+C the hub (it stops its servers and proxy), then kill whatever is left. Survivors' pids."""
    hub.remember_processes()
    if hub.process.poll() is None:
        hub.process.send_signal(signal.SIGINT)
        try:
            hub.process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(hub.process.pid, signal.SIGKILL)
            hub.process.wait(timeout=30)
    survivors = []
    for pid in sorted(hub.seen):
        with contextlib.suppress(psutil.NoSuchProcess):
            process = psutil.Process(pid)
            if process.status() != psutil.STATUS_ZOMBIE:
                survivors.append(pid)
            process.kill()
    return survivors


@contextlib.contextmanager
def running_hub(state: Path, *, startup_timeout: float = 120) -> Iterator[Hub]:
    """A class hub on a free loopback port, stopped with all its servers on the way out."""
    state.mkdir(parents=True, exist_ok=True)
    port, token = free_port(), secrets.token_hex(32)
    test_config = state / "test_config.py"
    test_config.write_text(
        TEST_CONFIG.format(config=str(CONFIG), service=ADMIN_SERVICE, token=token), encoding="utf-8"
    )
    handin = state / "handin"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("CASEBOOK_", "JUPYTER"))},
        "HUB_PORT": str(port),
        "CASEBOOK_HUB_STATE": str(state),
        "CASEBOOK_HANDIN_DIR": str(handin),
        "CASEBOOK_HUB_PASSWORD": secrets.token_urlsafe(8),
        "CASEBOOK_HUB_TEACHER_PASSWORD": secrets.token_urlsafe(8),
    }
    log = state / "hub.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [str(JUPYTERHUB), "-f", str(test_config)], cwd=state, env=env, stdout=out,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    hub = Hub(f"http://127.0.0.1:{port}", state, handin, env["CASEBOOK_HUB_PASSWORD"],
              env["CASEBOOK_HUB_TEACHER_PASSWORD"], token, process, log)  # fmt: skip
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if process.poll() is not None:
                raise AssertionError(
                    f"the hub exited ({process.returncode}); its log:\n{log.read_text()[-3000:]}"
                )
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{hub.url}/hub/api", timeout=5).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"the hub did not answer in {startup_timeout:.0f} s:\n{log.read_text()[-3000:]}"
                )
            time.sleep(0.5)
        yield hub
    finally:
        survivors = _stop(hub)
        if survivors:
            raise AssertionError(
                f"processes the hub spawned were still running after it stopped: {survivors}"
            )


class Student:
    """One person at the hub: a browser session (cookies) and, once started, their server."""

    def __init__(self, hub: Hub, name: str) -> None:
        self.hub = hub
        self.name = name
        self.browser = requests.Session()
        self.token = ""

    def log_in(self, password: str) -> requests.Response:
        """Fill in and send the login form, as a browser does (with the form's XSRF token)."""
        form = self.browser.get(f"{self.hub.url}/hub/login", timeout=60)
        xsrf = re.search(r'name="_xsrf"\s+value="([^"]+)"', form.text)
        data = {"username": self.name, "password": password, **({"_xsrf": xsrf.group(1)} if xsrf else {})}
        return self.browser.post(f"{self.hub.url}/hub/login", data=data, allow_redirects=False, timeout=60)

    def logged_in(self) -> bool:
        """Whether the hub now knows this browser as this user."""
        reply = self.browser.get(f"{self.hub.url}/hub/home", allow_redirects=False, timeout=60)
        return reply.status_code == 200

    def start_server(self, timeout: float = 300) -> float:
        """Start this user's server and wait until it is ready; the seconds it took."""
        start = time.monotonic()
        reply = self.hub.api("POST", f"/users/{self.name}/server")
        if reply.status_code not in (201, 202):
            raise AssertionError(
                f"{self.name}: the hub refused to start a server: {reply.status_code} {reply.text}"
            )
        while time.monotonic() - start < timeout:
            user = self.hub.api("GET", f"/users/{self.name}").json()
            if user.get("servers", {}).get("", {}).get("ready"):
                self.hub.remember_processes()
                self.token = self.hub.api("POST", f"/users/{self.name}/tokens", json={"note": "test"}).json()[
                    "token"
                ]
                return time.monotonic() - start
            time.sleep(0.5)
        raise AssertionError(
            f"{self.name}: server not ready in {timeout:.0f} s; hub log:\n{self.hub.log.read_text()[-3000:]}"
        )

    @property
    def server(self) -> str:
        return f"{self.hub.url}/user/{self.name}"

    def call(self, method: str, path: str, **kwargs) -> requests.Response:
        """The user's own server's REST API, with the user's token."""
        headers = {"Authorization": f"token {self.token}"}
        return requests.request(method, f"{self.server}{path}", headers=headers, timeout=120, **kwargs)

    def pull_kit(self, link: str, timeout: float = 180) -> str:
        """Open the nbgitpuller link in the browser session, then run the pull its page starts."""
        page = self.browser.get(link, timeout=120)
        if page.status_code != 200 or "/git-pull" not in page.url:
            raise AssertionError(f"{self.name}: the class link led to {page.url} ({page.status_code})")
        query = urlsplit(page.url).query
        events = []
        with self.browser.get(f"{self.server}/git-pull/api?{query}", stream=True, timeout=timeout) as stream:
            for line in stream.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    event = json.loads(line[5:])
                    events.append(event)
                    if event.get("phase") in ("finished", "error"):
                        break
        if not events or events[-1].get("phase") != "finished":
            raise AssertionError(f"{self.name}: nbgitpuller did not finish: {events[-3:]}")
        return page.url

    def kernel(self, path: str = "") -> Kernel:
        """A new kernel in this user's server, started in ``path`` (a folder of their home)."""
        reply = self.call("POST", "/api/kernels", json={"name": "python3", "path": path})
        reply.raise_for_status()
        self.hub.remember_processes()
        return Kernel(self, reply.json()["id"])

    def notebook(self, path: str) -> dict:
        """A notebook from this user's home, through the contents API."""
        reply = self.call("GET", f"/api/contents/{path}", params={"content": 1})
        reply.raise_for_status()
        return reply.json()["content"]

    def server_memory(self) -> tuple[int, int]:
        """RSS and PSS in bytes of this user's server and its kernels (the process tree)."""
        for process in psutil.process_iter(["pid", "environ"]):
            with contextlib.suppress(psutil.Error):
                environ = process.info["environ"] or {}
                if environ.get("JUPYTERHUB_USER") == self.name and "jupyterhub-singleuser" in " ".join(
                    process.cmdline()
                ):
                    tree = [process, *process.children(recursive=True)]
                    infos = [p.memory_full_info() for p in tree]
                    return sum(i.rss for i in infos), sum(i.pss for i in infos)
        raise AssertionError(f"{self.name}: no server process found")


class Kernel:
    """One kernel, spoken to over the websocket channel JupyterLab uses."""

    def __init__(self, student: Student, kernel_id: str) -> None:
        self.student = student
        self.id = kernel_id
        url = student.server.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
        self.socket = websocket.create_connection(
            url, header=[f"Authorization: token {student.token}"], timeout=300
        )
        self.session = uuid.uuid4().hex

    def run(self, code: str, timeout: float = 300) -> tuple[str, list[str]]:
        """Execute ``code``; its printed output and any error (``ename: evalue``), as in a cell."""
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "username": self.student.name, "session": self.session,
                  "msg_type": "execute_request", "version": "5.3", "date": ""}  # fmt: skip
        content = {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                   "allow_stdin": False, "stop_on_error": True}  # fmt: skip
        self.socket.send(json.dumps({"header": header, "parent_header": {}, "metadata": {},
                                     "content": content, "channel": "shell"}))  # fmt: skip
        output, errors, idle, replied = [], [], False, False
        deadline = time.monotonic() + timeout
        while not (idle and replied):
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.student.name}: a cell did not finish in {timeout:.0f} s")
            message = json.loads(self.socket.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, body = message["msg_type"], message["content"]
            if kind == "stream":
                output.append(body["text"])
            elif kind == "error":
                errors.append(f"{body['ename']}: {body['evalue']}")
            elif kind == "status" and body["execution_state"] == "idle":
                idle = True
            elif kind == "execute_reply":
                replied = True
        return "".join(output), errors

    def run_notebook(self, notebook: dict) -> list[str]:
        """Run every code cell in order, as Run All does; the errors, each naming its cell."""
        errors = []
        for number, cell in enumerate(notebook["cells"]):
            if cell["cell_type"] != "code":
                continue
            source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            _, cell_errors = self.run(source)
            errors += [f"cell {number}: {e}" for e in cell_errors]
        return errors

    def close(self) -> None:
        """Close the channel and shut the kernel down."""
        with contextlib.suppress(Exception):
            self.socket.close()
        with contextlib.suppress(Exception):
            self.student.call("DELETE", f"/api/kernels/{self.id}")


def hand_in_code(quiz_id: str, question_index: int, answer: object, name: str) -> str:
    """Kernel code that answers one question of a quiz and presses "Export my answers"."""
    return (
        "from casebook.quiz import show_quiz\n"
        f"view = show_quiz({quiz_id!r})\n"
        f"view.name.value = {name!r}\n"
        f"view.panels[{question_index}].handle('check', {answer!r})\n"
        "view.export_button.click()\n"
        "print(view.panels[%d].state.status)\n"
        "print(view.export_status.value)\n" % question_index
    )
