"""What answer controls each question type gets, and how a value from the browser is made safe.

Pure logic, no widgets: ``controls_for`` says what ``question_widget.js`` draws (radio buttons,
checkboxes, a text box, a text area, or drop-downs) with which labels, and ``Controls.coerce`` turns
whatever the browser sends (any JSON at all) into an answer of the type's shape, so the graders and
the progress store only ever see well-formed answers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from casebook.quiz.model import (
    EvidenceQuestion,
    MatchQuestion,
    MultipleQuestion,
    NumericQuestion,
    OrderQuestion,
    Question,
    ReflectionQuestion,
    SingleQuestion,
    TextQuestion,
    VerdictQuestion,
)
from casebook.quiz.passages import TranscriptLike, resolve

MAX_TEXT = 20_000  # characters kept from a typed answer; graders cope with more, the progress file need not

MATCH_PROMPT = "Choose a definition…"


@dataclass(frozen=True)
class Controls:
    """The controls of one question: their kind, labels and options, and the empty answer."""

    kind: str  # choice, multiple, text, textarea, order, match, verdict
    label: str = ""
    placeholder: str = ""
    options: tuple[tuple[str, int | str], ...] = ()  # (label, value) in the order shown (verdict: code)
    menu_labels: tuple[str, ...] = ()  # one per drop-down (order, match)
    empty: Any = None  # the answer before the learner does anything
    size: int = field(default=0)  # options (choice, multiple) or items/terms (order, match)

    def coerce(self, value: Any) -> Any:
        """``value`` as an answer of this kind; anything that does not fit becomes the empty answer."""
        values = {v for _, v in self.options}
        if self.kind == "choice":
            return value if _is_int(value) and value in values else None
        if self.kind == "multiple":
            if not isinstance(value, list):
                return []
            return sorted({v for v in value if _is_int(v) and v in values})
        if self.kind in ("text", "textarea"):
            if value is None:
                return ""
            if isinstance(value, float) and not math.isfinite(value):
                return str(value)
            return (value if isinstance(value, str) else str(value))[:MAX_TEXT]
        if self.kind == "order":
            if (
                isinstance(value, list)
                and all(_is_int(v) for v in value)
                and sorted(value) == list(range(self.size))
            ):
                return list(value)
            return list(self.empty)
        if self.kind == "match":
            if not isinstance(value, list) or len(value) != len(self.menu_labels):
                return list(self.empty)
            return [v if _is_int(v) and v in values else None for v in value]
        if self.kind == "verdict":
            if not isinstance(value, dict):
                return dict(self.empty)
            code, reason = value.get("verdict"), value.get("reason")
            if isinstance(reason, float) and not math.isfinite(reason):
                reason = str(reason)
            elif reason is None:
                reason = ""
            return {
                "verdict": code if isinstance(code, str) and code in values else None,
                "reason": (reason if isinstance(reason, str) else str(reason))[:MAX_TEXT],
            }
        return None

    def to_widget(self) -> dict[str, Any]:
        """The widget traits that draw these controls."""
        return {
            "kind": self.kind,
            "label": self.label,
            "placeholder": self.placeholder,
            "options": [{"label": text, "value": value} for text, value in self.options],
            "menu_labels": list(self.menu_labels),
        }


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def controls_for(question: Question, order: list[int], transcript: TranscriptLike | None) -> Controls:
    """The controls for ``question``, its options shown in ``order`` (see ``shuffling.choice_order``)."""
    if isinstance(question, SingleQuestion | EvidenceQuestion):
        if isinstance(question, EvidenceQuestion):
            labels = [resolve(option.ref, transcript).display() for option in question.options]
        else:
            labels = [option.text for option in question.options]
        return Controls("choice", options=tuple((labels[i], i) for i in order), size=len(labels))
    if isinstance(question, MultipleQuestion):
        labels = [option.text for option in question.options]
        return Controls("multiple", options=tuple((labels[i], i) for i in order), empty=[], size=len(labels))
    if isinstance(question, NumericQuestion):
        unit = f" ({question.unit})" if question.unit else ""
        return Controls("text", f"Your answer{unit}", "a number, such as 12 or 3.5", empty="")
    if isinstance(question, TextQuestion):
        return Controls("text", "Your answer", "a short answer", empty="")
    if isinstance(question, ReflectionQuestion):
        aim = f" (about {question.min_words} words)" if question.min_words else ""
        return Controls("textarea", f"Your reflection{aim}", empty="")
    if isinstance(question, OrderQuestion):
        last = len(question.items)
        places = tuple(
            f"Place {n}" + (" (first)" if n == 1 else " (last)" if n == last else "")
            for n in range(1, last + 1)
        )
        return Controls(
            "order",
            "Put the items in order",
            options=tuple((question.items[i], i) for i in order),
            menu_labels=places,
            empty=list(order),
            size=last,
        )
    if isinstance(question, MatchQuestion):
        return Controls(
            "match",
            "Match each term to its definition",
            MATCH_PROMPT,
            options=tuple((question.definitions[i], i) for i in order),
            menu_labels=tuple(question.terms),
            empty=[None] * len(question.terms),
            size=len(question.terms),
        )
    if isinstance(question, VerdictQuestion):
        return Controls(
            "verdict",
            f"Your reason (at least {question.min_words} words, at most {question.max_chars} characters)",
            "Why do you think so? Say what you would want to see checked.",
            options=tuple(
                (f"{question.options[i].label}: {question.options[i].meaning}", question.options[i].code)
                for i in order
            ),
            empty={"verdict": None, "reason": ""},
            size=len(question.options),
        )
    raise TypeError(f"no controls for question type {question.type!r}")
