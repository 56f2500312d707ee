"""How parsing time grows with the size of a transcript: it should grow linearly.

The kit's briefing is scaled up by repeating its turns (banner and footer once, so every copy is parsed
as turns) 1, 10 and 100 times, and to about 50 MB. For each size it reports seconds per MB for
``parse()`` and, up to 100x, for every analysis (sentences, numbers, dates, quotes, hedges, exchanges,
quirks, stats); then the ratio of each size's time per MB to the 1x time per MB (about 1 means linear)
and the ratio to a floor measured on the same text in the same run (one regex pass over every word).
Nothing here passes or fails on time; read the ratios.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from casebook.transcript import Transcript, load_briefing, parse  # noqa: E402

TARGET_MB = 50
_WORD = re.compile(r"\S+")


def scaled(copies: int) -> str:
    """The briefing with its turns repeated ``copies`` times, boilerplate once."""
    seed = load_briefing()
    body_start = seed.turns[0].label_start
    body_end = seed.turns[-1].end
    source = seed.source
    return source[:body_start] + (source[body_start:body_end] + "\n\n") * copies + source[body_end:]


def best_of(repeats: int, work: Callable[[], object]) -> float:
    """The fastest of ``repeats`` runs of ``work``, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def analyse(text: str) -> Transcript:
    """Parse and run every analysis once (each is cached on the fresh Transcript)."""
    t = parse(text)
    t.sentences(), t.numbers(), t.dates(), t.quotes(), t.hedges(), t.exchanges(), t.quirks(), t.stats()
    return t


def main() -> int:
    """Print the table of times and ratios."""
    one_copy_mb = len(scaled(1).encode("utf-8")) / 2**20
    sizes = [
        ("1x", 1),
        ("10x", 10),
        ("100x", 100),
        (f"~{TARGET_MB} MB", max(1, round(TARGET_MB / one_copy_mb))),
    ]
    print(
        f"{'size':>8} {'MB':>6} {'turns':>6} {'floor s/MB':>10} {'parse s/MB':>10} {'parse/floor':>11} "
        f"{'growth':>6} {'all s/MB':>8} {'all/floor':>9} {'growth':>6}"
    )
    base: dict[str, float] = {}
    for name, copies in sizes:
        text = scaled(copies)
        mb = len(text.encode("utf-8")) / 2**20
        repeats = 5 if copies <= 10 else (3 if copies <= 100 else 1)
        floor = best_of(repeats, lambda text=text: _WORD.findall(text)) / mb
        parse_ratio = best_of(repeats, lambda text=text: parse(text)) / mb / floor
        base.setdefault("parse", parse_ratio)
        turns = len(parse(text).turns)
        row = (
            f"{name:>8} {mb:>6.1f} {turns:>6} {floor:>10.4f} {parse_ratio * floor:>10.3f} "
            f"{parse_ratio:>11.1f} {parse_ratio / base['parse']:>6.2f}"
        )
        if copies <= 100:  # every analysis on 50 MB would take minutes: 1x to 100x show the trend
            all_ratio = best_of(repeats, lambda text=text: analyse(text)) / mb / floor
            base.setdefault("all", all_ratio)
            row += f" {all_ratio * floor:>8.3f} {all_ratio:>9.1f} {all_ratio / base['all']:>6.2f}"
        print(row, flush=True)
    print(
        "floor: one regex pass over every word of the same text, timed in the same run.\n"
        "parse/floor, all/floor: time per MB over the floor's time per MB. growth: that ratio over its 1x\n"
        "value; near 1 at every size means time grows linearly with size (dividing by the floor cancels the\n"
        "machine's speed, its load and its caches). 'all' is parse plus every analysis."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
