"""Quiz files: find them, read the YAML, check it, and build the typed model.

``validate_quiz_file(path)`` returns every problem (file, line, field path, plain message) and never
raises; ``load_quiz(name_or_path)`` returns a ``Quiz`` or raises ``QuizFileError`` listing them.

Checks run in three layers: the YAML itself (with the line of a syntax error and duplicate keys,
which YAML would otherwise silently overwrite), the JSON Schema shipped beside this module
(``quiz.schema.json``), and checks that need several fields at once (``checks.py``).
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from casebook.authored_yaml import FieldPath, Limits, LineMap, field_name, read_authored_yaml
from casebook.problems import Problem
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
from casebook.quiz.passages import BRIEFING, transcript_for
from casebook.quiz.schema import load_schema, validator
from casebook.untrusted_text import one_line


class QuizNotFound(FileNotFoundError):
    """No quiz by that name or path; the message lists the quizzes there are."""


class QuizFileError(ValueError):
    """A quiz file has problems; ``problems`` lists each, and the message shows them all."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.path = path
        self.problems = problems
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(f"The quiz file {path} has {count}:\n" + "\n".join(f"  {p}" for p in problems))


def quizzes_dir() -> Path:
    """The folder of the kit's quizzes: ``data/quizzes``."""
    from casebook.paths import data_dir

    return data_dir() / "quizzes"


def quiz_path(name_or_path: str | Path) -> Path:
    """The file of a quiz given by id ("03_moscow_mechanism") or by path; QuizNotFound if none."""
    text = str(name_or_path)
    looks_like_path = isinstance(name_or_path, Path) or text.endswith((".yaml", ".yml")) or "/" in text
    path = Path(text).expanduser() if looks_like_path else quizzes_dir() / f"{text}.yaml"
    if path.is_file():
        return path
    if looks_like_path:
        raise QuizNotFound(f"There is no quiz file at {path}.")
    known = sorted(p.stem for p in quizzes_dir().glob("*.yaml"))
    close = difflib.get_close_matches(text, known, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise QuizNotFound(
        f"There is no quiz called '{text}' in {quizzes_dir()}.{hint} "
        f"Quizzes there: {', '.join(known) or 'none'}."
    )


def quiz_schema() -> dict[str, Any]:
    """The quiz JSON Schema shipped with the package."""
    return load_schema("quiz.schema.json")


# ---------------------------------------------------------------------------------------------------
# YAML with line numbers, bounded (``casebook.authored_yaml``)

#: How much one quiz file may hold, checked before anything else runs: the kit's quizzes are about
#: 10 KB with a dozen questions, so these leave room for any real quiz and none for a resource bomb.
QUIZ_LIMITS = Limits(max_bytes=1024 * 1024, max_depth=20, max_values=20_000, max_items=500)
MAX_QUESTIONS = 200

_EMPTY = "the file is empty; a quiz needs at least id, title and questions"


def read_yaml(path: Path) -> tuple[Any, LineMap, list[Problem]]:
    """The YAML document in ``path``, its line map, and any problems reading it (then data is None)."""
    return _read_yaml(path)[1:]


def _read_yaml(path: Path) -> tuple[str, Any, LineMap, list[Problem]]:
    """``read_yaml``, with the file's text first ("" if it could not be read)."""
    document = read_authored_yaml(path, QUIZ_LIMITS, empty_message=_EMPTY)
    return document.text, document.data, document.lines, document.problems


# ---------------------------------------------------------------------------------------------------
# Schema errors in plain words

_TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of 'key: value' lines",
    "null": "empty",
}


def _kind(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _short(value: Any, limit: int = 40) -> Any:
    if isinstance(value, str) and len(value) > limit:
        return value[: limit - 1] + "…"
    return value


def _allowed_fields(schema: dict[str, Any], question_type: str | None) -> list[str]:
    defs = schema["$defs"]
    names = list(defs["question"]["properties"])
    branch = {"text": "text_question"}.get(question_type or "", question_type or "")
    if branch in defs:
        names += list(defs[branch].get("properties", {}))
    return names


def _schema_problems(file: str, data: Any, lines: LineMap) -> list[Problem]:
    schema = quiz_schema()
    problems: list[Problem] = []
    bad_type_questions: set[int] = set()
    errors = sorted(
        validator("quiz.schema.json").iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]
    )
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator == "enum" and len(path) == 3 and path[0] == "questions" and path[2] == "type":
            bad_type_questions.add(path[1])
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator == "unevaluatedProperties":
            if len(path) == 2 and path[1] in bad_type_questions:
                continue  # the unknown type is the problem; its other fields are not
            question = error.instance if isinstance(error.instance, dict) else {}
            qtype = question.get("type") if isinstance(question.get("type"), str) else None
            allowed = _allowed_fields(schema, qtype)
            for name in question:
                if name not in allowed:
                    problems.append(_unknown_field(file, lines, path, name, allowed, qtype))
            continue
        problems.extend(_schema_problem(file, lines, path, error))
    return problems


def _unknown_field(
    file: str, lines: LineMap, path: FieldPath, name: str, allowed: list[str], qtype: str | None
) -> Problem:
    close = difflib.get_close_matches(str(name), allowed, n=1)
    message = f"unknown field '{name}'"
    if qtype:
        message += f" for a '{qtype}' question"
    message += f" (did you mean '{close[0]}'?)" if close else f"; allowed: {', '.join(allowed)}"
    return Problem(file, message, field=field_name((*path, name)), line=lines.line((*path, name)))


