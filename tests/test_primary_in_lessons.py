"""Lessons 02-05 each trace a claim of the briefing to a primary text; 04, 05 and 07 ask who is behind
each source they weigh, with one question of the same shape for every source."""

from __future__ import annotations

import ast
import re

import nbformat
import pytest

from casebook import data
from casebook.behind import UnknownSource, behind, who_is_behind
from casebook.primary import excerpt_ids
from casebook.transcript import load_briefing
from tests.conftest import ROOT

LATERAL = ["02", "03", "04", "05"]
WEIGHING = ["04", "05", "07"]
SIFT = "Who is behind this source, and what might they want readers to think?"


def _lesson(number: str) -> nbformat.NotebookNode:
    (path,) = (ROOT / "notebooks").glob(f"{number}_*.ipynb")
    return nbformat.read(path, as_version=4)


def _calls(nb: nbformat.NotebookNode, name: str) -> list[ast.Call]:
    found = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == name:
                found.append(node)
    return found


def _section(nb: nbformat.NotebookNode, heading: str) -> list[nbformat.NotebookNode]:
    """The cells from the heading that starts with ``heading`` to the next heading of its level."""
    start = next(i for i, c in enumerate(nb.cells) if c.source.startswith(heading))
    level = heading.split()[0]
    end = next(
        (i for i in range(start + 1, len(nb.cells)) if re.match(rf"^{level}\s", nb.cells[i].source)),
        len(nb.cells),
    )
    return nb.cells[start:end]


@pytest.mark.parametrize("number", LATERAL)
def test_each_lesson_has_a_timed_lateral_reading_activity_with_a_real_excerpt(number: str) -> None:
    cells = _section(_lesson(number), "## Lateral reading")
    markdown = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    assert re.search(r"^### Activity: .*\(5 minutes\)$", markdown, re.MULTILINE)
    assert "**Task.**" in markdown and "**Question.**" in markdown
    shown = [
        call.args[0].value
        for cell in cells
        if cell.cell_type == "code"
        for call in _calls(nbformat.v4.new_notebook(cells=[cell]), "show_excerpt")
    ]
    assert 1 <= len(shown) <= 2 and set(shown) <= set(excerpt_ids())


@pytest.mark.parametrize("number", LATERAL)
def test_the_claim_is_quoted_from_the_transcript_and_is_a_sentence_of_the_briefer(number: str) -> None:
    cells = _section(_lesson(number), "## Lateral reading")
    passages = [
        tuple(arg.value for arg in node.args)
        for cell in cells
        if cell.cell_type == "code"
        for node in ast.walk(ast.parse(cell.source))
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "passage"
    ]
    assert len(passages) == 1
    turn, sentence = passages[0]
    briefing = load_briefing()
    assert briefing.turn(turn).speaker == "AMBASSADOR CARPENTER"
    assert briefing.passage(turn, sentence)


def test_the_four_activities_open_different_excerpts() -> None:
    used = [call.args[0].value for n in LATERAL for call in _calls(_lesson(n), "show_excerpt")]
    assert len(used) == len(set(used)) >= 4


def test_lesson_02_sets_the_final_acts_own_words_beside_the_osces_account_of_1991() -> None:
    cells = _section(_lesson("02"), "## Lateral reading")
    shown = [call.args[0].value for call in _calls(nbformat.v4.new_notebook(cells=cells), "show_excerpt")]
    rows = {row.id: row for row in data.load("primary_excerpts")}
    assert [rows[i].provenance for i in shown] == ["copy", "first-hand"]
    assert "Final Act" in rows[shown[0]].document and rows[shown[0]].published.year == 1975
    markdown = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    assert "not the OSCE's own" in markdown, "the lesson says the Final Act's words are a copy"


@pytest.mark.parametrize("number", WEIGHING)
def test_lessons_that_weigh_sources_ask_the_same_question_of_every_source(number: str) -> None:
    calls = _calls(_lesson(number), "who_is_behind")
    assert calls, f"lesson {number} does not show who is behind its sources"
    for call in calls:
        question = {k.arg: k.value for k in call.keywords}["question"]
        assert isinstance(question, ast.Constant) and question.value == SIFT


def test_lesson_04_asks_it_of_governments_the_osce_viasna_and_state_media_alike() -> None:
    (call,) = _calls(_lesson("04"), "who_is_behind")
    ids = [element.value for element in call.args[0].elts]
    kinds = {source.publisher_type for source in behind(ids)}
    assert {
        "participating-state government",
        "OSCE body",
        "human-rights NGO",
        "Belarusian or Russian state media",
    } <= kinds


def test_who_is_behind_shows_publisher_and_kind_from_sources_csv_in_the_order_given() -> None:
    known = {source.id: source for source in data.load("sources")}
    shown = who_is_behind(["S5", "S1", "S12", "S5"], question=SIFT)
    assert [row[0] for row in shown.rows] == ["S5", "S1", "S12"]
    for row in shown.rows:
        assert row[1] == known[row[0]].publisher
        assert row[2] == known[row[0]].publisher_type
        assert row[-1] == SIFT
    assert shown.headers[2] == "Who is behind it" and shown.headers[-1] == "Ask of it"
    assert "Ask of it" not in who_is_behind(["S1"]).headers


def test_an_unknown_source_is_one_line_naming_the_file_and_field() -> None:
    with pytest.raises(UnknownSource) as raised:
        who_is_behind(["S1", "S9999"])
    assert str(raised.value) == "sources.csv, field 'id': no source 'S9999'."
