"""Short names for the comparisons a course's definition table uses most, so each row stays one line.

Each returns a ``Comparator`` (``compare(value, expected) -> Comparison``) from
``casebook.checks.compare`` with the settings that kind of answer needs::

    Check("ex05.q1", "the highest count", highest_count, whole("the highest count"), hint)
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import partial
from typing import Any

from casebook.checks.compare import (
    Comparator,
    compare_date,
    compare_items,
    compare_mapping,
    compare_number,
    compare_text,
)

PERCENT_TOLERANCE = 0.05  # a percentage "to one decimal place" may be rounded either way


def whole(what: str) -> Comparator:
    """A whole number, such as a count, a year or a difference of counts."""
    return partial(compare_number, what=what, whole=True)


def percentage(what: str) -> Comparator:
    """A percentage from 0 to 100 to one decimal place; a share from 0 to 1 is named as such."""
    return partial(compare_number, what=what, abs_tol=PERCENT_TOLERANCE, percent=True)


def counts(keys: str, what: str) -> Comparator:
    """A dict from each key (``keys`` names them: "modes", "tracks") to a whole number ``what``."""
    return partial(compare_mapping, keys=keys, compare_value=whole(what))


def items(
    what: str,
    item_type: type | tuple[type, ...] | None = None,
    *,
    ordered: bool = False,
    key: Callable[[Any], Hashable] | None = None,
) -> Comparator:
    """A list of ``what``, in any order unless ``ordered``; ``key`` folds items before comparing."""
    return partial(compare_items, what=what, item_type=item_type, ordered=ordered, key=key)


def text(what: str) -> Comparator:
    """A text (a name, a verdict, a sentence), compared with case, spacing and quotes folded."""
    return partial(compare_text, what=what)


def sentence() -> Comparator:
    """A whole sentence of the transcript; part of it, or more than it, is named as such."""
    return text("the sentence")


def day(what: str = "the date") -> Comparator:
    """A date, as a ``datetime.date`` or the text YYYY-MM-DD."""
    return partial(compare_date, what=what)
