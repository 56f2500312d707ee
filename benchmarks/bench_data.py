"""Benchmark: what loading the datasets costs a lesson, against a floor measured in the same run.

Floor: reading every table's CSV with the bare standard library (csv.reader, no conversion).
Measured: ``casebook.data.load`` for every table, cold (caches cleared) and warm (cached). Reports
ratios to the floor, never absolute limits. Run it with ``python benchmarks/bench_data.py``.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable
from pathlib import Path

from casebook import data


def _best_of(repeat: int, action: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by other processes)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def _floor(paths: list[Path]) -> None:
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            list(csv.reader(handle))


def _cold() -> None:
    data._cache.clear()
    for name in data.resource_names():
        data.load(name)


def _warm() -> None:
    for name in data.resource_names():
        data.load(name)


def main(repeat: int = 20) -> list[tuple[str, float]]:
    """Print and return (what, ratio to the floor) for cold and warm loading of every table."""
    folder = data.data_dir()
    paths = [folder / data.describe(name)["path"] for name in data.resource_names()]
    floor = _best_of(repeat, lambda: _floor(paths))
    results = [("load every table, cold", _best_of(repeat, _cold) / floor)]
    _warm()
    results.append(("load every table, cached", _best_of(repeat, _warm) / floor))
    print(f"floor: csv.reader over {len(paths)} tables, {floor * 1000:.2f} ms")
    for what, ratio in results:
        print(f"{what}: {ratio:.1f}x the floor")
    return results


if __name__ == "__main__":
    main()
