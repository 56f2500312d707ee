"""What a lesson costs a student's kernel, against a floor measured in the same run.

The floor is a notebook that only imports ipywidgets and matplotlib, draws one figure and shows one
widget. Each lesson runs top to bottom in a fresh kernel; we record the kernel's peak resident memory
(VmHWM, from /proc), the run-all time and the kernel's CPU time, and report each as a ratio to the
floor. Targets (issue #5): memory within 1.10x, time within 1.5x.

A busy machine makes single timings drift by a quarter or more, so the floor is not measured once for
all: each round runs the floor and then the lesson, back to back, and the ratio is taken within the
round. The medians of those ratios over the rounds are reported.

Lessons show the stored image of each figure (``casebook.plots.figure_cache``) rather than draw it in
every student's kernel. So that this saving hides nothing, each round also runs the lesson with
``CASEBOOK_FIGURE_CACHE=off``, every figure drawn, and the table reports that time ratio too.
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

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = int(os.environ.get("CASEBOOK_BENCH_ROUNDS", "3"))
MEMORY_TARGET, TIME_TARGET = 1.10, 1.5

FLOOR_CELLS = [
    "import ipywidgets as widgets\nimport matplotlib.pyplot as plt",
    "fig, ax = plt.subplots()\nax.plot([1, 2, 3], [2, 1, 3])\nax.set_title('floor')\nplt.show()",
    "widgets.Button(description='floor')",
]


def floor_notebook() -> nbformat.NotebookNode:
    """The floor: ipywidgets and matplotlib imported, one figure drawn, one widget shown."""
    nb = new_notebook(cells=[new_code_cell(src) for src in FLOOR_CELLS])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory of a process, in MB (Linux /proc VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("VmHWM not found")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far, in seconds."""
    import psutil

    times = psutil.Process(pid).cpu_times()
    return times.user + times.system


def run_once(nb: nbformat.NotebookNode, cwd: Path, drawn: bool = False) -> tuple[float, float, float]:
    """Run a notebook in a fresh kernel; return (seconds, peak MB, CPU seconds of the kernel).

    With ``drawn``, the kernel draws every figure instead of showing its stored image.
    """
    km = KernelManager(kernel_name="python3")
    env = {**os.environ, "CASEBOOK_FIGURE_CACHE": "off"} if drawn else dict(os.environ)
    km.start_kernel(cwd=str(cwd), stderr=subprocess.DEVNULL, env=env)
    try:
        client = NotebookClient(nb, km=km, timeout=600, resources={"metadata": {"path": str(cwd)}})
        start = time.perf_counter()
        client.execute()
        elapsed = time.perf_counter() - start
        pid = km.provisioner.process.pid
        return elapsed, peak_rss_mb(pid), cpu_seconds(pid)
    finally:
        km.shutdown_kernel(now=True)


def paired(nb: nbformat.NotebookNode, cwd: Path) -> dict[str, float]:
    """ROUNDS rounds of (floor, lesson) back to back; medians of the lesson's values and of the ratios."""
    floor, lesson, drawn = [], [], []
    for _ in range(ROUNDS):
        floor.append(run_once(floor_notebook(), ROOT))
        lesson.append(run_once(nb, cwd))
        drawn.append(run_once(nb, cwd, drawn=True))

    def ratios(runs: list[tuple[float, ...]]) -> list[tuple[float, ...]]:
        pairs = zip(runs, floor, strict=True)
        return [tuple(x / f for x, f in zip(run, base, strict=True)) for run, base in pairs]

    ratio, drawn_ratio = ratios(lesson), ratios(drawn)

    def median(values: list[tuple[float, ...]], i: int) -> float:
        return statistics.median(v[i] for v in values)

    return {
        "seconds": median(lesson, 0),
        "peak_mb": median(lesson, 1),
        "cpu_seconds": median(lesson, 2),
        "floor_seconds": median(floor, 0),
        "floor_peak_mb": median(floor, 1),
        "time_ratio": median(ratio, 0),
        "memory_ratio": median(ratio, 1),
        "cpu_ratio": median(ratio, 2),
        "drawn_seconds": median(drawn, 0),
        "drawn_time_ratio": median(drawn_ratio, 0),
        "drawn_memory_ratio": median(drawn_ratio, 1),
    }


def main() -> int:
    """Measure the floor and every lesson; print a table of ratios and save it as JSON."""
    if not Path("/proc/self/status").exists():
        print("This benchmark reads peak memory from /proc and needs Linux.")
        return 1
    with tempfile.TemporaryDirectory() as progress:
        os.environ["CASEBOOK_PROGRESS_DIR"] = progress  # never touch a learner's saved answers
        os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        run_once(floor_notebook(), ROOT)  # warm caches (font cache, bytecode) before measuring
        print(f"each lesson against a floor run just before it; medians of {ROUNDS} rounds")
        header = (
            f"{'lesson':42} {'time s':>7} {'x floor':>8} {'cpu x':>6} {'peak MB':>8} {'x floor':>8}"
            f" {'drawn x':>8}"
        )
        print(header + "  targets")
        rows = []
        for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
            result = paired(nbformat.read(path, as_version=4), path.parent)
            t_ratio, m_ratio = result["time_ratio"], result["memory_ratio"]
            ok = "ok" if t_ratio <= TIME_TARGET and m_ratio <= MEMORY_TARGET else "OVER"
            print(
                f"{path.name:42} {result['seconds']:7.2f} {t_ratio:8.2f} {result['cpu_ratio']:6.2f} "
                f"{result['peak_mb']:8.0f} {m_ratio:8.3f} {result['drawn_time_ratio']:8.2f}  {ok}"
            )
            rows.append({"lesson": path.name, **result})
    out = ROOT / "build" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    report = {"lessons": rows, "rounds": ROUNDS}
    (out / "lessons.json").write_text(json.dumps(report, indent=2))
    print(f"targets: memory <= {MEMORY_TARGET}x, time <= {TIME_TARGET}x the floor")
    print("drawn x: the time ratio when every figure is drawn in the kernel (CASEBOOK_FIGURE_CACHE=off)")
    print(f"report: {out / 'lessons.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
