"""Dates given to the day, the month or the year: read, sorted and written at their precision."""

from __future__ import annotations

import datetime as dt

import pytest

from casebook.partial_dates import as_date, precision_of, readable


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1975-08-01", dt.date(1975, 8, 1)),
        ("1992-07", dt.date(1992, 7, 1)),
        ("1993", dt.date(1993, 1, 1)),
        (dt.date(2006, 5, 2), dt.date(2006, 5, 2)),
        (dt.datetime(2023, 5, 11, 14, 0), dt.date(2023, 5, 11)),
    ],
)
def test_dates_are_read_at_any_precision(raw, expected) -> None:
    assert as_date(raw) == expected


@pytest.mark.parametrize("raw", ["", "May 2023", "2023-13-01", "75", "11-05-2023", None])
def test_a_bad_date_is_a_clear_error_naming_the_value(raw) -> None:
    with pytest.raises(ValueError, match=r"not a date: .*expected YYYY-MM-DD"):
        as_date(raw)


@pytest.mark.parametrize(
    ("raw", "precision", "expected"),
    [
        ("1975-08-01", None, "1 Aug 1975"),
        ("1992-07", None, "Jul 1992"),
        ("1993", None, "1993"),
        ("1992-07-01", "month", "Jul 1992"),
        (dt.date(1993, 1, 1), "year", "1993"),
        (dt.date(2023, 5, 11), "", "11 May 2023"),
    ],
)
def test_dates_are_written_no_more_precisely_than_the_source_gives_them(raw, precision, expected) -> None:
    assert readable(raw, precision) == expected


def test_an_unknown_precision_falls_back_to_the_text() -> None:
    assert precision_of("1992-07", "fortnight") == "month"
    assert precision_of(dt.date(1992, 7, 1), "unknown") == "day"
