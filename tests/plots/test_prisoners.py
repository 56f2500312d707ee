"""Lesson 05's figure: Viasna's series, the briefing's figure marked, conflicting figures kept apart."""

from __future__ import annotations

import datetime as dt

import pytest

from casebook import plots
from casebook.plots.prisoners import count_points, describe, when

RECORDS = [
    {
        "as_of": "2020-09-22",
        "as_of_precision": "day",
        "count": "68",
        "figure_by": "viasna",
        "conflict_group": "",
    },
    {"as_of": "2023-05-31", "as_of_precision": "month", "count": "1496", "figure_by": "viasna"},
    {"as_of": "2023-06-30", "as_of_precision": "month", "count": "1496", "figure_by": "viasna"},
    {"as_of": "", "as_of_precision": "unknown", "count": "1486", "figure_by": "briefing"},
    {"as_of": dt.date(2023, 12, 31), "as_of_precision": "month", "count": 1477, "conflict_group": "end-2023"},
    {"as_of": dt.date(2023, 12, 31), "as_of_precision": "month", "count": 1430, "conflict_group": "end-2023"},
    {"as_of": "2024-09-01", "as_of_precision": "month", "count": 1317, "figure_by": "viasna"},
    {"as_of": "2025-12-23", "as_of_precision": "day", "count": 1135, "figure_by": "viasna"},
]


def test_figure_has_title_labels_source_and_a_legend_for_each_kind_of_mark() -> None:
    chart = plots.political_prisoners(RECORDS, briefing_date="2023-05-11")
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "Political prisoners in Belarus, as counted by Viasna"
    assert axes.get_xlabel() == "Date of the count" and axes.get_ylabel() == "People held"
    assert any(t.get_text().startswith("Source: Viasna") for t in chart.figure.texts)
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    assert legend == [
        "Viasna's count (people held on that date)",
        "Conflicting figures for one date",
        "The briefing: \u201cat least 1,486\u201d",
    ]
    assert chart.png_bytes()[:4] == b"\x89PNG"


def test_the_line_holds_only_dated_viasna_counts_without_conflicts() -> None:
    chart = plots.political_prisoners(RECORDS, briefing_date="2023-05-11")
    line = chart.figure.axes[0].get_lines()[0]
    assert list(line.get_ydata()) == [68, 1496, 1496, 1317, 1135]


def test_alt_text_states_the_real_values() -> None:
    alt = plots.political_prisoners(RECORDS, briefing_date=dt.date(2023, 5, 11)).alt
    assert "from 68 on 22 September 2020 to 1,135 on 23 December 2025" in alt
    assert "peak of 1,496 (end of May 2023 and end of June 2023) and then fell" in alt
    assert "at least 1,486, is marked at the briefing's date, 11 May 2023" in alt
    assert "the date of that count is not known" in alt
    assert "For the end of December 2023 the sources give 2 conflicting figures: 1,477 and 1,430." in alt


def test_an_inferred_briefing_date_is_said_to_be_inferred() -> None:
    chart = plots.political_prisoners(RECORDS, briefing_date="2023-05-11", briefing_date_inferred=True)
    assert "11 May 2023 (inferred: the briefing's page carries no date)" in chart.alt
    notes = [t.get_text() for t in chart.figure.axes[0].texts]
    assert any("briefing 11 May 2023, inferred;" in n for n in notes)


def test_without_a_briefing_date_the_figure_is_a_dashed_line() -> None:
    chart = plots.political_prisoners(RECORDS)
    assert "is shown as a dashed line" in chart.alt
    dashed = [ln for ln in chart.figure.axes[0].get_lines() if ln.get_linestyle() == "--"]
    assert len(dashed) == 1 and list(dashed[0].get_ydata()) == [1486, 1486]


def test_dates_in_words_keep_the_sources_precision() -> None:
    points = count_points(RECORDS)
    assert [when(p) for p in points][:3] == ["22 September 2020", "end of May 2023", "end of June 2023"]
    assert when(points[-3]) == "September 2024"  # month precision, day not given
    assert when(points[-1]) == "an unknown date"  # undated points sort last


def test_bad_records_name_the_record_and_the_field() -> None:
    with pytest.raises(ValueError, match=r"record 2, field 'count': 'many' is not a whole number"):
        count_points([RECORDS[0], {**RECORDS[1], "count": "many"}])
    with pytest.raises(ValueError, match=r"record 1, field 'as_of': '31/12/2023' is not a date"):
        count_points([{**RECORDS[0], "as_of": "31/12/2023"}])


def test_no_dated_counts_is_said_in_words() -> None:
    assert describe(count_points([RECORDS[3]])) == "No dated counts to show."


def test_the_kits_dataset_draws_and_its_alt_text_follows_the_data() -> None:
    from casebook import data

    records = data.load("political_prisoners")
    chart = plots.political_prisoners(records, briefing_date=data.briefing_metadata().date)
    line = [r.count for r in records if r.figure_by == "viasna" and not r.conflict_group]
    assert f"a peak of {max(line):,}" in chart.alt
    assert all(f"{r.count:,}" in chart.alt for r in records if r.conflict_group)
    briefing = [r for r in records if r.figure_by == "briefing"]
    assert briefing and f"at least {briefing[0].count:,}" in chart.alt
    assert sorted(chart.figure.axes[0].get_lines()[0].get_ydata()) == sorted(line)
