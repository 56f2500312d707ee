"""The instructor guide covers every lesson, keeps each lesson's objectives as the lesson states them,
gives timed plans that fill 45 and 90 minutes, and its links to sections of pages resolve.

(That every relative file link resolves is checked for all Markdown files in test_hygiene.py.)
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import pytest
from markdown_it import MarkdownIt

from tests.conftest import ROOT

GUIDE = ROOT / "instructors"
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
PAGES = sorted(GUIDE.glob("[0-9][0-9]_*.md"))
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
STEP = re.compile(r"^\|\s*(\d+)\s*-\s*(\d+)\s*\|")
MD = MarkdownIt("commonmark").enable("table")


def section(text: str, heading: str) -> str:
    """The body of the ``## heading`` section of a Markdown page ("" if there is none)."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    return match.group(1) if match else ""


def numbered_items(markdown: str) -> list[str]:
    """The items of the first numbered list, as plain words (no bold, no final ';' or '.')."""
    items: list[str] = []
    for line in markdown.splitlines():
        match = re.match(r"^(\d+)\.\s+(.*)", line)
        if match:
            items.append(match.group(2))
        elif items and line.startswith("   ") and line.strip():
            items[-1] += " " + line.strip()
        elif items:
            break
    return [" ".join(item.replace("**", "").split()).rstrip(";.") for item in items]


