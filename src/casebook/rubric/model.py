"""A rubric as typed data: criteria with scored levels, verdict bands, and the pure arithmetic of scoring.

The judgement is the student's; ``Rubric.score`` adds it up. Nothing here reads a file or draws.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from casebook.problems import ProblemsError


class RubricError(ValueError):
    """A rubric file or a rating that cannot be used; the message names the file or the field."""


class RubricFileError(ProblemsError, RubricError):
    """A rubric file that cannot be used: ``problems`` lists each (file, line, field), one a line."""


@dataclass(frozen=True)
class Level:
    """One level of a criterion: its score, a short label and what it looks like."""

    score: int
    label: str
    description: str


@dataclass(frozen=True)
class Criterion:
    """One thing the rubric asks about, with its levels from best to worst."""

    id: str
    question: str
    levels: tuple[Level, ...]

    @property
    def max_score(self) -> int:
        """The best score this criterion can give."""
        return max(level.score for level in self.levels)

    def level(self, score: int) -> Level:
        """The level with this score; RubricError if there is none."""
        for level in self.levels:
            if level.score == score:
                return level
        allowed = ", ".join(str(level.score) for level in self.levels)
        raise RubricError(f"criterion '{self.id}': no level scores {score!r}; use one of {allowed}")


@dataclass(frozen=True)
class Band:
    """A verdict given to every total from ``min`` up to the next band."""

    min: int
    verdict: str
    meaning: str


@dataclass(frozen=True)
class Assessment:
    """The result of applying a rubric: the total, the verdict, and what is still unrated."""

    total: int
    max_score: int
    verdict: str | None
    meaning: str
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """True when every criterion has been rated."""
        return not self.missing


@dataclass(frozen=True)
class Rubric:
    """A validated rubric."""

    id: str
    title: str
    intro: str
    criteria: tuple[Criterion, ...]
    bands: tuple[Band, ...]

    @property
    def max_score(self) -> int:
        """The best total the rubric can give."""
        return sum(c.max_score for c in self.criteria)

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with this id; RubricError naming the valid ids if there is none."""
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        known = ", ".join(c.id for c in self.criteria)
        raise RubricError(f"rubric '{self.id}' has no criterion '{criterion_id}'; its criteria are {known}")

    def band(self, total: int) -> Band:
        """The verdict band a total falls in."""
        return max((b for b in self.bands if b.min <= total), key=lambda b: b.min)

    def score(self, ratings: Mapping[str, int | None]) -> Assessment:
        """Add up ``{criterion id: level score}``. Unrated criteria (absent or None) give no verdict yet.

        Raises RubricError for an unknown criterion or a score that is not one of its levels.
        """
        for criterion_id, value in ratings.items():
            criterion = self.criterion(criterion_id)
            if value is not None:
                if isinstance(value, bool) or not isinstance(value, int):
                    raise RubricError(f"criterion '{criterion_id}': the score must be a whole number")
                criterion.level(value)
        missing = tuple(c.id for c in self.criteria if ratings.get(c.id) is None)
        total = sum(int(v) for v in ratings.values() if v is not None)
        if missing:
            numbers = [str(n) for n, c in enumerate(self.criteria, start=1) if c.id in missing]
            label = "criterion" if len(numbers) == 1 else "criteria"
            meaning = f"Rate every criterion to see the verdict. Not rated yet: {label} {', '.join(numbers)}."
            return Assessment(total, self.max_score, None, meaning, missing)
        band = self.band(total)
        return Assessment(total, self.max_score, band.verdict, band.meaning, ())
