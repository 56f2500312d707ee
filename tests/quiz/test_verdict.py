"""Predict, then reveal: the ``verdict`` question type, from the quiz file to the teacher's merge.

A learner commits a verdict (the kit's vocabulary, data/verdicts.csv) and a reason before the kit's
verdict is shown; the kit's verdict and sources come from claims.csv and sources.csv only then.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from casebook import data
from casebook.quiz import load_quiz
from casebook.quiz.controls import controls_for
from casebook.quiz.export import build_export, read_export
from casebook.quiz.grading import grade
from casebook.quiz.lint import lint_quizzes
from casebook.quiz.load import validate_quiz_file
from casebook.quiz.model import VerdictQuestion
from casebook.quiz.progress import ProgressStore
from casebook.quiz.results import merge, merge_exports
from casebook.quiz.shuffling import choice_order
from casebook.quiz.state import QuestionState, may_give_up, state_from_record, submit
from casebook.quiz.static import answer_key_html, handout_html, quiz_html, quiz_text, verdict_reveal_html
from casebook.quiz.teachers_copy import TeachersCopies
from casebook.quiz.verdict import difference_sentence, reveal_for, tally, tally_rows, vocabulary
from casebook.quiz.widgets import QuizView
from tests.quiz.handed_in import export_for, read_csv

NOW = datetime.now(timezone.utc)
REASON = "Only one outlet reported the beating."

PREDICT = """
id: predict
title: "Predict first"
questions:
  - id: babaryka
    type: verdict
    prompt: "Your verdict first"
    claim: c12
    hints: ["Split the sentence into parts."]
    explanation: "A claim takes the verdict of its weakest part."
  - id: prisoners
    type: verdict
    prompt: "And this number?"
    claim: c02
    points: 0
