"""The order learners see options, items and definitions in: shuffled with a stable seed.

Everyone sees the same order (so a class can talk about "option B"), and it never changes between
sessions. The seed is the quiz's ``seed`` if it has one, else its id, combined with the question id.
``random.Random`` seeded with a string is deterministic across runs and Python versions 3.2+.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence

from casebook.quiz.model import (
    EvidenceOption,
    EvidenceQuestion,
    MatchQuestion,
    MultipleQuestion,
    Option,
    OrderQuestion,
    Question,
    SingleQuestion,
    VerdictQuestion,
)


def display_order(
    count: int,
    key: str,
    question_id: str,
    *,
    shuffle: bool = True,
    pinned_last: Collection[int] = (),
    avoid_identity: bool = False,
) -> list[int]:
    """The indices ``0..count-1`` in the order to show them.

    ``pinned_last`` indices keep their relative order at the end ("None of the above"). With
    ``avoid_identity`` the result is never the file order when that can be helped (order questions,
    whose file order is the answer).
    """
    pinned = [i for i in range(count) if i in pinned_last]
    free = [i for i in range(count) if i not in pinned_last]
    if shuffle:
        random.Random(f"casebook:{key}:{question_id}").shuffle(free)
        if avoid_identity and len(free) > 1 and free == sorted(free):
            free = free[1:] + free[:1]
    return free + pinned


def choice_order(key: str, question: Question) -> list[int]:
    """The order to show a question's choices in: options, items to order, or definitions to match.

    Options (and a verdict's vocabulary) are shuffled only if the question says ``shuffle: true``
    (pinned ones stay last); items to
    order are always shuffled (their file order is the answer), and so are a match's definitions.
    Questions without choices give an empty list.
    """
    if isinstance(question, (SingleQuestion, MultipleQuestion, EvidenceQuestion)):
        options: Sequence[Option | EvidenceOption] = question.options
        pinned = {i for i, option in enumerate(options) if option.pin_last}
        return display_order(
            len(question.options), key, question.id, shuffle=question.shuffle, pinned_last=pinned
        )
    if isinstance(question, VerdictQuestion):  # the vocabulary's order unless the file says shuffle
        return display_order(len(question.options), key, question.id, shuffle=question.shuffle)
    if isinstance(question, OrderQuestion):
        return display_order(len(question.items), key, question.id, avoid_identity=True)
    if isinstance(question, MatchQuestion):
        return display_order(len(question.definitions), key, question.id, avoid_identity=True)
    return []
