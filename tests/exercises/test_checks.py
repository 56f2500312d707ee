"""check(): feedback that names what it checked, values computed from data, strict mode, bad input."""

from __future__ import annotations

import hashlib
import os
from decimal import Decimal
from fractions import Fraction
from functools import partial
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casebook.checks import (
    DEFAULT,
    STRICT_ENV,
    Check,
    Registry,
    check,
    compare_items,
    compare_length,
    compare_mapping,
    compare_number,
    compare_text,
    compare_type,
    require_answers,
    strict_mode,
)
from tests.exercises.conftest import DEMO_CHECKS

DEMO = Registry(folder=DEMO_CHECKS)


@pytest.fixture
def speakers_file(tmp_path: Path) -> Path:
    """A tiny in-test dataset: one speaker per line."""
    path = tmp_path / "speakers.txt"
    path.write_text("Ana\nBen\nMilos Rudovic\n", encoding="utf-8")
    return path


@pytest.fixture
def registry(speakers_file: Path) -> Registry:
    """Checks on the in-test dataset, computed from the file each time."""

    def speakers() -> list[str]:
        return speakers_file.read_text(encoding="utf-8").split("\n")[:-1]

    return Registry(
        [
            Check(
                "ex01.q1",
                "the speakers, in order",
                speakers,
                partial(compare_items, what="speakers", ordered=True),
                hint="One line, one speaker.",
            ),
            Check(
                "ex01.q2", "how many speakers", lambda: len(speakers()), partial(compare_number, whole=True)
            ),
            Check(
                "ex01.q3",
                "the first speaker",
                lambda: speakers()[0],
                compare_text,
                none_is_placeholder=True,
            ),
        ]
    )


def test_a_right_answer_lists_every_property_checked(
    registry: Registry, capsys: pytest.CaptureFixture[str]
) -> None:
    result = check("ex01.q1", ["Ana", "Ben", "Milos Rudovic"], registry=registry)
    assert result.passed and result.status == "passed"
    assert capsys.readouterr().out == (
        "Check ex01.q1: the speakers, in order\n"
        "Right: all 3 properties checked hold.\n"
        "  right: your answer is a list of speakers\n"
        "  right: it holds exactly the expected 3 speakers\n"
        "  right: the speakers are in the expected order\n"
    )


def test_a_wrong_answer_says_what_is_wrong_what_was_not_checked_and_gives_the_hint(
    registry: Registry, capsys: pytest.CaptureFixture[str]
) -> None:
    result = check("ex01.q1", ["Ana", "Ben"], registry=registry)
    assert result.status == "failed" and not result.passed
    assert capsys.readouterr().out == (
        "Check ex01.q1: the speakers, in order\n"
        "Not right yet.\n"
        "  right: your answer is a list of speakers\n"
        "  wrong: it holds exactly the expected 3 speakers: expected a list of 3 speakers, got 2: "
        "Milos Rudovic is missing\n"
        "  not checked until the above is right: the speakers are in the expected order\n"
        "Hint: One line, one speaker.\n"
    )
    assert repr(result) == "<check ex01.q1: failed>"


def test_the_placeholder_is_not_answered_yet_and_claims_nothing(
    registry: Registry, capsys: pytest.CaptureFixture[str]
) -> None:
    result = check("ex01.q2", ..., registry=registry)
    assert result.status == "unanswered" and result.findings == ()
    out = capsys.readouterr().out
    assert "Not answered yet" in out and "right" not in out.lower().replace("right: ", "")


def test_none_is_a_placeholder_only_where_the_check_says_so(registry: Registry) -> None:
    assert registry.run("ex01.q3", None).status == "unanswered"
    result = registry.run("ex01.q2", None)
    assert result.status == "failed"
    assert "got None (nothing: did a function forget to return its result?)" in result.feedback


