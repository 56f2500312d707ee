"""The timeline figures: one row per event, the right track, and alt text that states the events."""

from __future__ import annotations

import pytest

from casebook.plots.timeline import belarus_timeline, osce_timeline, short_label

EVENTS = [
    {
        "track": "osce",
        "date": "1991-09-10",
        "date_precision": "day",
        "event": "Moscow Document adopted.",
        "confidence": "V",
        "sources": "S34",
    },
    {
        "track": "osce",
        "date": "1975-08-01",
        "date_precision": "day",
        "event": "35 states sign the Helsinki Final Act. Its Principle VII ...",
        "confidence": "V",
        "sources": "S57",
    },
    {
        "track": "osce",
        "date": "1991-06-01",
        "date_precision": "month",
        "event": "Consensus minus one agreed.",
        "confidence": "U",
        "sources": "S60;S59",
    },
    {
        "track": "belarus",
        "date": "2020-08-09",
        "date_precision": "day",
        "event": "Presidential election.",
        "confidence": "V",
        "sources": "S96",
    },
    {
        "track": "belarus",
        "date": "2025-01-01",
        "date_precision": "year",
        "event": "Mass pardons.",
        "confidence": "V",
        "sources": "S90",
    },
]
INVOCATIONS = [
    {
        "invoked": "2011-04-06",
        "invoked_precision": "day",
        "target": "Belarus",
        "invoking_states": "14",
        "confidence": "V",
        "sources": "S38",
    },
    {
        "invoked": "2020-09-17",
        "invoked_precision": "day",
        "target": "Belarus",
        "invoking_states": "17",
        "experts": "Wolfgang Benedek",
        "report_date": "2020-11-05",
        "report_event": "presented",
        "confidence": "V",
        "sources": "S22",
    },
    {
        "invoked": "2022-03-03",
        "invoked_precision": "day",
        "target": "Ukraine",
        "invoking_states": "45",
        "confidence": "V",
        "sources": "S40",
    },
]


def _labels(chart) -> list[str]:
    return [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]


def _annotations(chart) -> list[str]:
    return [t.get_text() for t in chart.figure.axes[0].texts]


def test_osce_timeline_draws_only_the_osce_track_in_date_order_at_the_sources_precision() -> None:
    chart = osce_timeline(EVENTS)
    assert _labels(chart) == ["1 Aug 1975", "Jun 1991", "10 Sep 1991"]
    assert _annotations(chart) == [
        "35 states sign the Helsinki Final Act",
        "Consensus minus one agreed",
        "Moscow Document adopted",
    ]
    assert "Presidential election" not in chart.alt


def test_timeline_has_title_axis_labels_and_a_source_line_naming_its_sources() -> None:
    chart = osce_timeline(EVENTS)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "The OSCE's human dimension, 1975 to 1991"
    assert axes.get_xlabel() == "Date" and axes.get_ylabel() == "Date of the event"
    texts = [t.get_text() for t in chart.figure.texts]
    assert "Source: casebook timeline dataset, osce track (S34, S57, S60, S59)" in texts


def test_alt_text_states_the_span_the_uncertain_events_and_each_event_in_full() -> None:
    alt = osce_timeline(EVENTS).alt
    assert alt.startswith("A timeline of 3 OSCE events, one per row, from 1 Aug 1975 to 10 Sep 1991")
    assert "One is marked as uncertain because sources disagree." in alt
    assert "1 Aug 1975: 35 states sign the Helsinki Final Act. Its Principle VII ...." not in alt
    assert "Jun 1991: Consensus minus one agreed." in alt


def test_uncertain_events_get_a_hollow_marker_and_a_legend_entry() -> None:
    chart = osce_timeline(EVENTS)
    axes = chart.figure.axes[0]
    faces = [tuple(c.get_facecolor()[0]) for c in axes.collections]
    assert faces.count((1.0, 1.0, 1.0, 1.0)) == 1
    assert "sources disagree (U)" in [t.get_text() for t in axes.get_legend().get_texts()]


def test_belarus_timeline_adds_the_osce_steps_on_belarus_within_its_years() -> None:
    chart = belarus_timeline(EVENTS, INVOCATIONS)
    assert _labels(chart) == ["9 Aug 2020", "17 Sep 2020", "5 Nov 2020", "2025"]
    assert "Moscow Mechanism invoked by 17 states" in _annotations(chart)
    assert "Report by Wolfgang Benedek presented" in _annotations(chart)
    assert "Ukraine" not in chart.alt and "14 states" not in chart.alt
    assert chart.figure.axes[0].get_title(loc="left") == "Belarus and the Moscow Mechanism, 2020 to 2025"
    assert chart.source.endswith("; invocations dataset (S22)")


def test_belarus_timeline_without_invocations_draws_the_track_alone() -> None:
    chart = belarus_timeline(EVENTS)
    assert _labels(chart) == ["9 Aug 2020", "2025"]
    assert "A timeline of 2 events in Belarus and at the OSCE" in chart.alt


def test_a_track_with_no_events_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no events on the 'belarus' track"):
        belarus_timeline([e for e in EVENTS if e["track"] == "osce"])


def test_a_long_event_is_shortened_to_two_lines_and_marked_as_cut() -> None:
    label = short_label(
        "The Vienna Concluding Document creates the Vienna Mechanism, a four-stage dialogue "
        "between states about human-dimension concerns."
    )
    assert label.endswith("…") and label.count("\n") == 1
    assert short_label("Presidential election. The commission gives 80.23%.") == "Presidential election"
    assert (
        short_label("Dies in penal colony No. 3 in the region.") == "Dies in penal colony No. 3 in the region"
    )
