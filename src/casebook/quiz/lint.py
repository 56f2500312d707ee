"""A quiz-quality lint: flaws that let a learner guess, or that ask one thing twice.

Pure logic on typed quizzes (``casebook.quiz.model``): no widgets, no printing. A quiz file that passes
``validate_quiz_file`` can still be a weak quiz; ``lint_quizzes`` returns one ``LintWarning`` per flaw,
naming the file and the question. The rules (documented in ``data/quizzes/README.md``):

- ``longest-key``: in more than a third of a quiz's single-choice questions, the right option is the
  longest (a test-wise learner picks the longest option);
- ``answer-first``: a choice question (single, multiple, evidence) is not shuffled and its first
  option is right;
- ``all-but-one``: a multiple-select question has every option right, or all but one;
- ``duplicate``: two questions of the course have the same prompt, or the same keyed answer on the
  same topic (topic: the content words of the prompt and claim, a plural "s" dropped, half of them shared),
  or two verdict predictions are on the same claim;
- ``accepts-wrong``: a text question's grader accepts an answer the file lists as wrong (an answer
  under ``wrong:`` or an example under ``rejects:``).

Warnings are advice for the quiz's author: ``casebook validate`` prints them and still exits 0.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from casebook.quiz.grading import grade
from casebook.quiz.model import (
    EvidenceQuestion,
    MultipleQuestion,
    NumericQuestion,
    Question,
    Quiz,
    SingleQuestion,
    TextQuestion,
    VerdictQuestion,
)
from casebook.quiz.normalise import comparison_key, fold_text

LONGEST_KEY_SHARE = 1 / 3  # the keyed option may be the longest in at most this share of questions
TOPIC_OVERLAP = 0.5  # two questions share a topic when this share of the smaller word set is shared
_STOPWORDS = frozenset(
    {
        "about",
        "above",
        "after",
        "again",
        "against",
        "also",
        "among",
        "another",
        "answer",
        "apply",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "briefing",
        "choose",
        "claim",
        "could",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "either",
        "every",
        "following",
        "from",
        "further",
        "have",
        "having",
        "here",
        "into",
        "itself",
        "just",
        "many",
        "more",
        "most",
        "much",
        "must",
        "only",
        "other",
        "over",
        "passage",
        "same",
        "says",
        "sentence",
        "should",
        "shows",
        "some",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "tick",
        "true",
        "under",
        "until",
        "upon",
        "very",
        "what",
        "when",
        "where",
        "which",
        "while",
        "whom",
        "whose",
        "will",
        "with",
        "within",
        "without",
        "would",
        "your",
        "yours",
    }
)


@dataclass(frozen=True)
class LintWarning:
    """One flaw of a quiz: the file, the question, the rule broken and what to do, in plain words."""

    file: str
    question_id: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: question '{self.question_id}': warning ({self.rule}): {self.message}"


def _file(quiz: Quiz) -> str:
    return str(quiz.source) if quiz.source is not None else quiz.id


def _warn(quiz: Quiz, question: Question, rule: str, message: str) -> LintWarning:
    return LintWarning(_file(quiz), question.id, rule, message)


def keyed_option_is_longest(question: SingleQuestion) -> bool:
    """Whether the right option is at least as long as every other option (a tie counts as longest)."""
    lengths = [len(option.text.strip()) for option in question.options]
    keyed = [length for length, option in zip(lengths, question.options, strict=True) if option.correct]
    others = [length for length, option in zip(lengths, question.options, strict=True) if not option.correct]
    return bool(keyed and others) and keyed[0] >= max(others)


def longest_key_warnings(quiz: Quiz) -> list[LintWarning]:
    """``longest-key``: one warning per question whose key is the longest, when they exceed a third."""
    singles = [q for q in quiz.questions if isinstance(q, SingleQuestion)]
    longest = [q for q in singles if keyed_option_is_longest(q)]
    if not singles or len(longest) <= LONGEST_KEY_SHARE * len(singles):
        return []
    share = f"{len(longest)} of the quiz's {len(singles)} single-choice questions"
    return [
        _warn(
            quiz,
            q,
            "longest-key",
            f"the right option is the longest ({share} key the longest option; at most a third should). "
            "Lengthen a distractor or shorten the key.",
        )
        for q in longest
    ]


def answer_first_warnings(quiz: Quiz) -> list[LintWarning]:
    """``answer-first``: a choice question that is not shuffled and lists a right option first."""
    warnings = []
    for q in quiz.questions:
        if isinstance(q, (SingleQuestion, MultipleQuestion, EvidenceQuestion)) and (
            not q.shuffle and q.options and q.options[0].correct
        ):
            warnings.append(
                _warn(
                    quiz,
                    q,
                    "answer-first",
                    "the options are not shuffled and the first one is right. Add 'shuffle: true'.",
                )
            )
    return warnings


def all_but_one_warnings(quiz: Quiz) -> list[LintWarning]:
    """``all-but-one``: a multiple-select question where ticking everything is (nearly) right."""
    warnings = []
    for q in quiz.questions:
        if isinstance(q, MultipleQuestion):
            right = sum(1 for option in q.options if option.correct)
            if right >= len(q.options) - 1:
                warnings.append(
                    _warn(
                        quiz,
                        q,
                        "all-but-one",
                        f"{right} of its {len(q.options)} options are right, so ticking every option "
                        "scores well. Add wrong options or make one right option wrong.",
                    )
                )
    return warnings


def accepts_wrong_warnings(quiz: Quiz) -> list[LintWarning]:
    """``accepts-wrong``: the grader marks right an answer listed under ``wrong:`` or ``rejects:``."""
    warnings = []
    for q in quiz.questions:
        if isinstance(q, TextQuestion):
            listed = [w.answer for w in q.wrong] + list(q.rejects)
            for answer in listed:
                if grade(q, answer).correct:
                    warnings.append(
                        _warn(
                            quiz,
                            q,
                            "accepts-wrong",
                            f'the answer "{answer}" is listed as wrong, but the grader accepts it. '
                            "Tighten 'pattern' or 'accept'.",
                        )
                    )
    return warnings


def keyed_answers(question: Question) -> frozenset[str]:
    """What a question keys as right, folded for comparison (empty for order, match and reflection)."""
    if isinstance(question, SingleQuestion):
        return frozenset(comparison_key(o.text) for o in question.options if o.correct)
    if isinstance(question, TextQuestion):
        return frozenset(comparison_key(a) for a in question.accept if comparison_key(a))
    if isinstance(question, NumericQuestion):
        if question.range is not None:
            return frozenset({f"range:{question.range[0]:g}-{question.range[1]:g}"})
        return frozenset({f"number:{question.answer:g}"}) if question.answer is not None else frozenset()
    if isinstance(question, EvidenceQuestion):
        return frozenset(f"passage:{o.ref.label()}" for o in question.options if o.correct)
    return frozenset()


def _asked(question: Question) -> str:
    """What a question asks: its prompt, and for an evidence question its claim too."""
    return question.prompt + " " + getattr(question, "claim", "")


def topic_words(question: Question) -> frozenset[str]:
    """The content words of a question's prompt (and claim): four letters or more, common words left out."""
    words = re.findall(r"[a-z0-9]+", fold_text(_asked(question)))
    kept = (w for w in words if (len(w) >= 4 or w.isdigit()) and w not in _STOPWORDS)
    return frozenset(w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w for w in kept)


