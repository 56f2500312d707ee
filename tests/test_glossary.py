"""The glossary search: accent- and case-insensitive, ranked, and a widget that narrows as you type."""

from __future__ import annotations

import subprocess
import sys

import pytest

from casebook.glossary import (
    MAX_QUERY,
    Entry,
    GlossaryError,
    entries_from_records,
    fold,
    glossary_widget,
    results_html,
    results_text,
    search,
    selection,
)

RECORDS = [
    {"term": "Rapporteur", "definition": "An expert named to write a report.", "source": "S31"},
    {"term": "Consensus", "definition": "A decision taken when no state objects.", "source": "S30"},
    {
        "term": "Consensus minus one",
        "definition": "A decision taken without the consent of the state concerned.",
    },
    {"term": "Hervé Ascensio", "definition": "The rapporteur who wrote the 2023 report."},
    {"term": "ODIHR", "definition": "The OSCE office for democratic institutions and human rights."},
]


@pytest.fixture
def entries() -> list[Entry]:
    return entries_from_records(RECORDS)


def terms(results: list[Entry]) -> list[str]:
    return [e.term for e in results]


def test_a_selection_is_named_in_the_data_and_keeps_the_data_order() -> None:
    records = [
        {"term": "B", "definition": "Bee.", "selections": ("one", "two")},
        {"term": "A", "definition": "Ay.", "selections": ()},
        {"term": "C", "definition": "Sea.", "selections": "two"},
    ]
    assert terms(selection("two", records)) == ["B", "C"]
    assert terms(selection("one", records)) == ["B"]
    unknown = "no term is in the selection 'three'; the selections are: one, two"
    with pytest.raises(GlossaryError, match=unknown):
        selection("three", records)


def test_the_lessons_key_terms_are_selections_of_the_glossary_dataset() -> None:
    assert terms(selection("osce-basics"))[:3] == ["OSCE", "Helsinki Final Act", "basket"]
    assert len(selection("osce-basics")) == 11 and len(selection("moscow-mechanism")) == 8
    assert "Moscow Mechanism" in terms(selection("moscow-mechanism"))


def test_fold_drops_accents_case_and_punctuation() -> None:
    assert fold("  Hervé  ASCENSIO-report! ") == "herve ascensio report"
    assert fold("Nußberger") == "nussberger"


def test_search_ignores_case_and_accents(entries: list[Entry]) -> None:
    assert terms(search(entries, "HERVE")) == ["Hervé Ascensio"]
    assert terms(search(entries, "hervé")) == ["Hervé Ascensio"]


def test_search_finds_words_in_definitions(entries: list[Entry]) -> None:
    assert terms(search(entries, "objects")) == ["Consensus"]


def test_every_query_word_must_match(entries: list[Entry]) -> None:
    assert terms(search(entries, "decision consent")) == ["Consensus minus one"]
    assert search(entries, "decision zebra") == []


def test_exact_term_ranks_before_prefix_before_definition_only(entries: list[Entry]) -> None:
    # "consensus" is the exact term, "consensus minus one" starts with it; no definition-only match.
    assert terms(search(entries, "Consensus")) == ["Consensus", "Consensus minus one"]
    # "report" is in no term: definition matches only, alphabetical.
    assert terms(search(entries, "report")) == ["Hervé Ascensio", "Rapporteur"]
    # a term match beats a definition match
    assert terms(search(entries, "osce"))[0] == "ODIHR"


def test_hyphens_and_spaces_are_the_same(entries: list[Entry]) -> None:
    assert terms(search(entries, "consensus-minus-one")) == ["Consensus minus one"]


def test_empty_query_lists_everything_alphabetically(entries: list[Entry]) -> None:
    assert terms(search(entries, "   ")) == sorted(terms(entries), key=str.casefold)