"""


@pytest.fixture
def quiz(write_quiz):
    return load_quiz(write_quiz(PREDICT, "predict"))


@pytest.fixture
def question(quiz) -> VerdictQuestion:
    found = quiz.question("babaryka")
    assert isinstance(found, VerdictQuestion)
    return found


def claim(claim_id: str):
    return next(c for c in data.load("claims") if c.id == claim_id)


# -- the file and the model ---------------------------------------------------------------------------


def test_the_question_holds_the_claim_and_the_vocabulary_but_not_the_kits_verdict(question) -> None:
    record = claim("c12")
    assert (question.claim, question.claim_text, question.quote) == ("c12", record.claim, record.quote)
    assert [(o.code, o.label) for o in question.options] == [(v.code, v.label) for v in data.load("verdicts")]
    held = json.dumps(asdict(question))
    assert record.sources_say not in held and record.verdict_detail not in held and record.note not in held
    assert not any(source in held for source in record.sources)


def test_the_vocabulary_is_one_file_and_the_claims_use_only_its_codes() -> None:
    codes = [choice.code for choice in vocabulary()]
    assert codes == ["V", "U", "B"]
    assert {c.verdict for c in data.load("claims")} <= set(codes)
    assert [c.label for c in vocabulary()] == ["Verified", "Uncertain or disputed", "Briefing only"]


def test_an_unknown_claim_is_one_line_naming_the_file_and_the_field(write_quiz) -> None:
    path = write_quiz(PREDICT.replace("claim: c12", "claim: c99"), "predict")
    problems = validate_quiz_file(path)
    assert [(p.field, p.line) for p in problems] == [("questions[0].claim", 7)]
    assert "'c99' is not a claim id of data/briefing/claims.csv" in problems[0].message
    assert "\n" not in str(problems[0]) and str(path) in str(problems[0])


def test_the_schema_asks_for_a_claim_and_bounds_the_reason(write_quiz) -> None:
    text = PREDICT.replace("    claim: c12\n", "    max_chars: 5\n    colour: red\n")
    problems = {p.field: p.message for p in validate_quiz_file(write_quiz(text, "predict"))}
    assert "missing required field 'claim'" in problems["questions[0].claim"]
    assert "at least 20" in problems["questions[0].max_chars"]
    assert "unknown field 'colour' for a 'verdict' question" in problems["questions[0].colour"]


# -- grading, controls, state -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        (None, "Choose a verdict and write your reason"),
        ("U", "Choose a verdict and write your reason"),
        ({"verdict": "X", "reason": REASON}, "Choose a verdict"),
        ({"verdict": ["U"], "reason": REASON}, "Choose a verdict"),
        ({"verdict": "U", "reason": "  "}, "Write a short reason"),
        ({"verdict": "U", "reason": 42}, "Write a short reason"),
        ({"verdict": "U", "reason": "too short"}, "at least 3 words"),
        ({"verdict": "U", "reason": "word " * 200}, "keep it to 600 at most"),
    ],
)
def test_a_prediction_needs_a_verdict_and_a_bounded_reason(question, answer: Any, says: str) -> None:
    result = grade(question, answer)
    assert result.status == "invalid" and not result.counts_as_attempt and says in result.feedback


@pytest.mark.parametrize("code", ["V", "U", "B"])
def test_any_committed_verdict_earns_completion_credit_never_right_or_wrong(question, code: str) -> None:
    result = grade(question, {"verdict": code, "reason": REASON})
    assert (result.status, result.score) == ("committed", 1.0)
    assert result.feedback.startswith("✔ Committed.") and "not marked right or wrong" in result.feedback
    assert "Correct" not in result.feedback and "Not quite" not in result.feedback


def test_controls_are_the_vocabulary_as_radios_and_a_reason_box(question) -> None:
    controls = controls_for(question, choice_order("predict", question), None)
    assert controls.kind == "verdict" and [v for _, v in controls.options] == ["V", "U", "B"]
    assert controls.options[1][0].startswith("Uncertain or disputed: ")
    assert "at least 3 words" in controls.label
    for junk in (
        None,
        3,
        "U",
        [],
        {"verdict": "Z", "reason": None},
        {"verdict": "U", "reason": float("nan")},
    ):
        value = controls.coerce(junk)
        assert set(value) == {"verdict", "reason"} and value["verdict"] in (None, "V", "U", "B")
        assert isinstance(value["reason"], str)
    assert controls.coerce({"verdict": "B", "reason": "x" * 30_000, "extra": 1}) == {
        "verdict": "B",
        "reason": "x" * 20_000,
    }


def test_the_vocabulary_is_shown_in_its_order_unless_the_file_says_shuffle(write_quiz) -> None:
    plain = load_quiz(write_quiz(PREDICT, "predict")).question("babaryka")
    assert choice_order("predict", plain) == [0, 1, 2]
    shuffled = load_quiz(
        write_quiz(PREDICT.replace("claim: c12", "claim: c12\n    shuffle: true"), "predict")
    )
    order = choice_order("predict", shuffled.question("babaryka"))
    assert sorted(order) == [0, 1, 2] and order == choice_order("predict", shuffled.question("babaryka"))


def test_commit_locks_the_prediction_and_a_restart_restores_it(question) -> None:
    state, _ = submit(question, QuestionState(), {"verdict": "V", "reason": REASON})
    assert (state.status, state.score, state.finished) == ("committed", 1.0, True)
    again, result = submit(question, state, {"verdict": "B", "reason": "I changed my mind now."})
    assert again == state and again.answer == {"verdict": "V", "reason": REASON}
    restored = state_from_record(question, json.loads(json.dumps(state.record())))
    assert restored == state
    assert not may_give_up(question, QuestionState())


# -- the reveal ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FakeClaim:
    id: str
    verdict: str
    verdict_detail: str | None
    sources_say: str
    note: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class FakeSource:
    id: str
    publisher: str
    publisher_type: str
    title: str
    url: str | None


CLAIMS = {
    "c12": FakeClaim(
        "c12", "U", "V (hospital); U (surgery)", "Sources <b>differ</b>.", "Two readings.", ("S1", "S9")
    ),
    "c09": FakeClaim("c09", "B", None, "Not checked.", None, ()),
}
SOURCES = {"S1": FakeSource("S1", "Viasna", "human-rights NGO", "A report", "https://example.org/a")}


def test_the_reveal_sets_the_learners_verdict_beside_the_kits_and_names_who_is_behind_each_source(
    question,
) -> None:
    shown = reveal_for("c12", {"verdict": "V", "reason": REASON}, question.options, CLAIMS, SOURCES)
    assert shown is not None
    assert (shown.mine_label, shown.kit_label, shown.reason) == ("Verified", "Uncertain or disputed", REASON)
    assert shown.difference == (
        "You said “Verified”; the kit says “Uncertain or disputed”: compare your reason with what the "
        "sources below say."
    )
    assert [(s.publisher, s.publisher_type) for s in shown.sources] == [("Viasna", "human-rights NGO")]
    assert shown.unknown_sources == ("S9",)
    html = verdict_reveal_html(shown)
    assert "Viasna (human-rights NGO)" in html and "Sources &lt;b&gt;differ&lt;/b&gt;." in html
    assert "<th scope='row'>Your verdict</th><td>Verified</td>" in html and "Not in sources.csv: S9" in html


def test_where_they_differ_is_one_plain_sentence_for_every_pair(question) -> None:
    options = question.options
    assert (
        difference_sentence("U", "U", options)
        == "Your verdict and the kit's are the same: both say “Uncertain or disputed”."
    )
    assert "checked no independent source" in difference_sentence("V", "B", options)
    assert "it found sources" in difference_sentence("B", "V", options)
    for mine in "VUB":
        for kits in "VUB":
            sentence = difference_sentence(mine, kits, options)
            assert sentence.count(".") == 1 and sentence.endswith(".")
    shown = reveal_for("c09", {"verdict": "B", "reason": REASON}, options, CLAIMS, SOURCES)
    assert shown is not None and "The kit checked no independent source" in verdict_reveal_html(shown)
    assert reveal_for("c12", {"verdict": "V"}, options, CLAIMS, SOURCES) is None
    assert reveal_for("c77", {"verdict": "V", "reason": REASON}, options, CLAIMS, SOURCES) is None


# -- the widget ---------------------------------------------------------------------------------------


def send(panel, event: str, value: Any = None) -> None:
    panel.widget._handle_custom_msg({"event": event, "value": value}, [])


def test_the_widget_shows_nothing_of_the_kits_verdict_until_the_commit(quiz, progress_dir: Path) -> None:
    view = QuizView(quiz, ProgressStore(quiz.id))
    panel = view.panels[0]
    record, kit_publisher = claim("c12"), data.load("sources")
    assert (panel.widget.kind, panel.widget.submit_label, panel.widget.graded) == ("verdict", "Commit", False)
    before = json.dumps(panel.widget.get_state(), default=str)
    send(panel, "reveal")  # "Show answer" is hidden; a forged message changes nothing
    send(panel, "check", {"verdict": "U", "reason": "too short"})
    for shown in (
        before,
        json.dumps(panel.widget.get_state(), default=str),
        quiz_html(quiz),
        quiz_text(quiz),
    ):
        assert record.sources_say[:40] not in shown and (record.verdict_detail or "")[:30] not in shown
    assert panel.widget.answer_html == "" and not panel.widget.locked
    send(panel, "answer", {"verdict": "V", "reason": REASON})
    send(panel, "check", {"verdict": "V", "reason": REASON})
    assert panel.widget.locked and "✔ Committed." in panel.widget.feedback_html
    shown = panel.widget.answer_html
    assert "You said “Verified”; the kit says “Uncertain or disputed”" in shown
    publisher = next(s for s in kit_publisher if s.id == record.sources[0])
    assert f"{publisher.publisher} ({publisher.publisher_type})" in shown.replace("&#x27;", "'")
    assert "Explanation." in shown
    view.save_now()

    restarted = QuizView(quiz, ProgressStore(quiz.id))  # a new kernel reads the progress store
    again = restarted.panels[0]
    assert again.widget.locked and again.widget.answer_html == shown
    assert again.widget.value == {"verdict": "V", "reason": REASON}
    assert "Score: 1 of 1 points" in restarted.summary_text.value


def test_reset_erases_the_rest_but_a_committed_prediction_stays_locked(quiz, progress_dir: Path) -> None:
    view = QuizView(quiz, ProgressStore(quiz.id))
    committed, open_one = view.panels
    send(committed, "check", {"verdict": "B", "reason": REASON})
    send(open_one, "answer", {"verdict": "V", "reason": "typed but not committed"})
    view.reset()
    view.reset()  # the second press erases
    assert committed.widget.locked and committed.state.answer == {"verdict": "B", "reason": REASON}
    assert open_one.state == QuestionState() and open_one.widget.value == {"verdict": None, "reason": ""}
    send(committed, "check", {"verdict": "V", "reason": "A second try after the reveal."})
    assert committed.state.answer["verdict"] == "B"
    again = QuizView(quiz, ProgressStore(quiz.id)).panels[0]
    assert again.state.status == "committed" and again.state.answer["verdict"] == "B"


def test_the_static_views_never_hold_the_verdict_but_the_answer_key_does(quiz) -> None:
    record = claim("c12")
    for page in (quiz_html(quiz), quiz_text(quiz), handout_html(quiz)):
        assert record.claim in page.replace("&#x27;", "'") and "Uncertain or disputed" in page
        assert record.sources_say[:40] not in page and (record.verdict_detail or "")[:30] not in page
    assert "Predict, then reveal" in quiz_html(quiz) and "at least 3 words" in handout_html(quiz)
    key = answer_key_html(quiz)
    assert "The kit&#x27;s verdict on claim c12: Uncertain or disputed" in key
    assert "a prediction is not marked against it" in key


# -- export and merge ---------------------------------------------------------------------------------


def hand_in(quiz, folder: Path) -> Path:
    export_for(quiz, "Ada", {"babaryka": {"verdict": "U", "reason": REASON}}, folder)
    export_for(quiz, "Bo", {"babaryka": {"verdict": "V", "reason": "The embassy would know this."}}, folder)
    export_for(quiz, "Cy", {"babaryka": {"verdict": "V", "reason": "It was in the news."}}, folder)
    export_for(quiz, "Di", {}, folder)
    return folder


def test_an_export_carries_the_prediction_and_reads_back_valid(quiz, tmp_path: Path) -> None:
    state, _ = submit(quiz.question("babaryka"), QuestionState(), {"verdict": "U", "reason": REASON})
    exported = build_export(quiz, {"babaryka": state}, "Ada")
    entry = exported["answers"][0]
    assert (entry["type"], entry["status"], entry["points"]) == ("verdict", "committed", 1.0)
    assert entry["answer_text"] == f"Uncertain or disputed (U): {REASON}"
    path = tmp_path / "casebook-answers-predict.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    content, problems = read_export(path)
    assert problems == [] and content is not None
    assert content["answers"][0]["answer"] == {"verdict": "U", "reason": REASON}


def test_merge_counts_per_claim_who_chose_each_verdict_against_the_kits(quiz, tmp_path: Path) -> None:
    report = merge_exports(
        [hand_in(quiz, tmp_path / "in")], tmp_path / "out", TeachersCopies([quiz], shipped=False)
    )
    assert report.problems == [] and report.warnings == []
    rows = {row["question"]: row for row in read_csv(tmp_path / "out" / "verdicts.csv")}
    babaryka = rows["babaryka"]
    assert (babaryka["claim"], babaryka["kit_verdict"], babaryka["learners"], babaryka["committed"]) == (
        "c12", "U", "4", "3",
    )  # fmt: skip
    assert (babaryka["chose_V"], babaryka["chose_U"], babaryka["chose_B"], babaryka["same_as_kit"]) == (
        "2", "1", "0", "1",
    )  # fmt: skip
    assert babaryka["not_committed"] == "1" and rows["prisoners"]["kit_verdict"] == "U"
    results = {row["question"]: row for row in read_csv(tmp_path / "out" / "results.csv")}
    assert results["babaryka"]["verdicts_committed"] == "3" and results["babaryka"]["right"] == "0"
    gradebook = (tmp_path / "out" / "gradebook-canvas.csv").read_text(encoding="utf-8")
    assert "Ada" in gradebook


def test_a_forged_prediction_gains_nothing(quiz, tmp_path: Path) -> None:
    folder = hand_in(quiz, tmp_path / "in")
    path = export_for(quiz, "Eve", {"babaryka": {"verdict": "U", "reason": REASON}}, tmp_path / "drafts")
    forged = json.loads(path.read_text(encoding="utf-8"))
    entry = forged["answers"][0]
    entry.update(answer={"verdict": "U", "reason": "ok", "kit_verdict": "U"}, status="committed", score=1.0)
    entry["kit_verdict"] = "V"
    forged["answers"][1].update(answer={"verdict": "Q", "reason": REASON}, status="committed", score=1.0)
    (folder / "casebook-answers-predict-eve.json").write_text(json.dumps(forged), encoding="utf-8")
    report = merge([folder], TeachersCopies([quiz], shipped=False), NOW)
    eve = next(e for e in report.exports if e.name == "Eve")
    assert [(a.outcome, a.score) for a in eve.answers] == [("unanswered", None), ("unanswered", None)]
    assert "the file said 'committed'" in eve.answers[0].note
    counted = {t.question: t for t in tally(report.exports)}
    assert counted["babaryka"].chose == {"V": 2, "U": 1, "B": 0} and counted["babaryka"].not_committed == 2


def test_the_kits_verdict_comes_from_the_teachers_claims_never_from_a_file(quiz, tmp_path: Path) -> None:
    report = merge([hand_in(quiz, tmp_path / "in")], TeachersCopies([quiz], shipped=False), NOW)
    teachers = {"c12": FakeClaim("c12", "V", None, "", None, ()), "c02": CLAIMS["c12"]}
    counted = {t.question: t for t in tally(report.exports, teachers)}
    assert (counted["babaryka"].kit, counted["babaryka"].agree) == ("V", 2)
    header, rows = tally_rows(list(counted.values()))
    assert header[-4:] == ["chose_V", "chose_U", "chose_B", "not_committed"] and len(rows) == 2
    assert tally(report.exports, {})[0].kit == ""  # a claim the teacher's copy lacks has no verdict


def test_the_class_view_shows_the_predictions_per_claim(quiz, tmp_path: Path) -> None:
    from casebook.quiz.class_view import read_class
    from casebook.quiz.class_widget import summary_html

    summary = read_class(hand_in(quiz, tmp_path / "in"), TeachersCopies([quiz], shipped=False))
    assert [(t.claim, t.committed) for t in summary.verdicts] == [("c12", 3), ("c02", 0)]
    assert all(q.question not in ("babaryka", "prisoners") for q in summary.questions)
    html = summary_html(summary)
    assert "the class&#x27;s verdicts on each claim" in html or "the class's verdicts on each claim" in html
    assert "same as the kit" in html and "1 of 3" in html


# -- the lint -----------------------------------------------------------------------------------------


def test_two_predictions_on_one_claim_are_a_duplicate(write_quiz) -> None:
    twice = load_quiz(write_quiz(PREDICT.replace("claim: c02", "claim: c12"), "predict"))
    warnings = lint_quizzes([twice])
    assert [(w.question_id, w.rule) for w in warnings] == [("babaryka", "duplicate")]
    assert "same claim" in warnings[0].message
    assert lint_quizzes([load_quiz(write_quiz(PREDICT, "predict"))]) == []


@pytest.mark.parametrize(
    ("quiz_id", "claim_id"),
    [
        ("04_claims_and_evidence_predict", "c06"),
        ("05_counting_prisoners_predict", "c02"),
        ("07_capstone_predict", "c12"),
    ],
)
def test_the_lessons_predict_items_name_real_claims(quiz_id: str, claim_id: str) -> None:
    shipped = load_quiz(quiz_id)
    assert [(q.type, getattr(q, "claim", None)) for q in shipped.questions] == [("verdict", claim_id)]
    if quiz_id.startswith("07"):
        assert claim(claim_id).verdict == "U", "lesson 07's prediction is on an uncertain claim"
