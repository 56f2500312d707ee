"""A lesson's in-class path: what a class does in one period, read from the notebook's Markdown.

A lesson's Markdown marks its parts with headings and one HTML element, so the same notebook reads
well in JupyterLab 4, in nbconvert's HTML and in a printed copy:

- ``### Activity: ... (N minutes)``: an activity done in class;
- ``## Exit ticket (N minutes)``: the short quiz taken in class at the end (5-6 questions);
- ``## Practice quiz (optional)``: the rest of the lesson's questions, for after class;
- ``<details><summary>Going deeper: ...</summary> ... </details>``: procedural detail a class may skip.
  It is folded in JupyterLab and in the HTML views, and nothing in it counts towards the period.

The in-class path is the reading (the notebook metadata's ``teaching_minutes``), every activity outside
a going-deeper section, and the exit ticket. ``reading_minutes`` checks the reading minutes against the
words on the path (everything outside going-deeper sections, up to the ``## Sources`` list) at
``WORDS_PER_MINUTE``, a deliberately slow pace for a first, careful reading with tables and figures: an
assumption of the kit, not a measurement of any class. Pure text functions: no notebook reading here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from casebook.text import word_count

PERIOD_MINUTES = 45
WORDS_PER_MINUTE = 150
EXIT_TICKET_QUESTIONS = range(5, 7)  # 5 or 6 questions

_HEADING = re.compile(r"^(#+)\s*(.+?)\s*$", re.MULTILINE)
_MINUTES = re.compile(r"\((\d+) minutes?\b")
_DETAILS = re.compile(r"<details\b[^>]*>(.*?)</details\s*>", re.DOTALL | re.IGNORECASE)
_SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)</summary\s*>", re.DOTALL | re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")
_LINK_TARGETS = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")
_SOURCES = re.compile(r"^#+\s*Sources\s*$", re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True)
class Step:
    """One heading of the lesson that takes class time: an activity or the exit ticket."""

    heading: str
    minutes: int | None  # None when the heading states no minutes
    kind: str  # "activity" or "exit ticket"


@dataclass(frozen=True)
class LessonPath:
    """What one lesson's Markdown says about its period."""

    steps: tuple[Step, ...]
    going_deeper: tuple[str, ...]  # the summary line of each going-deeper section
    deeper_steps: tuple[Step, ...] = field(default=())  # timed headings found inside going-deeper sections
    problems: tuple[str, ...] = field(default=())  # unclosed or untitled going-deeper sections
    words: int = 0  # words on the path, before the Sources list

    @property
    def reading_minutes(self) -> float:
        """How long the words on the path take at ``WORDS_PER_MINUTE``."""
        return self.words / WORDS_PER_MINUTE

    @property
    def activity_minutes(self) -> int:
        """Minutes of the in-class activities (headings without minutes count as 0)."""
        return sum(s.minutes or 0 for s in self.steps if s.kind == "activity")

    @property
    def exit_ticket_minutes(self) -> int:
        """Minutes of the exit ticket (0 when there is none)."""
        return sum(s.minutes or 0 for s in self.steps if s.kind == "exit ticket")

    @property
    def unstated(self) -> list[str]:
        """Headings on the path that give no minutes."""
        return [s.heading for s in self.steps if s.minutes is None]

    def minutes(self, teaching_minutes: int) -> int:
        """The whole in-class path: reading, activities and exit ticket."""
        return teaching_minutes + self.activity_minutes + self.exit_ticket_minutes


def _kind(title: str) -> str | None:
    lowered = title.lower()
    if lowered.startswith("activity"):
        return "activity"
    if lowered.startswith("exit ticket"):
        return "exit ticket"
    return None


def _steps(markdown: str) -> list[Step]:
    found = []
    for hashes, title in _HEADING.findall(markdown):
        kind = _kind(title)
        if kind:
            minutes = _MINUTES.search(title)
            found.append(Step(f"{hashes} {title}", int(minutes.group(1)) if minutes else None, kind))
    return found


def going_deeper_title(section: str) -> str:
    """The plain text of a ``<details>`` section's ``<summary>``, or "" when it has none."""
    summary = _SUMMARY.search(section)
    return " ".join(_TAGS.sub("", summary.group(1)).split()) if summary else ""


def read_path(markdown: str) -> LessonPath:
    """Split a lesson's Markdown into its in-class steps and its going-deeper sections."""
    problems = []
    opened = len(re.findall(r"<details\b", markdown, re.IGNORECASE))
    closed = len(re.findall(r"</details\s*>", markdown, re.IGNORECASE))
    if opened != closed:
        problems.append(f"{opened} <details> opened, {closed} closed")
    sections = _DETAILS.findall(markdown)
    titles = []
    deeper: list[Step] = []
    for section in sections:
        title = going_deeper_title(section)
        if not title.lower().startswith("going deeper"):
            problems.append(f"a <details> section without a 'Going deeper: ...' summary: {title or '(none)'}")
        titles.append(title)
        deeper += _steps(section)
    outside = _DETAILS.sub("", markdown)
    steps = tuple(_steps(outside))
    return LessonPath(steps, tuple(titles), tuple(deeper), tuple(problems), count_words(outside))


def count_words(markdown: str) -> int:
    """Words a reader reads in ``markdown`` up to its ``## Sources`` heading (no link targets or tags),
    counted as the rest of the kit counts words (``casebook.text.word_count``)."""
    text = _SOURCES.split(markdown, maxsplit=1)[0]
    return word_count(_TAGS.sub(" ", _LINK_TARGETS.sub("]", text)))
