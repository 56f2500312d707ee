"""Counting uses of the Moscow Mechanism under explicit rules, and describing each use in one line.

The rules are checked on the kit's own ``invocations`` dataset: each published total that names the
date it reaches is reproduced by counting up to that date, which is the point lesson 03 makes.
"""

from __future__ import annotations

import dataclasses

import pytest

from casebook import data, invocations


@pytest.fixture(scope="module")
def records() -> list:
    return data.load("invocations")


def _by_id(records: list, record_id: str):
    return next(r for r in records if r.id == record_id)


def test_every_record_counts_when_no_rule_leaves_any_out(records) -> None:
    assert invocations.count(records) == len(records) == 17


@pytest.mark.parametrize(
    ("until", "published_total", "who"),
    [
        ("2011", 7, "ODIHR's page, older version"),
        ("2021", 9, "EJIL: Talk!, 1991-2021"),
        ("2023-05", 14, "Italy's delegation, May 2023"),
        ("2024-07", 15, "a Wikipedia-derived page, July 2024"),
        ("2026-01-29", 17, "a press report on Georgia, 2026"),
    ],
)
def test_counting_up_to_a_sources_date_reproduces_its_total(records, until, published_total, who) -> None:
    assert invocations.count(records, until=until) == published_total, who


def test_the_fifth_time_of_2020_needs_every_rule_switched_off(records) -> None:
    everything = invocations.count(records, until="2020-09-17")
    strict = invocations.count(
        records, until="2020-09-17", self_invited=False, unfinished=False, unclear=False
    )
    assert (everything, strict) == (9, 5)


@pytest.mark.parametrize(
    ("rule", "left_out"),
    [("self_invited", {"Estonia", "Moldova"}), ("unfinished", {"Serbia-Montenegro"}), ("unclear", {None})],
)
def test_each_rule_leaves_out_only_its_own_kind_of_record(records, rule, left_out) -> None:
    kept = invocations.counted(records, **{rule: False})
    assert {r.target for r in records} - {r.target for r in kept} == left_out
    assert len(records) - len(kept) == len([r for r in records if r.target in left_out])


@pytest.mark.parametrize(
    ("until", "expected"),
    [("1991", 0), ("1992", 2), ("1993-05", 3), ("1993-06", 4), ("2020-09-16", 8), ("2020-09-17", 9)],
)
def test_until_counts_up_to_and_including_that_day_month_or_year(records, until, expected) -> None:
    assert invocations.count(records, until=until) == expected


def test_a_year_may_be_written_as_a_number(records) -> None:
    assert invocations.count(records, until=2021) == invocations.count(records, until="2021") == 9


def test_counted_keeps_the_records_in_their_order(records) -> None:
    kept = invocations.counted(records, until="2011", self_invited=False, unclear=False)
    assert [r.id for r in kept] == ["m01", "m04", "m06", "m07"]


def test_a_record_without_a_date_counts_only_when_no_date_limit_is_set(records) -> None:
    undated = [dataclasses.replace(records[0], invoked=None, invoked_precision="unknown")] + records[1:]
    assert invocations.count(undated) == 17
    assert invocations.count(undated, until="2026") == 16


@pytest.mark.parametrize("until", ["last year", "May 2023", "2023-02-30", 21, True])
def test_a_bad_until_date_is_a_clear_error_naming_the_value(records, until) -> None:
    with pytest.raises(invocations.RuleError, match=rf"until={until!r} is not a date: write it as"):
        invocations.count(records, until=until)


@pytest.mark.parametrize("rule", ["self_invited", "unfinished", "unclear"])
def test_a_rule_that_is_not_true_or_false_is_a_clear_error(records, rule) -> None:
    with pytest.raises(invocations.RuleError, match=rf"{rule} must be True or False .*not 'False'"):
        invocations.count(records, **{rule: "False"})


def test_a_rule_error_shows_in_a_notebook_as_one_line_not_a_traceback(records) -> None:
    with pytest.raises(invocations.RuleError) as caught:
        invocations.count(records, until="soon")
    assert caught.value._render_traceback_() == [
        'Counting rule problem: until=\'soon\' is not a date: write it as "2021-12-31", "2021-12" or "2021", '
        "or None"
    ]


def test_describe_gives_date_target_route_rapporteur_and_report(records) -> None:
    assert invocations.describe(_by_id(records, "m09")) == (
        "17 Sep 2020: Belarus; invoked by 17 participating states; route: paragraph 12; "
        "rapporteur(s) or experts: Wolfgang Benedek; report: Dated 29 October; presented on 5 November 2020."
    )


def test_describe_says_what_is_missing_or_uncertain(records) -> None:
    assert invocations.describe(_by_id(records, "m02")).startswith(
        "1992: Estonia; invoked by Estonia; route: a self-invitation"
    )
    unclear = invocations.describe(_by_id(records, "m05"))
    assert unclear.startswith("23 Apr 1999: a target not confirmed; invoked by: not found; route: not found")
    assert unclear.endswith("are not confirmed.]") and "[U: Only a date was found" in unclear
    ukraine = invocations.describe(_by_id(records, "m10"))
    assert "route: mission of experts, with consent (not confirmed)" in ukraine
    chechnya = invocations.describe(_by_id(records, "m08"))
    assert "report: Dated 13 December 2018; presented to the Permanent Council on 20 December" in chechnya
    undated = dataclasses.replace(_by_id(records, "m08"), invoked=None, invoked_precision="unknown")
    assert invocations.describe(undated).startswith("date not found: Russia (Chechnya)")
