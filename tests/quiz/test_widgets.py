"""The quiz widgets, driven as a learner would (set values, click, press Enter) and read back."""

from __future__ import annotations

import json
from pathlib import Path

import ipywidgets as widgets
import pytest

from casebook.quiz import load_quiz, show_quiz
from casebook.quiz.export import read_export
from casebook.quiz.progress import ProgressStore
from casebook.quiz.widgets import QuizView
from tests.quiz.conftest import FAKE
from tests.quiz.test_static import HOSTILE


@pytest.fixture
def view(every_type, progress_dir: Path, tmp_path: Path) -> QuizView:
    return QuizView(every_type, ProgressStore(every_type.id), export_dir=tmp_path / "out", transcript=FAKE)


def panel(view: QuizView, question_id: str):
    return next(p for p in view.panels if p.question.id == question_id)


def all_widgets(root: widgets.Widget) -> list[widgets.Widget]:
    found = [root]
    for child in getattr(root, "children", ()):
        found += all_widgets(child)
    return found


def classes(root: widgets.Widget) -> set[str]:
    return {name for w in all_widgets(root) for name in getattr(w, "_dom_classes", ())}


def test_stable_css_hooks_for_browser_tests(view: QuizView) -> None:
    names = classes(view.box)
    for hook in [
        "casebook-quiz",
        "casebook-question",
        "casebook-submit",
        "casebook-feedback",
        "casebook-hint",
        "casebook-show-answer",
        "casebook-reset",
        "casebook-export",
        "casebook-score",
    ]:
        assert hook in names
    for question in view.quiz.questions:
        assert f"casebook-q-{question.id}" in names


def test_single_choice_click_gives_feedback_and_explanation_stays_hidden_when_wrong(view: QuizView) -> None:
    one = panel(view, "one")
    assert [label for label, _ in one.controls.radio.options] and one.controls.radio.value is None
    one.submit_button.click()
    assert "ⓘ Nothing to check yet" in one.feedback.value
    one.controls.radio.value = 0
    one.submit_button.click()
    assert "✘ Not quite" in one.feedback.value and "A is wrong" in one.feedback.value
    one.controls.radio.value = 1
    one.submit_button.click()
    assert "✔ Correct" in one.feedback.value and "B is right" in one.feedback.value
    assert one.submit_button.disabled and one.controls.radio.disabled


def test_multiple_select_partial_credit(view: QuizView) -> None:
    many = panel(view, "many")
    many.controls.boxes[0].value = True
    many.submit_button.click()
    assert "◑ Partly right" in many.feedback.value
    assert "Score: 0.5 of 7 points" in view.summary_text.value and view.bar.value == 0.5


def test_numeric_attempts_then_the_answer_is_shown(view: QuizView) -> None:
    number = panel(view, "number")
    number.controls.text.value = "lots"
    number.submit_button.click()
    assert "is not a number" in number.feedback.value
    number.controls.text.value = "40"
    number.submit_button.click()
    assert "✘ Not quite" in number.feedback.value and "too high" in number.feedback.value
    assert "1 attempt left" in number.feedback.value
    number.controls.text.value = "39"
    number.submit_button.click()
    assert "You used every attempt" in number.answer_area.value and "38 states" in number.answer_area.value
    assert "Thirty-eight." in number.answer_area.value
    assert number.controls.text.disabled and number.submit_button.disabled


def test_enter_in_a_text_box_checks_the_answer(view: QuizView) -> None:
    words = panel(view, "words")
    words.controls.text.value = "  helsinki FINAL act!"
    words.controls.text._handle_custom_msg({"event": "submit"}, [])  # what the front end sends on Enter
    assert "✔ Correct" in words.feedback.value and "The Helsinki Final Act." in words.answer_area.value


def test_hints_are_revealed_one_at_a_time(view: QuizView) -> None:
    words = panel(view, "words")
    assert words.hints_area.value == ""
    words.hint_button.click()
    assert "Hint 1:" in words.hints_area.value and "A city" in words.hints_area.value
    assert "Hint 2" not in words.hints_area.value
    words.hint_button.click()
    assert "Helsinki ..." in words.hints_area.value
    assert words.hint_button.disabled and words.hint_button.description == "No more hints"


def test_show_answer_gives_up_and_explains(view: QuizView) -> None:
    words = panel(view, "words")
    words.show_button.click()
    assert "The answer:" in words.answer_area.value and "Helsinki Final Act" in words.answer_area.value
    assert "You used every attempt" not in words.answer_area.value
    assert words.submit_button.disabled and words.show_button.disabled