def plan_problems(plan: str, total: int) -> list[str]:
    """What is wrong with a timed plan: gaps, overlaps, or an end other than ``total`` minutes."""
    steps = [(int(m.group(1)), int(m.group(2))) for m in map(STEP.match, plan.splitlines()) if m]
    if not steps:
        return ["no timed steps ('| 0-5 | ... |')"]
    problems = []
    end = 0
    for start, stop in steps:
        if start != end:
            problems.append(f"step {start}-{stop} should start at {end}")
        if stop <= start:
            problems.append(f"step {start}-{stop} takes no time")
        end = stop
    if end != total:
        problems.append(f"the plan ends at minute {end}, not {total}")
    return problems


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """Every heading anchor of a Markdown page."""
    tokens = MD.parse(path.read_text(encoding="utf-8"))
    return {slug(tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"}


def broken_anchors(page: Path) -> list[str]:
    """Links from ``page`` to a heading (``#x`` or ``file.md#x``) that does not exist."""
    broken = []
    for link in LINK.findall(page.read_text(encoding="utf-8")):
        parsed = urlparse(link)
        if parsed.scheme or not parsed.fragment:
            continue
        target = (page.parent / unquote(parsed.path)).resolve() if parsed.path else page
        if target.suffix == ".md" and target.exists() and parsed.fragment not in anchors(target):
            broken.append(link)
    return broken


def lesson_objectives(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    return numbered_items(section(text, "Learning objectives"))


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_every_lesson_has_a_guide_page_listed_in_the_guide(lesson: Path) -> None:
    page = GUIDE / f"{lesson.stem}.md"
    assert page.exists(), f"instructors/{page.name} is missing for {lesson.name}"
    assert f"]({page.name})" in (GUIDE / "README.md").read_text(encoding="utf-8")
    assert f"](../notebooks/{lesson.name})" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_guide_page_gives_the_lessons_objectives(lesson: Path) -> None:
    in_lesson = lesson_objectives(lesson)
    page = (GUIDE / f"{lesson.stem}.md").read_text(encoding="utf-8")
    in_guide = numbered_items(section(page, "Objectives"))
    assert in_lesson, f"{lesson.name} has no numbered learning objectives"
    assert in_guide == in_lesson, f"instructors/{lesson.stem}.md: copy the objectives from {lesson.name}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_guide_page_has_every_part(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for heading in ("Objectives", "Set-up", "45-minute plan", "90-minute plan",
                    "Discussion prompts and facilitation notes", "Common misconceptions",
                    "Answer key and solutions"):  # fmt: skip
        assert section(text, heading).strip(), f"instructors/{page.name} lacks '## {heading}'"
    assert f"{page.stem}-answer-key.html" in section(text, "Answer key and solutions")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
@pytest.mark.parametrize("minutes", [45, 90])
def test_timed_plans_fill_the_session(page: Path, minutes: int) -> None:
    plan = section(page.read_text(encoding="utf-8"), f"{minutes}-minute plan")
    assert plan_problems(plan, minutes) == [], f"instructors/{page.name}"


@pytest.mark.parametrize("page", sorted(GUIDE.glob("*.md")), ids=lambda p: p.name)
def test_links_to_sections_resolve(page: Path) -> None:
    assert broken_anchors(page) == [], f"instructors/{page.name} links to missing headings"


def test_the_checkers_find_what_is_wrong(tmp_path: Path) -> None:
    assert plan_problems("| 0-10 | a |\n| 12-40 | b |", 45) == [
        "step 12-40 should start at 10",
        "the plan ends at minute 40, not 45",
    ]
    assert plan_problems("| 0-45 | all |", 45) == []
    assert plan_problems("no table", 45) == ["no timed steps ('| 0-5 | ... |')"]
    (tmp_path / "other.md").write_text("# Title\n\n## 45-minute plan\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("## Set-up\n[a](#set-up) [b](other.md#45-minute-plan) [c](other.md#nope) [d](#gone)\n")
    assert broken_anchors(page) == ["other.md#nope", "#gone"]
    assert numbered_items("1. **explain** x;\n2. find y\n   and z.\n\nmore") == ["explain x", "find y and z"]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_a_lesson_with_a_content_note_has_sensitive_content_guidance(lesson: Path) -> None:
    nb = nbformat.read(lesson, as_version=4)
    if not any("content note" in c.source.lower() for c in nb.cells if c.cell_type == "markdown"):
        return
    page = (GUIDE / f"{lesson.stem}.md").read_text(encoding="utf-8")
    guidance = section(page, "Sensitive content")
    assert guidance.strip(), f"instructors/{lesson.stem}.md: no '## Sensitive content'"


def test_the_guide_covers_set_up_sensitive_content_keys_and_collecting_answers() -> None:
    headings = anchors(GUIDE / "README.md")
    for needed in ("setting-up-a-class", "sensitive-content", "answer-keys-and-solutions",
                   "collecting-exported-answers", "reading-the-class-results-table"):  # fmt: skip
        assert needed in headings, f"instructors/README.md has no section '{needed}'"


def test_the_results_table_columns_are_those_results_csv_writes() -> None:
    from casebook.quiz.results import results_csv

    written = results_csv([]).strip().split(",")
    table = section((GUIDE / "README.md").read_text(encoding="utf-8"), "Collecting exported answers")
    described = [name for line in table.splitlines() if line.startswith("| `")
                 for name in re.findall(r"`(\w+)`", line.split("|")[1])]  # fmt: skip
    assert described == written, "instructors/README.md: the column table must follow results.csv"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_set_up_says_where_to_launch_the_lesson(page: Path) -> None:
    links = LINK.findall(section(page.read_text(encoding="utf-8"), "Set-up"))
    assert "../README.md#lessons" in links, f"instructors/{page.name}: set-up gives no Binder link"
    assert "README.md#setting-up-a-class" in links, f"instructors/{page.name}: set-up ignores JupyterHub"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_guide_page_quotes_each_discussion_prompt_of_the_lesson_with_a_note(lesson: Path) -> None:
    nb = nbformat.read(lesson, as_version=4)
    prompts = numbered_items(section("\n".join(c.source for c in nb.cells), "Discussion prompts"))
    page = (GUIDE / f"{lesson.stem}.md").read_text(encoding="utf-8")
    notes = numbered_items(section(page, "Discussion prompts and facilitation notes"))
    assert len(notes) == len(prompts), f"instructors/{lesson.stem}.md: one note per discussion prompt"
    for prompt, note in zip(prompts, notes, strict=True):
        quoted = re.match(r"\*(.+?)\*\s*(.*)", note)
        # The guide may shorten a prompt, but only by leaving words out at either end.
        assert quoted and quoted.group(1).rstrip("?.") in prompt, f"instructors/{lesson.stem}.md: {prompt!r}"
        assert len(quoted.group(2).split()) >= 8, f"instructors/{lesson.stem}.md: no note for {prompt!r}"
