"""Counting uses of the Moscow Mechanism under explicit rules, and describing each use in one line."""

from __future__ import annotations

import pytest

from casebook import invocations

# Shaped like the invocations dataset: a self-invitation, an unfinished mission, an unclear record,
# and two ordinary uses.
RECORDS = [
    {
        "invoked": "1992-01-01",
        "invoked_precision": "year",
        "target": "Estonia",
        "invoked_by": "Estonia",
        "route": "other",
        "report_note": "Not found.",
    },
    {
        "invoked": "1993-06-01",
        "invoked_precision": "month",
        "target": "Serbia-Montenegro",
        "invoked_by": "CSCE Committee of Senior Officials",
        "route": "other",
        "report_note": "Not completed: the government did not cooperate.",
    },
    {
        "invoked": "1999-04-23",
        "invoked_precision": "day",
        "target": "",
        "invoked_by": "",
        "route": "",
        "confidence": "U",
        "confidence_note": "Only a date was found.",
    },
    {
        "invoked": "2020-09-17",
        "invoked_precision": "day",
        "target": "Belarus",
        "invoked_by": "17 participating states",
        "invoking_states": "17",
        "route": "paragraph-12",
        "route_confidence": "V",
        "experts": "Wolfgang Benedek",
        "report_date": "2020-11-05",
        "report_event": "presented",
        "report_note": "",
    },
    {
        "invoked": "2022-03-03",
        "invoked_precision": "day",
        "target": "Ukraine",
        "invoked_by": "45 participating states",
        "route": "consent",
        "route_confidence": "U",
        "report_note": "Presented on 13 April 2022.",
    },
]


def test_every_record_counts_when_no_rule_leaves_any_out() -> None:
    assert invocations.count(RECORDS) == 5


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        ({"self_invited": False}, 4),
        ({"unfinished": False}, 4),
        ({"unclear": False}, 4),
        ({"self_invited": False, "unfinished": False, "unclear": False}, 2),
    ],
)
def test_each_rule_leaves_out_only_its_own_kind_of_record(rules, expected) -> None:
    assert invocations.count(RECORDS, **rules) == expected


@pytest.mark.parametrize(
    ("until", "expected"),
    [
        ("1991", 0),
        ("1992", 1),
        ("1993-05", 1),
        ("1993-06", 2),
        ("2020-09-16", 3),
        ("2020-09-17", 4),
        ("2021-12-31", 4),
        ("2026", 5),
    ],
)
def test_until_counts_up_to_and_including_that_day_month_or_year(until, expected) -> None:
    assert invocations.count(RECORDS, until=until) == expected


def test_counted_returns_the_records_kept_in_their_order() -> None:
    kept = invocations.counted(RECORDS, until="2021", self_invited=False)
    assert [r["target"] for r in kept] == ["Serbia-Montenegro", "", "Belarus"]


def test_a_bad_until_date_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="not a date: 'last year'"):
        invocations.count(RECORDS, until="last year")


def test_the_kinds_are_read_from_the_fields() -> None:
    assert [invocations.is_self_invited(r) for r in RECORDS] == [True, False, False, False, False]
    assert [invocations.is_unfinished(r) for r in RECORDS] == [False, True, False, False, False]
    assert [invocations.is_unclear(r) for r in RECORDS] == [False, False, True, False, False]


def test_describe_gives_date_target_route_rapporteur_and_report() -> None:
    assert invocations.describe(RECORDS[3]) == (
        "17 Sep 2020: Belarus; invoked by 17 participating states; route: paragraph 12; "
        "rapporteur(s) or experts: Wolfgang Benedek; report: presented 5 Nov 2020."
    )


def test_describe_says_what_is_missing_or_uncertain() -> None:
    assert invocations.describe(RECORDS[0]).startswith(
        "1992: Estonia; invoked by Estonia; route: a self-invitation"
    )
    unclear = invocations.describe(RECORDS[2])
    assert "a target not confirmed" in unclear and "route: not found" in unclear
    assert unclear.endswith("[U: Only a date was found.]")
    assert "route: mission of experts, with consent (not confirmed)" in invocations.describe(RECORDS[4])