def test_order_by_a_drop_down_per_place_that_swaps(view: QuizView) -> None:
    steps = panel(view, "steps")
    controls = steps.controls
    assert controls.value() != [0, 1, 2]  # learners never start from the answer
    assert [menu.description for menu in controls.places] == ["Place 1 (first)", "Place 2", "Place 3 (last)"]
    before = controls.value()
    controls.places[0].value = 0  # "first" goes to place 1; what was there takes its old place
    after = controls.value()
    assert after[0] == 0 and sorted(after) == [0, 1, 2]
    assert after[before.index(0)] == before[0]
    controls.places[1].value = 1
    assert controls.value() == [0, 1, 2] and [m.value for m in controls.places] == [0, 1, 2]
    steps.submit_button.click()
    assert "✔ Correct" in steps.feedback.value


def test_match_drop_downs(view: QuizView) -> None:
    pairs = panel(view, "pairs")
    menus = pairs.controls.menus
    assert [menu.description for menu in menus] == ["PC", "ODIHR"]
    menus[0].value = 0
    pairs.submit_button.click()
    assert "1 still open" in pairs.feedback.value
    menus[1].value = 2
    pairs.submit_button.click()
    assert "◑ Partly right" in pairs.feedback.value


def test_evidence_options_show_the_transcript_passages(view: QuizView) -> None:
    proof = panel(view, "proof")
    labels = [label for label, _ in proof.controls.radio.options]
    assert "Turn 1 (AMBASSADOR), sentence 1: We did not act alone." in labels
    assert "Claim:" in proof.box.children[0].value and "contradicts" in proof.box.children[0].value
    proof.controls.radio.value = 0
    proof.submit_button.click()
    assert "✔ Correct" in proof.feedback.value


def test_reflection_is_saved_with_a_nudge(view: QuizView) -> None:
    thoughts = panel(view, "thoughts")
    assert thoughts.submit_button.description == "Save"
    thoughts.controls.area.value = "Numbers 🙂"
    thoughts.submit_button.click()
    assert "✔ Saved" in thoughts.feedback.value and "about 5 words" in thoughts.feedback.value
    assert ProgressStore("every_type").load()["answers"]["thoughts"]["answer"] == "Numbers 🙂"


def test_answers_come_back_in_a_new_view_after_a_restart(every_type, view: QuizView, tmp_path: Path) -> None:
    panel(view, "one").controls.radio.value = 1
    panel(view, "one").submit_button.click()
    panel(view, "words").hint_button.click()
    panel(view, "steps").controls.places[2].value = 0
    panel(view, "steps").submit_button.click()
    view.name.value = "Ada"
    order = panel(view, "steps").controls.value()

    again = QuizView(
        load_quiz(every_type.source, transcript=FAKE), ProgressStore("every_type"), transcript=FAKE
    )
    assert panel(again, "one").controls.radio.value == 1 and "✔ Correct" in panel(again, "one").feedback.value
    assert panel(again, "one").submit_button.disabled
    assert "Hint 1" in panel(again, "words").hints_area.value
    assert panel(again, "steps").controls.value() == order
    assert again.name.value == "Ada"
    assert again.summary_text.value == view.summary_text.value


def test_reset_asks_once_then_erases(view: QuizView) -> None:
    one = panel(view, "one")
    one.controls.radio.value = 1
    one.submit_button.click()
    view.reset_button.click()
    assert view.reset_button.description == "Press again to erase all answers"
    assert ProgressStore("every_type").load()["answers"]  # nothing erased yet
    view.reset_button.click()
    assert ProgressStore("every_type").load()["answers"] == {}
    assert one.controls.radio.value is None and one.feedback.value == "" and not one.submit_button.disabled
    assert "Score: 0 of 7 points · 0 of 8 questions answered" in view.summary_text.value


def test_export_needs_a_name_then_writes_a_valid_file(view: QuizView, tmp_path: Path) -> None:
    assert view.export() is None and "Type your name first" in view.export_status.value
    panel(view, "one").controls.radio.value = 1
    panel(view, "one").submit_button.click()
    panel(view, "thoughts").controls.area.value = "I want to check the numbers."
    panel(view, "thoughts").submit_button.click()
    view.name.value = "Ada Lovelace"
    view.export_button.click()
    path = tmp_path / "out" / "casebook-answers-every_type.json"
    assert str(path) in view.export_status.value and "✔ Saved your answers" in view.export_status.value
    data, problems = read_export(path)
    assert problems == [] and data["name"] == "Ada Lovelace"
    answers = {a["id"]: a for a in data["answers"]}
    assert answers["one"]["answer_text"] == "B" and answers["one"]["points"] == 1.0
    assert answers["thoughts"]["answer"] == "I want to check the numbers."
    assert data["score"] == {"points": 1.0, "max_points": 7.0, "answered": 2, "questions": 8}


