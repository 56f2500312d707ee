"""Loading quiz files into the typed model, finding quizzes by id, and the kit's own quizzes."""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook.quiz import QuizNotFound, load, load_quiz
from casebook.quiz.load import quiz_path, quizzes_dir, read_yaml, validate_quiz_file
from casebook.quiz.model import (
    EvidenceQuestion,
    MatchQuestion,
    NumericQuestion,
    PassageRef,
    ReflectionQuestion,
    SingleQuestion,
    TextQuestion,
)
from casebook.quiz.schema import load_schema, validator
from tests.conftest import ROOT
from tests.quiz.conftest import FAKE


def test_every_type_loads_into_its_dataclass(every_type) -> None:
    assert every_type.id == "every_type" and every_type.seed == 7
    assert [q.type for q in every_type.questions] == [
        "single",
        "multiple",
        "numeric",
        "text",
        "order",
        "match",
        "evidence",
        "reflection",
    ]
    single = every_type.question("one")
    assert isinstance(single, SingleQuestion) and single.points == 1.0 and single.options[1].correct
    number = every_type.question("number")
    assert isinstance(number, NumericQuestion) and (number.answer, number.unit, number.attempts) == (
        38,
        "states",
        2,
    )
    words = every_type.question("words")
    assert isinstance(words, TextQuestion) and words.hints == ("A city", "Helsinki ...")
    assert words.wrong[0].feedback == "That came in 1991."
    pairs = every_type.question("pairs")
    assert isinstance(pairs, MatchQuestion)
    assert pairs.definitions == ("meets weekly", "observes elections", "expels states")
    proof = every_type.question("proof")
    assert isinstance(proof, EvidenceQuestion) and proof.options[0].ref == PassageRef(2, 2)
    assert proof.options[1].ref == PassageRef(1, None)
    thoughts = every_type.question("thoughts")
    assert isinstance(thoughts, ReflectionQuestion) and thoughts.points == 0 and not thoughts.graded
    assert every_type.max_points == 7


def test_quiz_path_finds_a_quiz_by_id_or_path(write_quiz) -> None:
    assert quiz_path("00_start_here") == quizzes_dir() / "00_start_here.yaml"
    path = write_quiz("id: x\n", "x")
    assert quiz_path(path) == path and quiz_path(str(path)) == path


def test_an_unknown_quiz_name_suggests_the_closest_one() -> None:
    with pytest.raises(QuizNotFound, match=r"no quiz called '00_start_her'.*Did you mean '00_start_here'"):
        load_quiz("00_start_her")
    with pytest.raises(QuizNotFound, match="There is no quiz file at"):
        load_quiz("somewhere/missing.yaml")


def test_line_map_points_at_nested_fields(write_quiz) -> None:
    path = write_quiz(
        """
        id: lines
        title: "Lines"
        questions:
          - id: q1
            type: single
            prompt: "Pick"
            options:
              - text: "A"
              - text: "B"
                correct: true
        """,
        "lines",
    )
    _, lines, problems = read_yaml(path)
    assert problems == []
    assert lines.line(("questions", 0, "options", 1, "correct")) == 10
    assert lines.line(("questions", 0, "options", 1, "missing")) == 9  # falls back to the parent


def test_libyaml_reads_every_quiz_as_the_pure_python_parser_does(monkeypatch) -> None:
    import yaml

    from casebook import authored_yaml

    if not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("this PyYAML was built without libyaml")

    files = sorted(quizzes_dir().glob("*.yaml")) + sorted((ROOT / "tests" / "quiz" / "broken").glob("*.yaml"))
    assert authored_yaml.FAST_LOADER is yaml.CSafeLoader
    fast = [read_yaml(path) for path in files]
    monkeypatch.setattr(authored_yaml, "FAST_LOADER", yaml.SafeLoader)
    for path, (data, lines, problems) in zip(files, fast, strict=True):
        pure_data, pure_lines, pure_problems = read_yaml(path)
        assert data == pure_data, path.name
        assert (lines.keys, lines.values) == (pure_lines.keys, pure_lines.values), path.name
        assert problems == pure_problems, path.name  # syntax errors worded as the pure parser words them


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(load_schema("quiz.schema.json"))
    Draft202012Validator.check_schema(load_schema("answers.schema.json"))
    assert validator("quiz.schema.json").is_valid(
        {"id": "x", "title": "t", "questions": [{"id": "q", "type": "reflection", "prompt": "p"}]}
    )


