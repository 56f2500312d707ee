"""The kit's own voice says "the government" or "the authorities", never "regime".

The briefing says "regime" often, and the kit quotes it where the briefing does. So the word may
appear only inside a quotation, and that quotation must be the briefing's own words. Checked for every
text in the quizzes and the Markdown of the lessons, the solutions and the instructors' guide.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
import yaml

from casebook import data
from tests.conftest import ROOT

WORD = re.compile(r"\bregimes?\b", re.IGNORECASE)
QUOTED = re.compile(r"\"((?:[^\"\n]|\n(?!\n))*)\"|“([^”]*)”")  # a quotation may wrap, not span paragraphs
QUIZZES = sorted((ROOT / "data" / "quizzes").glob("*.yaml"))
PROSE_FOLDERS = ("notebooks", "solutions")
MARKDOWN_NOTEBOOKS = sorted(p for folder in PROSE_FOLDERS for p in (ROOT / folder).glob("*.ipynb"))
GUIDE = sorted((ROOT / "instructors").glob("*.md"))


def _fold(text: str) -> str:
    """Text with curly quotes, non-breaking spaces and line breaks made plain, for comparing quotes."""
    text = text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ")
    return " ".join(text.split()).lower()


def voice_problems(text: str, briefing: str) -> list[str]:
    """Each use of "regime" outside a quotation, or inside one that is not the briefing's words."""
    problems = []
    outside = QUOTED.sub(" ", text)
    for match in WORD.finditer(outside):
        start = max(0, match.start() - 40)
        problems.append(f"kit voice: ...{' '.join(outside[start : match.end() + 20].split())}...")
    folded_briefing = _fold(briefing)
    for match in QUOTED.finditer(text):
        quote = match.group(1) if match.group(1) is not None else match.group(2)
        if not WORD.search(quote):
            continue
        pieces = [p.strip(" .,?!") for p in re.split(r"\.\.\.|…", quote)]
        if not all(_fold(p) in folded_briefing for p in pieces if p):
            problems.append(f"not the briefing's words: {quote!r}")
    return problems


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _markdown_of(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


@pytest.fixture(scope="module")
def briefing() -> str:
    return data.transcript_text()


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.stem)
def test_quizzes_say_regime_only_in_the_briefings_words(path: Path, briefing: str) -> None:
    quiz = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems = [p for text in _strings(quiz) for p in voice_problems(text, briefing)]
    assert problems == [], f"data/quizzes/{path.name}: {problems}"


@pytest.mark.parametrize("path", MARKDOWN_NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_lesson_and_solution_prose_says_regime_only_in_the_briefings_words(path: Path, briefing: str) -> None:
    problems = voice_problems(_markdown_of(path), briefing)
    assert problems == [], f"{path.parent.name}/{path.name}: {problems}"


@pytest.mark.parametrize("path", GUIDE, ids=lambda p: p.name)
def test_the_guide_says_regime_only_in_the_briefings_words(path: Path, briefing: str) -> None:
    problems = voice_problems(path.read_text(encoding="utf-8"), briefing)
    assert problems == [], f"instructors/{path.name}: {problems}"


def test_the_checker_tells_the_kits_voice_from_a_quote() -> None:
    briefing = "The Lukashenka regime\u00a0has already stated that they will ignore the report."
    assert voice_problems('He said "the Lukashenka regime has already stated" it.', briefing) == []
    assert voice_problems("“The Lukashenka regime has … ignore the report”", briefing) == []
    assert voice_problems("The regime ignored it.", briefing) == ["kit voice: ...The regime ignored it...."]
    invented = ["not the briefing's words: 'the regime is cruel'"]
    assert voice_problems('"the regime is cruel"', briefing) == invented
    assert voice_problems("The government ignored it.", briefing) == []
