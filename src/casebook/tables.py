"""Records shown as a readable table in a notebook: an HTML table in JupyterLab, aligned text elsewhere.

The kit's records (datasets, transcript turns, exchanges, hedges, quirks, keyword-in-context lines) are
dataclasses. A list of them prints as one long line of ``Name(field=...)``; :func:`table` turns them
into a table a learner can read, with a caption and column headers that screen readers announce::

    from casebook import data, tables
    tables.table(data.load("claims"), ["id", "claim", "verdict"], caption="Checkable claims")
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

__all__ = ["Table", "table"]

TEXT_WIDTH = 60


# Long unbroken text (a URL) wraps inside its cell, so a table never scrolls sideways: a scrolling
# region would need to be reachable by keyboard (WCAG 2.1.1, axe rule scrollable-region-focusable).
_CELL_STYLE = "text-align:left;overflow-wrap:anywhere"


@dataclass(frozen=True)
class Table:
    """Column headers and rows of cell text, ready to display."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def _repr_html_(self) -> str:
        head = "".join(f'<th scope="col" style="text-align:left">{html.escape(h)}</th>' for h in self.headers)
        body = "".join(
            "<tr>" + "".join(f'<td style="{_CELL_STYLE}">{html.escape(c)}</td>' for c in row) + "</tr>"
            for row in self.rows
        )
        caption = (
            f'<caption style="text-align:left;font-weight:bold">{html.escape(self.caption)}</caption>'
            if self.caption
            else ""
        )
        return (
            f'<table class="casebook-table">{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>"
        )

    def __str__(self) -> str:
        clipped = [[_clip(c) for c in row] for row in self.rows]
        widths = [max([len(h), *(len(row[i]) for row in clipped)]) for i, h in enumerate(self.headers)]
        lines = [self.caption] if self.caption else []
        lines.append("  ".join(h.ljust(w) for h, w in zip(self.headers, widths, strict=True)).rstrip())
        lines.append("  ".join("-" * w for w in widths))
        lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in clipped]
        return "\n".join(lines)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 3].rstrip() + "..."


def cell_text(value: Any) -> str:
    """How one value reads in a table: empty for None, lists joined with "; ", dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, (list, tuple)):
        return "; ".join(cell_text(v) for v in value)
    return " ".join(str(value).split())


def _fields(record: Any) -> list[str]:
    if isinstance(record, Mapping):
        return [str(k) for k in record]
    if dataclasses.is_dataclass(record):
        return [f.name for f in dataclasses.fields(record)]
    if hasattr(record, "__dict__"):
        return [name for name in vars(record) if not name.startswith("_")]
    raise ValueError(f"table: a {type(record).__name__} is not a record with fields")


def _has(record: Any) -> str:
    try:
        return f"its fields are: {', '.join(_fields(record)) or 'none'}"
    except ValueError:
        return f"it is a {type(record).__name__}, not a record with fields"


def _value(record: Any, column: str) -> Any:
    if isinstance(record, Mapping):
        return record[column]
    return getattr(record, column)


def table(
    records: Iterable[Any],
    columns: Sequence[str] | None = None,
    *,
    headers: Mapping[str, str] | None = None,
    caption: str | None = None,
) -> Table:
    """A :class:`Table` of ``records`` (dataclasses, mappings or plain objects).

    ``columns`` picks and orders the fields (default: every field of the first record); ``headers``
    renames some of them for display. A column that a record lacks raises ``ValueError`` naming the
    column, the record's number (from 1) and the fields it has.
    """
    rows = list(records)
    if columns is None:
        columns = _fields(rows[0]) if rows else []
    names = headers or {}
    cells = []
    for number, record in enumerate(rows, start=1):
        row = []
        for column in columns:
            try:
                row.append(cell_text(_value(record, column)))
            except (KeyError, AttributeError):
                raise ValueError(f"table: record {number} has no field {column!r}; {_has(record)}") from None
        cells.append(tuple(row))
    return Table(
        headers=tuple(names.get(c, c.replace("_", " ")) for c in columns), rows=tuple(cells), caption=caption
    )
