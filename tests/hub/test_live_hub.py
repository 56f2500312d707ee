"""A class on a real JupyterHub (make test-hub): three students, the class link, lesson 01, hand-in, merge.

One hub (hub/jupyterhub_config.py as `make hub` runs it) on a free loopback port serves the module;
it and every server it spawned are stopped at the end, even when a test fails (``running_hub``).
About three minutes on two cores, most of it spawning servers and running lesson 01 three times.
"""

from __future__ import annotations

import contextlib
import csv
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import pytest

from casebook.maintain.lab import CONNECTION_CLASS
from tests.hub.live_hub import Hub, Student, hand_in_code, running_hub
from tests.test_server_config import loaded_connection_class

pytestmark = pytest.mark.hub
STUDENTS = ("ada", "bo", "chen")
LESSON = "casebook/notebooks/01_the_briefing.ipynb"


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    with running_hub(tmp_path_factory.mktemp("hub")) as running:
        yield running


@pytest.fixture(scope="module")
def class_session(hub: Hub) -> dict[str, dict]:
    """Each student logs in, starts a server, pulls the kit, runs lesson 01, answers and hands in."""

    def one_student(name: str) -> dict:
        student = Student(hub, name)
        login = student.log_in(hub.class_password)
        assert login.status_code == 302 and student.logged_in(), f"{name}: login failed ({login.status_code})"
        spawn_seconds = student.start_server()
        landed = student.pull_kit(hub.link())
        kernel = student.kernel("casebook/notebooks")
        try:
            errors = kernel.run_notebook(student.notebook(LESSON))
            printed, hand_in_errors = kernel.run(hand_in_code("01_the_briefing", 0, 0, name.title()))
        finally:
            kernel.close()
        return {
            "spawn": spawn_seconds,
            "landed": landed,
            "errors": errors + hand_in_errors,
            "printed": printed,
        }

    with ThreadPoolExecutor(len(STUDENTS)) as pool:
        return dict(zip(STUDENTS, pool.map(one_student, STUDENTS), strict=True))


def test_hub_and_proxy_listen_on_loopback_only(hub: Hub) -> None:
    tree = [psutil.Process(hub.process.pid), *psutil.Process(hub.process.pid).children(recursive=True)]
    addresses = {c.laddr.ip for p in tree for c in p.net_connections("tcp") if c.status == psutil.CONN_LISTEN}
    assert addresses and addresses <= {"127.0.0.1"}, addresses


def test_a_wrong_password_is_refused(hub: Hub) -> None:
    student = Student(hub, "mallory")
    reply = student.log_in("not-the-class-password")
    assert reply.status_code == 403 and not student.logged_in()
    teacher = Student(hub, "teacher")
    assert teacher.log_in(hub.class_password).status_code == 403  # the class password is not the teacher's
    assert not teacher.logged_in()


def test_three_students_get_the_kit_through_the_class_link_and_run_lesson_01(
    hub: Hub, class_session: dict[str, dict]
) -> None:
    for name, outcome in class_session.items():
        assert "/git-pull" in outcome["landed"] and f"/user/{name}/" in outcome["landed"]
        assert (hub.state / "homes" / name / LESSON).is_file()
        assert outcome["errors"] == [], f"{name}: {outcome['errors']}"


def test_each_student_answered_and_handed_in_without_a_file(hub: Hub, class_session: dict[str, dict]) -> None:
    for outcome in class_session.values():
        status, message = outcome["printed"].splitlines()[:2]
        assert status == "correct" and "Handed in to your teacher" in message, outcome["printed"]
    names = sorted(p.name for p in hub.handin.iterdir())
    assert len(names) == 3 and all(f"--{n}-" in " ".join(names) for n in STUDENTS), names


def test_every_server_and_kernel_the_hub_spawned_listens_on_loopback_only(
    hub: Hub, class_session: dict[str, dict]
) -> None:
    listening = set()
    for pid in hub.seen:
        with contextlib.suppress(psutil.NoSuchProcess):
            listening |= {(pid, c.laddr.ip) for c in psutil.Process(pid).net_connections("tcp")
                          if c.status == psutil.CONN_LISTEN}  # fmt: skip
    assert listening and {ip for _, ip in listening} <= {"127.0.0.1"}, listening


def test_every_students_server_loads_the_no_delay_websocket(hub: Hub, class_session: dict[str, dict]) -> None:
    servers = []
    for pid in hub.seen:
        with contextlib.suppress(psutil.NoSuchProcess):
            process = psutil.Process(pid)
            if any("jupyterhub-singleuser" in part for part in process.cmdline()):
                servers.append(process.environ())
    assert len(servers) == len(STUDENTS), servers
    # jupyter_server's own config loading, with the very environment the hub gave each server
    assert {loaded_connection_class(env) for env in servers} == {CONNECTION_CLASS}


def test_the_teachers_merge_sees_three_students(
    hub: Hub, class_session: dict[str, dict], tmp_path: Path
) -> None:
    merged = subprocess.run(
        [sys.executable, "-m", "casebook", "results", "merge", str(hub.handin), "--out", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert "Merged 3 exports" in merged.stdout
    with (tmp_path / "gradebook-canvas.csv").open(encoding="utf-8", newline="") as handle:
        logins = sorted(row["SIS Login ID"] for row in csv.DictReader(handle))
    assert logins == ["", *STUDENTS]  # the Points Possible row, then the hub's user names


def test_teacher_is_the_hubs_admin(hub: Hub) -> None:
    teacher = Student(hub, "teacher")
    assert teacher.log_in(hub.teacher_password).status_code == 302 and teacher.logged_in()
    assert hub.api("GET", "/users/teacher").json()["admin"] is True
    assert hub.api("GET", "/users/ada").json()["admin"] is False


def test_an_unset_password_is_drawn_at_random_and_printed_never_a_default(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hub"))
    try:
        from casebook_hub import password_from
    finally:
        sys.path.pop(0)
    monkeypatch.delenv("CASEBOOK_HUB_PASSWORD", raising=False)
    first, second = (
        password_from("CASEBOOK_HUB_PASSWORD", "class"),
        password_from("CASEBOOK_HUB_PASSWORD", "class"),
    )
    assert first != second and len(first) >= 12
    printed = capsys.readouterr().out
    assert first in printed and second in printed and "CASEBOOK_HUB_PASSWORD is not set" in printed
    monkeypatch.setenv("CASEBOOK_HUB_PASSWORD", "chosen by the teacher")
    assert password_from("CASEBOOK_HUB_PASSWORD", "class") == "chosen by the teacher"
