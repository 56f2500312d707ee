"""The instructors' guide cites sources like the lessons: numbered links and a numbered Sources section,
kept up to date by `casebook references` and checked by its --check."""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook import data
from casebook.citations import raw_keys
from casebook.cli import main
from casebook.guide_references import guide_pages, update_guide, updated_guide_page
from tests.conftest import ROOT
from tests.test_references import _source

SOURCES = {"S2": _source("S2", "https://example.org/two"), "S10": _source("S10", None, "Read on paper.")}
PAGE = "# Lesson 09\n\nThe ministry said so [S10]. Both agree [S2, S10].\n\n## Answer key\n\nSee [S2].\n"
ITEM = "Example Ministry (participating-state government): A statement."


def test_a_page_gets_numbered_links_and_a_sources_section_in_first_cited_order() -> None:
    new, problems = updated_guide_page(PAGE, SOURCES, "guide.md")
    assert problems == []
    assert "The ministry said so [1]. Both agree [1, [2](https://example.org/two)]." in new
    assert "See [[2](https://example.org/two)]." in new
    section = new.split("## Sources\n", 1)[1]
    assert "<!-- casebook-sources: S10 S2 -->" in section
    assert f"1. {ITEM} No link: Read on paper." in section
    assert f"2. {ITEM} <https://example.org/two>" in section
    assert raw_keys(new, SOURCES) == []
    assert updated_guide_page(new, SOURCES, "guide.md") == (new, [])  # run twice, nothing changes


def test_a_new_citation_joins_the_list_and_keeps_the_old_numbers() -> None:
    first, _ = updated_guide_page(PAGE, SOURCES, "guide.md")
    added = first.replace("## Answer key", "A third [S2].\n\n## Answer key")
    again, problems = updated_guide_page(added, SOURCES, "guide.md")
    assert problems == [] and "A third [[2](https://example.org/two)]." in again
    assert again.count("## Sources") == 1 and "<!-- casebook-sources: S10 S2 -->" in again


def test_a_page_that_cites_nothing_is_left_as_it_is() -> None:
    text = "# Hub\n\nNo citations here, only [a link](https://example.org) and [sic].\n"
    assert updated_guide_page(text, SOURCES, "hub.md") == (text, [])


def test_an_unknown_id_is_reported_naming_the_page_and_left_as_written() -> None:
    new, problems = updated_guide_page("Said [S999] and [S2].\n", SOURCES, "guide.md")
    assert [str(p) for p in problems] == ["guide.md: cites [S999], which is not an id in data/sources.csv"]
    assert "[S999]" in new and "[[1](https://example.org/two)]" in new


def test_check_names_a_stale_guide_page_and_writes_nothing(tmp_path: Path) -> None:
    page = tmp_path / "09_new.md"
    page.write_text(PAGE, encoding="utf-8")
    report = update_guide([page], list(SOURCES.values()), check=True)
    assert report.changed == [page] and page.read_text(encoding="utf-8") == PAGE
    update_guide([page], list(SOURCES.values()), check=False)
    assert update_guide([page], list(SOURCES.values()), check=True).changed == []


def test_the_shipped_guide_is_up_to_date_with_sources_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["references", "--check"]) == 0, capsys.readouterr().out
    assert "instructors" in capsys.readouterr().out


@pytest.mark.parametrize("path", guide_pages(ROOT / "instructors"), ids=lambda p: p.name)
def test_a_guide_page_shows_no_raw_source_id(path: Path) -> None:
    ids = [source.id for source in data.load("sources")]
    found = raw_keys(path.read_text(encoding="utf-8"), ids)
    assert not found, f"{path.name}: {found} (run 'casebook references')"