def test_a_corrupt_store_shows_a_notice_and_the_quiz_works(every_type, progress_dir: Path) -> None:
    progress_dir.mkdir(parents=True)
    (progress_dir / "every_type.json").write_text("{oops", encoding="utf-8")
    view = QuizView(every_type, ProgressStore("every_type"), transcript=FAKE)
    assert "were unreadable" in view.notice.value
    panel(view, "one").controls.radio.value = 1
    panel(view, "one").submit_button.click()
    assert "✔ Correct" in panel(view, "one").feedback.value


def test_a_store_that_cannot_be_written_warns_but_never_breaks(
    every_type, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = QuizView(every_type, ProgressStore("every_type", tmp_path / "p"), transcript=FAKE)

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(view.store, "_write", full_disk)
    panel(view, "one").controls.radio.value = 1
    panel(view, "one").submit_button.click()
    assert "✔ Correct" in panel(view, "one").feedback.value
    assert "your answer could not be saved (No space left on device)" in view.notice.value


def test_every_control_has_a_visible_label(view: QuizView) -> None:
    for widget in all_widgets(view.box):
        if isinstance(
            widget, (widgets.Text, widgets.Textarea, widgets.Dropdown, widgets.Select, widgets.Checkbox)
        ):
            assert widget.description.strip(), f"{type(widget).__name__} has no label"
        if isinstance(widget, widgets.Button):
            assert widget.description.strip() and widget.tooltip
        if isinstance(widget, widgets.RadioButtons):
            assert all(label.strip() for label, _ in widget.options)  # each radio is labelled by its text


def test_one_style_block_gives_24px_targets_and_accessible_colours(view: QuizView) -> None:
    header = view.box.children[0].value
    assert header.count("<style>") == 1
    assert "width: 24px; height: 24px" in header
    for colour in ("#006400", "#b00020"):
        assert colour in header


def test_feedback_carries_a_word_and_a_symbol_not_only_colour(view: QuizView) -> None:
    one = panel(view, "one")
    one.controls.radio.value = 0
    one.submit_button.click()
    assert "casebook-fb-incorrect" in one.feedback.value and "✘ Not quite" in one.feedback.value
    assert "role='status'" in one.feedback.value


def test_display_bundle_has_the_widget_and_static_versions_without_answers(view: QuizView) -> None:
    bundle = view._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "Pick B" in bundle["text/html"] and "Pick B" in bundle["text/plain"]
    for secret in ("B is right", "Thirty-eight.", "The Helsinki Final Act."):
        assert secret not in bundle["text/html"] and secret not in bundle["text/plain"]


def test_hostile_quiz_text_never_reaches_a_widget_as_markup(write_quiz, progress_dir: Path) -> None:
    quiz = load_quiz(write_quiz(HOSTILE, "hostile"), transcript=FAKE)
    view = QuizView(quiz, ProgressStore("hostile"), transcript=FAKE)
    one = view.panels[0]
    one.controls.radio.value = 0
    one.submit_button.click()
    html = "".join(w.value for w in all_widgets(view.box) if isinstance(w, widgets.HTML))
    html = html.replace(view.box.children[0].value.split("</style>")[0], "")  # our own style block
    for bad in ("<script", "<img", "<iframe", "<b onmouseover", 'href="javascript:'):
        assert bad not in html
    assert "&lt;script&gt;" in html


def test_show_quiz_by_id_uses_the_progress_dir(progress_dir: Path, tmp_path: Path) -> None:
    view = show_quiz("00_start_here", export_dir=tmp_path)
    assert isinstance(view, QuizView) and view.store.path == progress_dir / "00_start_here.json"
    view.panels[0].controls.radio.value = 0
    view.panels[0].submit_button.click()
    assert json.loads(view.store.path.read_text(encoding="utf-8"))["answers"]["restart"]["attempts"] == 1


def test_show_quiz_with_an_unknown_name_says_so() -> None:
    shown = show_quiz("no_such_quiz")
    assert "This quiz could not be found." in repr(shown) and "Quizzes there: 00_start_here" in repr(shown)
