"""Run every benchmark in this folder (``benchmarks/bench_*.py``), each in its own process.

``make bench`` calls this. Each benchmark prints its own report (ratios against a floor measured in
the same run); this runner prints a one-line verdict per benchmark and exits 1 if any failed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path


def main() -> int:
    """Run the benchmarks; return the exit code."""
    here = Path(__file__).resolve().parent
    benches = sorted(here.glob("bench_*.py"))
    if not benches:
        print("No benchmarks found (benchmarks/bench_*.py).")
        return 0
    failed = []
    for bench in benches:
        print(f"=== {bench.name}", flush=True)
        start = time.perf_counter()
        code = subprocess.run([sys.executable, str(bench)], cwd=here.parent, check=False).returncode
        verdict = "ok" if code == 0 else f"FAILED (exit {code})"
        print(f"=== {bench.name}: {verdict} in {time.perf_counter() - start:.1f} s\n")
        if code:
            failed.append(bench.name)
    if failed:
        print(f"{len(failed)} of {len(benches)} benchmarks failed: {', '.join(failed)}")
        return 1
    print(f"All {len(benches)} benchmarks ran.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
