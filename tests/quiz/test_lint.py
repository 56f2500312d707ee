"""The quiz-quality lint: each rule fires on a bad example and is silent on a good one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from casebook.cli import main
from casebook.quiz.lint import LintWarning, lint_quiz_files, lint_quizzes
from casebook.quiz.load import build_quiz, quizzes_dir


def _single(qid: str, key: str, others: list[str], shuffle: bool = True, **extra: Any) -> dict:
    options = [{"text": key, "correct": True}] + [{"text": text} for text in others]
    return {
        "id": qid,
        "type": "single",
        "prompt": f"Question {qid}?",
        "shuffle": shuffle,
        "options": options,
        **extra,
    }


def _quiz(questions: list[dict], quiz_id: str = "q") -> Any:
    return build_quiz({"id": quiz_id, "title": "T", "questions": questions}, source=Path(f"{quiz_id}.yaml"))


def _rules(warnings: list[LintWarning]) -> list[tuple[str, str]]:
    return [(w.question_id, w.rule) for w in warnings]


# longest-key ----------------------------------------------------------------------------------------


def test_longest_key_fires_when_more_than_a_third_of_keys_are_longest() -> None:
    quiz = _quiz(
        [
            _single("a", "the long right answer here", ["short", "brief"]),
            _single("b", "another long right answer", ["tiny", "small"]),
            _single("c", "ok", ["a much longer wrong option"]),
        ]
    )
    warnings = lint_quizzes([quiz])
    assert _rules(warnings) == [("a", "longest-key"), ("b", "longest-key")]
    assert "2 of the quiz's 3 single-choice questions" in warnings[0].message


def test_longest_key_counts_a_tie_as_longest() -> None:
    quiz = _quiz([_single("a", "same length", ["equal size"])])
    assert _rules(lint_quizzes([quiz])) == [("a", "longest-key")]


def test_longest_key_is_silent_at_one_third() -> None:
    quiz = _quiz(
        [
            _single("a", "the long right answer here", ["short", "brief"]),
            _single("b", "ok", ["a much longer wrong option"]),
            _single("c", "fine", ["another longer wrong option"]),
        ]
    )
    assert lint_quizzes([quiz]) == []


# answer-first ---------------------------------------------------------------------------------------


def test_answer_first_fires_on_an_unshuffled_question_with_its_key_first() -> None:
    quiz = _quiz([_single("a", "yes", ["a longer wrong option"], shuffle=False)])
    warnings = lint_quizzes([quiz])
    assert _rules(warnings) == [("a", "answer-first")]
    assert str(warnings[0]).startswith("q.yaml: question 'a': warning (answer-first): ")


def test_answer_first_covers_evidence_questions() -> None:
    evidence = {
        "id": "e",
        "type": "evidence",
        "prompt": "Which?",
        "claim": "A claim.",
        "stance": "supports",
        "options": [{"ref": {"turn": 1}, "correct": True}, {"ref": {"turn": 2}}],
    }
    assert _rules(lint_quizzes([_quiz([evidence])])) == [("e", "answer-first")]


def test_answer_first_is_silent_when_shuffled_or_the_key_is_not_first() -> None:
    unshuffled_key_second = {
        "id": "b",
        "type": "single",
        "prompt": "B?",
        "options": [{"text": "a longer wrong option"}, {"text": "yes", "correct": True}],
    }
    quiz = _quiz([_single("a", "yes", ["a longer wrong option"]), unshuffled_key_second])
    assert lint_quizzes([quiz]) == []


# all-but-one ----------------------------------------------------------------------------------------


def _multiple(qid: str, right: int, wrong: int) -> dict:
    options = [{"text": f"right {i}", "correct": True} for i in range(right)]
    options += [{"text": f"wrong {i}"} for i in range(wrong)]
    return {"id": qid, "type": "multiple", "prompt": f"Tick {qid}", "shuffle": True, "options": options}


@pytest.mark.parametrize(("right", "wrong"), [(3, 1), (4, 0), (1, 1)])
def test_all_but_one_fires_when_ticking_everything_nearly_wins(right: int, wrong: int) -> None:
    warnings = lint_quizzes([_quiz([_multiple("m", right, wrong)])])
    assert _rules(warnings) == [("m", "all-but-one")]


def test_all_but_one_is_silent_with_two_wrong_options() -> None:
    assert lint_quizzes([_quiz([_multiple("m", 3, 2)])]) == []


# accepts-wrong --------------------------------------------------------------------------------------


def _text(pattern: str | None, rejects: list[str] | None = None, wrong: list[str] | None = None) -> dict:
    question: dict[str, Any] = {
        "id": "t",
        "type": "text",
        "prompt": "Which document of 1991?",
        "accept": ["Moscow Document"],
    }
    if pattern:
        question["pattern"] = pattern
    if rejects:
        question["rejects"] = rejects
    if wrong:
        question["wrong"] = [{"answer": answer, "feedback": "No."} for answer in wrong]
    return question


def test_accepts_wrong_fires_when_a_loose_pattern_accepts_a_listed_reject() -> None:
    warnings = lint_quizzes([_quiz([_text("moscow", rejects=["Moscow Mechanism"])])])
    assert _rules(warnings) == [("t", "accepts-wrong")]
    assert '"Moscow Mechanism"' in warnings[0].message


def test_accepts_wrong_tries_the_wrong_answers_too() -> None:
    warnings = lint_quizzes([_quiz([_text("moscow", wrong=["Moscow Mechanism"])])])
    assert _rules(warnings) == [("t", "accepts-wrong")]


def test_accepts_wrong_fires_on_an_accept_list_that_holds_the_reject() -> None:
    question = _text(None, rejects=["moscow document!"])
    assert _rules(lint_quizzes([_quiz([question])])) == [("t", "accepts-wrong")]


def test_accepts_wrong_is_silent_on_a_tight_pattern() -> None:
    question = _text("moscow doc", rejects=["Moscow Mechanism", "Moscow"], wrong=["Helsinki Final Act"])
    assert lint_quizzes([_quiz([question])]) == []


# duplicate ------------------------------------------------------------------------------------------


def _numeric(qid: str, prompt: str, answer: float) -> dict:
    return {"id": qid, "type": "numeric", "prompt": prompt, "answer": answer}


def test_duplicate_fires_on_the_same_prompt_across_quizzes() -> None:
    first = _quiz([_numeric("a", "How many states signed the Final Act?", 35)], "one")
    second = _quiz([_numeric("b", "How many  states signed the final act", 36)], "two")
    warnings = lint_quizzes([first, second])
    assert _rules(warnings) == [("a", "duplicate")]
    assert "same prompt as question 'b' in two.yaml" in warnings[0].message


def test_duplicate_fires_on_the_same_key_and_topic() -> None:
    first = _quiz(
        [_numeric("a", "How many participating states invoked the mechanism on Belarus?", 38)], "one"
    )
    second = _quiz(
        [_numeric("b", "In 2023, how many states invoked the Moscow Mechanism on Belarus?", 38)], "two"
    )
    assert _rules(lint_quizzes([first, second])) == [("a", "duplicate")]


def test_duplicate_is_silent_on_the_same_key_with_another_topic() -> None:
    first = _quiz(
        [_numeric("a", "How many participating states invoked the mechanism on Belarus?", 38)], "one"
    )
    second = _quiz([_numeric("b", "What was the rapporteur's age when the report came out?", 38)], "two")
    assert lint_quizzes([first, second]) == []


def test_duplicate_is_silent_on_the_same_topic_with_another_key() -> None:
    first = _quiz(
        [_numeric("a", "How many participating states invoked the mechanism on Belarus?", 38)], "one"
    )
    second = _quiz(
        [_numeric("b", "How many participating states invoked the mechanism on Belarus in 2020?", 17)]
    )
    assert lint_quizzes([first, second]) == []


def test_duplicate_compares_evidence_by_passage_and_claim() -> None:
    def evidence(qid: str, claim: str) -> dict:
        return {
            "id": qid,
            "type": "evidence",
            "prompt": "Which sentence contradicts the claim below?",
            "claim": claim,
            "stance": "contradicts",
            "shuffle": True,
            "options": [{"ref": {"turn": 13, "sentence": 8}, "correct": True}, {"ref": {"turn": 2}}],
        }

    alone = evidence("a", "The United States invoked the Moscow Mechanism on Belarus alone.")
    alone_again = evidence("b", "The United States acted alone in invoking the Moscow Mechanism on Belarus.")
    other = evidence("c", "Nobody joined France in asking for a rapporteur.")
    assert _rules(lint_quizzes([_quiz([alone, alone_again])])) == [("a", "duplicate")]
    assert lint_quizzes([_quiz([alone]), _quiz([other], "two")]) == []


# the shipped quizzes and `casebook validate` --------------------------------------------------------


def test_every_shipped_quiz_passes_the_lint_with_zero_warnings() -> None:
    warnings = lint_quiz_files(sorted(quizzes_dir().glob("*.yaml")))
    assert [str(w) for w in warnings] == []


def test_validate_prints_warnings_one_line_each_and_still_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quiz = {
        "id": "weak",
        "title": "A weak quiz",
        "questions": [
            _single("first", "the right answer, by far the longest", ["no"], shuffle=False),
            _text("moscow", rejects=["Moscow Mechanism"]),
        ],
    }
    path = tmp_path / "weak.yaml"
    path.write_text(yaml.safe_dump(quiz), encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if "warning" in line]
    expected = [("first", "longest-key"), ("first", "answer-first"), ("t", "accepts-wrong")]
    assert len(lines) == len(expected)
    for line, (qid, rule) in zip(lines, expected, strict=True):
        assert line.startswith(f"{path}: question '{qid}': warning ({rule}): ")
    assert "1 file checked: all valid." in out


def test_validate_skips_the_lint_for_a_file_with_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("id: broken\ntitle: T\nquestions: []\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "warning" not in out and "broken.yaml" in out


def test_the_kinds_question_keys_a_hedge_where_the_hedge_finder_finds_one() -> None:
    from casebook.quiz.load import load_quiz
    from casebook.transcript.hedges import find_markers

    kinds = load_quiz("04_claims_and_evidence").question("kinds")
    hedged = [pair for pair in kinds.pairs if any(m.kind == "hedge" for m in find_markers(pair.term))]
    assert hedged, "the kinds question should hold at least one hedged sentence"
    assert all("hedge" in pair.definition.lower() for pair in hedged)
