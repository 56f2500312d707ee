"""The invocation figures, drawn from the kit's ``invocations`` dataset and its published totals."""

from __future__ import annotations

import dataclasses

import pytest

from casebook import data
from casebook.plots.invocations import invocation_counts, invocations_timeline


@pytest.fixture(scope="module")
def records() -> list:
    return data.load("invocations")


@pytest.fixture(scope="module")
def totals() -> list:
    return data.published_totals()


def test_invocations_timeline_has_one_row_per_target_in_order_of_first_use(records) -> None:
    chart = invocations_timeline(records)
    axes = chart.figure.axes[0]
    ticks = [t.get_text() for t in axes.get_yticklabels()]
    assert ticks[:3] == ["Croatia and Bosnia-Herzegovina", "Estonia", "Moldova"]
    assert ticks[-1] == "Georgia" and "target not confirmed" in ticks
    assert len(ticks) == len({r.target for r in records})
    assert sum(len(c.get_offsets()) for c in axes.collections) == len(records)
    assert sorted(t.get_text() for t in axes.texts) == sorted(
        str(r.invoking_states) for r in records if r.invoking_states is not None
    )


def test_invocations_timeline_has_title_labels_source_and_a_legend_of_routes(records) -> None:
    chart = invocations_timeline(records)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "Every use of the Moscow Mechanism we found, 1992 to 2026"
    assert axes.get_xlabel() == "Date the mechanism was invoked" and axes.get_ylabel() == "State concerned"
    assert chart.source.startswith("Source: casebook invocations dataset (")
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    assert legend == [
        "paragraph 12 (one state and at least nine others)",
        "mission of experts, with consent",
        "a state invoking it on itself",
        "other (started by a CSCE body)",
        "route not found",
        "route uncertain (sources disagree)",
    ]


def test_invocations_alt_text_counts_targets_and_routes_from_the_records(records) -> None:
    alt = invocations_timeline(records).alt
    assert alt.startswith("17 uses of the Moscow Mechanism from 1992 to 29 Jan 2026, one row per state")
    assert "Most often: Ukraine 5, Belarus 3." in alt
    paragraph_12 = sum(1 for r in records if r.route == "paragraph-12")
    assert f"paragraph 12 (one state and at least nine others) {paragraph_12}" in alt
    assert "17 Sep 2020 Belarus (17 states); " in alt and "1992 Estonia (1 state)" in alt


def test_invocations_without_a_date_are_left_out_and_said_so(records) -> None:
    undated = [dataclasses.replace(records[0], invoked=None, invoked_precision="unknown")] + records[1:]
    chart = invocations_timeline(undated)
    assert sum(len(c.get_offsets()) for c in chart.figure.axes[0].collections) == len(records) - 1
    assert "one row per state concerned. One more has no date and is not drawn." in chart.alt


def test_invocations_timeline_of_nothing_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no invocations to draw"):
        invocations_timeline([])


def test_invocation_counts_draws_a_bar_per_numbered_total_and_words_for_the_rest(totals) -> None:
    chart = invocation_counts(totals)
    axes = chart.figure.axes[0]
    numbered = [t["total"] for t in totals if t["total"] is not None]
    assert [round(p.get_width()) for p in axes.patches] == numbered
    assert [t.get_text() for t in axes.get_yticklabels()][-1] == "a press report"
    texts = [t.get_text() for t in axes.texts]
    assert "no exact number: about a dozen before 2022" in texts
    assert "17 – the 17th (Georgia, 2026)" in texts


def test_invocation_counts_has_title_labels_source_and_alt_text_with_every_value(totals) -> None:
    chart = invocation_counts(totals)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "How many uses? Totals given by different sources"
    assert axes.get_xlabel() and axes.get_ylabel() == "Source"
    assert chart.source.startswith("Source: casebook invocations dataset, published totals (S32, newizv-2020")
    assert chart.alt.startswith("A bar for each of 7 sources, giving how many times the Moscow Mechanism")
    assert "from 5 to 17; one more gives no exact number." in chart.alt
    assert "an article on Cambridge Core: no exact number (about a dozen before 2022)" in chart.alt


@pytest.mark.parametrize(
    ("given", "message"), [([], "the list is empty"), ([{"total": None}], "has a number")]
)
def test_invocation_counts_without_numbers_is_a_clear_error(given, message) -> None:
    with pytest.raises(ValueError, match=message):
        invocation_counts(given)