def same_topic(first: Question, second: Question) -> bool:
    """Whether two questions share at least half of the smaller set of topic words."""
    a, b = topic_words(first), topic_words(second)
    if not a or not b:
        return False
    return len(a & b) >= TOPIC_OVERLAP * min(len(a), len(b))


def duplicate_warnings(quizzes: Sequence[Quiz]) -> list[LintWarning]:
    """``duplicate``: pairs of questions, in one quiz or across quizzes, that ask the same thing.

    Questions are grouped by prompt and by keyed answer first, so only questions that could be
    duplicates are compared (a long file costs little more than a short one).
    """
    asked = [(quiz, q) for quiz in quizzes for q in quiz.questions]
    by_prompt: dict[str, list[int]] = defaultdict(list)
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_claim: dict[str, list[int]] = defaultdict(list)
    for index, (_, q) in enumerate(asked):
        by_prompt[comparison_key(_asked(q))].append(index)
        for key in keyed_answers(q):
            by_key[(q.type, key)].append(index)
        if isinstance(q, VerdictQuestion):
            by_claim[q.claim].append(index)
    reasons: dict[tuple[int, int], str] = {}
    for group in by_claim.values():
        for i, j in combinations(group, 2):
            reasons[(i, j)] = "asks for a verdict on the same claim as"
    for group in by_key.values():
        for i, j in combinations(group, 2):
            if same_topic(asked[i][1], asked[j][1]):
                reasons[(i, j)] = "has the same right answer, on the same topic, as"
    for group in by_prompt.values():
        for i, j in combinations(group, 2):
            reasons[(i, j)] = "has the same prompt as"
    warnings = []
    for (i, j), reason in sorted(reasons.items()):
        (quiz_a, a), (quiz_b, b) = asked[i], asked[j]
        message = f"{reason} question '{b.id}' in {_file(quiz_b)}. Ask each fact once, or ask it a new way."
        warnings.append(_warn(quiz_a, a, "duplicate", message))
    return warnings


def lint_quizzes(quizzes: Iterable[Quiz]) -> list[LintWarning]:
    """Every lint warning for these quizzes: each quiz's own flaws, then duplicates across them."""
    quizzes = list(quizzes)
    warnings: list[LintWarning] = []
    for quiz in quizzes:
        warnings += longest_key_warnings(quiz)
        warnings += answer_first_warnings(quiz)
        warnings += all_but_one_warnings(quiz)
        warnings += accepts_wrong_warnings(quiz)
    return warnings + duplicate_warnings(quizzes)


def lint_quiz_files(paths: Iterable[str | Path]) -> list[LintWarning]:
    """The lint warnings for the quiz files among ``paths``; a file that does not load is skipped.

    A file with problems is not linted: ``validate`` reports its problems, and the lint needs a quiz
    that loads. Duplicates are looked for across all the files given.
    """
    from casebook.files import UnreadableFile
    from casebook.quiz.load import load_quiz

    quizzes = []
    for path in paths:
        path = Path(path)
        if path.suffix not in (".yaml", ".yml") or path.parent.name == "rubrics":
            continue
        try:
            quizzes.append(load_quiz(path))
        except (ValueError, OSError, UnreadableFile):  # QuizFileError, QuizNotFound and unreadable files
            continue
    return lint_quizzes(quizzes)


def print_quiz_lint(paths: Iterable[str | Path]) -> int:
    """Print one line per lint warning for the quiz files among ``paths``; return how many there were."""
    warnings = lint_quiz_files(paths)
    for warning in warnings:
        print(warning)
    return len(warnings)
