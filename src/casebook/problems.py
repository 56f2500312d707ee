"""One shape for every validation problem, so quiz and data checks report alike."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """A problem found in a file: where it is and what is wrong, in plain words.

    ``line`` counts from 1 in the file, or in the ``cell`` when one is named (a notebook's cell,
    described as "cell 2 (id 'x', code, starting '...')"); ``row`` counts a table's rows.
    """

    file: str
    message: str
    field: str | None = None
    line: int | None = None
    row: int | None = None
    cell: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None and self.cell is None:
            where += f":{self.line}"
        parts = [where]
        if self.cell is not None:
            parts.append(self.cell if self.line is None else f"{self.cell}, line {self.line}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.field:
            parts.append(f"field '{self.field}'")
        return f"{', '.join(parts)}: {self.message}"


class ProblemsError(Exception):
    """An error that carries the problems found (``problems``); its message lists them, one a line.

    With a ``heading`` the message is the heading, then each problem indented on its own line.
    """

    def __init__(self, problems: Sequence[Problem], heading: str | None = None) -> None:
        self.problems = list(problems)
        listed = [f"  {p}" for p in self.problems] if heading else [str(p) for p in self.problems]
        super().__init__("\n".join([heading, *listed] if heading else listed))
