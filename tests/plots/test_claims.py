"""The claims figure: counts per verdict and part of the briefing, and a clear error for a bad verdict."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from casebook.plots.claims import claims_by_verdict, count_by_verdict


@dataclass(frozen=True)
class FakeClaim:
    id: str
    where: tuple[str, ...] | str
    verdict: str


CLAIMS = [
    FakeClaim("c01", ("opening",), "V"),
    FakeClaim("c02", ("opening",), "U"),
    FakeClaim("c03", "opening", "V"),
    FakeClaim("c04", ("Q2", "Q4"), "V"),
    FakeClaim("c05", ("Q3",), "B"),
]


def test_count_by_verdict_splits_opening_remarks_from_question_time() -> None:
    counts = count_by_verdict(CLAIMS)
    assert counts["V"] == {"Opening remarks": 2, "Question time": 1}
    assert counts["U"] == {"Opening remarks": 1, "Question time": 0}
    assert counts["B"] == {"Opening remarks": 0, "Question time": 1}


def test_claims_by_verdict_has_title_labels_source_and_an_alt_text_with_the_counts() -> None:
    chart = claims_by_verdict(CLAIMS)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "Checkable claims in the briefing, by verdict"
    assert axes.get_xlabel() and axes.get_ylabel() == "Number of claims"
    assert any(t.get_text().startswith("Source: casebook claims dataset") for t in chart.figure.texts)
    assert "5 checkable claims" in chart.alt
    assert "Verified: 3 (2 from the opening remarks, 1 from question time)" in chart.alt
    assert "Uncertain or disputed: 1 (1 from the opening remarks, 0 from question time)" in chart.alt
    assert "Briefing only: 1 (0 from the opening remarks, 1 from question time)" in chart.alt
    heights = [p.get_height() for p in axes.patches]
    assert heights == [2, 1, 0, 1, 0, 1]


@dataclass(frozen=True)
class FakeVerdict:
    code: str
    label: str


def test_the_labels_come_from_the_verdict_vocabulary_given() -> None:
    """data/verdicts.csv is the one place for the labels: the figure draws whatever it says."""
    only, checked, open_ = (
        FakeVerdict("B", "Only the briefing"),
        FakeVerdict("V", "Checked"),
        FakeVerdict("U", "Open"),
    )
    vocabulary = [only, checked, open_]
    chart = claims_by_verdict(CLAIMS, vocabulary)
    ticks = [t.get_text() for t in chart.figure.axes[0].get_xticklabels()]
    assert ticks == ["Only the briefing", "Checked", "Open"]
    assert "Checked: 3 (2 from the opening remarks" in chart.alt
    assert list(count_by_verdict(CLAIMS, vocabulary)) == ["B", "V", "U"]


def test_a_verdict_the_vocabulary_lacks_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match=r"claims: c05: field 'verdict' is 'B'; expected one of V, U"):
        count_by_verdict(CLAIMS, [FakeVerdict("V", "Verified"), FakeVerdict("U", "Uncertain")])


def test_unknown_verdict_names_the_claim_and_the_field() -> None:
    bad = [*CLAIMS, FakeClaim("c99", ("opening",), "maybe")]
    with pytest.raises(ValueError, match=r"claims: c99: field 'verdict' is 'maybe'"):
        claims_by_verdict(bad)


def test_no_claims_gives_a_clear_error() -> None:
    with pytest.raises(ValueError, match="at least one claim"):
        claims_by_verdict([])


def test_the_shipped_claims_dataset_draws_and_every_claim_is_counted_once() -> None:
    from casebook import data

    claims = data.load("claims")
    chart = claims_by_verdict(claims)
    counts = count_by_verdict(claims)
    assert sum(sum(by_part.values()) for by_part in counts.values()) == len(claims)
    for code in ("V", "U", "B"):
        assert sum(counts[code].values()) == sum(1 for c in claims if c.verdict == code)
    assert f"the briefing's {len(claims)} checkable claims" in chart.alt
