"""Lesson source lists generated from data/sources.csv: citations found, lists rendered and rewritten."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from casebook import data
from casebook.citations import cited_ids, numbered_citation, raw_keys, renumbered
from casebook.cli import main
from casebook.data.records import Source
from casebook.references import (
    SourcesCellError,
    reference_item,
    reference_list,
    replace_list,
    updated_lesson,
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
        "The UK said so [uk-belarus-2023]; a total ran to 15 [wikisum; S2]. Code `x[0]` and `[S99]`.",
        "A citation over two lines [S2,\nuk-belarus-2023].",
    ]
    citations = cited_ids(texts, SOURCES)
    assert citations.known == ("S10", "S2", "uk-belarus-2023", "wikisum")
    assert citations.unknown == ()


def test_a_number_stands_for_its_place_in_the_numbered_ids_and_one_past_the_end_is_reported() -> None:
    texts = ["Said so [[1](https://example.org/a), 2] and [S2]; later [3]."]
    citations = cited_ids(texts, SOURCES, numbered=["wikisum", "S10"])
    assert citations.known == ("wikisum", "S10", "S2")
    assert citations.unknown == ("[3]",)


def test_an_unknown_id_is_reported_not_dropped() -> None:
    citations = cited_ids(["As shown [S2, S999] and [no-such-source]."], SOURCES)
    assert citations.known == ("S2",)
    assert citations.unknown == ("S999", "no-such-source")


def test_raw_keys_finds_id_citations_only() -> None:
    text = "Numbers [[1](https://example.org/a), 2], a [link](https://x.org), [sic], `[S2]`; raw [S2, S10]."
    assert raw_keys(text, SOURCES) == ["[S2, S10]"]
    assert raw_keys("A mistyped [S999] and [uk-belarus-2032].", SOURCES) == ["[S999]", "[uk-belarus-2032]"]


def test_a_citation_is_written_as_numbers_smallest_first_linked_where_the_source_has_an_address() -> None:
    sources = {**SOURCES, "S7": _source("S7", url=None)}
    order = ["S10", "S7", "S2"]
    assert numbered_citation(["S2", "S10", "S7", "S2"], order, sources) == (
        "[[1](https://example.org/a), 2, [3](https://example.org/a)]"
    )


def test_renumbered_rewrites_ids_and_old_numbers_and_leaves_unknown_ones_as_written() -> None:
    text = "First [S2]. Then [[1](https://old.example/x)] and [S999]. Code `[S2]`."
    assert renumbered(text, ["S10"], ["S2", "S10"], SOURCES) == (
        "First [[1](https://example.org/a)]. Then [[2](https://example.org/a)] and [S999]. Code `[S2]`."
    )


def test_reference_item_has_number_publisher_type_title_and_link() -> None:
    assert reference_item(3, SOURCES["S2"]) == (
        "3. Example Ministry (participating-state government): A statement. <https://example.org/a>"
    )


def test_a_source_without_url_shows_its_note_instead_of_a_link() -> None:
    item = reference_item(1, _source("S7", url=None, note="Only the site was recorded"))
    assert item.endswith("A statement. No link: Only the site was recorded.")
    assert "<" not in item


def test_reference_list_is_numbered_in_the_order_given_each_source_once() -> None:
    listed = reference_list(["uk-belarus-2023", "S10", "S2", "S10", "S404"], SOURCES)
    assert [line.split(" ")[0] for line in listed.splitlines()] == ["1.", "2.", "3."]
    assert "[" not in listed


def test_replace_list_keeps_text_before_the_heading_and_the_paragraph_after_the_list() -> None:
    cell = (
        "## Key points\n\n- A point.\n\n## Sources\n\n- [S1] old item\n  continued\n2. another\n\n"
        "Every other source is listed in the dataset.\n\n**Next:** lesson 02."
    )
    new = replace_list(cell, "1. new item")
    assert new == (
        "## Key points\n\n- A point.\n\n## Sources\n\n1. new item\n\n"
        "Every other source is listed in the dataset.\n\n**Next:** lesson 02."
    )
    assert replace_list(new, "1. new item") == new


def test_replace_list_refuses_to_drop_an_item_without_an_id() -> None:
    with pytest.raises(SourcesCellError, match="names no source id"):
        replace_list("## Sources\n\n1. a source\n- The datasets list the rest.", "1. x", "lesson")
    with pytest.raises(SourcesCellError, match="no '## Sources' heading"):
        replace_list("## Key points\n\n- A point.", "1. x", "lesson")


def test_updated_notebook_numbers_the_citations_and_keeps_their_ids_in_the_sources_cell() -> None:
    text = _notebook(
        ("markdown", "# Lesson\n\nStates asked for it [S10]."),
        ("code", "x = '[S2]'  # code is not prose"),
        ("markdown", "The UK said so [uk-belarus-2023, S404]. It agreed [uk-belarus-2023]."),
        ("markdown", "## Sources\n\n- [S1] stale\n\nEvery other source is in the dataset."),
    )
    new, problems = updated_notebook(text, SOURCES, "lesson.ipynb")
    assert [str(p) for p in problems] == [
        "lesson.ipynb: cites [S404], which is not an id in data/sources.csv"
    ]
    before, after = json.loads(text)["cells"], json.loads(new)["cells"]
    assert before[1] == after[1]
    assert "".join(after[0]["source"]) == "# Lesson\n\nStates asked for it [[1](https://example.org/a)]."
    assert "".join(after[2]["source"]) == (
        "The UK said so [uk-belarus-2023, S404]. It agreed [[2](https://example.org/a)]."
    )
    assert "".join(after[3]["source"]) == (
        "## Sources\n\n"
        "1. Example Ministry (participating-state government): A statement. <https://example.org/a>\n"
        "2. Example Ministry (participating-state government): A statement. <https://example.org/a>\n\n"
        "Every other source is in the dataset."
    )
    assert after[3]["metadata"] == {"casebook": {"sources": ["S10", "uk-belarus-2023"]}}
    assert updated_notebook(new, SOURCES, "lesson.ipynb")[0] == new


def test_a_new_citation_earlier_in_the_lesson_renumbers_the_rest() -> None:
    text, _ = updated_notebook(
        _notebook(("markdown", "Said [S10]."), ("markdown", "## Sources\n")), SOURCES, "lesson.ipynb"
    )
    cells = json.loads(text)["cells"]
    cells[0]["source"] = ["Before [S2]. ", *cells[0]["source"]]
    new, problems = updated_notebook(
        json.dumps({**json.loads(text), "cells": cells}), SOURCES, "lesson.ipynb"
    )
    assert problems == []
    after = json.loads(new)["cells"]
    assert "".join(after[0]["source"]) == (
        "Before [[1](https://example.org/a)]. Said [[2](https://example.org/a)]."
    )
    assert after[1]["metadata"]["casebook"]["sources"] == ["S2", "S10"]


def test_a_number_past_the_end_of_the_list_is_a_problem_naming_the_lesson() -> None:
    _, problems = updated_notebook(
        _notebook(("markdown", "Said [4]."), ("markdown", "## Sources\n")), SOURCES, "lesson.ipynb"
    )
    assert [str(p) for p in problems] == [
        "lesson.ipynb: cites [4], but its Sources list has only 0 numbered sources"
    ]


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
    assert f"{lesson}: its citations or Sources list are out of date" in out
    assert f"{lesson}: cites [S0000], which is not an id in data/sources.csv" in out
    assert lesson.read_text(encoding="utf-8") == stale

    assert main(["references", "--notebooks", str(folder)]) == 1  # the unknown id still fails
    assert f"wrote {lesson}" in capsys.readouterr().out
    cells = json.loads(lesson.read_text(encoding="utf-8"))["cells"]
    assert cells[1] == json.loads(stale)["cells"][1]
    sources_cell = "".join(cells[2]["source"])
    assert "1. U.S. Department of State (participating-state government): " in sources_cell
    assert "[S2]" not in sources_cell and sources_cell.endswith("\n\nAfter the list.")
    assert other.read_text(encoding="utf-8") == "not a notebook"

    assert main(["references", "--check", "--notebooks", str(folder)]) == 1
    assert "out of date" not in capsys.readouterr().out
    assert "".join(cells[0]["source"]).startswith("The briefing [[1](https://www.state.gov/")
    cells[0]["source"] = ["".join(cells[0]["source"]).replace(" and a made-up source [S0000]", "")]
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
    holder = next(c for c in cells if "## Sources" in "".join(c["source"]))
    listed = "".join(holder["source"]).splitlines()
    numbered = holder["metadata"].get("casebook", {}).get("sources", [])
    for number, source_id in enumerate(numbered, 1):
        if sources[source_id].publisher_type == MIRROR:
            items = [line for line in listed if line.startswith(f"{number}. ")]
            assert items and f"({MIRROR})" in items[0], f"{path.name} cites [{source_id}], a copy, unmarked"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_a_lesson_shows_no_raw_source_id_to_students(path: Path) -> None:
    ids = [source.id for source in data.load("sources")]
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for index, cell in enumerate(c for c in cells if c["cell_type"] == "markdown"):
        found = raw_keys("".join(cell["source"]), ids)
        assert not found, f"{path.name}, markdown cell {index}: {found} (run 'casebook references')"


def _bare_ids(text: str, ids: list[str]) -> list[str]:
    """Source ids standing as words outside link addresses and code: a table's "Source | S57" cell."""
    shown = re.sub(r"\]\([^)\s]*\)|<[^>\s]+>|`[^`]*`", " ", text)
    return [i for i in ids if re.search(rf"(?<![\w/.-]){re.escape(i)}(?![\w/-]|\.\w)", shown)]


