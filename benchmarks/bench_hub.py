"""What a class costs a real hub: ten students on the local hub (hub/jupyterhub_config.py), against a floor.

The floor is one user whose server runs a bare notebook (one cell, ``1 + 1``). Then ten students do
what ``make test-hub`` has three do, all at once, as a class does: log in through the form, start a
server, pull the kit through the nbgitpuller link, run lesson 01 in their kernel and hand in one
answer. Reported per user: the memory of their server plus kernel (RSS, and PSS, which shares the
pages common to all servers fairly), the spawn time and the lesson time, as medians and maxima and as
ratios to the floor measured in this same run; then the hub's and the proxy's own memory. These are
the figures behind the memory guarantee in hub/z2jh-values.yaml and instructors/hub.md.

Run by ``make bench`` (benchmarks/run.py); about ten minutes on two cores.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the harness lives in tests/hub

import psutil  # noqa: E402

from tests.hub.live_hub import Hub, Student, hand_in_code, running_hub  # noqa: E402

STUDENTS = 10
LESSON = "casebook/notebooks/01_the_briefing.ipynb"
MB = 1024 * 1024


def floor_user(hub: Hub) -> dict[str, float]:
    """A user whose server runs a bare notebook: the least a hub user costs."""
    user = Student(hub, "floor")
    assert user.log_in(hub.class_password).status_code == 302
    spawn = user.start_server()
    kernel = user.kernel()
    try:
        start = time.monotonic()
        _, errors = kernel.run("1 + 1")
        lesson = time.monotonic() - start
        assert errors == [], errors
        rss, pss = user.server_memory()
    finally:
        kernel.close()
    return {"spawn": spawn, "lesson": lesson, "rss": rss, "pss": pss}


def student(hub: Hub, name: str) -> dict[str, float]:
    """One student's lesson: login, spawn, pull, lesson 01, hand in; with the memory it used."""
    user = Student(hub, name)
    assert user.log_in(hub.class_password).status_code == 302
    spawn = user.start_server()
    user.pull_kit(hub.link())
    kernel = user.kernel("casebook/notebooks")
    try:
        start = time.monotonic()
        errors = kernel.run_notebook(user.notebook(LESSON))
        lesson = time.monotonic() - start
        _, hand_in_errors = kernel.run(hand_in_code("01_the_briefing", 0, 0, name))
        assert errors + hand_in_errors == [], errors + hand_in_errors
        rss, pss = user.server_memory()
    finally:
        kernel.close()
    return {"spawn": spawn, "lesson": lesson, "rss": rss, "pss": pss}


def hub_and_proxy_rss(hub: Hub) -> tuple[float, float]:
    """The hub's own RSS and the proxy's, in bytes."""
    main = psutil.Process(hub.process.pid)
    proxy = [p for p in main.children(recursive=True) if "configurable-http-proxy" in " ".join(p.cmdline())]
    return main.memory_info().rss, sum(p.memory_info().rss for p in proxy)


def report(floor: dict[str, float], runs: list[dict[str, float]], hub_rss: float, proxy_rss: float) -> None:
    """Print medians, maxima and ratios to the floor."""
    print(f"{'per user':<34}{'floor':>10}{'median':>10}{'max':>10}{'median/floor':>14}")
    for key, unit, scale in (("rss", "MB", MB), ("pss", "MB", MB), ("spawn", "s", 1), ("lesson", "s", 1)):
        values = [run[key] / scale for run in runs]
        base = floor[key] / scale
        label = {"rss": "server + kernel RSS", "pss": "server + kernel PSS", "spawn": "spawn time",
                 "lesson": "lesson 01 run (floor: 1 + 1)"}[key]  # fmt: skip
        print(f"{label + f' ({unit})':<34}{base:>10.1f}{statistics.median(values):>10.1f}{max(values):>10.1f}"
              f"{statistics.median(values) / base:>13.1f}x")  # fmt: skip
    print(f"hub process RSS: {hub_rss / MB:.0f} MB; proxy RSS: {proxy_rss / MB:.0f} MB")
    per_user = statistics.median(run["pss"] for run in runs) / MB
    print(f"one machine, 30 students: about {30 * per_user / 1024:.1f} GB (PSS) plus the hub and proxy")


def main() -> int:
    """Run the floor, then the class; print the report."""
    with tempfile.TemporaryDirectory(prefix="casebook-bench-hub-") as state, running_hub(Path(state)) as hub:
        floor = floor_user(hub)
        names = [f"student{number:02d}" for number in range(1, STUDENTS + 1)]
        with ThreadPoolExecutor(STUDENTS) as pool:
            runs = list(pool.map(lambda name: student(hub, name), names))
        handed_in = len(list(hub.handin.glob("casebook-answers-*.json")))
        hub_rss, proxy_rss = hub_and_proxy_rss(hub)
    print(f"{STUDENTS} students on one hub, 0 errors, {handed_in} hand-ins")
    report(floor, runs, hub_rss, proxy_rss)
    return 0 if handed_in == STUDENTS else 1


if __name__ == "__main__":
    sys.exit(main())