def _schema_problem(file: str, lines: LineMap, path: FieldPath, error: Any) -> list[Problem]:
    validator, value = error.validator, error.instance
    field = field_name(path) or None
    line = lines.line(path)
    if validator == "required":
        missing = [name for name in error.validator_value if not isinstance(value, dict) or name not in value]
        return [
            Problem(file, f"missing required field '{name}'", field=field_name((*path, name)), line=line)
            for name in missing
        ]
    if validator == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extra = [name for name in value if name not in allowed] if isinstance(value, dict) else []
        return [_unknown_field(file, lines, path, name, allowed, None) for name in extra]
    if validator == "type":
        expected = error.validator_value
        words = " or ".join(
            _TYPE_WORDS.get(t, t) for t in ([expected] if isinstance(expected, str) else expected)
        )
        message = f"should be {words}, not {_kind(value)}"
        if isinstance(value, (bool, int, float)) and "text" in words:
            message += f" ({value!r}): put it in quotes to make it text"
        elif value is None:
            message += ": write a value after the colon, or remove the line"
        elif isinstance(value, (str, int, float)):
            message += f" ({_short(value)!r})"
        return [Problem(file, message, field=field, line=line)]
    if validator == "enum":
        choices = ", ".join(str(c) for c in error.validator_value)
        what = "a question type" if path and path[-1] == "type" else "allowed here"
        message = f"'{value}' is not {what}; use one of: {choices}"
        close = difflib.get_close_matches(str(value), [str(c) for c in error.validator_value], n=1)
        if close:
            message += f" (did you mean '{close[0]}'?)"
        return [Problem(file, message, field=field, line=line)]
    if validator == "const":
        return [Problem(file, f"must be '{error.validator_value}', not '{value}'", field=field, line=line)]
    if validator in ("minLength", "pattern") and error.validator_value in (1, "\\S"):
        return [Problem(file, "must not be empty", field=field, line=line)]
    if validator == "pattern":
        return [Problem(file, f"'{value}' may use only letters, digits, '_' and '-'", field=field, line=line)]
    if validator == "minItems":
        n = error.validator_value
        noun = str(path[-1]) if path and str(path[-1]).endswith("s") else "items"
        noun = noun[:-1] if n == 1 else noun
        return [Problem(file, f"needs at least {n} {noun}, found {len(value)}", field, line)]
    if validator == "maxItems":
        return [
            Problem(file, f"has {len(value)} items; at most {error.validator_value} allowed", field, line)
        ]
    if validator == "maximum":
        return [
            Problem(file, f"must be at most {error.validator_value:g}, not {value}", field=field, line=line)
        ]
    if validator == "maxLength" and isinstance(value, str):
        return [
            Problem(
                file,
                f"is {len(value):,} characters long; at most {error.validator_value:,} are allowed",
                field=field,
                line=line,
            )
        ]
    if validator == "minimum":
        return [
            Problem(file, f"must be at least {error.validator_value}, not {value}", field=field, line=line)
        ]
    return [Problem(file, error.message, field=field, line=line)]


# ---------------------------------------------------------------------------------------------------
# Public API


def validate_quiz_file(path: str | Path, transcript: Any = BRIEFING) -> list[Problem]:
    """Every problem in a quiz file, each with the file, line and field path. Never raises.

    Evidence references are checked against ``transcript`` (default: the briefing, when the
    transcript toolkit can load it; pass ``None`` to skip that check).
    """
    return _read_and_check(Path(path), transcript_for(Path(path), transcript))[1]


def load_quiz(name_or_path: str | Path, transcript: Any = BRIEFING) -> Quiz:
    """The quiz with this id (in ``data/quizzes``) or at this path.

    Raises QuizNotFound or QuizFileError, each with a message meant for the person who wrote the file.
    """
    path = quiz_path(name_or_path)
    data, problems = _read_and_check(path, transcript_for(path, transcript))
    if problems:
        raise QuizFileError(path, problems)
    return build_quiz(data, source=path)


def _read_and_check(path: Path, transcript: Any) -> tuple[Any, list[Problem]]:
    """The file's data and its problems, each on one line (author text with line breaks or control
    characters, in a key or a value, is shown escaped)."""
    data, problems = _check_file(path, transcript)
    return data, [one_line(problem) for problem in problems]


NO_SCHEMA_CHECK = (
    "is not one of the kit's quizzes as shipped (it was edited or is new), and it cannot be checked "
    "here: this Python has no jsonschema (the course in the browser has none). Check it on a computer "
    "with the kit installed (casebook validate), or undo the edit"
)


def _check_file(path: Path, transcript: Any) -> tuple[Any, list[Problem]]:
    from casebook.quiz.checked import passed_schema
    from casebook.quiz.checks import semantic_problems

    file = str(path)
    text, data, lines, problems = _read_yaml(path)
    if data is None:
        return None, problems or [Problem(file, "the file holds no quiz (it is empty or only comments)")]
    if not isinstance(data, dict):
        problems.append(
            Problem(
                file,
                f"the file should hold a mapping with id, title and questions, not {_kind(data)}",
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
        questions=tuple(_build_question(q) for q in data["questions"]),
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


def _build_question(q: dict[str, Any]) -> Question:
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
    else:
        extra = {"min_words": q.get("min_words")}
    return QUESTION_CLASSES[qtype](**common, **extra)
