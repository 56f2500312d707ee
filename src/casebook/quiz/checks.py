"""Checks on a quiz file that a JSON Schema cannot express: they look at several fields at once.

Unique ids, exactly one right option where one is expected, answers that can be given at all,
regular expressions that compile, and transcript references that resolve. Each check tolerates
data that already failed the schema (it skips what it cannot read) so every problem is listed once.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casebook.authored_yaml import LineMap, field_name
from casebook.problems import Problem
from casebook.quiz.model import PassageRef
from casebook.quiz.normalise import comparison_key
from casebook.quiz.passages import BRIEFING, TranscriptLike
from casebook.quiz.patterns import pattern_problem

# How a check reports a problem: the field path, and the message.
Report = Callable[[tuple[Any, ...], str], None]


def semantic_problems(
    file: str, data: dict[str, Any], lines: LineMap, stem: str, transcript: TranscriptLike | None = BRIEFING
) -> list[Problem]:
    """Problems in a quiz mapping beyond its schema; ``lines`` gives each field's line."""
    problems: list[Problem] = []

    def report(path: tuple[Any, ...], message: str) -> None:
        problems.append(Problem(file, message, field=field_name(path) or None, line=lines.line(path)))

    quiz_id = data.get("id")
    if isinstance(quiz_id, str) and quiz_id != stem:
        report(("id",), f"the id '{quiz_id}' differs from the file name '{stem}': make them the same")
    _check_moved_from(file, data, report)
    questions = data.get("questions")
    if not isinstance(questions, list):
        return problems
    seen: dict[str, int] = {}
    for index, question in enumerate(questions):
        if not isinstance(question, dict):
            continue
        path = ("questions", index)
        qid = question.get("id")
        if isinstance(qid, str):
            if qid in seen:
                report((*path, "id"), f"duplicate question id '{qid}' (also question {seen[qid] + 1})")
            else:
                seen[qid] = index
        checker = _CHECKS.get(question.get("type"))  # type: ignore[arg-type]
        if checker is not None:
            checker(question, path, report)
        if question.get("type") == "verdict":
            _check_verdict(question, path, report, file)
    evidence = [
        (i, q) for i, q in enumerate(questions) if isinstance(q, dict) and q.get("type") == "evidence"
    ]
    if evidence and transcript is not None:
        _check_refs(evidence, report, transcript)
    return problems


def _check_moved_from(file: str, data: dict[str, Any], report: Report) -> None:
    """Each id in ``moved_from`` names another quiz file in the same folder."""
    folder = Path(file).parent
    for index, old_id in _strings(data.get("moved_from")):
        path = ("moved_from", index)
        if old_id == data.get("id"):
            report(path, f"moved_from names the quiz itself ('{old_id}'): name the quiz its questions left")
        elif not (folder / f"{old_id}.yaml").is_file():
            known = sorted(p.stem for p in folder.glob("*.yaml") if p.stem != data.get("id"))
            close = difflib.get_close_matches(old_id, known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            missing = f"there is no quiz file {old_id}.yaml in {folder}{hint}"
            report(path, f"moved_from names '{old_id}', but {missing}")


def _dicts(value: Any) -> list[tuple[int, dict[str, Any]]]:
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)] if isinstance(value, list) else []


def _strings(value: Any) -> list[tuple[int, str]]:
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)] if isinstance(value, list) else []


def _duplicates(values: list[tuple[int, str]], path: tuple[Any, ...], what: str, report: Report) -> None:
    seen: dict[str, int] = {}
    for index, text in values:
        key = comparison_key(text)
        if key in seen:
            report((*path, index), f"{what} '{text}' is the same as {what} {seen[key] + 1}")
        else:
            seen[key] = index


def _check_choice(question: dict[str, Any], path: tuple[Any, ...], report: Report) -> None:
    options = _dicts(question.get("options"))
    if not options:
        return
    right = [i for i, o in options if o.get("correct") is True]
    qtype = question.get("type")
    if not right:
        report(
            (*path, "options"),
            "no option is marked 'correct: true': the answer must be one of the options",
        )
    elif len(right) > 1 and qtype in ("single", "evidence"):
        report(
            (*path, "options"),
            f"{len(right)} options are marked correct; a '{qtype}' question has exactly one"
            + (" (use type 'multiple' for several)" if qtype == "single" else ""),
        )
    if qtype != "evidence":
        texts = [(i, o["text"]) for i, o in options if isinstance(o.get("text"), str)]
        _duplicates(texts, (*path, "options"), "option", report)


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_numeric(question: dict[str, Any], path: tuple[Any, ...], report: Report) -> None:
    has_answer, has_range = "answer" in question, "range" in question
    if has_answer == has_range:
        report(
            path,
            "give either 'answer' (with a tolerance) or 'range', not both"
            if has_answer
            else "missing required field 'answer' (or 'range': [low, high])",
        )
    if has_answer and isinstance(question["answer"], float) and not _finite(question["answer"]):
        report((*path, "answer"), "must be an ordinary number (not .nan or .inf)")
    if "tolerance" in question and "relative_tolerance" in question:
        report(path, "give 'tolerance' or 'relative_tolerance', not both")
    if has_range and ("tolerance" in question or "relative_tolerance" in question):
        report(path, "a 'range' already says which numbers are right: remove the tolerance")
    for name in ("tolerance", "relative_tolerance"):
        value = question.get(name)
        if isinstance(value, float) and not math.isfinite(value):
            report((*path, name), "must be an ordinary number (not .nan or .inf)")
    if question.get("relative_tolerance") and question.get("answer") == 0:
        report(
            (*path, "relative_tolerance"),
            "a relative tolerance of an answer of 0 accepts only 0: use 'tolerance'",
        )
    rng = question.get("range")
    if isinstance(rng, list) and len(rng) == 2 and all(_is_number(v) for v in rng):
        if not all(_finite(v) for v in rng):
            report((*path, "range"), "must hold two ordinary numbers (not .nan or .inf)")
        elif rng[0] > rng[1]:
            report(
                (*path, "range"), f"the low end {rng[0]} is above the high end {rng[1]}: write [low, high]"
            )


