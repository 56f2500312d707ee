"""Turn and sentence numbers that people read or type count from 1 (issue 14): lesson text, quiz files,
the guides and what the toolkit prints. Only Python list positions (``briefing.turns[i]``) count from 0.

This scan keeps "turn 0", "sentence 0" and "counted from 0" from coming back into what students read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from casebook.quiz.model import PassageRef
from casebook.quiz.passages import ref_problem, resolve
from casebook.transcript import load_briefing
from casebook.transcript.report import sentences_listing, turns_table

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(
    [*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("solutions/*.ipynb"), *ROOT.glob("exercises/*.ipynb")]
)
WRITTEN = sorted(
    [*ROOT.glob("data/quizzes/*.yaml"), *ROOT.glob("data/quizzes/*.md"), *ROOT.glob("instructors/*.md"),
     *ROOT.glob("docs/*.md"), ROOT / "README.md", *ROOT.glob("course/checks/*.py")]
)  # fmt: skip

# Text that counts turns or sentences from 0, as people would read it.
FROM_ZERO = re.compile(
    r"(?<!no )\b(?:turn|sentence)s?\s+0\b"  # "turn 0", "Turn 0, sentence 3" (not "there is no turn 0")
    r"|\b(?:counted|counting|counts?|numbered)\s+from\s+0\b"  # "both counted from 0"
    r"|\b(?:turn|sentence)s?\s+\(?0\s*(?:-|to)\s*\d"  # "turns 0-19", "turns (0 to 19"
    r"|\{\s*turn:\s*0\b|sentence:\s*0\b",  # a quiz reference written from 0
    re.IGNORECASE,
)
# A lesson's call that names a turn or sentence by number: turn(N), sentence(N, M), passage(N[, M]).
CALL = re.compile(r"briefing\.(turn|sentence|passage)\((\d+)(?:,\s*(\d+))?\)")


def _cells(path: Path) -> list[tuple[str, str]]:
    return [
        (c["cell_type"], "".join(c["source"])) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_lesson_counts_turns_or_sentences_from_0(path: Path) -> None:
    found = [(kind, match.group()) for kind, source in _cells(path) for match in FROM_ZERO.finditer(source)]
    assert found == [], f"{path.name}: turn and sentence numbers count from 1"


@pytest.mark.parametrize("path", WRITTEN, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_quiz_guide_or_check_counts_turns_or_sentences_from_0(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert [m.group() for m in FROM_ZERO.finditer(text)] == [], f"{path.name}: turns count from 1"


def test_the_scan_finds_text_that_counts_from_0() -> None:
    for text in ("Turn 0, sentence 3", "both counted from 0", "turns 0-19", "ref: {turn: 0}", "sentence: 0}"):
        assert FROM_ZERO.search(text), text
    for text in (
        "Turn 1, sentence 1",
        "counted from 1",
        "turns 1-20",
        "ref: {turn: 10}",
        "there is no turn 0",
    ):
        assert not FROM_ZERO.search(text), text


def test_every_turn_and_sentence_a_lesson_names_by_number_exists() -> None:
    briefing = load_briefing()
    calls = [
        (path.name, match.groups())
        for path in NOTEBOOKS
        for _, source in _cells(path)
        for match in CALL.finditer(source)
    ]
    assert len(calls) >= 5  # lessons 02-05 print passages by number
    for name, (_, turn, sentence) in calls:
        ref = PassageRef(int(turn), int(sentence) if sentence else None)
        assert ref_problem(ref, briefing) is None, f"{name}: {ref.label()} is not in the briefing"


def test_what_the_toolkit_prints_counts_from_1() -> None:
    briefing = load_briefing()
    printed = [
        turns_table(briefing),
        sentences_listing(briefing),
        *(q.message for q in briefing.quirks()),
        resolve(PassageRef(1, 1), briefing).label(),
    ]
    for text in printed:
        assert not FROM_ZERO.search(text), text
    rows = turns_table(briefing).splitlines()[2:]
    assert [int(row.split()[0]) for row in rows] == list(range(1, len(briefing.turns) + 1))
    assert sentences_listing(briefing).startswith("turn 1  MODERATOR (moderator)\n  1.1  ")
    assert not re.search(r"^  \d+\.0  ", sentences_listing(briefing), re.MULTILINE)
    assert {q.turn for q in briefing.quirks()} - {None} <= set(range(1, len(briefing.turns) + 1))