def test_absurd_query_finds_nothing_without_error(entries: list[Entry]) -> None:
    assert search(entries, "x" * 100_000) == []
    assert search(entries, "<script>") == []
    long = results_text([], "y" * 5000)
    assert len(long) < MAX_QUERY + 200


def test_missing_field_names_the_record_and_the_field() -> None:
    with pytest.raises(GlossaryError, match=r"glossary, record 2, field 'definition'"):
        entries_from_records([RECORDS[0], {"term": "OSCE", "definition": "  "}])
    with pytest.raises(GlossaryError, match=r"record 1, field 'term'"):
        entries_from_records([{"definition": "no term"}])


def test_records_may_be_objects_with_a_tuple_of_sources() -> None:
    from types import SimpleNamespace

    record = SimpleNamespace(term="OSCE", definition="A forum of states.", sources=("S30", "S57"))
    assert entries_from_records([record]) == [Entry("OSCE", "A forum of states.", "S30, S57")]


def test_html_results_are_escaped_and_announced(entries: list[Entry]) -> None:
    evil = entries_from_records([{"term": "<b>x</b>", "definition": "a & b"}])
    page = results_html(evil, "<i>")
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page and "a &amp; b" in page
    assert 'role="status"' in page and "&lt;i&gt;" in page
    assert "No entry matches" in results_html([], "zebra")
    assert "S31" in results_html(entries)


def test_widget_narrows_the_list_as_the_learner_types(entries: list[Entry]) -> None:
    view = glossary_widget(RECORDS)
    assert view.query.description == "Search the glossary"
    assert all(e.term in view.results.value for e in entries)
    view.query.value = "herve"  # what typing does
    assert "Hervé Ascensio" in view.results.value and "Rapporteur" not in view.results.value
    view.set_query("")
    assert view.query.value == "" and "Rapporteur" in view.results.value


def test_widget_results_scroll_in_a_region_the_keyboard_can_reach() -> None:
    view = glossary_widget(RECORDS)
    assert view.results.value.startswith('<div role="region" tabindex="0" aria-label="Glossary entries"')


def test_widget_display_carries_a_static_copy() -> None:
    bundle = glossary_widget(RECORDS)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "ODIHR" in bundle["text/html"] and "ODIHR" in bundle["text/plain"]


def test_importing_the_glossary_does_not_import_widgets() -> None:
    code = "import casebook.glossary, sys; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_show_glossary_returns_the_widget_to_display() -> None:
    from casebook.glossary import GlossaryView, show_glossary

    view = show_glossary(RECORDS)
    assert isinstance(view, GlossaryView) and len(view.entries) == len(RECORDS)


def test_every_term_of_the_kits_glossary_is_found_first_by_its_own_name() -> None:
    from casebook import data

    entries = entries_from_records(data.load("glossary"))
    assert entries
    for entry in entries:
        assert search(entries, entry.term.upper())[0] == entry


def test_every_lesson_can_reach_the_glossary_search_and_lesson_00_shows_how() -> None:
    """Issue #6: the searchable glossary is available from any lesson. Lesson 00 gives the two lines
    that open it (they run, and give the widget over the kit's glossary); every other lesson either
    shows it or points to the glossary."""
    import re

    import nbformat

    from casebook import data
    from casebook.glossary import GlossaryView
    from tests.conftest import ROOT

    lessons = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    texts = {p.stem: "\n".join(c.source for c in nbformat.read(p, as_version=4).cells) for p in lessons}
    (snippet,) = re.findall(r"```python\n(.*?show_glossary\(\).*?)```", texts.pop("00_start_here"), re.S)
    namespace: dict = {}
    exec(compile(snippet, "lesson 00 glossary snippet", "exec"), namespace)  # noqa: S102 - the kit's own text
    view = namespace["show_glossary"]()
    assert isinstance(view, GlossaryView) and len(view.entries) == len(data.load("glossary"))
    for stem, text in texts.items():
        assert "glossary" in text.lower(), f"notebooks/{stem}.ipynb never mentions the glossary"