def test_expected_values_come_from_the_data_so_a_corrected_file_updates_the_check(
    registry: Registry, speakers_file: Path
) -> None:
    assert registry.run("ex01.q2", 3).passed
    speakers_file.write_text("Ana\nBen\nMilos Rudovic\nDara\n", encoding="utf-8")
    assert not registry.run("ex01.q2", 3).passed
    assert registry.run("ex01.q2", 4).passed


def test_a_second_courses_checks_are_read_from_its_folder_and_computed_from_the_data() -> None:
    data = (Path(__file__).resolve().parents[2] / "data" / "briefing" / "transcript.txt").read_bytes()
    assert DEMO.ids() == ["demo.transcript_sha256", "demo.transcript_words"]
    assert DEMO.origin("demo.transcript_words") == DEMO_CHECKS / "demo.py"
    assert DEMO.run("demo.transcript_sha256", hashlib.sha256(data).hexdigest().upper()).passed
    assert DEMO.run("demo.transcript_words", len(data.decode("utf-8").split())).passed
    assert not DEMO.run("demo.transcript_words", len(data.decode("utf-8").split()) + 1).passed
    assert not DEMO.run("demo.transcript_sha256", hashlib.sha256(b"other").hexdigest()).passed
    assert not [i for i in DEFAULT.ids() if i.startswith("demo.")], "the kit's course has no demo checks"


def test_checks_follow_the_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "briefing").mkdir()
    (tmp_path / "briefing" / "transcript.txt").write_text("three short words", encoding="utf-8")
    monkeypatch.setenv("CASEBOOK_DATA", str(tmp_path))
    assert DEMO.run("demo.transcript_words", 3).passed


def test_missing_data_is_reported_as_a_check_that_could_not_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASEBOOK_DATA", str(tmp_path))
    result = DEMO.run("demo.transcript_words", 3)
    assert result.status == "error"
    assert "the expected answer could not be computed from the data (FileNotFoundError" in result.feedback


def test_unknown_and_malformed_ids_get_a_sentence(registry: Registry) -> None:
    unknown = registry.run("ex01.q4", 1)
    assert unknown.status == "error"
    assert "there is no check called 'ex01.q4'. Did you mean" in unknown.feedback
    not_text = registry.run(["ex01.q1"], 1)
    assert not_text.feedback.startswith(
        "Check (no id)\nThis check could not run: check() takes the exercise id"
    )


def test_a_broken_comparator_or_definition_module_is_the_checks_fault_not_a_traceback() -> None:
    def broken(value: object, expected: object) -> object:
        raise ZeroDivisionError("oops")

    reg = Registry(
        [
            Check("ex09.q1", "anything", lambda: 1, broken),  # type: ignore[arg-type]
            Check("ex09.q2", "anything", lambda: 1, lambda value, expected: "not a Comparison"),  # type: ignore[arg-type]
        ]
    )
    for check_id in ("ex09.q1", "ex09.q2"):
        result = reg.run(check_id, 1)
        assert result.status == "error" and "a problem in the check, not in your answer" in result.feedback
    missing = Registry(folder=Path("no-such-course") / "checks").run("ex01.q1", 1)
    assert missing.status == "error" and "could not be loaded (no-such-course/checks: no such folder" in (
        missing.feedback
    )


def test_authors_get_an_error_for_bad_or_repeated_ids() -> None:
    reg = Registry()
    reg.add(Check("ex01.q1", "", lambda: 1, compare_number))
    with pytest.raises(ValueError, match="registered twice"):
        reg.add(Check("ex01.q1", "", lambda: 1, compare_number))
    with pytest.raises(ValueError, match="is not like 'ex03.q2'"):
        reg.add(Check("Exercise 1", "", lambda: 1, compare_number))


def test_strict_mode_raises_with_the_feedback_on_a_wrong_answer(registry: Registry, strict: None) -> None:
    assert strict_mode()
    with pytest.raises(AssertionError) as error:
        check("ex01.q2", 2, registry=registry)
    assert "Check ex01.q2" in str(error.value) and "2 is too low" in str(error.value)
    with pytest.raises(AssertionError, match="there is no check called"):
        check("ex01.q9", 2, registry=registry)
    assert check("ex01.q2", 3, registry=registry).passed


