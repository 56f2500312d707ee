"""Lesson source lists generated from data/sources.csv: citations found, lists rendered and rewritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casebook import data
from casebook.cli import main
from casebook.data.records import Source
from casebook.references import (
    SourcesCellError,
    cited_ids,
    reference_item,
    reference_list,
    replace_list,
    updated_notebook,
)
from tests.conftest import ROOT

LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
MIRROR = "aggregator or mirror"


def _source(source_id: str, url: str | None = "https://example.org/a", note: str | None = None) -> Source:
    return Source(
        id=source_id,
        url=url,
        publisher="Example Ministry",
        publisher_type="participating-state government",
        title="A statement",
        note=note,
    )


SOURCES = {s.id: s for s in (_source("S2"), _source("S10"), _source("uk-belarus-2023"), _source("wikisum"))}


def _notebook(*cells: tuple[str, str]) -> str:
    notebook = {
        "cells": [
            {"cell_type": kind, "id": f"c{i}", "metadata": {}, "source": text.splitlines(keepends=True)}
            | ({"outputs": [], "execution_count": None} if kind == "code" else {})
            for i, (kind, text) in enumerate(cells)
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(notebook, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def test_cited_ids_finds_lists_and_named_ids_but_not_links_or_plain_brackets() -> None:
    texts = [
        "States said so [S10, S2]. A [link](https://x.org) and a quote with [sic] and the [OSCE] in it.",
        "The UK said so [uk-belarus-2023]; a total ran to 15 [wikisum; S2]. Footnote [1].",
        "A citation over two lines [S2,\nuk-belarus-2023].",
    ]
    citations = cited_ids(texts, SOURCES)
    assert citations.known == ("S10", "S2", "uk-belarus-2023", "wikisum")
    assert citations.unknown == ()


def test_an_unknown_id_is_reported_not_dropped() -> None:
    citations = cited_ids(["As shown [S2, S999] and [no-such-source]."], SOURCES)
    assert citations.known == ("S2",)
    assert citations.unknown == ("S999", "no-such-source")


def test_reference_item_has_id_publisher_type_title_and_link() -> None:
    assert reference_item(SOURCES["S2"]) == (
        "- [S2] Example Ministry (participating-state government): A statement. <https://example.org/a>"
    )


def test_a_source_without_url_shows_its_note_instead_of_a_link() -> None:
    item = reference_item(_source("S7", url=None, note="Only the site was recorded"))
    assert item.endswith("A statement. No link: Only the site was recorded.")
    assert "<" not in item


def test_reference_list_is_in_a_stable_order_each_source_once() -> None:
    listed = reference_list(["uk-belarus-2023", "S10", "S2", "S10", "S404"], SOURCES)
    assert [line.split("]")[0] for line in listed.splitlines()] == ["- [S2", "- [S10", "- [uk-belarus-2023"]
    assert reference_list(["S2", "S10", "uk-belarus-2023"], SOURCES) == listed


def test_replace_list_keeps_text_before_the_heading_and_the_paragraph_after_the_list() -> None:
    cell = (
        "## Key points\n\n- A point.\n\n## Sources\n\n- [S1] old item\n  continued\n- [S9] another\n\n"
        "Every other source is listed in the dataset.\n\n**Next:** lesson 02."
    )
    new = replace_list(cell, "- [S2] new item")
    assert new == (
        "## Key points\n\n- A point.\n\n## Sources\n\n- [S2] new item\n\n"
        "Every other source is listed in the dataset.\n\n**Next:** lesson 02."
    )
    assert replace_list(new, "- [S2] new item") == new


def test_replace_list_refuses_to_drop_an_item_without_an_id() -> None:
    with pytest.raises(SourcesCellError, match="names no source id"):
        replace_list("## Sources\n\n- [S1] a source\n- The datasets list the rest.", "- [S2] x", "lesson")
    with pytest.raises(SourcesCellError, match="no '## Sources' heading"):
        replace_list("## Key points\n\n- A point.", "- [S2] x", "lesson")


def test_updated_notebook_changes_only_the_sources_cell() -> None:
    text = _notebook(
        ("markdown", "# Lesson\n\nStates asked for it [S10]."),
        ("code", "x = '[S2]'  # code is not prose"),
        ("markdown", "The UK said so [uk-belarus-2023, S404]."),
        ("markdown", "## Sources\n\n- [S1] stale\n\nEvery other source is in the dataset."),
    )
    new, problems = updated_notebook(text, SOURCES, "lesson.ipynb")
    assert [str(p) for p in problems] == [
        "lesson.ipynb: cites [S404], which is not an id in data/sources.csv"
    ]
    before, after = json.loads(text)["cells"], json.loads(new)["cells"]
    assert before[:3] == after[:3]
    assert "".join(after[3]["source"]) == (
        "## Sources\n\n"
        "- [S10] Example Ministry (participating-state government): A statement. <https://example.org/a>\n"
        "- [uk-belarus-2023] Example Ministry (participating-state government): A statement. "
        "<https://example.org/a>\n\n"
        "Every other source is in the dataset."
    )
    assert updated_notebook(new, SOURCES, "lesson.ipynb")[0] == new


def test_a_notebook_that_is_not_json_is_one_problem() -> None:
    with pytest.raises(SourcesCellError, match="not a notebook"):
        updated_notebook("{not json", SOURCES, "broken.ipynb")


def test_command_check_fails_on_a_stale_list_and_passes_after_a_rewrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    lesson = folder / "01_lesson.ipynb"
    lesson.write_text(
        _notebook(
            ("markdown", "The briefing [S1] and a made-up source [S0000]."),
            ("code", "print('untouched')"),
            ("markdown", "## Sources\n\n- [S2] stale\n\nAfter the list."),
        ),
        encoding="utf-8",
    )
    other = folder / "notes.ipynb"  # not a numbered lesson: never read
    other.write_text("not a notebook", encoding="utf-8")
    stale = lesson.read_text(encoding="utf-8")

    assert main(["references", "--check", "--notebooks", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"{lesson}: its Sources list is out of date" in out
    assert f"{lesson}: cites [S0000], which is not an id in data/sources.csv" in out
    assert lesson.read_text(encoding="utf-8") == stale

    assert main(["references", "--notebooks", str(folder)]) == 1  # the unknown id still fails
    assert f"wrote {lesson}" in capsys.readouterr().out
    cells = json.loads(lesson.read_text(encoding="utf-8"))["cells"]
    assert cells[:2] == json.loads(stale)["cells"][:2]
    sources_cell = "".join(cells[2]["source"])
    assert "- [S1] U.S. Department of State (participating-state government): " in sources_cell
    assert "[S2]" not in sources_cell and sources_cell.endswith("\n\nAfter the list.")
    assert other.read_text(encoding="utf-8") == "not a notebook"

    assert main(["references", "--check", "--notebooks", str(folder)]) == 1
    assert "out of date" not in capsys.readouterr().out
    cells[0]["source"] = ["The briefing [S1]."]
    lesson.write_text(json.dumps({**json.loads(stale), "cells": cells}), encoding="utf-8")
    assert main(["references", "--check", "--notebooks", str(folder)]) == 0
    assert "matches data/sources.csv" in capsys.readouterr().out


def test_every_lesson_list_matches_the_data_and_every_cited_id_exists(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["references", "--check"])
    assert code == 0, capsys.readouterr().out


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_a_lesson_citing_an_aggregator_or_mirror_says_so_in_its_list(path: Path) -> None:
    sources = {source.id: source for source in data.load("sources")}
    cells = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "markdown"]
    texts = ["".join(c["source"]) for c in cells]
    listed = "\n".join(t for t in texts if "## Sources" in t).splitlines()
    cited = cited_ids((t for t in texts if "## Sources" not in t), sources).known
    for source_id in (s for s in cited if sources[s].publisher_type == MIRROR):
        items = [line for line in listed if line.startswith(f"- [{source_id}] ")]
        assert items and f"({MIRROR})" in items[0], f"{path.name} cites [{source_id}], a copy, unmarked"
