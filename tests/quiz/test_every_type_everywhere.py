"""Every question type is handled in every place that treats types apart.

Each place (``load``, ``checks``, ``grading``, ``controls``, ``shuffling``, ``answers``, ``static``)
switches on the question's type. A type added to ``model.QUESTION_CLASSES`` but forgotten in one of
them would fall into another type's branch or a default. So: the every-type quiz of ``conftest`` must
hold a question of each type, ``RIGHT`` its right answer, and each question goes through every place
and must come out as its own type's, right answer graded right.
To add a type: a question in ``EVERY_TYPE`` (here), its right answer here, then make every test pass.
"""

from __future__ import annotations

import textwrap
from typing import Any

import pytest
import yaml

from casebook.authored_yaml import LineMap
from casebook.quiz import answers, controls, grading, shuffling, static
from casebook.quiz.checks import semantic_problems
from casebook.quiz.load import load_quiz
from casebook.quiz.model import QUESTION_CLASSES, Question, Quiz

from .conftest import EVERY_TYPE as OLDER_TYPES
from .conftest import FAKE

# conftest.EVERY_TYPE predates the verdict type, and other tests count its questions; the
# predict-then-reveal question is added here so this file still holds one question of every type.
EVERY_TYPE = OLDER_TYPES.rstrip() + """
  - id: predict
    type: verdict
    claim: c12
    prompt: "Would independent sources back this claim?"
"""


@pytest.fixture
def every_type(write_quiz: Any) -> Quiz:
    """One question of every type, loaded against the fake transcript."""
    return load_quiz(write_quiz(EVERY_TYPE), transcript=FAKE)

# The right answer to each question of EVERY_TYPE, as a learner's browser sends it.
RIGHT: dict[str, Any] = {
    "one": 1,
    "many": [0, 2],
    "number": "38",  # typed in a text box
    "words": "Final Act",
    "steps": [0, 1, 2],
    "pairs": [0, 1],
    "proof": 0,
    "thoughts": "I think the mechanism matters because it is fast.",
    "predict": {"verdict": "U", "reason": "Some parts are confirmed, others are not."},
}
UNGRADED = {"reflection"}  # saved, never right or wrong
COMMITTED = {"verdict"}  # a prediction: completion credit, never right or wrong; its key shows the kit's


def _questions(every_type: Quiz) -> list[Question]:
    return list(every_type.questions)


def test_the_every_type_quiz_has_one_question_of_each_type(every_type: Quiz) -> None:
    types = sorted(q.type for q in every_type.questions)
    assert types == sorted(QUESTION_CLASSES), "add a question of the new type to EVERY_TYPE"
    assert sorted(RIGHT) == sorted(q.id for q in every_type.questions), "add its right answer to RIGHT"


def test_load_builds_each_type_as_its_own_class(every_type: Quiz) -> None:
    for question in every_type.questions:
        assert type(question) is QUESTION_CLASSES[question.type], question.id


def test_checks_find_nothing_wrong_in_any_type() -> None:
    data = yaml.safe_load(textwrap.dedent(EVERY_TYPE))
    assert semantic_problems("every_type.yaml", data, LineMap(), "every_type", FAKE) == []


@pytest.mark.parametrize("question_id", sorted(RIGHT))
def test_each_type_is_graded_controlled_shuffled_described_and_shown(
    every_type: Quiz, question_id: str
) -> None:
    question = next(q for q in every_type.questions if q.id == question_id)
    right = RIGHT[question_id]

    result = grading.grade(question, right)
    if question.type in UNGRADED:
        assert result.status == "saved", result
    elif question.type in COMMITTED:
        assert (result.status, result.score) == ("committed", 1.0), (question.type, result)
        assert grading.grade(question, None).status == "invalid"
    else:
        assert (result.status, result.score) == ("correct", 1.0), (question.type, result)
        assert grading.grade(question, None).status == "invalid"

    order = shuffling.choice_order(every_type.shuffle_key(), question)
    assert sorted(order) == list(range(len(order)))
    shown = controls.controls_for(question, order, FAKE)
    assert shown.coerce(right) == right, f"{question.type}: the controls turn the right answer into another"
    assert shown.coerce(shown.empty) == shown.empty

    described = answers.describe_answer(question, right, FAKE)
    assert described and described.strip() != "?", question.type
    lines = answers.right_answer_lines(question, FAKE)
    assert bool(lines) == (question.type not in UNGRADED), (question.type, lines)

    assert question.type in static.TYPE_NAMES
    key = static.question_html(every_type, question, 1, FAKE, "key")
    view = static.question_html(every_type, question, 1, FAKE, "view")
    assert static.TYPE_NAMES[question.type] in view
    if question.type not in UNGRADED:
        assert key.startswith(view[: view.index("</p>")]) and len(key) > len(view), "the key shows no answer"
