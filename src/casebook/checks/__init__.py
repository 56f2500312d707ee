"""Exercise checks that say exactly what they checked and what is wrong.

In a notebook::

    from casebook.checks import check
    check("ex03.q2", questioners)

prints the properties checked (each right or wrong, with a sentence naming what is wrong), the ones
not reached yet, and a hint; or "Not answered yet" while the answer is still the placeholder ``...``.
See ``casebook.checks.registry`` for check definitions and strict mode, ``casebook.checks.compare``
for the comparison helpers, ``casebook.checks.kinds`` for the short forms definition tables use.
The definitions themselves are the course's, in ``course/checks/`` (``casebook.checks.definitions``).
"""

from __future__ import annotations

from casebook.checks.compare import (
    Comparison,
    Finding,
    combine,
    compare_date,
    compare_items,
    compare_length,
    compare_mapping,
    compare_number,
    compare_text,
    compare_type,
)
from casebook.checks.registry import (
    DEFAULT,
    STRICT_ENV,
    Check,
    Registry,
    check,
    require_answers,
    strict_mode,
)
from casebook.checks.result import CheckResult
from casebook.text import fold

__all__ = [
    "DEFAULT",
    "STRICT_ENV",
    "Check",
    "CheckResult",
    "Comparison",
    "Finding",
    "Registry",
    "check",
    "combine",
    "compare_date",
    "compare_items",
    "compare_length",
    "compare_mapping",
    "compare_number",
    "compare_text",
    "compare_type",
    "fold",
    "require_answers",
    "strict_mode",
]
