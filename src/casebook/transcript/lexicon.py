"""The toolkit's word lists, read from JSON files shipped with the package.

``labels.json`` (speaker roles and titles), ``markers.json`` (hedges, attribution, annotations, relative
dates, number qualifiers) and ``boilerplate.json`` (website text that is not part of a briefing) all have
one shape, checked against ``lexicon.schema.json``: an ``about`` text, then named groups, each with its own
``about`` and a list of ``phrases``. Code never embeds these words; a teacher edits the files instead.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from casebook.problems import Problem, ProblemsError

SCHEMA_FILE = "lexicon.schema.json"
MAX_LEXICON_BYTES = 1024 * 1024  # the shipped lists are a few KB

# The groups each shipped file must have: the parser relies on them.
REQUIRED_GROUPS: dict[str, tuple[str, ...]] = {
    "labels.json": ("moderator", "operator", "questioner", "other", "titles", "not_labels"),
    "markers.json": (
        "attribution",
        "hedge",
        "distancing",
        "annotations",
        "gap_annotations",
        "relative_dates",
        "number_qualifiers",
    ),
    "boilerplate.json": ("banner", "release", "end_marks", "footer"),
}

Lexicon = dict[str, tuple[str, ...]]


class LexiconError(ProblemsError, ValueError):
    """A word-list file is missing, is not JSON, or breaks the schema; the message names file and field."""


def _schema() -> dict:
    text = resources.files("casebook.transcript").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def check_lexicon(data: object, file: str, required: Sequence[str] = ()) -> list[Problem]:
    """Every problem with one word list's parsed JSON, each naming the file and the field."""
    from casebook.authored_schema import draft_validator, schema_problems

    problems = schema_problems(file, draft_validator(_schema()).iter_errors(data))
    if isinstance(data, dict):
        for group in required:
            if group not in data:
                problems.append(Problem(file, f"the group '{group}' is missing", field=group))
    return problems


def load_lexicon_file(path: Path, required: Sequence[str] = ()) -> Lexicon:
    """Read a word list from ``path``; raises LexiconError naming the file and field on any problem."""
    from casebook.files import UnreadableFile, read_text_bounded

    try:
        data = json.loads(read_text_bounded(path, MAX_LEXICON_BYTES))
    except UnreadableFile as error:  # missing, a folder, a FIFO, a device, too large, not UTF-8
        raise LexiconError([error.problem]) from None
    except json.JSONDecodeError as exc:
        raise LexiconError([Problem(str(path), f"is not valid JSON: {exc.msg}", line=exc.lineno)]) from None
    except RecursionError:
        raise LexiconError([Problem(str(path), "is nested too deeply to be a word list")]) from None
    problems = check_lexicon(data, str(path), required)
    if problems:
        raise LexiconError(problems)
    return {name: tuple(group["phrases"]) for name, group in data.items() if name != "about"}


@cache
def shipped(name: str) -> Lexicon:
    """One of the word lists shipped with the package (``labels.json``, ``markers.json``, ...), cached.

    Shipped lists are checked against the schema by the test suite, not at run time: importing jsonschema
    costs seconds, more than a lesson should wait to read a transcript. Edited copies go through
    :func:`load_lexicon_file`, which checks them.
    """
    text = resources.files("casebook.transcript").joinpath(name).read_text(encoding="utf-8")
    data = json.loads(text)
    return {group: tuple(value["phrases"]) for group, value in data.items() if group != "about"}


def fold(text: str) -> str:
    """Text folded for matching word lists: lower case, straight apostrophes, single spaces."""
    return " ".join(text.replace("’", "'").replace("‘", "'").lower().split())


def phrase_alternatives(phrases: Sequence[str]) -> str:
    """Regex source matching any one phrase, spacing and apostrophe shape ignored; longest first."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = ["".join("['’]" if ch in "'’" else re.escape(ch) for ch in word) for word in phrase.split()]
        parts.append(r"\s+".join(words))
    return "|".join(parts)


def phrase_pattern(phrases: Sequence[str]) -> re.Pattern[str]:
    """One regex matching any phrase as whole words, ignoring case and spacing; longest phrases first."""
    # Whole words: no letter, apostrophe or hyphen before; after, no letter, no hyphenated word, and no
    # apostrophe unless it is a possessive "'s" ("today's" holds "today").
    alternatives = phrase_alternatives(phrases)
    return re.compile(r"(?<![\w'’-])(?:" + alternatives + r")(?!\w|-\w|['’](?!s\b))", re.IGNORECASE)
