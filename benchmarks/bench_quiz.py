"""Quiz speed, each figure against a floor measured in the same run (not a test; see README.md).

- click to feedback, in a real kernel: from a press of Check to the feedback being set, against a
  bare Button whose handler sets an HTML value (budget: 5 ms);
- building a ten-question quiz, in a real kernel, against building ten bare question-like boxes
  (budget: 50 ms);
- ``import casebook.quiz`` against a bare interpreter start, and that it loads no matplotlib.

Budgets are reported, not asserted: a busy machine is slower. The run fails only if importing the
quiz package loads matplotlib.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from jupyter_client.manager import start_new_kernel

KERNEL_SIDE = Path(__file__).with_name("quiz_in_kernel.py")


def run_in_kernel(code: str, env: dict[str, str]) -> dict[str, float]:
    """Run code in a fresh python3 kernel and return the JSON it prints."""
    manager, client = start_new_kernel(kernel_name="python3", env=env)
    lines: list[str] = []
    try:
        reply = client.execute_interactive(code, timeout=300, output_hook=lambda msg: _collect(msg, lines))
        if reply["content"]["status"] != "ok":
            raise RuntimeError("the benchmark code failed in the kernel: " + "".join(lines))
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    return json.loads("".join(lines).strip().splitlines()[-1])


def _collect(msg: dict, lines: list[str]) -> None:
    if msg["msg_type"] == "stream":
        lines.append(msg["content"]["text"])
    elif msg["msg_type"] == "error":
        lines.append("\n".join(msg["content"]["traceback"]))


def time_python(code: str, runs: int = 7) -> float:
    """Median wall time, in ms, of a fresh interpreter running ``code``."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def line(name: str, value: float, floor: float, budget: float | None = None) -> str:
    verdict = (
        ""
        if budget is None
        else (f"  within {budget:g} ms budget" if value <= budget else f"  OVER {budget:g} ms budget")
    )
    return f"{name:<34} {value:9.3f} ms   floor {floor:8.3f} ms   ratio {value / floor:7.1f}x{verdict}"


def main() -> int:
    """Measure, print the report, return the exit code."""
    with tempfile.TemporaryDirectory() as progress:
        env = {**os.environ, "CASEBOOK_PROGRESS_DIR": progress}
        k = run_in_kernel(f"import runpy; runpy.run_path({str(KERNEL_SIDE)!r})", env)
    print(line("click to feedback (in kernel)", k["click_to_feedback_ms"], k["floor_click_ms"], 5))
    print(line("click incl. saving progress", k["click_with_save_ms"], k["floor_click_ms"]))
    print(line("build a 10-question quiz", k["build_ms"], k["floor_build_ms"], 50))

    loads = subprocess.run(
        [sys.executable, "-c", "import sys, casebook.quiz; print('matplotlib' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    floor = time_python("pass")
    print(line("python -c 'import casebook.quiz'", time_python("import casebook.quiz"), floor))
    print(f"{'import casebook.quiz loads matplotlib':<34} {'yes: FAIL' if loads == 'True' else 'no'}")
    return 1 if loads == "True" else 0


if __name__ == "__main__":
    sys.exit(main())
