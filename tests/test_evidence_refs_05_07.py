"""Lessons 05-07: each evidence question's right answer still points at the words its feedback quotes.

Quiz validation checks that a (turn, sentence) reference exists; if the transcript's sentence numbering
ever changes, a reference could land on the wrong sentence and still exist. Each right option's feedback
quotes the words that make it right, so the passage it points at must contain them.
"""

from __future__ import annotations

import re

import pytest
import yaml

from casebook.transcript import load_briefing
from tests.conftest import ROOT

QUIZZES = ("05_counting_prisoners", "06_documentation_to_accountability", "07_capstone")


def _right_options() -> list[tuple[str, dict]]:
    found = []
    for quiz_id in QUIZZES:
        quiz = yaml.safe_load((ROOT / "data" / "quizzes" / f"{quiz_id}.yaml").read_text(encoding="utf-8"))
        for question in quiz["questions"]:
            if question["type"] == "evidence":
                found += [(f"{quiz_id}:{question['id']}", o) for o in question["options"] if o.get("correct")]
    return found


@pytest.mark.parametrize(("where", "option"), _right_options(), ids=[w for w, _ in _right_options()])
def test_right_evidence_points_at_the_words_its_feedback_quotes(where: str, option: dict) -> None:
    quoted = re.findall(r'"([^"]{5,})"', option["feedback"])
    assert quoted, f"{where}: the right option's feedback quotes no words from the passage"
    passage = load_briefing().passage(option["ref"]["turn"], option["ref"].get("sentence"))
    for words in quoted:
        assert words.rstrip(".") in passage, f"{where}: {option['ref']} does not contain {words!r}"
