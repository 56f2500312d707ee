"""The invocation figures: every use on a time axis by target and route, and the totals by source."""

from __future__ import annotations

import pytest

from casebook.plots.invocations import invocation_counts, invocations_timeline

INVOCATIONS = [
    {
        "invoked": "1992-01-01",
        "invoked_precision": "year",
        "target": "Estonia",
        "invoked_by": "Estonia",
        "invoking_states": "1",
        "route": "other",
        "route_confidence": "V",
        "sources": "S32",
    },
    {
        "invoked": "1999-04-23",
        "invoked_precision": "day",
        "target": "",
        "invoked_by": "",
        "route": "",
        "sources": "S32",
    },
    {
        "invoked": "2020-09-17",
        "invoked_precision": "day",
        "target": "Belarus",
        "invoking_states": "17",
        "invoked_by": "17 participating states",
        "route": "paragraph-12",
        "route_confidence": "V",
        "sources": "S22",
    },
    {
        "invoked": "2022-03-03",
        "invoked_precision": "day",
        "target": "Ukraine",
        "invoking_states": "45",
        "invoked_by": "45 participating states",
        "route": "consent",
        "route_confidence": "U",
        "sources": "S40",
    },
    {
        "invoked": "2022-06-02",
        "invoked_precision": "day",
        "target": "Ukraine",
        "invoking_states": "45",
        "invoked_by": "45 participating states",
        "route": "consent",
        "route_confidence": "V",
        "sources": "S41",
    },
    {
        "invoked": "2023-03-23",
        "invoked_precision": "day",
        "target": "Belarus",
        "invoking_states": "38",
        "invoked_by": "38 participating states",
        "route": "paragraph-12",
        "route_confidence": "V",
        "sources": "S2;S7",
    },
]
COUNTS = [
    {
        "source_name": "ODIHR web page, older version",
        "said": '"seven times"',
        "count": "7",
        "approximate": "false",
        "as_of": "",
        "as_of_precision": "",
        "sources": "S32",
    },
    {
        "source_name": "Cambridge Core article",
        "said": '"about a dozen"',
        "count": "12",
        "approximate": "true",
        "as_of": "2021",
        "as_of_precision": "year",
        "sources": "S56",
    },
    {
        "source_name": "europetime.eu press report",
        "said": '"17th"',
        "count": 17,
        "approximate": False,
        "as_of": "2026-01-29",
        "as_of_precision": "day",
        "sources": "S53",
    },
]


def test_invocations_timeline_has_one_row_per_target_in_order_of_first_use() -> None:
    chart = invocations_timeline(INVOCATIONS)
    axes = chart.figure.axes[0]
    assert [t.get_text() for t in axes.get_yticklabels()] == [
        "Estonia",
        "target not confirmed",
        "Belarus",
        "Ukraine",
    ]
    assert len(axes.collections) == len(INVOCATIONS)
    assert sorted(t.get_text() for t in axes.texts) == ["1", "17", "38", "45", "45"]


def test_invocations_timeline_has_title_labels_source_and_a_legend_of_routes() -> None:
    chart = invocations_timeline(INVOCATIONS)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "Every use of the Moscow Mechanism we found, 1992 to 2023"
    assert axes.get_xlabel() == "Date the mechanism was invoked" and axes.get_ylabel() == "State concerned"
    assert chart.source == "Source: casebook invocations dataset (6 sources, listed with each invocation)"
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    assert legend == [
        "paragraph 12 (one state and at least nine others)",
        "mission of experts, with consent",
        "a state invoking it on itself",
        "route not found",
        "route uncertain (sources disagree)",
    ]


def test_invocations_alt_text_counts_targets_and_routes_from_the_records() -> None:
    alt = invocations_timeline(INVOCATIONS).alt
    assert alt.startswith(
        "6 uses of the Moscow Mechanism from 1992 to 23 Mar 2023, one row per state concerned."
    )
    assert "Most often: Belarus 2, Ukraine 2." in alt
    assert "paragraph 12 (one state and at least nine others) 2" in alt
    assert "1992 Estonia (1 state); 23 Apr 1999 target not confirmed; 17 Sep 2020 Belarus (17 states)" in alt


def test_invocations_timeline_of_nothing_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no invocations to draw"):
        invocations_timeline([])


def test_invocation_counts_draws_a_bar_per_source_with_its_value_and_date() -> None:
    chart = invocation_counts(COUNTS)
    axes = chart.figure.axes[0]
    assert [round(p.get_width()) for p in axes.patches] == [7, 12, 17]
    assert [t.get_text() for t in axes.get_yticklabels()] == [
        "ODIHR web page, older version\ndate not given",
        "Cambridge Core article\nto 2021",
        "europetime.eu press report\nto 29 Jan 2026",
    ]
    assert [t.get_text() for t in axes.texts] == [
        '7  ("seven times")',
        '12  ("about a dozen")',
        '17  ("17th")',
    ]
    assert axes.patches[1].get_hatch() == "//" and axes.patches[0].get_hatch() is None


def test_invocation_counts_has_title_labels_source_and_alt_text_with_every_value() -> None:
    chart = invocation_counts(COUNTS)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "How many uses? Totals given by different sources"
    assert axes.get_xlabel() and axes.get_ylabel()
    assert chart.source == "Source: casebook invocation_counts dataset (S32, S56, S53)"
    assert chart.alt.startswith("A bar for each of 3 sources, giving how many times the Moscow Mechanism")
    assert "from 7 to 17" in chart.alt
    assert "Cambridge Core article (to 2021): 12 (approximate)" in chart.alt


def test_invocation_counts_of_nothing_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no counts to draw"):
        invocation_counts([])
