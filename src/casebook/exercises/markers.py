"""Find and replace the marked solution regions in one cell's source (pure text, no notebooks).

Code cells mark a region with two comment lines, each alone on its line::

    ### BEGIN SOLUTION
    answer = sorted(names)
    ### END SOLUTION

Markdown cells mark a written answer with two HTML comments, each alone on its line::

    <!-- BEGIN SOLUTION -->
    The envoy hedges here because ...
    <!-- END SOLUTION -->

A region that is not closed, a region inside another, an END without a BEGIN, or a line that looks
like a marker but is not spelled exactly like one raises MarkerError: a misspelt marker would
otherwise leak the solution into the student copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casebook.exercises.placeholders import code_placeholder

CODE_BEGIN = "### BEGIN SOLUTION"
CODE_END = "### END SOLUTION"
MARKDOWN_BEGIN = "<!-- BEGIN SOLUTION -->"
MARKDOWN_END = "<!-- END SOLUTION -->"
ANSWER_PROMPT = "*Write your answer here.*"

# Lines that look like an attempt at a marker (any case, any number of '#', missing spaces, ...).
_CODE_LOOKALIKE = re.compile(r"^\s*#+\s*(BEGIN|END)[\s_-]*SOLUTIONS?\b", re.IGNORECASE)
_MARKDOWN_LOOKALIKE = re.compile(
    r"(<!--\s*(BEGIN|END)[\s_-]*SOLUTIONS?\b)|(^\s*#+\s*(BEGIN|END)[\s_-]*SOLUTIONS?\b)", re.IGNORECASE
)


class MarkerError(ValueError):
    """A solution marker is missing, misplaced or misspelt; ``line`` counts from 1 within the cell."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Region:
    """One marked region: the line numbers (from 0) of its BEGIN and END markers."""

    begin: int
    end: int


def find_regions(lines: list[str], begin: str, end: str, lookalike: re.Pattern[str]) -> list[Region]:
    """The regions between ``begin`` and ``end`` marker lines, in order.

    Raises MarkerError for an unclosed, nested or stray marker, and for a line that resembles a
    marker without being one.
    """
    regions: list[Region] = []
    open_at: int | None = None
    for number, line in enumerate(lines):
        text = line.strip()
        if text == begin:
            if open_at is not None:
                raise MarkerError(
                    number + 1,
                    f"'{begin}' inside the region opened on line {open_at + 1}; regions cannot be "
                    f"nested: close the first one with '{end}' before opening another",
                )
            open_at = number
        elif text == end:
            if open_at is None:
                raise MarkerError(number + 1, f"'{end}' without a '{begin}' before it")
            regions.append(Region(open_at, number))
            open_at = None
        elif lookalike.search(line):
            raise MarkerError(
                number + 1,
                f"'{text}' looks like a solution marker but is not spelt exactly '{begin}' or '{end}' "
                f"(alone on its line); fix it, or the solution would be copied into the exercise",
            )
    if open_at is not None:
        raise MarkerError(open_at + 1, f"'{begin}' is never closed by '{end}'")
    return regions


def has_code_markers(source: str) -> bool:
    """Whether a code cell's source contains a solution marker (or something resembling one)."""
    return any(
        line.strip() in (CODE_BEGIN, CODE_END) or _CODE_LOOKALIKE.search(line) for line in source.splitlines()
    )


def has_markdown_markers(source: str) -> bool:
    """Whether a markdown cell's source contains a marker of either kind (or one resembling it)."""
    return any(
        line.strip() in (MARKDOWN_BEGIN, MARKDOWN_END, CODE_BEGIN, CODE_END)
        or _MARKDOWN_LOOKALIKE.search(line)
        for line in source.splitlines()
    )


def strip_code_solutions(source: str) -> str:
    """A code cell's source with each solution region replaced by a placeholder that still runs.

    See ``casebook.exercises.placeholders.code_placeholder`` for what a region becomes.
    """
    lines = source.split("\n")
    regions = find_regions(lines, CODE_BEGIN, CODE_END, _CODE_LOOKALIKE)
    if not regions:
        return source
    out: list[str] = []
    position = 0
    for index, region in enumerate(regions):
        out += lines[position : region.begin]
        indent = _indent_of(lines[region.begin])
        body = lines[region.begin + 1 : region.end]
        after = _code_after(lines, region.end + 1, regions[index + 1 :])
        out += code_placeholder(body, indent, before=out, after=after)
        position = region.end + 1
    out += lines[position:]
    return "\n".join(out)


def strip_markdown_solutions(source: str) -> str:
    """A markdown cell's source with each written answer replaced by the answer prompt."""
    lines = source.split("\n")
    for number, line in enumerate(lines):
        if line.strip() in (CODE_BEGIN, CODE_END):
            raise MarkerError(
                number + 1,
                f"'{line.strip()}' is the marker for code cells (in Markdown it is a heading); mark a "
                f"written answer with '{MARKDOWN_BEGIN}' and '{MARKDOWN_END}', or tag the cell 'solution'",
            )
    regions = find_regions(lines, MARKDOWN_BEGIN, MARKDOWN_END, _MARKDOWN_LOOKALIKE)
    if not regions:
        return source
    out: list[str] = []
    position = 0
    for region in regions:
        out += lines[position : region.begin]
        out.append(ANSWER_PROMPT)
        position = region.end + 1
    out += lines[position:]
    return "\n".join(out)


def _indent_of(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _code_after(lines: list[str], start: int, later: list[Region]) -> list[str]:
    """The lines after a region up to the next region (whose placeholder is not known yet)."""
    stop = later[0].begin if later else len(lines)
    return lines[start:stop]
