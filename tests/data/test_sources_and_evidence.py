"""Rules every source row and every verified fact keep, for the rows of today and any row added later:
a title, an address or the reason there is none, who is behind the source from a closed list, no
verified fact resting only on copies, and claim quotes that are the briefing's own words. Each rule is
also shown to fire on a deliberately broken copy."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from casebook import data, invocations
from casebook.data.evidence import MIRROR, misquoted_claims, unsupported_facts
from casebook.data.package import DataError
from casebook.data.validation import validate_package
from tests.data.conftest import DATA, edit_cell

DESCRIPTOR = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
SOURCES_SCHEMA = next(r for r in DESCRIPTOR["resources"] if r["name"] == "sources")["schema"]
PUBLISHER_TYPES = next(f for f in SOURCES_SCHEMA["fields"] if f["name"] == "publisher_type")["constraints"][
    "enum"
]
# Sites that republish other people's texts. A row pointing at one must say so in its type.
COPY_SITES = (
    "pledgetimes.com",
    "urdupoint.com",
    "docslib.org",
    "fdocuments.in",
    "hozir.org",
    "topwar.ru",
    "exbulletin.com",
    "breakinglatest.news",
    "thenewsintel.com",
    "miragenews.com",
    "einpresswire.com",
    "newskitchen.eu",
    "onenewspage.com",
    "wikisum.wiki",
    "foreignpolicywatchdog.com",
    "vdocuments.mx",
    "studylib.net",
    "magilex.com",
)


def fact_tables() -> dict[str, list]:
    """Every table whose rows state facts with sources (not sources itself, nor the verdict vocabulary)."""
    return {name: data.load(name) for name in data.resource_names() if name not in ("sources", "verdicts")}


def use_copy(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEBOOK_DATA", str(folder))


# --- the shipped data keeps every rule ---------------------------------------------------------------


def test_the_publisher_types_are_the_closed_list_the_kit_documents() -> None:
    assert PUBLISHER_TYPES[:8] == [
        "participating-state government",
        "OSCE body",
        "other intergovernmental body",
        "Belarusian or Russian state media",
        "human-rights NGO",
        "independent press",
        "academic",
        "aggregator or mirror",
    ]
    assert len(PUBLISHER_TYPES) <= 10, "at most two values beyond the agreed eight"
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for value in PUBLISHER_TYPES:
        assert re.search(rf"^- \*\*{re.escape(value)}\*\*", readme, re.MULTILINE), (
            f"{value!r} is undocumented"
        )


def test_every_source_has_a_title_a_type_from_the_list_and_an_address_or_a_reason() -> None:
    for source in data.load("sources"):
        assert source.title and source.title.strip(), source.id
        assert source.publisher_type in PUBLISHER_TYPES, source.id
        assert source.url or (source.note and len(source.note) > 20), f"{source.id}: no address, no reason"


def test_a_title_the_kit_supplied_is_bracketed_and_explained() -> None:
    supplied = [s for s in data.load("sources") if s.title.startswith("[")]
    assert supplied, "some pages' own titles were not found"
    for source in supplied:
        assert source.title.endswith("]"), source.id
        assert "title in brackets" in (source.note or ""), f"{source.id}: say why the title is supplied"


def test_the_publisher_type_is_a_field_of_every_source_record() -> None:
    names = [f.name for f in dataclasses.fields(data.load("sources")[0])]
    assert names.index("publisher_type") == names.index("publisher") + 1


def test_no_verified_fact_rests_only_on_an_aggregator_or_a_mirror() -> None:
    problems = unsupported_facts(fact_tables(), data.load("sources"))
    assert problems == [], "\n".join(map(str, problems))


def test_a_source_on_a_copying_site_is_typed_as_a_copy() -> None:
    for source in data.load("sources"):
        host = urlparse(source.url).hostname or "" if source.url else ""
        if any(host == site or host.endswith("." + site) for site in COPY_SITES):
            assert source.publisher_type == MIRROR, f"{source.id} ({host}) is a copy; type it {MIRROR!r}"


def test_copies_are_kept_only_as_bad_examples_and_no_fact_cites_a_content_farm() -> None:
    """pledgetimes rows stay only to teach what a content farm is: no table row rests on them."""
    farm = {s.id for s in data.load("sources") if s.url and "pledgetimes.com" in s.url}
    assert farm == {"pledgetimes-faz-copy", "pledgetimes-sapega-copy"}
    for name, records in fact_tables().items():
        for record in records:
            assert not farm & set(record.sources), f"{name}: {record} cites a content farm"


def test_every_claim_quote_is_the_briefings_own_words() -> None:
    assert misquoted_claims(data.load("claims"), data.transcript_text()) == []


def test_the_figure_of_1486_rests_on_a_first_hand_account_not_a_copy() -> None:
    kinds = {s.id: s.publisher_type for s in data.load("sources")}
    figure = next(c for c in data.load("claims") if c.id == "c02")
    assert "1,486" in figure.quote
    assert any(kinds[sid] not in (MIRROR,) and sid != "S1" for sid in figure.sources)
    s6 = next(s for s in data.load("sources") if s.id == "S6")
    assert "faz.net" in s6.url and s6.publisher_type == "independent press"


# --- claims: the split, the additions and the corrections -----------------------------------------------


def test_c03_is_split_and_neither_part_is_taught_as_verified() -> None:
    claims = {c.id: c for c in data.load("claims")}
    hedged, threats = claims["c03"], claims["c27"]
    assert "Anecdotal reporting suggests" in hedged.quote and "reputable sources" in hedged.quote
    assert "sexual violence" in threats.quote and "parental custody" in threats.quote
    assert hedged.verdict != "V" and threats.verdict != "V"


def test_the_missing_checkable_claims_are_in_the_table_with_sourced_verdicts() -> None:
    claims = data.load("claims")
    quotes = {c.quote: c for c in claims}
    wanted = [
        "forceful methods to enter their homes",
        "stated goal of completely purging",
        "co-aggressor",
        "quite a few troops in Belarus",
        "Belarus has failed to do",
        "most elections in the OSCE region",
        "no country that is defending",
        "simply for doing their journalistic work",
        "for the sole purpose of arresting",
        "Ukrainian Prosecutor General’s Office",
    ]
    for words in wanted:
        (claim,) = [c for q, c in quotes.items() if words in q]
        assert claim.verdict in {"V", "U", "B"}
        if claim.verdict != "B":
            assert claim.sources, claim.id
    journalism = next(c for c in claims if "journalistic work" in c.quote)
    assert journalism.verdict == "U" and "mass riots" in journalism.sources_say
    assert len(claims) == 37


def test_babaryka_is_not_called_a_former_candidate_in_the_kits_own_words() -> None:
    babaryka = next(c for c in data.load("claims") if c.id == "c12")
    assert "former presidential candidate" in babaryka.quote
    assert "would-be candidate" in babaryka.sources_say
    assert "wrong as worded" in babaryka.verdict_detail


def test_the_null_and_void_row_says_what_the_delegation_applied_it_to() -> None:
    rejected = next(c for c in data.load("claims") if c.id == "c20")
    assert "the initiative" in rejected.sources_say and "the document" in rejected.sources_say
    assert "BelTA" in rejected.sources_say and rejected.sources == ("S5",)


def test_the_law_on_mass_events_keeps_its_official_wording_attributed() -> None:
    law = next(t for t in data.load("timeline") if t.id == "t21")
    assert '"with the aim of promoting them"' in law.event and "Sputnik" in law.event


# --- invocations: the state examined, and the counting rules ---------------------------------------------


def test_each_invocation_names_the_state_examined_and_the_host_only_where_different() -> None:
    rows = data.load("invocations")
    for row in rows:
        assert row.host != row.examined or row.host is None, row.id
    ukraine = [r for r in rows if r.target == "Ukraine"]
    assert ukraine and {(r.examined, r.host) for r in ukraine} == {("Russia", "Ukraine")}
    chechnya = next(r for r in rows if r.id == "m08")
    assert chechnya.examined == "Russia"


def test_counted_by_the_state_examined_russia_comes_first_then_belarus() -> None:
    from collections import Counter

    counts = Counter(r.examined for r in data.load("invocations") if r.examined).most_common(2)
    assert counts == [("Russia", 7), ("Belarus", 3)]


def test_every_published_total_but_about_a_dozen_is_what_some_counting_rule_gives() -> None:
    rows = data.load("invocations")
    totals = data.published_totals()
    assert (
        invocations.count(rows, until="2020-09-18", self_invited=False, unfinished=False, unclear=False) == 5
    )
    days = [*sorted({r.invoked for r in rows if r.invoked}), None]
    reachable = {
        invocations.count(rows, until=day, self_invited=s, unfinished=u, unclear=c)
        for day in days
        for s in (True, False)
        for u in (True, False)
        for c in (True, False)
    }
    before_2022 = {
        invocations.count(rows, until="2021-12-31", self_invited=s, unfinished=u, unclear=c)
        for s in (True, False)
        for u in (True, False)
        for c in (True, False)
    }
    for total in totals:
        if total["total"] is not None:
            assert total["total"] in reachable, total
    assert max(before_2022) < 10, "about a dozen before 2022 is reproduced by no rule"
    note = data.describe("invocations")["casebook:publishedTotalsNote"]
    assert "fifth time" in note and "about a dozen" in note and "fact sheet" in note


def test_the_march_2022_route_stays_uncertain_wherever_the_data_describes_it() -> None:
    m10 = next(r for r in data.load("invocations") if r.id == "m10")
    assert m10.route_confidence == "U" and m10.route_alt == "paragraph-12"
    mission = next(g for g in data.load("glossary") if g.term == "mission of experts")
    assert "March 2022" in mission.definition and "uncertain" in mission.definition


# --- each rule fires on a broken copy ---------------------------------------------------------------------


def test_a_source_without_a_title_is_refused(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    row = edit_cell(data_copy / "sources.csv", "S22", "title", "")
    problems = validate_package(data_copy)
    assert [(p.file.endswith("sources.csv"), p.row, p.field) for p in problems] == [(True, row, "title")]
    use_copy(data_copy, monkeypatch)
    with pytest.raises(DataError, match=rf"sources.csv, row {row}, field 'title': empty"):
        data.load("sources")


def test_a_source_with_neither_address_nor_reason_is_refused(data_copy: Path) -> None:
    edit_cell(data_copy / "sources.csv", "S22", "url", "", rehash=False)
    row = edit_cell(data_copy / "sources.csv", "S22", "note", "")
    problems = validate_package(data_copy)
    assert len(problems) == 1, "\n".join(map(str, problems))
    assert (problems[0].row, problems[0].field) == (row, "note")


def test_a_publisher_type_outside_the_list_is_refused(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = edit_cell(data_copy / "sources.csv", "S5", "publisher_type", "news")
    problems = validate_package(data_copy)
    assert [(p.row, p.field) for p in problems] == [(row, "publisher_type")]
    use_copy(data_copy, monkeypatch)
    with pytest.raises(DataError, match=rf"row {row}, field 'publisher_type': 'news' is not one of"):
        data.load("sources")


@pytest.mark.parametrize(
    ("path", "key", "sources"),
    [
        ("briefing/claims.csv", "c18", "S49"),
        ("timeline.csv", "t11", "S25;S46"),
        ("belarus/political_prisoners.csv", "p20", "nashaniva-312255"),
        ("glossary.csv", "Permanent Council", "wikisum"),
        ("osce/invocations.csv", "m14", "S47"),
    ],
)
def test_a_verified_fact_resting_only_on_copies_is_named(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, path: str, key: str, sources: str
) -> None:
    row = edit_cell(data_copy / path, key, "sources", sources)
    use_copy(data_copy, monkeypatch)
    problems = unsupported_facts(fact_tables(), data.load("sources"))
    assert [(p.file, p.row, p.field) for p in problems] == [(path, row, "sources")]
    assert key in problems[0].message and "cite the original" in problems[0].message


def test_an_uncertain_fact_may_cite_a_copy_it_teaches_as_one(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit_cell(data_copy / "belarus" / "political_prisoners.csv", "p16", "sources", "nashaniva-312255")
    use_copy(data_copy, monkeypatch)
    assert unsupported_facts(fact_tables(), data.load("sources")) == []


def test_a_claim_quote_that_is_not_in_the_transcript_is_named(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = edit_cell(
        data_copy / "briefing" / "claims.csv", "c12", "quote", "Viktar Babaryka, a presidential candidate"
    )
    use_copy(data_copy, monkeypatch)
    problems = misquoted_claims(data.load("claims"), data.transcript_text())
    assert [(p.row, p.field) for p in problems] == [(row, "quote")]
    assert "c12" in problems[0].message
