"""How parsing time grows with the size of a transcript: it should grow linearly.

Two layouts, each scaled up from the kit's briefing: "turns" repeats its turns (banner and footer once,
so every copy is parsed as turns) 1, 10 and 100 times and to about 50 MB; "one turn" puts all its words
under a single label, 1, 10 and 100 times (a transcript whose labels were lost: every finder then works
on one long text). For each size it reports seconds per MB for ``parse()`` and, up to 100x, for parse
plus every analysis (sentences, numbers, dates, quotes, hedges, exchanges, quirks, stats), each as a
ratio to a floor timed on the same text in the same run (one regex pass over every word), and that
ratio's growth over its 1x value (about 1 at every size means linear). Nothing here passes or fails on
time; read the ratios.

A second table (issue 20, class 9) runs odd input of the same size (about 1 MB) against typical input,
the briefing's turns repeated: every line "A:" (a turn per 3 bytes), runs of spaces before colons, text
made of the word "quote" (for ``quotes()``), labels in the middle of lines ("x. AB: y. AB:", a label after
each sentence's end), and ``casebook transcript --json`` on the "A:" lines. For each: MB per
second and its slowdown against the typical input (target: under 10x), as the median and range over
rounds that each time every case once (CASEBOOK_BENCH_ROUNDS, default 9), and the peak memory the
work allocates (tracemalloc) per byte of input, against the typical input's. This table times CPU
seconds of this process, not wall time, so that other jobs on a shared machine weigh less.
``python benchmarks/bench_transcript.py odd`` runs this table alone.
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from casebook.transcript import Transcript, load_briefing, parse  # noqa: E402
from casebook.transcript.quotes import find_quotes  # noqa: E402
from casebook.transcript.turn_json import json_list, turn_objects  # noqa: E402

TARGET_MB = 50
_WORD = re.compile(r"\S+")


def scaled(copies: int) -> str:
    """The briefing with its turns repeated ``copies`` times, boilerplate once."""
    seed = load_briefing()
    body_start = seed.turns[0].label_start
    body_end = seed.turns[-1].end
    source = seed.source
    return source[:body_start] + (source[body_start:body_end] + "\n\n") * copies + source[body_end:]


def one_turn(copies: int) -> str:
    """Every word of the briefing's turns under one label, ``copies`` times."""
    seed = load_briefing()
    return "MODERATOR: " + ("\n\n".join(turn.text for turn in seed.turns) + "\n\n") * copies


def best_of(
    repeats: int, work: Callable[[], object], clock: Callable[[], float] = time.perf_counter
) -> float:
    """The fastest of ``repeats`` runs of ``work``, in seconds of ``clock``."""
    times = []
    for _ in range(repeats):
        start = clock()
        work()
        times.append(clock() - start)
    return min(times)


def analyse(text: str) -> Transcript:
    """Parse and run every analysis once (each is cached on the fresh Transcript)."""
    t = parse(text)
    t.sentences(), t.numbers(), t.dates(), t.quotes(), t.hedges(), t.exchanges(), t.quirks(), t.stats()
    return t


ODD_BYTES = 2**20


