"""The numbers in the lesson 05 and 06 quizzes agree with the kit's datasets and the transcript.

The quiz files are data typed by hand; if a dataset is corrected, these tests say which question must
follow (as test_lessons_02_03_data.py does for lessons 02 and 03).
"""

from __future__ import annotations

import yaml

from casebook import data
from casebook.transcript import load_briefing
from tests.conftest import ROOT


def _question(quiz_id: str, question_id: str) -> dict:
    """A question of the lesson's exit ticket ``quiz_id`` or of its practice quiz."""
    questions = []
    for name in (quiz_id, f"{quiz_id}_practice"):
        path = ROOT / "data" / "quizzes" / f"{name}.yaml"
        questions += yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    return next(q for q in questions if q["id"] == question_id)


def _viasna_series() -> list:
    """Viasna's dated counts without the conflicting end-2023 figures: the figure's line."""
    rows = [r for r in data.load("political_prisoners") if r.figure_by == "viasna" and not r.conflict_group]
    return sorted(rows, key=lambda r: r.as_of)


def _briefing_figure() -> int:
    (row,) = [r for r in data.load("political_prisoners") if r.figure_by == "briefing"]
    return row.count


def test_the_peak_is_the_highest_count_of_the_series() -> None:
    assert _question("05_counting_prisoners", "peak")["answer"] == max(r.count for r in _viasna_series())


def test_the_gap_to_the_briefing_uses_viasnas_last_count_before_the_briefing() -> None:
    question = _question("05_counting_prisoners", "gap_to_briefing")
    before = [r for r in _viasna_series() if r.as_of < data.briefing_metadata().date][-1]
    assert f"{before.count:,}" in question["prompt"] and f"{_briefing_figure():,}" in question["prompt"]
    assert question["answer"] == before.count - _briefing_figure()


def test_no_longer_held_uses_the_end_of_2024_stock_and_total() -> None:
    question = _question("05_counting_prisoners", "no_longer_held")
    end_2024 = [r for r in _viasna_series() if r.as_of.year == 2024][-1]
    total = 3697
    assert f"{total:,}" in (end_2024.note or ""), "the total recognised since 2020 is in the row's note"
    assert f"{end_2024.count:,}" in question["prompt"] and f"{total:,}" in question["prompt"]
    assert question["answer"] == total - end_2024.count


def test_the_stock_question_quotes_the_last_two_counts() -> None:
    prompt = _question("05_counting_prisoners", "stock")["prompt"]
    end_2024 = [r for r in _viasna_series() if r.as_of.year == 2024][-1]
    assert f"{end_2024.count:,}" in prompt and f"{_viasna_series()[-1].count:,}" in prompt


def test_the_counts_to_order_are_in_date_order_in_the_dataset() -> None:
    items = _question("05_counting_prisoners", "order_counts")["items"]
    first_date = {}
    for row in _viasna_series():
        first_date.setdefault(f"{row.count:,}", row.as_of)
    assert all(item in first_date for item in items), "every count to order is in Viasna's series"
    dates = [first_date[item] for item in items]
    assert dates == sorted(dates)


def test_the_three_end_2023_figures_are_the_datasets_conflicting_group() -> None:
    prompt = _question("05_counting_prisoners", "three_figures")["prompt"]
    group = [r.count for r in data.load("political_prisoners") if r.conflict_group == "end-2023"]
    assert len(group) == 3 and all(f"{count:,}" in prompt for count in group)


def test_the_topics_question_names_every_questioner_in_the_order_they_asked() -> None:
    pairs = _question("06_documentation_to_accountability", "topics")["pairs"]
    assert [p["term"] for p in pairs] == [e.questioner for e in load_briefing().exchanges()]


def test_the_number_of_submitted_questions_matches_the_transcript() -> None:
    submitted = [e for e in load_briefing().exchanges() if e.mode == "submitted"]
    assert _question("01_the_briefing", "submitted_count")["answer"] == len(submitted)
