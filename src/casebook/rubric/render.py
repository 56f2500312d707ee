"""A rubric for reading: an HTML table with its verdict bands, the same as plain text, and the display."""

from __future__ import annotations

import html

from casebook.rubric.files import load_rubric
from casebook.rubric.model import Band, Rubric

_CELL = "text-align:left;vertical-align:top"  # JupyterLab right-aligns table cells by default


def rubric_html(rubric: Rubric) -> str:
    """The rubric as an HTML table (one row per criterion) followed by its verdict bands."""
    esc = html.escape
    rows = "".join(
        f"<tr><th scope='row' style='{_CELL}'>{esc(c.question)}</th><td style='{_CELL}'><ul>"
        + "".join(
            f"<li><strong>{lv.score}: {esc(lv.label)}</strong>. {esc(lv.description)}</li>" for lv in c.levels
        )
        + "</ul></td></tr>"
        for c in rubric.criteria
    )
    bands = "".join(
        f"<li><strong>{esc(b.verdict)}</strong> ({b.min}"
        + (f"-{nxt.min - 1}" if (nxt := _next_band(rubric, b)) else f"-{rubric.max_score}")
        + f" points): {esc(b.meaning)}</li>"
        for b in reversed(rubric.bands)
    )
    intro = f"<p>{esc(rubric.intro)}</p>" if rubric.intro else ""
    return (
        f"<div class='casebook-rubric'>{intro}<table><caption>{esc(rubric.title)}</caption>"
        f"<thead><tr><th scope='col' style='{_CELL}'>Criterion</th>"
        f"<th scope='col' style='{_CELL}'>Levels (points)</th></tr></thead>"
        f"<tbody>{rows}</tbody></table><p>Add up the points (best total {rubric.max_score}):</p>"
        f"<ul>{bands}</ul></div>"
    )


def _next_band(rubric: Rubric, band: Band) -> Band | None:
    later = [b for b in rubric.bands if b.min > band.min]
    return min(later, key=lambda b: b.min) if later else None


def rubric_text(rubric: Rubric) -> str:
    """The rubric as plain text, for printing or a viewer without HTML."""
    lines = [rubric.title, ""]
    if rubric.intro:
        lines += [rubric.intro, ""]
    for number, c in enumerate(rubric.criteria, start=1):
        lines.append(f"{number}. {c.question}")
        lines += [f"   {lv.score} {lv.label}: {lv.description}" for lv in c.levels]
    lines += ["", f"Add up the points (best total {rubric.max_score}):"]
    for b in reversed(rubric.bands):
        nxt = _next_band(rubric, b)
        top = nxt.min - 1 if nxt else rubric.max_score
        lines.append(f"   {b.min}-{top}: {b.verdict}. {b.meaning}")
    return "\n".join(lines)


class RubricDisplay:
    """A rubric ready to display: HTML in JupyterLab, plain text elsewhere."""

    def __init__(self, rubric: Rubric) -> None:
        self.rubric = rubric

    def _repr_html_(self) -> str:
        return rubric_html(self.rubric)

    def __repr__(self) -> str:
        return rubric_text(self.rubric)


def show_rubric(name: str) -> RubricDisplay:
    """The kit's rubric ``name`` as a table (HTML, with a plain-text copy), shown as a cell's last line."""
    return RubricDisplay(load_rubric(name))
