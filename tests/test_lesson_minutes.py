"""A lesson fits its period, and its minutes agree everywhere they are stated.

Each lesson notebook states its minutes in its metadata (``casebook.teaching_minutes``,
``activity_minutes`` and ``exit_ticket_minutes``, which `casebook readme` writes into the README's
lesson table), in its own "Minutes" row, in the instructors' course map and on its guide page. The
in-class path (reading, the activities outside "going deeper" sections, and a 5-6 question exit ticket)
adds up to at most 45 minutes; the rest of a lesson's questions are an optional practice quiz; the
guide's 45- and 90-minute plans end on time.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
import yaml

from casebook.lesson_path import (
    EXIT_TICKET_QUESTIONS,
    PERIOD_MINUTES,
    WORDS_PER_MINUTE,
    count_words,
    read_path,
)
from casebook.maintain.course import lessons
from tests.conftest import ROOT

LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
# Lesson 00 is the 20-minute orientation: its quiz is its activity (one question of each kind).
CONTENT = [p for p in LESSONS if not p.name.startswith("00_")]
QUIZ_CALL = re.compile(r"show_quiz\(\s*[\"']([\w-]+)[\"']")
MINUTES_ROW = re.compile(
    r"\|\s*\*\*Minutes\*\*\s*\|\s*(\d+) reading, (\d+) activit\w*(?:, (\d+) exit ticket)?"
)
GUIDE_HEADER = re.compile(
    r"·\s*(\d+)\s+minutes\s+\((\d+) reading,\s+(\d+) activit\w*(?:,\s+(\d+) exit ticket)?"
)
PLAN_ROW = re.compile(r"^\|\s*(\d+)-(\d+)\s*\|(.*)\|\s*$")


def _markdown(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def _metadata(path: Path) -> tuple[int, int, int]:
    meta = nbformat.read(path, as_version=4).metadata["casebook"]
    exit_ticket = int(meta.get("exit_ticket_minutes", 0))
    return int(meta["teaching_minutes"]), int(meta["activity_minutes"]), exit_ticket


def _quiz_after(path: Path, heading: str) -> str | None:
    """The quiz shown by the first code cell after the Markdown cell that holds ``heading``."""
    cells = nbformat.read(path, as_version=4).cells
    for index, cell in enumerate(cells):
        if cell.cell_type == "markdown" and re.search(rf"^#+\s*{heading}", cell.source, re.I | re.M):
            for later in cells[index + 1 :]:
                if later.cell_type == "code":
                    found = QUIZ_CALL.search(later.source)
                    return found.group(1) if found else None
    return None


def _question_ids(quiz_id: str) -> list[str]:
    quiz = yaml.safe_load((ROOT / "data" / "quizzes" / f"{quiz_id}.yaml").read_text(encoding="utf-8"))
    return [q["id"] for q in quiz["questions"]]


def _plan(page: str, minutes: int) -> list[tuple[int, int, str]]:
    section = page.split(f"## {minutes}-minute plan", 1)
    assert len(section) == 2, f"no '## {minutes}-minute plan' section"
    rows = []
    for line in section[1].split("\n## ", 1)[0].splitlines():
        row = PLAN_ROW.match(line.strip())
        if row:
            rows.append((int(row.group(1)), int(row.group(2)), row.group(3).strip()))
    return rows


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_activity_headings_outside_going_deeper_add_up_to_the_lessons_activity_minutes(path: Path) -> None:
    lesson = read_path(_markdown(path))
    assert not lesson.unstated, f"{path.name}: headings on the path without '(N minutes)': {lesson.unstated}"
    assert lesson.activity_minutes == _metadata(path)[1], (
        f"{path.name}: the activities add up to {lesson.activity_minutes} minutes, the metadata says "
        f"{_metadata(path)[1]}"
    )


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_the_in_class_path_fits_one_period(path: Path) -> None:
    teaching, _, exit_ticket = _metadata(path)
    lesson = read_path(_markdown(path))
    assert lesson.exit_ticket_minutes == exit_ticket, f"{path.name}: the exit ticket heading's minutes"
    assert lesson.minutes(teaching) <= PERIOD_MINUTES, (
        f"{path.name}: the in-class path takes {lesson.minutes(teaching)} minutes "
        f"({teaching} reading + {lesson.activity_minutes} activities + {exit_ticket} exit ticket)"
    )


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_the_words_on_the_path_can_be_read_in_the_lessons_reading_minutes(path: Path) -> None:
    teaching = _metadata(path)[0]
    lesson = read_path(_markdown(path))
    assert lesson.reading_minutes <= teaching, (
        f"{path.name}: {lesson.words} words on the in-class path take {lesson.reading_minutes:.1f} minutes "
        f"at {WORDS_PER_MINUTE} words a minute, more than its {teaching} reading minutes; fold detail into "
        "a going-deeper section"
    )


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.stem)
def test_the_exit_ticket_has_five_or_six_questions_and_the_rest_are_practice(path: Path) -> None:
    lesson = read_path(_markdown(path))
    tickets = [s for s in lesson.steps if s.kind == "exit ticket"]
    assert len(tickets) == 1, f"{path.name}: one '## Exit ticket (N minutes)' heading, found {len(tickets)}"
    ticket = _quiz_after(path, "Exit ticket")
    practice = _quiz_after(path, "Practice quiz")
    assert ticket, f"{path.name}: no show_quiz(...) after the exit ticket heading"
    assert practice and practice != ticket, f"{path.name}: no practice quiz after a 'Practice quiz' heading"
    assert practice.endswith("_practice"), f"{path.name}: the practice quiz file is named NN_..._practice"
    in_class, optional = _question_ids(ticket), _question_ids(practice)
    assert len(in_class) in EXIT_TICKET_QUESTIONS, f"{ticket}.yaml: {len(in_class)} questions, not 5-6"
    assert optional, f"{practice}.yaml: no questions"
    assert not set(in_class) & set(optional), f"{path.name}: a question in both quizzes"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_going_deeper_section_is_outside_the_path(path: Path) -> None:
    lesson = read_path(_markdown(path))
    assert not lesson.problems, f"{path.name}: {lesson.problems}"
    assert not lesson.deeper_steps, (
        f"{path.name}: timed steps inside a going-deeper section: {[s.heading for s in lesson.deeper_steps]}"
    )


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_the_lessons_minutes_row_matches_its_metadata(path: Path) -> None:
    row = MINUTES_ROW.search(_markdown(path))
    assert row, f"{path.name}: no '| **Minutes** | N reading, M activities, K exit ticket |' row"
    stated = (int(row.group(1)), int(row.group(2)), int(row.group(3) or 0))
    assert stated == _metadata(path), f"{path.name}: the Minutes row"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_the_guide_page_states_the_lessons_minutes(path: Path) -> None:
    teaching, activities, exit_ticket = _metadata(path)
    page = (ROOT / "instructors" / f"{path.stem}.md").read_text(encoding="utf-8")
    header = GUIDE_HEADER.search(" ".join(page.split()))
    expected = "'· N minutes (X reading, Y activities, Z exit ticket)'"
    assert header, f"instructors/{path.stem}.md: no {expected} line"
    stated = tuple(int(n or 0) for n in header.groups())
    assert stated == (teaching + activities + exit_ticket, teaching, activities, exit_ticket), (
        f"instructors/{path.stem}.md"
    )


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.stem)
@pytest.mark.parametrize("period", [45, 90])
def test_the_guide_plans_run_without_gaps_and_end_on_time(path: Path, period: int) -> None:
    page = (ROOT / "instructors" / f"{path.stem}.md").read_text(encoding="utf-8")
    rows = _plan(page, period)
    where = f"instructors/{path.stem}.md, the {period}-minute plan"
    assert rows and rows[0][0] == 0, f"{where}: it starts at 0"
    for (_, end, _), (start, _, _) in zip(rows, rows[1:], strict=False):
        assert start == end, f"{where}: it jumps from {end} to {start}"
    assert rows[-1][1] == period, f"{where}: it ends at {rows[-1][1]}"
    steps = " ".join(step.lower() for _, _, step in rows)
    assert "exit ticket" in steps, f"{where}: no exit ticket"
    if period == 45:
        assert "quiz as homework" not in steps, f"{where}: the exit ticket is taken in class"


def test_the_course_map_and_the_readme_table_state_each_lessons_minutes() -> None:
    guide = (ROOT / "instructors" / "README.md").read_text(encoding="utf-8").split("## Course map", 1)[1]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = lessons()
    assert [lesson.path.name for lesson in listed] == [p.name for p in LESSONS]
    for lesson in listed:
        minutes = f"| {lesson.minutes} {lesson.breakdown} |"
        number = lesson.path.name[:2]
        map_rows = [line for line in guide.splitlines() if line.startswith(f"| {number} |")]
        assert map_rows and minutes in map_rows[0], f"instructors/README.md course map, lesson {number}"
        table_rows = [line for line in readme.splitlines() if line.startswith(f"| {number} |")]
        assert table_rows and minutes in table_rows[0], f"README.md lesson table, lesson {number}"


def test_the_checker_counts_the_path_and_leaves_going_deeper_out() -> None:
    text = (
        "## 1. Reading\n\n### Activity: read the figure (5 minutes)\n\ntext\n\n"
        "<details>\n<summary><strong>Going deeper: the rules</strong></summary>\n\n"
        "### Activity: count again (10 minutes)\n\n</details>\n\n"
        "### Activity: write (15 minutes, or as homework)\n\n## Activity: try the quiz\n\n"
        "## Exit ticket (5 minutes)\n"
    )
    lesson = read_path(text)
    assert lesson.activity_minutes == 20 and lesson.exit_ticket_minutes == 5
    assert lesson.unstated == ["## Activity: try the quiz"]
    assert lesson.going_deeper == ("Going deeper: the rules",)
    assert [s.heading for s in lesson.deeper_steps] == ["### Activity: count again (10 minutes)"]
    assert lesson.minutes(25) == 50
    assert read_path("## Key points\n\nno activity here").minutes(0) == 0
    folded = re.sub(r"<details>.*</details>", "", text, flags=re.DOTALL)
    assert lesson.words == count_words(folded) < count_words(text)  # the folded words do not count


def test_words_are_counted_up_to_the_sources_without_link_targets() -> None:
    text = "Read [the report](https://example.org/a/b/c) now.\n\n## Sources\n\n- [S1] many more words here"
    assert count_words(text) == 4
    assert read_path("one two <details><summary>Going deeper: x</summary>three four</details>").words == 2


def test_the_checker_reports_unclosed_and_untitled_sections() -> None:
    assert read_path("<details>\n<summary>Going deeper: x</summary>\n\ntext").problems
    assert read_path("<details><summary>More</summary>text</details>").problems
    assert not read_path("<details><summary><b>Going deeper:</b> x</summary>text</details>").problems
