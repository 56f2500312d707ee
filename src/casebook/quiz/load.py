"""Quiz files: find them, read the YAML, check it, and build the typed model.

``validate_quiz_file(path)`` returns every problem (file, line, field path, plain message) and never
raises; ``load_quiz(name_or_path)`` returns a ``Quiz`` or raises ``QuizFileError`` listing them.

Checks run in three layers: the YAML itself (with the line of a syntax error and duplicate keys,
which YAML would otherwise silently overwrite), the JSON Schema shipped beside this module
(``quiz.schema.json``), and checks that need several fields at once (``checks.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from casebook.authored_schema import error_order, error_problems
from casebook.authored_yaml import FieldPath, LineMap, field_name
from casebook.problems import Problem, ProblemsError
from casebook.quiz.checked import passed_schema
from casebook.quiz.checks import semantic_problems
from casebook.quiz.files import (
    MAX_QUESTIONS,
    QUIZ_LIMITS,
    QuizNotFound,
    quiz_path,
    quizzes_dir,
    read_quiz_document,
    read_yaml,
)
from casebook.quiz.model import (
    QUESTION_CLASSES,
    EvidenceOption,
    MatchPair,
    Option,
    PassageRef,
    Question,
    Quiz,
    WrongAnswer,
)
from casebook.quiz.passages import BRIEFING, TranscriptLike, transcript_for
from casebook.quiz.schema import load_schema, validator
from casebook.text import kind, plural
from casebook.untrusted_text import one_line

# Found here by the callers that always have: the file lookup lives in ``quiz.files``.
__all__ = [
    "MAX_QUESTIONS",
    "QUIZ_LIMITS",
    "QuizFileError",
    "QuizNotFound",
    "build_quiz",
    "load_quiz",
    "quiz_path",
    "quiz_schema",
    "quizzes_dir",
    "read_yaml",
    "validate_quiz_file",
]


class QuizFileError(ProblemsError, ValueError):
    """A quiz file has problems; ``problems`` lists each, and the message shows them all."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.path = path
        super().__init__(problems, f"The quiz file {path} has {plural(len(problems), 'problem')}:")


def quiz_schema() -> dict[str, Any]:
    """The quiz JSON Schema shipped with the package."""
    return load_schema("quiz.schema.json")


def _read_yaml(path: Path) -> tuple[str, Any, LineMap, list[Problem]]:
    """The quiz file's text ("" if it could not be read), value, line map and problems."""
    document = read_quiz_document(path)
    return document.text, document.data, document.lines, document.problems


# ---------------------------------------------------------------------------------------------------
# Schema errors in plain words (``casebook.authored_schema``), with the fields each question type allows


def _allowed_fields(schema: dict[str, Any], question_type: str | None) -> list[str]:
    defs = schema["$defs"]
    names = list(defs["question"]["properties"])
    branch = {"text": "text_question"}.get(question_type or "", question_type or "")
    if branch in defs:
        names += list(defs[branch].get("properties", {}))
    return names


def _question_fields(path: FieldPath, question: dict[str, Any]) -> tuple[list[str], str | None]:
    qtype = question.get("type") if isinstance(question.get("type"), str) else None
    return _allowed_fields(quiz_schema(), qtype), (f"a '{qtype}' question" if qtype else None)


def _schema_problems(file: str, data: Any, lines: LineMap) -> list[Problem]:
    errors = sorted(validator("quiz.schema.json").iter_errors(data), key=error_order)
    bad_type_questions = {
        error.absolute_path[1]
        for error in errors
        if error.validator == "enum"
        and len(error.absolute_path) == 3
        and error.absolute_path[0] == "questions"
        and error.absolute_path[2] == "type"
    }
    problems: list[Problem] = []
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator == "unevaluatedProperties" and len(path) == 2 and path[1] in bad_type_questions:
            continue  # the unknown type is the problem; its other fields are not
        if error.validator == "minimum" and _is_ref_number(path):
            problems.append(_ref_below_one(file, data, path, error.instance, lines))
            continue
        problems += error_problems(file, error, lines, _question_fields)
    return problems


def _is_ref_number(path: tuple[Any, ...]) -> bool:
    """Whether ``path`` is an evidence option's ``ref.turn`` or ``ref.sentence``."""
    return (
        len(path) == 6
        and (path[0], path[2], path[4]) == ("questions", "options", "ref")
        and path[5] in ("turn", "sentence")
    )


def _ref_below_one(file: str, data: Any, path: tuple[Any, ...], value: Any, lines: LineMap) -> Problem:
    """A reference's turn or sentence below 1, named by question id: authors count from 1 as people do."""
    question = data["questions"][path[1]]
    qid = question.get("id") if isinstance(question, dict) else None
    which = f"question '{qid}'" if isinstance(qid, str) else f"question {path[1] + 1}"
    name = path[5]
    return Problem(
        file,
        f"{which}, option {path[3] + 1}: there is no {name} {value}: {name}s count from 1, as "
        "`casebook transcript --sentences` and the lessons' tables show them (turn 1, sentence 1 is "
        "the first sentence)",
        field=field_name(path),
        line=lines.line(path),
    )


# ---------------------------------------------------------------------------------------------------
# Public API


def validate_quiz_file(path: str | Path, transcript: TranscriptLike | None = BRIEFING) -> list[Problem]:
    """Every problem in a quiz file, each with the file, line and field path. Never raises.

    Evidence references are checked against ``transcript`` (default: the briefing, when the
    transcript toolkit can load it; pass ``None`` to skip that check).
    """
    return _read_and_check(Path(path), transcript_for(Path(path), transcript))[1]


