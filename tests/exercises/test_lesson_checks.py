"""The lesson checks ex01.q1 ... ex06.q5: each passes on its expected value, fails on a plausible wrong
answer with a sentence that names what is wrong, and says "not answered yet" for the placeholder.

The expected values are computed from the data; ``test_expected_values_match_the_fact_sheet`` pins a
few of them to the facts they stand for, so a check cannot pass by computing the wrong thing.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casebook.checks import DEFAULT, check
from casebook.checks.definitions import definition_files
from casebook.checks.material import briefing, table
from casebook.paths import ENV_DATA, checks_dir
from tests.conftest import ROOT
from tests.data.conftest import edit_cell

LESSON_FILES = [path.stem for path in definition_files(checks_dir())]


@dataclass(frozen=True)
class Wrong:
    """A plausible wrong answer made from the expected one, and the words the feedback must contain."""

    answer: Callable[[Any], Any]
    says: Callable[[Any], str]


def _kwic_line(word: str) -> str:
    """What a learner gets by printing a kwic line instead of taking its whole sentence."""
    return str(briefing().kwic(word)[0])


WRONG: dict[str, Wrong] = {
    "ex01.q1": Wrong(
        lambda e: e[:4] + e[5:],
        lambda e: f"expected a list of 6 questioners, got 5: {e[4]} is missing",
    ),
    "ex01.q2": Wrong(
        lambda e: {**e, "submitted": e["submitted"] + 1},
        lambda e: f"for submitted, {e['submitted'] + 1} is too high",
    ),
    "ex01.q3": Wrong(
        lambda e: round(e / 100, 4), lambda e: f"{round(e / 100, 4)} looks like a share from 0 to 1"
    ),
    "ex01.q4": Wrong(
        lambda e: _kwic_line("on the record"), lambda e: "which holds the expected text and more"
    ),
    "ex01.q5": Wrong(lambda e: e - 1, lambda e: f"{e - 1} is too low"),
    "ex02.q1": Wrong(lambda e: e + 1, lambda e: f"{e + 1} is too high"),
    "ex02.q2": Wrong(
        lambda e: {key.upper(): value for key, value in e.items()},
        lambda e: "osce and belarus are missing; 'OSCE' and 'BELARUS' should not be there",
    ),
    "ex02.q3": Wrong(lambda e: _kwic_line("expel"), lambda e: "which is not the expected text"),
    "ex02.q4": Wrong(
        lambda e: "explicit", lambda e: "got 'explicit', which is only part of the expected text"
    ),
    "ex02.q5": Wrong(lambda e: "V", lambda e: "got 'V', which is not the expected text"),
    "ex03.q1": Wrong(
        lambda e: {**e, None: 1},
        lambda e: "None should not be there",
    ),
    "ex03.q2": Wrong(
        lambda e: [str(year) for year in e],
        lambda e: f"item 1 is a text (str) ('{e[0]}')",
    ),
    "ex03.q3": Wrong(lambda e: -e, lambda e: f"{-e} has the right size but the wrong sign"),
    "ex03.q4": Wrong(
        lambda e: {key: value for key, value in e.items() if key != "consent"},
        lambda e: "consent is missing",
    ),
    "ex03.q5": Wrong(lambda e: [*e, 1486.0], lambda e: "1486 should not be there"),
    "ex04.q1": Wrong(
        lambda e: {key: value for key, value in e.items() if key != "B"},
        lambda e: "B is missing",
    ),
    "ex04.q2": Wrong(
        lambda e: [c for c in table("claims") if c.speaker == "questioner"],
        lambda e: (
            "item 3 is a whole Claim record: take the field you need from each record "
            "(its fields: id, where, speaker, claim"
        ),
    ),
    "ex04.q3": Wrong(
        lambda e: round(e / 100, 4), lambda e: f"{round(e / 100, 4)} looks like a share from 0 to 1"
    ),
    "ex04.q4": Wrong(
        lambda e: {**e, "hedge": e["hedge"] + 1},
        lambda e: f"for hedge, {e['hedge'] + 1} is too high",
    ),
    "ex04.q5": Wrong(
        lambda e: "reportedly", lambda e: "got 'reportedly', which is only part of the expected text"
    ),
    "ex05.q1": Wrong(lambda e: e - 1, lambda e: f"{e - 1:,} is too low"),
    "ex05.q2": Wrong(
        lambda e: (e - timedelta(days=31)).isoformat(),
        lambda e: f"{(e - timedelta(days=31)).isoformat()} is too early",
    ),
    "ex05.q3": Wrong(lambda e: -e, lambda e: f"{-e} has the right size but the wrong sign"),
    "ex05.q4": Wrong(lambda e: e[:2], lambda e: f"expected a list of 3 counts, got 2: {e[2]} is missing"),
    "ex05.q5": Wrong(
        lambda e: round(-e, 1), lambda e: f"{round(-e, 1)} has the right size but the wrong sign"
    ),
    "ex05.q6": Wrong(lambda e: "1,486", lambda e: "got '1,486', which is only part of the expected text"),
    "ex06.q1": Wrong(lambda e: e + 1, lambda e: f"{e + 1} is too high"),
    "ex06.q2": Wrong(
        lambda e: [n - 1 for n in e],
        lambda e: f"expected a list of {len(e)} exchange numbers",
    ),
    "ex06.q3": Wrong(
        lambda e: {name: words - 1 for name, words in e.items()},
        lambda e: f"for {next(iter(e))}, {next(iter(e.values())) - 1} is too low",
    ),
    "ex06.q4": Wrong(
        lambda e: "Panyi Szabolcs",
        lambda e: "got 'Panyi Szabolcs', which is not the expected text",
    ),
    "ex06.q5": Wrong(lambda e: _kwic_line("directly"), lambda e: "which is not the expected text"),
}

LESSON_IDS = sorted(i for i in DEFAULT.ids() if i.startswith("ex"))


def expected(check_id: str) -> Any:
    item = DEFAULT.get(check_id)
    assert item is not None
    return item.expected()


def test_there_are_lesson_checks_for_every_lesson_and_each_has_a_wrong_answer_case() -> None:
    assert [f"lesson0{n}" for n in range(1, 7)] == LESSON_FILES
    lessons = {check_id.split(".")[0] for check_id in LESSON_IDS}
    assert lessons == {f"ex0{n}" for n in range(1, 7)}
    for check_id in LESSON_IDS:
        assert DEFAULT.origin(check_id) == checks_dir() / f"lesson{check_id[2:4]}.py", check_id
    assert sorted(WRONG) == LESSON_IDS, "every lesson check needs a failing case here"


@pytest.mark.parametrize("check_id", LESSON_IDS)
def test_the_expected_value_passes_and_says_what_it_checked(
    check_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    result = check(check_id, expected(check_id))
    assert result.passed, result.feedback
    printed = capsys.readouterr().out
    assert printed.startswith(f"Check {check_id}: ")
    assert "Right: " in printed and "  right: " in printed and "wrong" not in printed


@pytest.mark.parametrize("check_id", LESSON_IDS)
def test_a_plausible_wrong_answer_fails_with_a_sentence_naming_what_is_wrong(check_id: str) -> None:
    want = expected(check_id)
    case = WRONG[check_id]
    result = check(check_id, case.answer(want))
    assert result.status == "failed", result.feedback
    assert case.says(want) in result.feedback, result.feedback
    assert "Not right yet." in result.feedback and "Hint: " in result.feedback


@pytest.mark.parametrize("check_id", LESSON_IDS)
def test_the_placeholder_is_not_answered_yet(check_id: str) -> None:
    result = check(check_id, ...)
    assert result.status == "unanswered"
    assert "Not answered yet" in result.feedback
    assert not result.findings, "a placeholder claims nothing"


@pytest.mark.parametrize("check_id", LESSON_IDS)
@pytest.mark.parametrize(
    "value",
    [None, [], {}, "", 10**5000, "many", [None], {None: None}],
    ids=["None", "empty-list", "empty-dict", "empty-text", "huge", "word", "list-of-None", "dict-of-None"],
)
def test_bad_input_gets_a_sentence_not_a_traceback(check_id: str, value: object) -> None:
    result = DEFAULT.run(check_id, value)
    assert result.status == "failed", result.feedback
    assert all(f.problem.strip() for f in result.findings if not f.ok)
    assert "could not" not in result.feedback


@settings(max_examples=60, deadline=None)
@given(
    check_id=st.sampled_from(LESSON_IDS),
    value=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text() | st.dates(),
        lambda children: st.lists(children, max_size=8) | st.dictionaries(st.text(max_size=8), children),
        max_leaves=12,
    ),
)
def test_any_value_is_judged_without_error(check_id: str, value: object) -> None:
    result = DEFAULT.run(check_id, value)
    assert result.status in ("passed", "failed"), result.feedback


def test_strict_mode_raises_with_the_specific_feedback(strict: None) -> None:
    with pytest.raises(AssertionError, match="Milos Rudovic is missing"):
        check("ex01.q1", [name for name in expected("ex01.q1") if name != "Milos Rudovic"])


def test_expected_values_match_the_fact_sheet() -> None:
    """The facts the checks stand for, as the fact sheet gives them (shared/facts/fact-sheet.md)."""
    assert expected("ex01.q1") == [
        "Marina Jakubowskaja",
        "Alex Raufoglu",
        "Panyi Szabolcs",
        "Maksim Hacak",
        "Milos Rudovic",
        "Kristinia Zeleniuk",
    ]
    assert expected("ex01.q2") == {"live": 2, "submitted": 4}
    assert expected("ex02.q1") == 1991 - 1975
    assert "no mechanism in the OSCE to expel" in expected("ex02.q3")
    assert expected("ex02.q5") == "U"  # overstated for 1975
    assert expected("ex03.q2") == [2011, 2020, 2023]
    assert expected("ex03.q3") == 38 - 17
    assert sorted(expected("ex03.q5")) == [37, 38]  # "38 invoking participating states", "37 others"
    assert expected("ex04.q2") == ["c20", "c21", "c22"]  # ignore the report, Azerbaijan, Schengen visas
    assert expected("ex05.q1") == 1496
    assert expected("ex05.q2") == date(2022, 2, 1)  # 1,022
    assert expected("ex05.q3") == 1493 - 1486  # Viasna on 8 May 2023, and the briefing's "at least"
    assert sorted(expected("ex05.q4")) == [1430, 1452, 1477]
    assert round(expected("ex05.q5"), 1) == round(100 * (1135 - 1496) / 1496, 1)
    assert "at least 1,486 political prisoners" in expected("ex05.q6")
    assert expected("ex06.q2") == [1, 2, 4, 6]  # opening, then answers to Q1, Q2, Q4 and the last
    assert "answer that question directly" in expected("ex06.q5")


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of data/ that the checks read (through CASEBOOK_DATA) and a test may correct."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("quizzes", "__pycache__"))
    monkeypatch.setenv(ENV_DATA, str(target))
    return target


def test_a_corrected_count_updates_the_checks_that_use_it(data_copy: Path) -> None:
    before = expected("ex05.q1")
    assert check("ex05.q1", before).passed
    edit_cell(data_copy / "belarus" / "political_prisoners.csv", "p20", "count", str(before + 100))
    assert expected("ex05.q1") == before + 100
    assert check("ex05.q1", before).status == "failed"
    assert check("ex05.q1", before + 100).passed


def test_a_corrected_transcript_updates_the_transcript_checks(data_copy: Path) -> None:
    path = data_copy / "briefing" / "transcript.txt"
    text = path.read_bytes().decode("utf-8")
    assert text.count("is on the record") == 1
    path.write_bytes(text.replace("is on the record", "is fully on the record").encode("utf-8"))
    assert "fully on the record" in expected("ex01.q4")
    assert check("ex01.q4", expected("ex01.q4")).passed


def test_a_row_the_question_is_about_gone_from_the_data_is_reported_not_guessed(data_copy: Path) -> None:
    edit_cell(data_copy / "timeline.csv", "t05", "id", "t05x")
    result = check("ex02.q1", 16)
    assert result.status == "error"
    assert "expected exactly one timeline event t05 in the data, found 0" in result.feedback
    assert "Tell your teacher" in result.feedback


def _spelt(value: Any) -> list[str]:
    """The ways feedback could spell ``value`` out."""
    forms = [repr(value), str(value)]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        forms += [f"{value:,}", f"{value:.1f}", f"{round(value)}"]
    return forms


@pytest.mark.parametrize("check_id", LESSON_IDS)
def test_feedback_on_a_wrong_answer_never_spells_out_the_expected_answer(check_id: str) -> None:
    want = expected(check_id)
    for answer in (WRONG[check_id].answer(want), None, "many"):
        result = DEFAULT.run(check_id, answer)
        said = " ".join(finding.problem for finding in result.findings)
        for echoed in _spelt(answer):  # the learner's own answer, quoted back, reveals nothing new
            said = said.replace(echoed, "<answer>")
        for form in _spelt(want):
            assert not re.search(rf"(?<![\w.,]){re.escape(form)}(?![\w]|[.,]\d)", said), (form, said)
