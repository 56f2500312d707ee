"""Rubrics as data: load and validate a rubric file, score a set of ratings, render it, rate with it.

A rubric (``data/rubrics/<id>.yaml``, checked against ``rubric.schema.json``) has criteria, each with
scored levels, and verdict bands on the total. Lesson 06 uses ``answer_the_question`` ("did the answer
answer the question?"); lesson 07 uses ``capstone_brief``. Everything here is pure except
``show_rubric``, which only displays HTML. The judgement is the student's; this module adds it up.

Parts, one job each, as the quiz package is split: ``model`` (the typed rubric and ``Rubric.score``),
``files`` (find, read, check, build), ``render`` (HTML and text) and ``widget`` (the scorer; ipywidgets
is imported only when one is built).
"""

from __future__ import annotations

from casebook.rubric.files import (
    SCHEMA_PATH,
    load_rubric,
    load_rubric_file,
    rubric_path,
    validate_rubric_file,
)
from casebook.rubric.model import Assessment, Band, Criterion, Level, Rubric, RubricError, RubricFileError
from casebook.rubric.render import RubricDisplay, rubric_html, rubric_text, show_rubric
from casebook.rubric.widget import show_rubric_scorer

__all__ = [
    "SCHEMA_PATH",
    "Assessment",
    "Band",
    "Criterion",
    "Level",
    "Rubric",
    "RubricDisplay",
    "RubricError",
    "RubricFileError",
    "load_rubric",
    "load_rubric_file",
    "rubric_html",
    "rubric_path",
    "rubric_text",
    "show_rubric",
    "show_rubric_scorer",
    "validate_rubric_file",
]
