"""The numeric answers of the lesson 02 and 03 quizzes agree with the kit's datasets.

If a dataset is corrected, these tests say which quiz answer must follow.
"""

from __future__ import annotations

import yaml

from casebook import data, invocations
from tests.conftest import ROOT


def _question(quiz_id: str, question_id: str) -> dict:
    """A question of the lesson's exit ticket ``quiz_id`` or of its practice quiz."""
    questions = []
    for name in (quiz_id, f"{quiz_id}_practice"):
        path = ROOT / "data" / "quizzes" / f"{name}.yaml"
        questions += yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    return next(q for q in questions if q["id"] == question_id)


def test_count_to_the_briefing_matches_the_counting_rules_on_the_dataset() -> None:
    question = _question("03_moscow_mechanism", "count_to_the_briefing")
    briefing_day = data.briefing_metadata().date.isoformat()
    assert briefing_day in question["prompt"]
    assert question["answer"] == invocations.count(data.load("invocations"), until=briefing_day)


def test_the_number_of_states_invoking_in_2023_matches_the_dataset() -> None:
    belarus_2023 = [r for r in data.load("invocations") if r.target == "Belarus" and r.year == 2023]
    assert len(belarus_2023) == 1
    assert _question("03_moscow_mechanism", "invoking_2023")["answer"] == belarus_2023[0].invoking_states


def test_the_belarus_events_are_listed_in_the_order_of_the_dataset_dates() -> None:
    records = [r for r in data.load("invocations") if r.target == "Belarus"]
    items = _question("03_moscow_mechanism", "belarus_in_order")["items"]
    states = [f"by {r.invoking_states} states" for r in sorted(records, key=lambda r: r.invoked)]
    positions = [next(i for i, item in enumerate(items) if s in item) for s in states]
    assert positions == sorted(positions)


def test_the_helsinki_signatories_match_the_timeline() -> None:
    helsinki = next(e for e in data.load("timeline") if "Helsinki Final Act" in e.event and e.track == "osce")
    answer = _question("02_osce_human_dimension", "signatories")["answer"]
    assert helsinki.event.startswith(f"{answer} states sign the Helsinki Final Act")