def test_bare_ids_finds_an_id_in_a_table_cell_but_not_in_an_address_or_code() -> None:
    ids = ["S57", "usmission-ukraine-2022"]
    assert _bare_ids("| Principle VII | text | S57 |", ids) == ["S57"]
    assert _bare_ids("| x | [S41, usmission-ukraine-2022] |", ids) == ["usmission-ukraine-2022"]
    assert _bare_ids("[[2](https://example.org/S57)], `S57`, <https://x.org/S57>, S570, S57.org", ids) == []
    assert _bare_ids("as S57.", ids) == ["S57"]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_a_lesson_shows_no_bare_source_id_to_students(path: Path) -> None:
    ids = [source.id for source in data.load("sources")]
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for index, cell in enumerate(c for c in cells if c["cell_type"] == "markdown"):
        found = _bare_ids("".join(cell["source"]), ids)
        hint = "cite it as [id] and run 'casebook references'"
        assert not found, f"{path.name}, markdown cell {index}: {found} ({hint})"


def test_a_lessons_quizzes_cite_by_the_lessons_numbers_and_their_sources_join_its_list() -> None:
    text = _notebook(("markdown", "Said [S10]."), ("markdown", "## Sources\n"))
    quiz = 'explanation: "The UK said so [uk-belarus-2023]; see also [S10]."\n'
    new, quizzes, problems = updated_lesson(text, [quiz], SOURCES, "lesson.ipynb")
    assert problems == []
    assert quizzes == [
        'explanation: "The UK said so [[2](https://example.org/a)]; see also [[1](https://example.org/a)]."\n'
    ]
    holder = json.loads(new)["cells"][1]
    assert holder["metadata"]["casebook"]["sources"] == ["S10", "uk-belarus-2023"]
    assert updated_lesson(new, quizzes, SOURCES, "lesson.ipynb")[:2] == (new, quizzes)


@pytest.mark.parametrize("path", sorted((ROOT / "data" / "quizzes").glob("*.yaml")), ids=lambda p: p.name)
def test_a_quiz_shows_no_raw_source_id_to_students(path: Path) -> None:
    ids = [source.id for source in data.load("sources")]
    found = raw_keys(path.read_text(encoding="utf-8"), ids)
    assert not found, f"{path.name}: {found} (run 'casebook references')"
