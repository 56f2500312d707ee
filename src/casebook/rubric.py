"""Rubrics as data: load and validate a rubric file, score a set of ratings, render it for reading.

A rubric (``data/rubrics/<id>.yaml``, checked against ``rubric.schema.json``) has criteria, each with
scored levels, and verdict bands on the total. Lesson 06 uses ``answer_the_question`` ("did the answer
answer the question?"); lesson 07 uses ``capstone_brief``. Everything here is pure except
``show_rubric``, which only displays HTML. The judgement is the student's; this module adds it up.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casebook import plain_schema
from casebook.authored_yaml import LineMap, field_name, read_authored_yaml
from casebook.plain_schema import SchemaProblem
from casebook.problems import Problem
from casebook.untrusted_text import one_line

__all__ = [
    "Assessment",
    "Band",
    "Criterion",
    "Level",
    "Rubric",
    "RubricError",
    "load_rubric",
    "load_rubric_file",
    "rubric_html",
    "rubric_path",
    "rubric_text",
    "show_rubric",
    "show_rubric_scorer",
    "validate_rubric_file",
]

SCHEMA_PATH = Path(__file__).with_name("rubric.schema.json")


class RubricError(ValueError):
    """A rubric file or a rating that cannot be used; the message names the file or the field."""


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


def _semantic_problems(raw: dict[str, Any], where: str, lines: LineMap) -> list[Problem]:
    problems = []

    def add(path: list[Any], message: str) -> None:
        problems.append(Problem(where, message, field=field_name(path), line=lines.line(tuple(path))))

    seen: set[str] = set()
    for i, criterion in enumerate(raw["criteria"]):
        if criterion["id"] in seen:
            add(["criteria", i, "id"], f"the id '{criterion['id']}' is used twice")
        seen.add(criterion["id"])
        scores = [level["score"] for level in criterion["levels"]]
        if len(set(scores)) != len(scores):
            add(["criteria", i, "levels"], "two levels have the same score")
    mins = [band["min"] for band in raw["bands"]]
    if 0 not in mins:
        add(["bands"], "no band starts at min: 0, so a total of 0 would have no verdict")
    if len(set(mins)) != len(mins):
        add(["bands"], "two bands have the same min")
    best = sum(max(level["score"] for level in c["levels"]) for c in raw["criteria"])
    for i, band in enumerate(raw["bands"]):
        if band["min"] > best:
            add(["bands", i, "min"], f"min {band['min']} is above the best possible total, {best}")
    if where and Path(where).suffix in (".yaml", ".yml") and Path(where).stem != raw["id"]:
        add(["id"], f"the id '{raw['id']}' differs from the file name '{Path(where).stem}'")
    return problems


def _read(path: Path) -> tuple[dict[str, Any] | None, LineMap, str, list[Problem]]:
    """The rubric's mapping, its line map, its text and any problems reading it (bounded, no aliases or
    YAML 1.1 surprises: ``casebook.authored_yaml``)."""
    document = read_authored_yaml(path, empty_message=_NOT_A_MAPPING)
    if document.data is None or document.problems:
        return None, document.lines, document.text, document.problems or [Problem(str(path), _NOT_A_MAPPING)]
    if not isinstance(document.data, dict):
        return None, document.lines, document.text, [Problem(str(path), _NOT_A_MAPPING)]
    return document.data, document.lines, document.text, []


_NOT_A_MAPPING = "must hold a mapping with id, title, criteria and bands"


def validate_rubric_file(path: str | Path) -> list[Problem]:
    """Every problem in a rubric file, each with the file, line and field, on one line; empty when it
    is valid."""
    return [one_line(problem) for problem in _rubric_problems(Path(path))]


def _rubric_problems(path: Path) -> list[Problem]:
    from casebook.rubric_checked import passed_schema

    path = Path(path)
    raw, lines, text, problems = _read(path)
    if raw is None:
        return problems
    # The kit's unedited rubrics passed the schema ahead of time (rubric_checked): no jsonschema needed.
    if not passed_schema(text):
        for found in _schema_problems(raw):
            field = field_name(list(found.path)) or None
            problems.append(Problem(str(path), found.message, field=field, line=lines.line(found.path)))
    if problems:
        return problems
    return _semantic_problems(raw, str(path), lines)


def _schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def schema_problems_in_full(raw: Any) -> list[SchemaProblem]:
    """Where ``raw`` breaks ``rubric.schema.json``, by jsonschema (ImportError where it is absent)."""
    # The quiz engine's import skips the libraries jsonschema loads only for string formats (seconds
    # and megabytes in a learner's kernel); our schema uses no formats. Shared, so a lesson pays once.
    from casebook.quiz.schema import import_jsonschema

    validator = import_jsonschema().Draft202012Validator(_schema())
    return [
        SchemaProblem(tuple(error.absolute_path), error.message)
        for error in sorted(validator.iter_errors(raw), key=lambda e: list(map(str, e.absolute_path)))
    ]


def _schema_problems(raw: Any) -> list[SchemaProblem]:
    """The schema check in full: jsonschema where it is installed; else (the browser-only course, which
    has none) the schema's structural keywords in plain Python."""
    try:
        return schema_problems_in_full(raw)
    except ImportError:
        return plain_schema.check(_schema(), raw)


def load_rubric_file(path: str | Path) -> Rubric:
    """Load and validate one rubric file; RubricError lists every problem, with file, line and field."""
    path = Path(path)
    problems = validate_rubric_file(path)
    if problems:
        raise RubricError("\n".join(str(p) for p in problems))
    raw, _, _, _ = _read(path)
    assert raw is not None  # validated above
    criteria = tuple(
        Criterion(
            c["id"],
            c["question"].strip(),
            tuple(
                sorted(
                    (
                        Level(lv["score"], lv["label"].strip(), lv["description"].strip())
                        for lv in c["levels"]
                    ),
                    key=lambda lv: -lv.score,
                )
            ),
        )
        for c in raw["criteria"]
    )
    bands = tuple(
        sorted(
            (Band(b["min"], b["verdict"], b["meaning"].strip()) for b in raw["bands"]), key=lambda b: b.min
        )
    )
    return Rubric(raw["id"], raw["title"].strip(), raw.get("intro", "").strip(), criteria, bands)


def rubric_path(name: str) -> Path:
    """The file of the rubric called ``name`` in the data folder's ``rubrics/``."""
    from casebook.paths import data_dir

    return data_dir() / "rubrics" / f"{name}.yaml"


def load_rubric(name: str) -> Rubric:
    """Load the kit's rubric called ``name`` (``answer_the_question``, ``capstone_brief``)."""
    path = rubric_path(name)
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in path.parent.glob("*.yaml"))) or "none"
        raise RubricError(f"no rubric '{name}' ({path} does not exist); the kit's rubrics are: {known}")
    return load_rubric_file(path)


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


def show_rubric_scorer(name: str, exchanges: Any) -> Any:
    """A widget to rate the briefing's exchanges with the rubric ``name``.

    ``exchanges`` are the transcript toolkit's ``briefing.exchanges()``. Pick an exchange, read the
    question and the reply, choose a level for each criterion; the total and the verdict update as you go.
    Display it as a cell's last line.
    """
    from casebook.rubric_widget import RubricScorer, items_from_exchanges

    return RubricScorer(load_rubric(name), items_from_exchanges(exchanges))
