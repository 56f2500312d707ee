"""A figure that cannot be drawn here: one plain line saying so, then its data as a table.

The browser-only course (JupyterLite, Python in Pyodide) has no matplotlib: Pyodide's matplotlib is
not on PyPI, and the site fetches nothing from elsewhere. Every figure the lessons show is stored as an
image, so the lessons lose nothing. A figure of other data (a teacher's own, a learner's edit) has no
stored image and could only be drawn by matplotlib; it shows the data it would have drawn instead.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from casebook.tables import Table, table

CANNOT_DRAW = (
    "This figure cannot be drawn here: it is not one of the course's stored images, and drawing a new "
    "one needs matplotlib, which is not installed (the course in the browser has none)."
)
MISSING_LINE = f"{CANNOT_DRAW} Its data is shown as a table instead."


class DataOnlyChart:
    """What a figure function gives where it cannot draw: its name and its data as tables."""

    def __init__(self, name: str, tables: Sequence[Table]) -> None:
        self.name = name
        self.tables = tuple(tables)
        self.cache_key: str | None = None

    def __repr__(self) -> str:
        return f"DataOnlyChart(name={self.name!r})"

    @property
    def figure(self) -> Any:
        """Always fails with the plain line: there is no figure to hand out without matplotlib."""
        raise RuntimeError(f"{self.name}: {CANNOT_DRAW}")

    def __iter__(self) -> Iterator[Any]:
        yield self.figure

    def png_bytes(self, dpi: int = 96) -> bytes:
        """Always fails with the plain line: there is no image to give."""
        raise RuntimeError(f"{self.name}: {CANNOT_DRAW}")

    def _repr_html_(self) -> str:
        parts = [f'<p class="casebook-figure-missing">{html.escape(MISSING_LINE)}</p>']
        parts += [t._repr_html_() for t in self.tables]
        return "".join(parts)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text("\n\n".join([MISSING_LINE, *(str(t) for t in self.tables)]))


def _records(value: Any) -> list[Any] | None:
    """``value`` as a list of records if it is a sequence of dataclasses, mappings or plain objects."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return None
    return list(value)


def data_only_chart(name: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> DataOnlyChart:
    """The data a figure function was given, as one table per list of records among its arguments."""
    given = [*args, *kwargs.values()]
    shown: list[Table] = []
    for number, value in enumerate(given, start=1):
        records = _records(value)
        if records is None:
            continue
        caption = f"Data for {name.replace('_', ' ')} (argument {number}, {len(records)} rows)"
        try:
            shown.append(table(records, caption=caption))
        except ValueError:
            shown.append(Table(headers=("value",), rows=tuple((repr(r),) for r in records), caption=caption))
    return DataOnlyChart(name, shown)