def load_quiz(name_or_path: str | Path, transcript: TranscriptLike | None = BRIEFING) -> Quiz:
    """The quiz with this id (in ``data/quizzes``) or at this path.

    Raises QuizNotFound or QuizFileError, each with a message meant for the person who wrote the file.
    """
    path = quiz_path(name_or_path)
    data, problems = _read_and_check(path, transcript_for(path, transcript))
    if problems:
        raise QuizFileError(path, problems)
    return build_quiz(data, source=path)


def _read_and_check(path: Path, transcript: TranscriptLike | None) -> tuple[Any, list[Problem]]:
    """The file's data and its problems, each on one line (author text with line breaks or control
    characters, in a key or a value, is shown escaped)."""
    data, problems = _check_file(path, transcript)
    return data, [one_line(problem) for problem in problems]


NO_SCHEMA_CHECK = (
    "is not one of the kit's quizzes as shipped (it was edited or is new), and it cannot be checked "
    "here: this Python has no jsonschema (the course in the browser has none). Check it on a computer "
    "with the kit installed (casebook validate), or undo the edit"
)


def _check_file(path: Path, transcript: TranscriptLike | None) -> tuple[Any, list[Problem]]:
    file = str(path)
    text, data, lines, problems = _read_yaml(path)
    if data is None:
        return None, problems or [Problem(file, "the file holds no quiz (it is empty or only comments)")]
    if not isinstance(data, dict):
        problems.append(
            Problem(
                file,
                f"the file should hold a mapping with id, title and questions, not {kind(data)}",
                line=1,
            )
        )
        return None, problems
    questions = data.get("questions")
    if isinstance(questions, list) and len(questions) > MAX_QUESTIONS:
        problems.append(
            Problem(
                file,
                f"has {len(questions):,} questions; a quiz has at most {MAX_QUESTIONS}: split it into "
                "several quizzes",
                field="questions",
                line=lines.line(("questions",)),
            )
        )
        return None, problems  # checked before the schema, whose time grows with every question
    if not passed_schema(text):  # the kit's unedited quizzes were checked ahead of time (checked.py)
        try:
            problems += _schema_problems(file, data, lines)
        except ImportError:  # no jsonschema (the course in the browser): an unchecked quiz is not shown
            return None, [Problem(file, NO_SCHEMA_CHECK)]
    problems += semantic_problems(file, data, lines, path.stem, transcript)
    problems = sorted(set(problems), key=lambda p: (p.line or 0, p.field or "", p.message))
    return data, problems


def build_quiz(data: dict[str, Any], source: Path | None = None) -> Quiz:
    """The typed quiz from a mapping that has passed the checks."""
    return Quiz(
        id=data["id"],
        title=data["title"],
        intro=data.get("intro"),
        seed=data.get("seed"),
        moved_from=tuple(data.get("moved_from", ())),
        questions=tuple(_build_question(q, source) for q in data["questions"]),
        source=source,
    )


def _options(items: list[dict[str, Any]]) -> tuple[Option, ...]:
    return tuple(
        Option(
            text=o["text"],
            correct=bool(o.get("correct", False)),
            feedback=o.get("feedback"),
            pin_last=o.get("pin") == "last",
        )
        for o in items
    )


def _build_question(q: dict[str, Any], source: Path | None = None) -> Question:
    qtype = q["type"]
    common: dict[str, Any] = {
        "id": q["id"],
        "prompt": q["prompt"],
        "attempts": q.get("attempts"),
        "hints": tuple(q.get("hints", ())),
        "explanation": q.get("explanation"),
    }
    if qtype != "reflection":
        common["points"] = float(q.get("points", 1))
    extra: dict[str, Any]
    if qtype in ("single", "multiple"):
        extra = {"options": _options(q["options"]), "shuffle": bool(q.get("shuffle", False))}
    elif qtype == "numeric":
        rng = q.get("range")
        extra = {
            "answer": q.get("answer"),
            "tolerance": float(q.get("tolerance", 0)),
            "relative_tolerance": q.get("relative_tolerance"),
            "range": (float(rng[0]), float(rng[1])) if rng else None,
            "unit": q.get("unit"),
        }
    elif qtype == "text":
        extra = {
            "accept": tuple(q.get("accept", ())),
            "pattern": q.get("pattern"),
            "wrong": tuple(
                WrongAnswer(answer=w["answer"], feedback=w["feedback"]) for w in q.get("wrong", ())
            ),
            "rejects": tuple(q.get("rejects", ())),
        }
    elif qtype == "order":
        extra = {"items": tuple(q["items"])}
    elif qtype == "match":
        extra = {
            "pairs": tuple(MatchPair(term=p["term"], definition=p["definition"]) for p in q["pairs"]),
            "distractors": tuple(q.get("distractors", ())),
        }
    elif qtype == "evidence":
        extra = {
            "claim": q["claim"],
            "stance": q["stance"],
            "shuffle": bool(q.get("shuffle", False)),
            "options": tuple(
                EvidenceOption(
                    ref=PassageRef(o["ref"]["turn"], o["ref"].get("sentence")),
                    correct=bool(o.get("correct", False)),
                    feedback=o.get("feedback"),
                    pin_last=o.get("pin") == "last",
                )
                for o in q["options"]
            ),
        }
    elif qtype == "verdict":
        from casebook.quiz.claims_book import claims_book
        from casebook.quiz.verdict import question_fields

        extra = question_fields(q, claims_book(source).claims)
    else:
        extra = {"min_words": q.get("min_words")}
    return QUESTION_CLASSES[qtype](**common, **extra)
