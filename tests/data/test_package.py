"""The shipped data package: valid against its schemas, hashes and rules, and true to the fact sheet's
structure (every invocation row, the conflicting prisoner figures kept apart, both values for U rows)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date

import pytest

from casebook import data
from casebook.data.records import RECORD_TYPES
from casebook.data.validation import validate_package
from tests.data.conftest import DATA

PUBLISHED_SHA256 = "803b8f0a59c98c6d987e3e7c7c75a80c012fc0a51ff1e814daafe99ab36f42b2"
DESCRIPTOR = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
TABLES = [r for r in DESCRIPTOR["resources"] if "schema" in r]


def test_the_shipped_package_has_no_problems() -> None:
    assert validate_package(DATA) == []


def test_the_transcript_is_the_published_text_byte_for_byte() -> None:
    raw = (DATA / "briefing" / "transcript.txt").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == PUBLISHED_SHA256
    transcript = next(r for r in DESCRIPTOR["resources"] if r["name"] == "transcript")
    assert transcript["hash"] == f"sha256:{PUBLISHED_SHA256}"
    assert transcript["casebook:frozen"] is True
    assert data.transcript_text().encode("utf-8") == raw


@pytest.mark.parametrize("resource", DESCRIPTOR["resources"], ids=lambda r: r["name"])
def test_every_resource_has_a_hash_a_licence_sources_and_a_description(resource: dict) -> None:
    assert resource["hash"].startswith("sha256:") and resource["bytes"] > 0
    assert resource["licenses"] and resource["description"]
    assert resource["sources"] and all(source["title"] for source in resource["sources"])


def test_every_file_of_the_package_is_a_resource_with_a_hash() -> None:
    """Quizzes and rubrics have their own schemas and checks; every other data file is hashed here."""
    described = {r["path"] for r in DESCRIPTOR["resources"] if r.get("hash")}
    files = {
        p.relative_to(DATA).as_posix()
        for p in DATA.rglob("*")
        if p.is_file() and p.suffix != ".md" and p.name != "datapackage.json"
    }
    files = {f for f in files if not f.startswith(("quizzes/", "rubrics/"))}
    assert files == described
    assert "briefing/metadata.schema.json" in described


@pytest.mark.parametrize("resource", TABLES, ids=lambda r: r["name"])
def test_every_table_points_its_sources_at_the_sources_table(resource: dict) -> None:
    """Every table whose rows cite sources (all but the verdict vocabulary, the kit's own terms)."""
    cites = any(f["name"] == "sources" for f in resource["schema"]["fields"])
    if resource["name"] != "sources" and cites:
        assert any(source.get("path") == "sources.csv" for source in resource["sources"])


@pytest.mark.parametrize("resource", TABLES, ids=lambda r: r["name"])
def test_every_table_has_a_record_type_with_the_same_fields(resource: dict) -> None:
    record_type = RECORD_TYPES[resource["name"]]
    assert [f.name for f in dataclasses.fields(record_type)] == [
        f["name"] for f in resource["schema"]["fields"]
    ]
    assert all(f.get("description") for f in resource["schema"]["fields"])


def test_resource_names_lists_exactly_the_tables_the_lessons_use() -> None:
    assert data.resource_names() == [
        "sources",
        "briefing_people",
        "claims",
        "verdicts",
        "invocations",
        "timeline",
        "political_prisoners",
        "glossary",
        "primary_excerpts",
    ]


@pytest.mark.parametrize("name", [r["name"] for r in TABLES])
def test_every_row_names_a_confidence_and_every_u_row_explains_both_values(name: str) -> None:
    for record in data.load(name):
        level = getattr(record, "confidence", None) or getattr(record, "verdict", None)
        if level == "U":
            note = getattr(record, "note", None) or getattr(record, "confidence_note", None)
            assert note, f"{name} {record}: a U row needs a note giving both values"


def test_invocations_keep_every_fact_sheet_row_with_missing_values_missing() -> None:
    rows = {r.id: r for r in data.load("invocations")}
    assert len(rows) == 17
    belarus_2023 = rows["m13"]
    assert (belarus_2023.invoked, belarus_2023.invoking_states, belarus_2023.route) == (
        date(2023, 3, 23),
        38,
        "paragraph-12",
    )
    assert belarus_2023.experts == ("Hervé Ascensio",)
    senior_officials = rows["m04"]
    assert senior_officials.invoking_states is None and senior_officials.invoked_precision == "month"
    unknown_1999 = rows["m05"]
    assert unknown_1999.target is None and unknown_1999.confidence == "U"
    georgia = rows["m17"]
    assert (georgia.invoking_states, georgia.invoking_states_alt) == (23, 24)
    ukraine_2022 = rows["m10"]
    assert (ukraine_2022.route, ukraine_2022.route_confidence, ukraine_2022.route_alt) == (
        "consent",
        "U",
        "paragraph-12",
    )


def test_paragraph_12_is_claimed_with_confidence_v_only_where_a_source_says_so() -> None:
    verified = {
        r.id for r in data.load("invocations") if r.route == "paragraph-12" and r.route_confidence == "V"
    }
    assert verified == {"m06", "m08", "m09", "m13", "m17"}


def test_political_prisoners_keep_conflicts_and_the_briefings_figure_apart() -> None:
    rows = data.load("political_prisoners")
    end_2023 = [r for r in rows if r.conflict_group == "end-2023"]
    assert sorted(r.count for r in end_2023) == [1430, 1452, 1477]
    assert {r.as_of for r in end_2023} == {date(2023, 12, 31)} and {r.confidence for r in end_2023} == {"U"}
    (briefing,) = [r for r in rows if r.figure_by == "briefing"]
    assert (briefing.count, briefing.as_of, briefing.as_of_precision) == (1486, None, "unknown")
    by_day = {r.as_of: r.count for r in rows if r.as_of_precision == "day"}
    assert by_day[date(2023, 3, 15)] == 1465
    assert by_day[date(2023, 5, 8)] == 1493
    assert by_day[date(2023, 8, 9)] == 1494


def test_viasnas_definition_travels_with_the_prisoner_counts() -> None:
    definition = data.describe("political_prisoners")["casebook:definition"]
    assert definition["adopted"] == "October 2013"
    assert "Vilnius" in definition["adopted_at"]
    assert definition["sources"] == ["S91", "S92"]


def test_timeline_has_both_tracks_and_the_osce_milestones() -> None:
    rows = data.load("timeline")
    assert {r.track for r in rows} == {"osce", "belarus"}
    osce_years = {r.date.year for r in rows if r.track == "osce"}
    assert {1975, 1989, 1990, 1991, 1992} <= osce_years
    assert all(2020 <= r.date.year <= 2025 for r in rows if r.track == "belarus")


def test_glossary_covers_the_terms_the_lessons_need() -> None:
    terms = {r.term for r in data.load("glossary")}
    needed = {
        "OSCE",
        "ODIHR",
        "Permanent Council",
        "participating state",
        "consensus",
        "consensus minus one",
        "Moscow Mechanism",
        "rapporteur",
        "mission of experts",
        "political prisoner",
        "universal jurisdiction",
    }
    assert needed <= terms


def test_claims_have_stable_ids_and_structured_places_in_the_briefing() -> None:
    claims = data.load("claims")
    assert [c.id for c in claims] == [f"c{i:02d}" for i in range(1, len(claims) + 1)]
    thirty_eight = next(c for c in claims if c.id == "c16")
    assert thirty_eight.where == ("Q2", "Q4")
    unchecked = [c for c in claims if c.verdict == "B"]
    assert unchecked and all(c.sources == () for c in unchecked)


def test_briefing_metadata_gives_the_inferred_date_with_its_evidence() -> None:
    about = data.briefing_metadata()
    assert about.date == date(2023, 5, 11) and about.date_confidence == "U"
    assert len(about.date_evidence) == 4
    assert about.url.startswith("https://www.state.gov/")
    people = data.load(about.people)
    assert [p.question for p in people if p.role == "questioner"] == [f"Q{i}" for i in range(1, 7)]
    assert {p.mode for p in people if p.role == "questioner"} == {"live", "submitted"}
