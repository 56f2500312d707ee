"""The course glossary: search it by term and definition, ignoring case and accents.

Pure search (``entries_from_records``, ``search``, ``results_html``, ``results_text``) is separate from
display (``glossary_widget``, ``show_glossary``), so it is tested without a kernel. The entries come from
the ``glossary`` dataset (``casebook.data.load("glossary")``); nothing here holds a definition.

In a lesson::

    from casebook.glossary import show_glossary
    show_glossary()

A lesson that lists its key terms names a selection of the data (the ``selections`` column of
``glossary.csv``) instead of typing the terms: ``selection("osce-basics")``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from casebook.text import fold as fold

__all__ = [
    "Entry",
    "GlossaryError",
    "entries_from_records",
    "fold",
    "GlossaryView",
    "glossary_widget",
    "results_html",
    "results_text",
    "search",
    "selection",
    "show_glossary",
]

MAX_QUERY = 200  # longer queries are cut here: no term or definition is that long


class GlossaryError(ValueError):
    """A glossary record that cannot be used, named by its position and field."""


@dataclass(frozen=True)
class Entry:
    """One glossary entry."""

    term: str
    definition: str
    source: str = ""


def _field(record: Any, name: str) -> Any:
    if isinstance(record, Mapping):
        return record.get(name)
    return getattr(record, name, None)


def entries_from_records(records: Iterable[Any], *, origin: str = "glossary") -> list[Entry]:
    """Glossary entries from dataset records (mappings or objects with ``term`` and ``definition``).

    Raises GlossaryError naming the record (counting from 1) and the field when a term or definition
    is missing or empty. ``origin`` names the dataset or file in that message.
    """
    entries = []
    for number, record in enumerate(records, start=1):
        values = {}
        for name in ("term", "definition"):
            value = _field(record, name)
            if not isinstance(value, str) or not value.strip():
                raise GlossaryError(f"{origin}, record {number}, field '{name}': missing or empty")
            values[name] = value.strip()
        source = _field(record, "source") or _field(record, "sources") or ""
        if isinstance(source, (list, tuple)):
            source = ", ".join(str(s) for s in source)
        entries.append(Entry(values["term"], values["definition"], str(source).strip()))
    return entries


def selection(name: str, records: Iterable[Any] | None = None) -> list[Entry]:
    """The entries of the named selection (the ``selections`` field of each record), in the data's order.

    ``records`` default to the ``glossary`` dataset. Raises GlossaryError naming the selections there
    are when no record is in ``name``.
    """
    if records is None:
        from casebook import data

        records = data.load("glossary")
    chosen, names = [], set()
    for record in records:
        given = _field(record, "selections") or ()
        listed = {str(n).strip() for n in (given.split(";") if isinstance(given, str) else given)}
        names |= listed
        if name in listed:
            chosen.append(record)
    if not chosen:
        known = ", ".join(sorted(n for n in names if n)) or "none"
        raise GlossaryError(f"glossary: no term is in the selection {name!r}; the selections are: {known}")
    return entries_from_records(chosen)


def _rank(entry: Entry, folded_query: str, words: list[str]) -> int | None:
    term = fold(entry.term)
    everything = f"{term} {fold(entry.definition)}"
    if not all(word in everything for word in words):
        return None
    if term == folded_query:
        return 0
    if term.startswith(folded_query):
        return 1
    if all(word in term for word in words):
        return 2
    return 3


def search(entries: Iterable[Entry], query: str) -> list[Entry]:
    """Entries whose term or definition holds every word of the query, best matches first.

    Case, accents and punctuation are ignored ("herve" finds "Hervé"). An exact term comes first, then
    terms that start with the query, then terms that contain it, then matches in the definition only;
    alphabetical within each group. An empty query returns every entry, alphabetically.
    """
    folded_query = fold(query[:MAX_QUERY])
    words = folded_query.split()
    ranked = []
    for entry in entries:
        rank = _rank(entry, folded_query, words)
        if rank is not None:
            ranked.append((rank, fold(entry.term), entry))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [entry for _, _, entry in ranked]


def _summary(count: int, query: str) -> str:
    shown = query.strip()[:MAX_QUERY]
    if not shown:
        return f"All {count} entries."
    if count == 0:
        return f"No entry matches “{shown}”. Try a shorter word, or clear the box to see every entry."
    return f"{count} entr{'y' if count == 1 else 'ies'} match “{shown}”."


def results_html(results: list[Entry], query: str = "") -> str:
    """Search results as an HTML definition list, with a summary line read out by screen readers."""
    summary = f'<p role="status" aria-live="polite">{html.escape(_summary(len(results), query))}</p>'
    if not results:
        return summary
    items = "".join(
        f"<dt><strong>{html.escape(e.term)}</strong></dt><dd>{html.escape(e.definition)}"
        + (f" <small>({html.escape(e.source)})</small>" if e.source else "")
        + "</dd>"
        for e in results
    )
    return f'{summary}<dl class="casebook-glossary">{items}</dl>'


def results_text(results: list[Entry], query: str = "") -> str:
    """Search results as plain text, one entry a paragraph."""
    lines = [_summary(len(results), query)]
    lines += [f"{e.term}: {e.definition}" + (f" ({e.source})" if e.source else "") for e in results]
    return "\n\n".join(lines)


def _scrolling(page: str) -> str:
    """Results in a region that scrolls past 24 lines and takes the keyboard focus, so it can be
    scrolled without a mouse."""
    return (
        '<div role="region" tabindex="0" aria-label="Glossary entries" '
        f'style="max-height:24em;overflow:auto">{page}</div>'
    )


class GlossaryView:
    """The glossary widget, with a static HTML and text copy of the whole glossary for viewers
    that cannot run widgets (GitHub, nbviewer, a printed page)."""

    def __init__(self, entries: list[Entry]) -> None:
        import ipywidgets as widgets

        self.entries = entries
        self.box_label = "Search the glossary"
        self.query = widgets.Text(
            value="",
            description=self.box_label,
            placeholder="a term or a word, e.g. consensus",
            continuous_update=True,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="min(100%, 32em)"),
        )
        self.results = widgets.HTML(value=_scrolling(results_html(entries)))
        self.query.observe(self._update, names="value")
        self.box = widgets.VBox([self.query, self.results])

    def _update(self, change: Mapping[str, Any]) -> None:
        self.set_query(str(change["new"]))

    def set_query(self, query: str) -> None:
        """Show the entries that match ``query`` (what typing in the box does)."""
        if self.query.value != query:
            self.query.value = query  # the observer calls back here with the same text
            return
        self.results.value = _scrolling(results_html(search(self.entries, query), query))

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle = dict(self.box._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["text/html"] = f"<h4>Glossary</h4>{results_html(self.entries)}"
        bundle["text/plain"] = "Glossary\n\n" + results_text(self.entries)
        return bundle


def glossary_widget(records: Iterable[Any] | None = None) -> GlossaryView:
    """Build the glossary search widget; ``records`` default to the ``glossary`` dataset."""
    if records is None:
        from casebook import data

        records = data.load("glossary")
    return GlossaryView(entries_from_records(records))


def show_glossary(records: Iterable[Any] | None = None) -> GlossaryView:
    """A labelled search box over the glossary, with the matching entries listed under it; ready to
    display as a cell's last line, like ``show_quiz``.

    Type a term or any word of a definition; the list narrows as you type. Keyboard only: Tab to the
    box and type. Where widgets cannot run, the whole glossary is shown as a list instead.
    """
    return glossary_widget(records)
