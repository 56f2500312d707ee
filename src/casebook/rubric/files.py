"""Rubric files: find one, read its YAML once, check it, and build the typed :class:`Rubric`.

A rubric (``data/rubrics/<id>.yaml``) is read by :mod:`casebook.authored_yaml` (bounded, with lines),
checked against ``rubric.schema.json`` with errors in plain words (:mod:`casebook.authored_schema`), then
against rules a schema cannot say: unique criterion ids and level scores, a band starting at 0, no band
above the best total, the id equal to the file name.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from casebook import plain_schema
from casebook.authored_schema import draft_validator, schema_problems
from casebook.authored_yaml import LineMap, field_name, read_authored_yaml
from casebook.paths import data_dir
from casebook.problems import Problem
from casebook.rubric.model import Band, Criterion, Level, Rubric, RubricFileError
from casebook.rubric_checked import SCHEMA_PATH, passed_schema
from casebook.untrusted_text import one_line


@cache
def validator(schema_path: Path) -> Any:
    """A Draft 2020-12 validator for the rubric schema, built once per process.

    jsonschema is imported without the libraries it loads only for string formats (seconds and
    megabytes in a learner's kernel), as for quizzes, so a lesson pays that import once.
    """
    return draft_validator(json.loads(schema_path.read_text(encoding="utf-8")))


def _semantic_problems(raw: dict[str, Any], where: str, lines: LineMap) -> list[Problem]:
    problems = []

    def add(path: list[Any], message: str) -> None:
        problems.append(Problem(where, message, field=field_name(tuple(path)), line=lines.line(tuple(path))))

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
        problems = document.problems or [Problem(str(path), _NOT_A_MAPPING)]
        return None, document.lines, document.text, problems
    if not isinstance(document.data, dict):
        return None, document.lines, document.text, [Problem(str(path), _NOT_A_MAPPING)]
    return document.data, document.lines, document.text, []


_NOT_A_MAPPING = "must hold a mapping with id, title, criteria and bands"


def validate_rubric_file(path: str | Path) -> list[Problem]:
    """Every problem in a rubric file, each with the file, line and field, on one line; empty when it
    is valid."""
    return _checked(Path(path))[1]


def _checked(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The rubric's mapping (None unless it has no problem) and its problems, one line each: the file
    is read and parsed once."""
    raw, problems = _rubric_problems(path)
    problems = [one_line(problem) for problem in problems]
    return (None if problems else raw), problems


def _rubric_problems(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    raw, lines, text, problems = _read(path)
    if raw is None:
        return None, problems
    # The kit's unedited rubrics passed the schema ahead of time (rubric_checked): no jsonschema needed.
    if not passed_schema(text):
        problems = _schema_step(str(path), raw, lines)
    if problems:
        return raw, problems
    return raw, _semantic_problems(raw, str(path), lines)


def _schema_step(file: str, raw: dict[str, Any], lines: LineMap) -> list[Problem]:
    """The schema check in full: jsonschema where it is installed; else (the browser-only course, which
    has none) the schema's structural keywords in plain Python (``casebook.plain_schema``)."""
    try:
        return schema_problems(file, validator(SCHEMA_PATH).iter_errors(raw), lines)
    except ImportError:
        schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
        return [
            Problem(
                file, found.message, field=field_name(tuple(found.path)) or None, line=lines.line(found.path)
            )
            for found in plain_schema.check(schema, raw)
        ]


def load_rubric_file(path: str | Path) -> Rubric:
    """Load and validate one rubric file; RubricError lists every problem, with file, line and field."""
    raw, problems = _checked(Path(path))
    if raw is None:
        raise RubricFileError(problems)
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
    return data_dir() / "rubrics" / f"{name}.yaml"


def load_rubric(name: str) -> Rubric:
    """Load the kit's rubric called ``name`` (``answer_the_question``, ``capstone_brief``)."""
    path = rubric_path(name)
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in path.parent.glob("*.yaml"))) or "none"
        message = f"no rubric '{name}' ({path} does not exist); the kit's rubrics are: {known}"
        raise RubricFileError([Problem(str(path), message)])
    return load_rubric_file(path)