def test_shipped_schemas_use_no_string_formats() -> None:
    # Format checkers are skipped in the kernel (schema.FORMAT_ONLY_LIBRARIES): keep schemas format-free.
    for name in ("quiz.schema.json", "answers.schema.json"):
        assert not _uses_format_keyword(load_schema(name)), name
    assert _uses_format_keyword({"properties": {"when": {"type": "string", "format": "date"}}})
    assert not _uses_format_keyword({"properties": {"format": {"const": "casebook-answers"}}})


def _uses_format_keyword(node: object) -> bool:
    if isinstance(node, dict):
        if isinstance(node.get("format"), str):
            return True
        return any(_uses_format_keyword(v) for k, v in node.items() if k != "properties") or any(
            _uses_format_keyword(v) for v in node.get("properties", {}).values()
        )
    if isinstance(node, list):
        return any(_uses_format_keyword(v) for v in node)
    return False


def test_validating_skips_the_format_only_libraries_and_leaves_them_importable(tmp_path: Path) -> None:
    import subprocess
    import sys

    # An edited copy of a shipped quiz: not in quiz.checked.json, so it goes through jsonschema.
    edited = tmp_path / "00_start_here.yaml"
    edited.write_text((ROOT / "data/quizzes/00_start_here.yaml").read_text(encoding="utf-8") + "# edited\n")
    code = (
        "import sys\n"
        "from casebook.quiz.load import validate_quiz_file\n"
        f"assert validate_quiz_file({str(edited)!r}) == []\n"
        "from casebook.quiz.schema import FORMAT_ONLY_LIBRARIES\n"
        "assert 'jsonschema' in sys.modules\n"
        "assert not set(FORMAT_ONLY_LIBRARIES) & set(sys.modules), sorted(sys.modules)\n"
        "import importlib.util\n"
        "assert all(importlib.util.find_spec(n) for n in ('rfc3987_syntax', 'idna', 'webcolors'))\n"
        "import idna\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path)


@pytest.mark.parametrize("path", sorted((ROOT / "data" / "quizzes").glob("*.yaml")), ids=lambda p: p.name)
def test_the_kits_quizzes_are_valid(path: Path) -> None:
    # With the transcript toolkit installed, evidence references are checked against the real briefing.
    assert validate_quiz_file(path) == []
    # The schema step, which a lesson skips for an unedited shipped file (quiz.checked.json), in full:
    _, data, _, _ = load._read_yaml(path)
    assert validator("quiz.schema.json").is_valid(data)
    quiz = load_quiz(path)
    assert quiz.id == path.stem


def test_the_start_here_quiz_has_one_question_of_every_type() -> None:
    quiz = load_quiz("00_start_here")
    assert sorted(q.type for q in quiz.questions) == sorted(
        ["single", "multiple", "numeric", "text", "order", "match", "evidence", "reflection"]
    )


def test_evidence_references_are_checked_against_the_transcript_given(write_quiz) -> None:
    path = write_quiz(
        """
        id: refs
        title: "Refs"
        questions:
          - id: q1
            type: evidence
            prompt: "Which?"
            claim: "A claim"
            stance: supports
            options:
              - {ref: {turn: 1, sentence: 2}, correct: true}
              - {ref: {turn: 3}}
        """,
        "refs",
    )
    assert validate_quiz_file(path, transcript=FAKE) == []
    assert validate_quiz_file(path, transcript=None) == []  # None: references not checked