def _check_text(question: dict[str, Any], path: tuple[Any, ...], report: Report) -> None:
    accept = _strings(question.get("accept"))
    pattern = question.get("pattern")
    if "accept" not in question and "pattern" not in question:
        report(path, "missing required field 'accept' (a list of accepted answers) or 'pattern'")
    for index, text in accept:
        if not comparison_key(text):
            report((*path, "accept", index), f"'{text}' has no letters or digits, so no answer can match it")
    if isinstance(pattern, str):
        problem = pattern_problem(pattern)
        if problem:
            report((*path, "pattern"), problem)
    accepted = {comparison_key(text) for _, text in accept}
    for index, wrong in _dicts(question.get("wrong")):
        answer = wrong.get("answer")
        if isinstance(answer, str) and comparison_key(answer) in accepted:
            report((*path, "wrong", index, "answer"), f"'{answer}' is both accepted and listed as wrong")


def _check_order(question: dict[str, Any], path: tuple[Any, ...], report: Report) -> None:
    _duplicates(_strings(question.get("items")), (*path, "items"), "item", report)


def _check_match(question: dict[str, Any], path: tuple[Any, ...], report: Report) -> None:
    pairs = _dicts(question.get("pairs"))
    terms = [(i, p["term"]) for i, p in pairs if isinstance(p.get("term"), str)]
    _duplicates(terms, (*path, "pairs"), "term", report)
    definitions = [(i, p["definition"]) for i, p in pairs if isinstance(p.get("definition"), str)]
    _duplicates(definitions, (*path, "pairs"), "definition", report)
    known = {comparison_key(text) for _, text in definitions}
    for index, text in _strings(question.get("distractors")):
        if comparison_key(text) in known:
            report((*path, "distractors", index), f"the distractor '{text}' is also a right definition")


def _check_evidence(question: dict[str, Any], path: tuple[Any, ...], report: Report) -> None:
    _check_choice(question, path, report)
    seen: dict[tuple[Any, Any], int] = {}
    for index, option in _dicts(question.get("options")):
        ref = option.get("ref")
        if isinstance(ref, dict):
            key = (ref.get("turn"), ref.get("sentence"))
            if key in seen:
                report((*path, "options", index, "ref"), f"the same passage as option {seen[key] + 1}")
            else:
                seen[key] = index


def _check_reflection(question: dict[str, Any], path: tuple[Any, ...], report: Report) -> None:
    for name in ("points", "attempts"):
        if name in question:
            report((*path, name), f"reflection questions are not graded: remove '{name}'")


def _check_verdict(question: dict[str, Any], path: tuple[Any, ...], report: Report, file: str) -> None:
    """The claim is one of the claims the quiz reads: the kit's, or its case's own."""
    from casebook.quiz.verdict import claim_problem

    problem = claim_problem(question.get("claim"), file)
    if problem:
        report((*path, "claim"), problem)


def _check_refs(
    evidence: list[tuple[int, dict[str, Any]]], report: Report, transcript: TranscriptLike | None
) -> None:
    from casebook.quiz.passages import TranscriptUnavailable, default_transcript, ref_problem

    if transcript is BRIEFING:
        try:
            transcript = default_transcript()
        except TranscriptUnavailable:
            return  # without the toolkit, references cannot be checked; they are shown by place
    if transcript is None:
        return  # asked not to check references
    for index, question in evidence:
        for option_index, option in _dicts(question.get("options")):
            ref = option.get("ref")
            if not isinstance(ref, dict):
                continue
            turn, sentence = ref.get("turn"), ref.get("sentence")
            if not isinstance(turn, int) or (sentence is not None and not isinstance(sentence, int)):
                continue
            if turn < 1 or (sentence is not None and sentence < 1):
                continue  # the schema says that turns and sentences count from 1
            problem = ref_problem(PassageRef(turn, sentence), transcript)
            if problem:
                report(("questions", index, "options", option_index, "ref"), problem)


_CHECKS = {
    "single": _check_choice,
    "multiple": _check_choice,
    "numeric": _check_numeric,
    "text": _check_text,
    "order": _check_order,
    "match": _check_match,
    "evidence": _check_evidence,
    "reflection": _check_reflection,
}