def _fill(unit: str, size: int = ODD_BYTES) -> str:
    return unit * max(1, size // len(unit))


def _as_json(text: str) -> int:
    return sum(len(chunk) for chunk in json_list(turn_objects(parse(text).turns)))


def peak_bytes(work: Callable[[], object]) -> int:
    """The peak memory ``work`` allocates (tracemalloc), in bytes."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


ODD_ROUNDS = int(os.environ.get("CASEBOOK_BENCH_ROUNDS", "9"))


def odd_input() -> None:
    """Odd input against typical input of the same size: slowdown and memory per input byte.

    ``ODD_ROUNDS`` rounds, each timing every case once in turn (so the machine's load at a moment
    weighs on the typical input and the odd one alike); a case's slowdown in a round is its CPU time
    per MB over the typical input's in that round. Reported: the median and the range of those.
    """
    typical = scaled(max(1, round(ODD_BYTES / len(scaled(1)))))
    cases: list[tuple[str, str, Callable[[str], object]]] = [
        ("typical parse", typical, parse),
        ('"A:" lines parse', _fill("A:\n"), parse),
        ("spaces + colons parse", _fill(" " * 40 + ":" + " :" * 20 + "\n"), parse),
        ("mid-line labels parse", _fill("x. AB: y. AB: "), parse),
        ("typical quotes()", typical, find_quotes),
        ('"quote" words quotes()', _fill("quote "), find_quotes),
        ("typical --json", typical, _as_json),
        ('"A:" lines --json', _fill("A:\n"), _as_json),
    ]
    seconds_per_mb: dict[str, list[float]] = {name: [] for name, _, _ in cases}
    for _ in range(ODD_ROUNDS):
        for name, text, work in cases:
            mb = len(text.encode("utf-8")) / 2**20
            seconds_per_mb[name].append(
                best_of(1, lambda text=text, work=work: work(text), time.process_time) / mb
            )
    print(
        f"\n{'odd input (~1 MB)':>24} {'MB/s':>8} {'slowdown':>8} {'range':>11} {'peak bytes/byte':>15} "
        f"{'x typical':>9}"
    )
    base: dict[str, str] = {}
    base_memory: dict[str, float] = {}
    for name, text, work in cases:
        what = name.split()[-1]
        typical_name = base.setdefault(what, name)
        times = seconds_per_mb[name]
        ratios = sorted(t / b for t, b in zip(times, seconds_per_mb[typical_name], strict=True))
        memory = peak_bytes(lambda text=text, work=work: work(text)) / len(text.encode("utf-8"))
        base_memory.setdefault(what, memory)
        spread = f"{ratios[0]:.1f}-{ratios[-1]:.1f}"
        print(
            f"{name:>24} {1 / statistics.median(times):>8.3f} {statistics.median(ratios):>8.1f} {spread:>11} "
            f"{memory:>15.0f} {memory / base_memory[what]:>9.1f}",
            flush=True,
        )
    print(
        f"MB/s: MB over CPU seconds, median of {ODD_ROUNDS} rounds (CASEBOOK_BENCH_ROUNDS). slowdown: this\n"
        "input's CPU time per MB over the typical input's in the same round (same work), median; range:\n"
        "the lowest and highest of those. Target: under 10.\n"
        "peak bytes/byte: memory allocated at the peak (tracemalloc) per byte of input."
    )


def main() -> int:
    """Print the table of times and ratios (``odd`` as the first argument: the odd-input table only)."""
    if sys.argv[1:] == ["odd"]:
        odd_input()
        return 0
    one_copy_mb = len(scaled(1).encode("utf-8")) / 2**20
    big = max(1, round(TARGET_MB / one_copy_mb))
    cases: list[tuple[str, str, Callable[[], str], bool]] = [
        ("turns", "1x", lambda: scaled(1), True),
        ("turns", "10x", lambda: scaled(10), True),
        ("turns", "100x", lambda: scaled(100), True),
        ("turns", f"~{TARGET_MB} MB", lambda: scaled(big), False),  # every analysis would take minutes
        ("one turn", "1x", lambda: one_turn(1), True),
        ("one turn", "10x", lambda: one_turn(10), True),
        ("one turn", "100x", lambda: one_turn(100), True),
    ]
    print(
        f"{'layout':>8} {'size':>8} {'MB':>6} {'turns':>6} {'floor s/MB':>10} {'parse s/MB':>10} "
        f"{'parse/floor':>11} {'growth':>6} {'all/floor':>9} {'growth':>6}"
    )
    base: dict[str, float] = {}
    for layout, size, make, analyses in cases:
        text = make()
        mb = len(text.encode("utf-8")) / 2**20
        repeats = 1 if mb > 10 else 3
        floor = best_of(repeats, lambda text=text: _WORD.findall(text)) / mb
        parse_ratio = best_of(repeats, lambda text=text: parse(text)) / mb / floor
        base.setdefault(f"{layout} parse", parse_ratio)
        row = (
            f"{layout:>8} {size:>8} {mb:>6.1f} {len(parse(text).turns):>6} {floor:>10.4f} "
            f"{parse_ratio * floor:>10.3f} {parse_ratio:>11.1f} {parse_ratio / base[f'{layout} parse']:>6.2f}"
        )
        if analyses:
            all_ratio = best_of(repeats, lambda text=text: analyse(text)) / mb / floor
            base.setdefault(f"{layout} all", all_ratio)
            row += f" {all_ratio:>9.1f} {all_ratio / base[f'{layout} all']:>6.2f}"
        print(row, flush=True)
    print(
        "floor: one regex pass over every word of the same text, timed in the same run.\n"
        "parse/floor, all/floor: time per MB over the floor's time per MB ('all' is parse plus every\n"
        "analysis). growth: that ratio over its 1x value in the same layout; near 1 at every size means\n"
        "time grows linearly with size (dividing by the floor cancels the machine's speed and load)."
    )
    odd_input()
    return 0


if __name__ == "__main__":
    sys.exit(main())