def test_strict_mode_leaves_placeholders_alone_so_exercises_run(registry: Registry, strict: None) -> None:
    assert check("ex01.q2", ..., registry=registry).status == "unanswered"


def test_require_answers_makes_a_placeholder_fail(
    registry: Registry, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    require_answers()
    result = check("ex01.q2", ..., registry=registry)
    assert result.status == "unanswered" and not result.passed
    out = capsys.readouterr().out
    assert "Not answered yet" in out and "every check must be answered" in out
    monkeypatch.setenv(STRICT_ENV, "1")
    with pytest.raises(AssertionError, match="Not answered yet"):
        check("ex01.q2", ..., registry=registry)


@pytest.mark.parametrize(("setting", "strict"), [("1", True), ("true", True), ("0", False), ("", False)])
def test_strict_mode_setting(setting: str, strict: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(STRICT_ENV, setting)
    assert strict_mode() is strict


ANY_VALUE = st.recursive(
    st.none()
    | st.just(...)
    | st.booleans()
    | st.integers()
    | st.integers(min_value=300, max_value=5000).map(lambda digits: -(10**digits))  # beyond float and str()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.fractions()
    | st.decimals(allow_nan=True, allow_infinity=True)
    | st.complex_numbers()
    | st.text()
    | st.binary(),
    lambda children: (
        st.lists(children)
        | st.tuples(children, children)
        | st.dictionaries(st.text() | st.integers(), children)
        | st.frozensets(st.integers() | st.text())
    ),
    max_leaves=20,
)

EVERY_KIND = Registry(
    [
        Check("any.number", "a number", lambda: 2.5, partial(compare_number, rel_tol=0.01)),
        Check("any.whole", "a count", lambda: 10**20, partial(compare_number, whole=True, reveal=True)),
        Check("any.text", "a name", lambda: "Helsinki", partial(compare_text, accept=["Final Act"])),
        Check("any.items", "names", lambda: ["a", "b"], partial(compare_items, item_type=str, key=str.lower)),
        Check("any.ordered", "numbers", lambda: [1, 2, 2], partial(compare_items, ordered=True)),
        Check(
            "any.mapping",
            "counts",
            lambda: {"a": 1, 2: 3.0},
            partial(compare_mapping, compare_value=compare_number),
        ),
        Check("any.length", "three", lambda: 3, compare_length),
        Check("any.type", "a list", lambda: list, compare_type),
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=ANY_VALUE, check_id=st.sampled_from(EVERY_KIND.ids()))
def test_no_value_makes_check_raise_outside_strict_mode(value: object, check_id: str) -> None:
    with mock.patch.dict(os.environ, {STRICT_ENV: "0"}), mock.patch("builtins.print"):
        result = check(check_id, value, registry=EVERY_KIND)
    assert result.status in ("passed", "failed", "unanswered")
    assert result.feedback.startswith(f"Check {check_id}")
    if result.status == "failed":
        assert all(f.problem for f in result.findings if not f.ok), "every wrong property says why"


@pytest.mark.parametrize(
    "value",
    [None, [], {}, "", 10**5000, float("nan"), Decimal("NaN"), Fraction(1, 3), object(), print, b"", [[[]]]],
    ids=lambda value: type(value).__name__,
)
def test_awkward_values_get_sentences_from_the_demo_checks(value: object) -> None:
    for check_id in DEMO.ids():
        result = DEMO.run(check_id, value)
        assert result.status == "failed"
        assert all(f.problem.strip() for f in result.findings if not f.ok)


def test_a_single_property_check_says_so_in_the_singular(capsys: pytest.CaptureFixture[str]) -> None:
    reg = Registry([Check("ex02.q1", "a list", lambda: list, compare_type)])
    check("ex02.q1", [], registry=reg)
    assert capsys.readouterr().out == (
        "Check ex02.q1: a list\nRight: the one property checked holds.\n  right: your answer is a list\n"
    )
