"""The timeline figures: one row per event, the right track, and alt text that states the events."""

from __future__ import annotations

import datetime as dt

import pytest

from casebook.plots.timeline import belarus_timeline, event_date, osce_timeline

EVENTS = [
    {"date": "1991-10-04", "event": "Moscow Document", "track": "osce", "sources": "S34"},
    {"date": "1975-08-01", "event": "Helsinki Final Act", "track": "osce", "sources": "S57"},
    {"date": "1992-07", "event": "Yugoslavia suspended", "track": "osce", "sources": "S61"},
    {"date": "2020-08-09", "event": "Presidential election", "track": "belarus", "sources": "S96"},
    {"date": "2023-05-11", "event": "Ascensio report presented", "track": "belarus", "sources": "S2;S3"},
]


def _texts(chart) -> list[str]:
    axes = chart.figure.axes[0]
    return [t.get_text() for t in axes.texts]


def test_osce_timeline_draws_only_the_osce_track_in_date_order() -> None:
    chart = osce_timeline(EVENTS)
    axes = chart.figure.axes[0]
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels == ["1 Aug 1975", "4 Oct 1991", "Jul 1992"]
    assert _texts(chart) == ["Helsinki Final Act", "Moscow Document", "Yugoslavia suspended"]
    assert "Presidential election" not in chart.alt


def test_timeline_has_title_axis_labels_and_a_source_line_naming_its_sources() -> None:
    chart = belarus_timeline(EVENTS)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "Belarus, 2020 to 2023"
    assert axes.get_xlabel() and axes.get_ylabel()
    assert "Source: casebook timeline dataset (S96, S2, S3)" in [t.get_text() for t in chart.figure.texts]


def test_alt_text_states_how_many_events_and_each_one_with_its_date() -> None:
    alt = osce_timeline(EVENTS).alt
    assert alt.startswith("A timeline of 3 OSCE events, from 1 Aug 1975 (Helsinki Final Act) to Jul 1992")
    assert "4 Oct 1991: Moscow Document" in alt


def test_a_track_with_no_events_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no events on the 'belarus' track"):
        belarus_timeline([e for e in EVENTS if e["track"] == "osce"])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1975-08-01", dt.date(1975, 8, 1)), ("1992-07", dt.date(1992, 7, 1)), ("1993", dt.date(1993, 1, 1)),
     (dt.date(2006, 1, 1), dt.date(2006, 1, 1))],
)
def test_event_dates_accept_iso_text_at_any_precision(raw, expected) -> None:
    assert event_date(raw) == expected


@pytest.mark.parametrize("raw", ["", "May 2023", "2023-13-01", "75"])
def test_a_bad_date_names_the_value(raw) -> None:
    with pytest.raises(ValueError, match="not a date"):
        event_date(raw)
