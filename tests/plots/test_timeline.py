"""The timeline figures, drawn from the kit's own ``timeline`` and ``invocations`` datasets."""

from __future__ import annotations

import dataclasses

import pytest

from casebook import data
from casebook.plots.timeline import belarus_timeline, osce_timeline, short_label


@pytest.fixture(scope="module")
def events() -> list:
    return data.load("timeline")


@pytest.fixture(scope="module")
def invocation_records() -> list:
    return data.load("invocations")


def _ticks(chart) -> list[str]:
    return [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]


def _labels(chart) -> list[str]:
    return [t.get_text() for t in chart.figure.axes[0].texts]


def test_osce_timeline_has_one_row_per_osce_event_in_date_order(events) -> None:
    osce = sorted((e for e in events if e.track == "osce"), key=lambda e: e.date)
    chart = osce_timeline(events)
    assert len(_ticks(chart)) == len(osce) == len(chart.figure.axes[0].collections[0].get_offsets())
    assert _ticks(chart)[:3] == ["1 Aug 1975", "15 Jan 1989", "5 Jun 1990"]
    assert "1993" in _ticks(chart) and "Jul 1992" in _ticks(chart)  # at the precision the source gives
    assert _labels(chart)[0] == "35 states sign the Helsinki Final Act"


def test_osce_timeline_has_title_axis_labels_and_a_source_line(events) -> None:
    chart = osce_timeline(events)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "The OSCE's human dimension, 1975 to 2023"
    assert axes.get_xlabel() == "Date" and axes.get_ylabel() == "Date of the event"
    assert chart.source.startswith("Source: casebook timeline dataset, osce track")
    assert chart.source in [t.get_text() for t in chart.figure.texts]


def test_alt_text_states_the_span_the_uncertain_events_and_each_event_in_full(events) -> None:
    osce = [e for e in events if e.track == "osce"]
    alt = osce_timeline(events).alt
    assert alt.startswith(
        f"A timeline of {len(osce)} OSCE events, one per row, from 1 Aug 1975 to 11 Jun 2023"
    )
    uncertain = [e for e in osce if e.confidence == "U"]
    assert len(uncertain) == 1 and "One is marked as uncertain because sources disagree." in alt
    for event in osce:
        assert event.event.rstrip(".") in alt


def test_uncertain_events_get_a_hollow_marker_and_a_legend_entry(events) -> None:
    chart = osce_timeline(events)
    axes = chart.figure.axes[0]
    dots = axes.collections[0]  # every dot, one per row
    assert len(dots.get_facecolors()) == len(dots.get_offsets())
    hollow = [f for f in dots.get_facecolors() if tuple(f) == (1.0, 1.0, 1.0, 1.0)]
    assert len(hollow) == sum(1 for e in events if e.track == "osce" and e.confidence == "U")
    assert "sources disagree (U)" in [t.get_text() for t in axes.get_legend().get_texts()]


def test_belarus_timeline_adds_the_invocations_on_belarus_and_their_reports(
    events, invocation_records
) -> None:
    chart = belarus_timeline(events, invocation_records)
    belarus = [e for e in events if e.track == "belarus"]
    assert len(_ticks(chart)) == len(belarus) + 4  # 2020 and 2023: invocation and report each
    assert {
        "Moscow Mechanism invoked by 17 states",
        "Moscow Mechanism invoked by 38 states",
        "Report by Wolfgang Benedek presented",
        "Report by Hervé Ascensio presented",
    } <= set(_labels(chart))
    assert "14 states" not in chart.alt  # 2011 lies before the track's first year
    assert chart.figure.axes[0].get_title(loc="left") == "Belarus and the Moscow Mechanism, 2020 to 2025"
    assert "; invocations dataset (" in chart.source


def test_belarus_timeline_without_invocations_draws_the_track_alone(events) -> None:
    chart = belarus_timeline(events)
    assert len(_ticks(chart)) == sum(1 for e in events if e.track == "belarus")
    assert "OSCE step on Belarus" not in [t.get_text() for t in chart.figure.axes[0].get_legend().get_texts()]


def test_a_track_with_no_events_is_a_clear_error(events) -> None:
    with pytest.raises(ValueError, match="no events on the 'belarus' track"):
        belarus_timeline([e for e in events if e.track == "osce"])


def test_a_long_event_is_shortened_to_one_line_and_marked_as_cut(events) -> None:
    vienna = next(e for e in events if e.id == "t02")
    label = short_label(vienna.event)
    assert label.endswith(" …") and "\n" not in label and len(label) <= 58
    assert vienna.event.startswith(label[:-2])
    assert short_label("Presidential election. The commission gives 80.23%.") == "Presidential election"
    assert short_label("Dies in colony No. 3 in the region.") == "Dies in colony No. 3 in the region"


def test_an_event_with_a_month_only_shows_the_month(events) -> None:
    changed = [dataclasses.replace(e, date_precision="year") if e.id == "t02" else e for e in events]
    assert _ticks(osce_timeline(changed))[1] == "1989"
