"""The rubric scorer: pick an exchange, rate it, see the verdict; ratings survive switching exchanges."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from casebook.rubric import load_rubric
from casebook.rubric.widget import RubricScorer, assessment_html, exchange_html, items_from_exchanges


@dataclass
class FakeExchange:  # the fields the transcript toolkit's Exchange has
    questioner: str | None
    mode: str
    question: str
    answer: str


EXCHANGES = [
    FakeExchange("Ann", "live", "What can be done <now>?", "First line.\nSecond line."),
    FakeExchange(None, "submitted", "Why so late?", "It was not late."),
]


@pytest.fixture
def scorer() -> RubricScorer:
    return RubricScorer(load_rubric("answer_the_question"), items_from_exchanges(EXCHANGES))


def test_items_are_numbered_and_named() -> None:
    items = items_from_exchanges(EXCHANGES)
    assert [i.title for i in items] == [
        "Question 1: Ann (live)",
        "Question 2: unnamed questioner (submitted)",
    ]


def test_exchange_text_is_escaped_and_split_into_paragraphs() -> None:
    page = exchange_html(items_from_exchanges(EXCHANGES)[0])
    assert "&lt;now&gt;" in page and "<now>" not in page
    assert "<p>First line.</p><p>Second line.</p>" in page


def test_every_criterion_has_a_labelled_menu_starting_unrated(scorer: RubricScorer) -> None:
    rubric = scorer.rubric
    assert [m.description for m in scorer.menus.values()] == [
        f"{n}. {c.question}" for n, c in enumerate(rubric.criteria, start=1)
    ]
    assert all(m.value is None for m in scorer.menus.values())
    assert "Not rated yet" in scorer.result.value and scorer.chooser.description == "Exchange to rate"


def test_rating_every_criterion_gives_the_verdict(scorer: RubricScorer) -> None:
    for menu in scorer.menus.values():
        menu.value = 2
    rubric = scorer.rubric
    assert f"{rubric.max_score} of {rubric.max_score} points: Answered." in scorer.result.value
    scorer.menus["responds"].value = 0
    scorer.menus["specific"].value = 0
    assert "4 of 8 points: Partly answered." in scorer.result.value


def test_ratings_are_kept_per_exchange(scorer: RubricScorer) -> None:
    scorer.menus["responds"].value = 1
    scorer.chooser.value = 1
    assert scorer.menus["responds"].value is None and "Why so late?" in scorer.text.value
    assert scorer.ratings[1] == {}
    scorer.chooser.value = 0
    assert scorer.menus["responds"].value == 1 and scorer.ratings[0] == {"responds": 1}


def test_display_has_the_widget_and_a_plain_text_note(scorer: RubricScorer) -> None:
    bundle = scorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle and "Rubric scorer" in bundle["text/plain"]


def test_long_text_scrolls_in_a_region_the_keyboard_can_reach(scorer: RubricScorer) -> None:
    assert scorer.text.value.startswith('<div role="region" tabindex="0" aria-label="Question 1: Ann (live)"')


def test_assessment_line_is_a_status_region() -> None:
    page = assessment_html(load_rubric("answer_the_question"), {})
    assert page.startswith('<p role="status"') and "0 of 8 points so far" in page


def test_no_exchanges_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="at least one exchange"):
        RubricScorer(load_rubric("answer_the_question"), [])


def test_show_functions_return_displayable_objects() -> None:
    from casebook.rubric import show_rubric, show_rubric_scorer

    shown = show_rubric("answer_the_question")
    assert "<table>" in shown._repr_html_() and "Did the answer answer the question?" in repr(shown)
    scorer = show_rubric_scorer("answer_the_question", EXCHANGES)
    assert isinstance(scorer, RubricScorer) and len(scorer.items) == 2
