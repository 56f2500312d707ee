"""A lesson's minutes agree everywhere they are stated.

Each lesson notebook states its minutes in its metadata (``casebook.teaching_minutes`` and
``activity_minutes``, which `casebook readme` writes into the README's lesson table), in its own
"Minutes" row, in the instructors' course map and on its guide page. Every activity heading says how
long it takes, and those minutes must add up to the activity minutes the lesson states.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from casebook.maintain.course import lessons
from tests.conftest import ROOT

LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
ACTIVITY_HEADING = re.compile(r"^#+\s*Activity\b.*$", re.IGNORECASE | re.MULTILINE)
HEADING_MINUTES = re.compile(r"\((\d+) minutes?\b")
MINUTES_ROW = re.compile(r"\|\s*\*\*Minutes\*\*\s*\|\s*(\d+) reading, (\d+) activit")
GUIDE_HEADER = re.compile(r"·\s*(\d+)\s+minutes\s+\((\d+) reading,\s+(\d+) activit")


def activity_minutes(markdown: str) -> tuple[int, list[str]]:
    """The minutes the activity headings of a lesson add up to, and the headings that give none."""
    total = 0
    unstated = []
    for heading in ACTIVITY_HEADING.findall(markdown):
        found = HEADING_MINUTES.search(heading)
        if found:
            total += int(found.group(1))
        else:
            unstated.append(heading.strip())
    return total, unstated


def _markdown(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def _metadata(path: Path) -> tuple[int, int]:
    meta = nbformat.read(path, as_version=4).metadata["casebook"]
    return int(meta["teaching_minutes"]), int(meta["activity_minutes"])


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_activity_headings_add_up_to_the_lessons_activity_minutes(path: Path) -> None:
    total, unstated = activity_minutes(_markdown(path))
    assert not unstated, f"{path.name}: activity headings without '(N minutes)': {unstated}"
    assert total == _metadata(path)[1], (
        f"{path.name}: the activities add up to {total} minutes, the metadata says {_metadata(path)[1]}"
    )


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_the_lessons_minutes_row_matches_its_metadata(path: Path) -> None:
    row = MINUTES_ROW.search(_markdown(path))
    assert row, f"{path.name}: no '| **Minutes** | N reading, M activities |' row"
    assert (int(row.group(1)), int(row.group(2))) == _metadata(path), f"{path.name}: the Minutes row"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_the_guide_page_states_the_lessons_minutes(path: Path) -> None:
    teaching, activities = _metadata(path)
    page = (ROOT / "instructors" / f"{path.stem}.md").read_text(encoding="utf-8")
    header = GUIDE_HEADER.search(" ".join(page.split()))
    assert header, f"instructors/{path.stem}.md: no '· N minutes (X reading, Y activities)' line"
    stated = tuple(int(n) for n in header.groups())
    assert stated == (teaching + activities, teaching, activities), f"instructors/{path.stem}.md"


def test_the_course_map_and_the_readme_table_state_each_lessons_minutes() -> None:
    guide = (ROOT / "instructors" / "README.md").read_text(encoding="utf-8").split("## Course map", 1)[1]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = lessons()
    assert [lesson.path.name for lesson in listed] == [p.name for p in LESSONS]
    for lesson in listed:
        minutes = f"| {lesson.minutes} ({lesson.teaching_minutes} + {lesson.activity_minutes}) |"
        number = lesson.path.name[:2]
        map_rows = [line for line in guide.splitlines() if line.startswith(f"| {number} |")]
        assert map_rows and minutes in map_rows[0], f"instructors/README.md course map, lesson {number}"
        table_rows = [line for line in readme.splitlines() if line.startswith(f"| {number} |")]
        assert table_rows and minutes in table_rows[0], f"README.md lesson table, lesson {number}"


def test_the_checker_counts_activities_and_finds_unstated_ones() -> None:
    text = (
        "## 1. Reading\n\n### Activity: read the figure (5 minutes)\n\ntext\n\n"
        "### Activity: write (15 minutes, or as homework)\n\n## Activity: try the quiz\n"
    )
    assert activity_minutes(text) == (20, ["## Activity: try the quiz"])
    assert activity_minutes("## Key points\n\nno activity here") == (0, [])
