"""Run every ``benchmarks/bench_*.py`` in turn (``make bench``); each prints its own report.

Benchmarks report ratios against a floor measured in the same run, never pass/fail on time; this runner
fails only if a benchmark itself crashes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main() -> int:
    """Run each benchmark script with this Python; the exit code is 1 if any of them failed."""
    failed = []
    for script in sorted(Path(__file__).parent.glob("bench_*.py")):
        print(f"== {script.name}", flush=True)
        if subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
            failed.append(script.name)
        print(flush=True)
    if failed:
        print(f"Failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
