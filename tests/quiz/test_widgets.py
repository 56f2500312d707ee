"""The quiz widgets, driven as a learner would: each test sends the messages the browser sends
(``question_widget.js``: answer, check with the answer shown, hint, reveal) and reads back what the
browser would show."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import ipywidgets as widgets
import pytest

from casebook.quiz import load_quiz, show_quiz
from casebook.quiz.export import read_export
from casebook.quiz.progress import ProgressStore
from casebook.quiz.question_widget import ESM, QuestionWidget
from casebook.quiz.widgets import QuestionPanel, QuizView
from tests.quiz.conftest import FAKE
from tests.quiz.test_static import HOSTILE


@pytest.fixture
def view(every_type, progress_dir: Path, tmp_path: Path) -> QuizView:
    return QuizView(every_type, ProgressStore(every_type.id), export_dir=tmp_path / "out", transcript=FAKE)


def panel(view: QuizView, question_id: str) -> QuestionPanel:
    return next(p for p in view.panels if p.question.id == question_id)


def browser(p: QuestionPanel, event: str, value: Any = None) -> None:
    """Send what the browser sends: ipywidgets hands a custom message to the widget like this."""
    content = {"event": event} if event in ("hint", "reveal") else {"event": event, "value": value}
    p.widget._handle_custom_msg(content, [])


def choose(p: QuestionPanel, value: Any) -> None:
    """Change the controls (a radio, the ticks, the typed text), then press Check."""
    browser(p, "answer", value)
    browser(p, "check", value)


def option(p: QuestionPanel, label: str) -> int:
    return next(o["value"] for o in p.widget.options if o["label"] == label)


def all_widgets(root: widgets.Widget) -> list[widgets.Widget]:
    found = [root]
    for child in getattr(root, "children", ()):
        found += all_widgets(child)
    return found


def classes(root: widgets.Widget) -> set[str]:
    return {name for w in all_widgets(root) for name in getattr(w, "_dom_classes", ())}


def test_stable_css_hooks_for_browser_tests(view: QuizView) -> None:
    names = classes(view.box)
    for hook in ["casebook-quiz", "casebook-reset", "casebook-export", "casebook-score"]:
        assert hook in names
    for hook in ["casebook-question", "casebook-submit", "casebook-feedback", "casebook-hint"]:
        assert hook in ESM  # drawn in the browser by question_widget.js
    assert "casebook-show-answer" in ESM and "casebook-q-${" in ESM
    assert [p.widget.question_id for p in view.panels] == [q.id for q in view.quiz.questions]


def test_one_widget_model_per_question(view: QuizView) -> None:
    models = all_widgets(view.box)
    assert len(models) < 12 + len(view.panels)  # the quiz's own frame, then one model per question


def test_the_browser_keeps_notebook_shortcuts_out_of_the_question() -> None:
    assert '"data-lm-suppress-shortcuts": "true"' in ESM  # arrow keys move between radios, Enter checks
    assert 'role: kind === "choice" ? "radiogroup"' in ESM and "name: group" in ESM


def test_single_choice_gives_feedback_and_explanation_stays_hidden_when_wrong(view: QuizView) -> None:
    one = panel(view, "one")
    assert {o["label"] for o in one.widget.options} == {"A", "B", "C"} and one.answer is None
    browser(one, "check", None)
    assert "ⓘ Nothing to check yet" in one.widget.feedback_html
    choose(one, option(one, "A"))
    assert "✘ Not quite" in one.widget.feedback_html and "A is wrong" in one.widget.feedback_html
    choose(one, option(one, "B"))
    assert "✔ Correct" in one.widget.feedback_html and "B is right" in one.widget.feedback_html
    assert one.widget.locked


def test_check_grades_the_answer_it_carries_not_an_older_one(view: QuizView) -> None:
    """A slow kernel may get "Helsi" from the typing after the Check: Check carries the whole answer."""
    words = panel(view, "words")
    browser(words, "answer", "Helsi")
    browser(words, "check", "Helsinki Final Act")
    assert "✔ Correct" in words.widget.feedback_html
    assert ProgressStore("every_type").load()["answers"]["words"]["answer"] == "Helsinki Final Act"


def test_typing_never_redraws_the_controls_but_a_restore_does(view: QuizView) -> None:
    words = panel(view, "words")
    before = words.widget.revision
    browser(words, "answer", "Hel")
    browser(words, "answer", "Helsinki")
    assert words.answer == "Helsinki" and words.widget.revision == before  # no echo over the typing
    view.reset()
    view.reset()
    assert words.answer == "" and words.widget.revision > before  # the reset reaches the screen


def test_a_locked_question_keeps_its_answer(view: QuizView) -> None:
    one = panel(view, "one")
    choose(one, option(one, "B"))
    browser(one, "answer", option(one, "A"))
    browser(one, "check", option(one, "A"))
    assert one.answer == option(one, "B") and "✔ Correct" in one.widget.feedback_html


@pytest.mark.parametrize(
    "junk", [None, "", " ", "x" * 10_000, "🙂", 12, 3.5, float("nan"), [], [1, "a"], {}, True]
)
def test_whatever_the_browser_sends_gets_feedback_never_an_exception(view: QuizView, junk: Any) -> None:
    for p in view.panels:
        browser(p, "answer", junk)
        browser(p, "check", junk)
        assert p.widget.feedback_html.startswith("<div role='status'"), p.question.id
    panel(view, "one").widget._handle_custom_msg("not a dict", [])  # ignored
    panel(view, "one").widget._handle_custom_msg({"event": "explode"}, [])  # ignored


def test_multiple_select_partial_credit(view: QuizView) -> None:
    many = panel(view, "many")
    choose(many, [option(many, "A")])
    assert "◑ Partly right" in many.widget.feedback_html
    assert "Score: 0.5 of 7 points" in view.summary_text.value
    bar = "<progress class='casebook-score-bar' aria-label='Score' value='0.5' max='7'>"
    assert bar in view.summary_text.value


def test_numeric_attempts_then_the_answer_is_shown(view: QuizView) -> None:
    number = panel(view, "number")
    assert number.widget.label == "Your answer (states)" and number.widget.kind == "text"
    choose(number, "lots")
    assert "is not a number" in number.widget.feedback_html
    choose(number, "40")
    assert "✘ Not quite" in number.widget.feedback_html and "too high" in number.widget.feedback_html
    assert "1 attempt left" in number.widget.feedback_html
    choose(number, "39")
    answer = number.widget.answer_html
    assert "You used every attempt" in answer and "38 states" in answer and "Thirty-eight." in answer
    assert number.widget.locked


def test_a_text_answer_is_normalised(view: QuizView) -> None:
    words = panel(view, "words")
    choose(words, "  helsinki FINAL act!")
    assert "✔ Correct" in words.widget.feedback_html and "The Helsinki Final Act." in words.widget.answer_html


def test_hints_are_revealed_one_at_a_time(view: QuizView) -> None:
    words = panel(view, "words")
    assert words.widget.hints_html == "" and words.widget.has_hints
    browser(words, "hint")
    assert "Hint 1:" in words.widget.hints_html and "A city" in words.widget.hints_html
    assert "Hint 2" not in words.widget.hints_html
    browser(words, "hint")
    assert "Helsinki ..." in words.widget.hints_html
    assert words.widget.hint_disabled and words.widget.hint_label == "No more hints"
    assert not panel(view, "one").widget.has_hints  # no hint button where there are no hints


def test_show_answer_gives_up_and_explains(view: QuizView) -> None:
    words = panel(view, "words")
    browser(words, "reveal")
    answer = words.widget.answer_html
    assert "The answer:" in answer and "Helsinki Final Act" in answer
    assert "You used every attempt" not in answer
    assert words.widget.locked and words.widget.reveal_disabled


def test_order_has_a_drop_down_per_place_and_accepts_only_a_full_order(view: QuizView) -> None:
    steps = panel(view, "steps")
    assert steps.answer != [0, 1, 2]  # learners never start from the answer
    assert steps.widget.menu_labels == ["Place 1 (first)", "Place 2", "Place 3 (last)"]
    start = list(steps.answer)
    browser(steps, "answer", [0, 0, 1])  # not an order: the controls keep their last full order
    assert steps.answer == start
    choose(steps, [0, 1, 2])
    assert "✔ Correct" in steps.widget.feedback_html


def test_match_drop_downs(view: QuizView) -> None:
    pairs = panel(view, "pairs")
    assert pairs.widget.menu_labels == ["PC", "ODIHR"] and pairs.widget.placeholder == "Choose a definition…"
    meets = option(pairs, "meets weekly")
    choose(pairs, [meets, None])
    assert "1 still open" in pairs.widget.feedback_html
    choose(pairs, [meets, option(pairs, "expels states")])
    assert "◑ Partly right" in pairs.widget.feedback_html


def test_evidence_options_show_the_transcript_passages(view: QuizView) -> None:
    proof = panel(view, "proof")
    labels = [o["label"] for o in proof.widget.options]
    assert "Turn 2 (AMBASSADOR), sentence 2: We did not act alone." in labels
    assert "Claim:" in proof.widget.header_html and "contradicts" in proof.widget.header_html
    choose(proof, option(proof, "Turn 2 (AMBASSADOR), sentence 2: We did not act alone."))
    assert "✔ Correct" in proof.widget.feedback_html


def test_reflection_is_saved_with_a_nudge(view: QuizView) -> None:
    thoughts = panel(view, "thoughts")
    assert thoughts.widget.submit_label == "Save" and thoughts.widget.kind == "textarea"
    assert not thoughts.widget.graded  # no "Show answer" button
    choose(thoughts, "Numbers 🙂")
    assert "✔ Saved" in thoughts.widget.feedback_html and "about 5 words" in thoughts.widget.feedback_html
    assert ProgressStore("every_type").load()["answers"]["thoughts"]["answer"] == "Numbers 🙂"


def test_answers_come_back_in_a_new_view_after_a_restart(every_type, view: QuizView, tmp_path: Path) -> None:
    choose(panel(view, "one"), option(panel(view, "one"), "B"))
    browser(panel(view, "words"), "hint")
    choose(panel(view, "steps"), [2, 0, 1])
    view.name.value = "Ada"

    again = QuizView(
        load_quiz(every_type.source, transcript=FAKE), ProgressStore("every_type"), transcript=FAKE
    )
    one = panel(again, "one")
    assert one.answer == option(one, "B") and "✔ Correct" in one.widget.feedback_html and one.widget.locked
    assert one.widget.revision > 0  # drawn into the controls
    assert "Hint 1" in panel(again, "words").widget.hints_html
    assert panel(again, "steps").answer == [2, 0, 1]
    assert again.name.value == "Ada"
    assert again.summary_text.value == view.summary_text.value


def test_reset_asks_once_then_erases(view: QuizView) -> None:
    one = panel(view, "one")
    choose(one, option(one, "B"))
    view.reset_button.click()
    assert view.reset_button.description == "Press again to erase all answers"
    assert ProgressStore("every_type").load()["answers"]  # nothing erased yet
    view.reset_button.click()
    assert ProgressStore("every_type").load()["answers"] == {}
    assert one.answer is None and one.widget.feedback_html == "" and not one.widget.locked
    assert "Score: 0 of 7 points · 0 of 8 questions answered" in view.summary_text.value


def test_an_export_that_cannot_be_written_says_so_and_never_raises(view: QuizView, tmp_path: Path) -> None:
    view.export_dir = tmp_path / "taken"
    view.export_dir.write_text("a file where the export folder should be", encoding="utf-8")
    view.name.value = "Ada Lovelace"
    assert view.export() is None
    assert "✘ Could not write the file" in view.export_status.value
    assert "is a file, so no folder can be made there" in view.export_status.value


def test_export_needs_a_name_then_writes_a_valid_file(view: QuizView, tmp_path: Path) -> None:
    assert view.export() is None and "Type your name first" in view.export_status.value
    choose(panel(view, "one"), option(panel(view, "one"), "B"))
    choose(panel(view, "thoughts"), "I want to check the numbers.")
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
    choose(panel(view, "one"), option(panel(view, "one"), "B"))
    assert "✔ Correct" in panel(view, "one").widget.feedback_html


def test_a_store_that_cannot_be_written_warns_but_never_breaks(
    every_type, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = QuizView(every_type, ProgressStore("every_type", tmp_path / "p"), transcript=FAKE)

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(view.store, "_write", full_disk)
    choose(panel(view, "one"), option(panel(view, "one"), "B"))
    assert "✔ Correct" in panel(view, "one").widget.feedback_html
    assert "your answer could not be saved (No space left on device)" in view.notice.value


def test_every_control_has_a_visible_label(view: QuizView) -> None:
    for widget in all_widgets(view.box):
        if isinstance(widget, (widgets.Text, widgets.Textarea, widgets.Dropdown, widgets.Checkbox)):
            assert widget.description.strip(), f"{type(widget).__name__} has no label"
        if isinstance(widget, widgets.Button):
            assert widget.description.strip() and widget.tooltip
    for p in view.panels:
        w = p.widget
        assert all(o["label"].strip() for o in w.options), (
            p.question.id
        )  # each option is labelled by its text
        if w.kind in ("text", "textarea", "order", "match"):
            assert w.label.strip() and all(m.strip() for m in w.menu_labels), p.question.id
        assert w.submit_label and w.submit_tooltip and w.header_html.startswith("<p><strong>Question")


def test_one_style_block_gives_24px_targets_and_accessible_colours(view: QuizView) -> None:
    header = view.box.children[0].value
    assert header.count("<style>") == 1
    assert "width: 24px; height: 24px" in header
    for colour in ("#006400", "#b00020"):
        assert colour in header


def _contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_colours_are_readable_in_the_light_and_the_dark_theme() -> None:
    import re

    from casebook.quiz.widgets import QUIZ_CSS

    dark_prefix = 'body[data-jp-theme-light="false"] '
    rules = re.findall(r"^(.*?) \{ color: (#[0-9a-f]{6}); \}$", QUIZ_CSS, flags=re.M)
    light = {sel: colour for sel, colour in rules if not sel.startswith(dark_prefix)}
    dark = {sel.removeprefix(dark_prefix): colour for sel, colour in rules if sel.startswith(dark_prefix)}
    feedback = [f".casebook-quiz .casebook-fb-{s}" for s in ("correct", "incorrect", "partial")]
    assert all(sel in light and sel in dark for sel in feedback + [".casebook-quiz .casebook-note"])
    for sel, colour in light.items():
        for selector in sel.split(", "):
            assert _contrast(colour, "#ffffff") >= 4.5, selector
            assert selector in dark, f"{selector} has no colour for the dark theme"
    for sel, colour in dark.items():
        for background in ("#111111", "#2b2b2b"):  # JupyterLab dark: page and raised surfaces
            assert _contrast(colour, background) >= 4.5, (sel, background)


def test_feedback_carries_a_word_and_a_symbol_not_only_colour(view: QuizView) -> None:
    one = panel(view, "one")
    choose(one, option(one, "A"))
    assert "casebook-fb-incorrect" in one.widget.feedback_html and "✘ Not quite" in one.widget.feedback_html
    assert "role='status'" in one.widget.feedback_html


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
    choose(one, one.widget.options[0]["value"])
    html = "".join(w.value for w in all_widgets(view.box) if isinstance(w, widgets.HTML))
    for p in view.panels:
        html += p.widget.header_html + p.widget.feedback_html + p.widget.hints_html + p.widget.answer_html
    html = html.replace(view.box.children[0].value.split("</style>")[0], "")  # our own style block
    for bad in ("<script", "<img", "<iframe", "<b onmouseover", 'href="javascript:'):
        assert bad not in html
    assert "&lt;script&gt;" in html
    # option labels and menu labels are plain text, which question_widget.js sets as textContent
    assert 'el("span", { text: option.label })' in ESM and 'innerHTML = model.get("value")' not in ESM


def test_show_quiz_by_id_uses_the_progress_dir(progress_dir: Path, tmp_path: Path) -> None:
    view = show_quiz("00_start_here", export_dir=tmp_path)
    assert isinstance(view, QuizView) and view.store.path == progress_dir / "00_start_here.json"
    choose(view.panels[0], view.panels[0].widget.options[0]["value"])
    assert json.loads(view.store.path.read_text(encoding="utf-8"))["answers"]["restart"]["attempts"] == 1


def test_show_quiz_with_an_unknown_name_says_so() -> None:
    shown = show_quiz("no_such_quiz")
    assert "This quiz could not be found." in repr(shown) and "Quizzes there: 00_start_here" in repr(shown)


def _record_messages(monkeypatch: pytest.MonkeyPatch, view: QuizView) -> list[tuple[str, Any]]:
    """Every update message a widget sends, and every save, in the order they happen."""
    events: list[tuple[str, Any]] = []
    send = widgets.Widget._send

    def sending(widget: widgets.Widget, msg: dict[str, Any], buffers: Any = None) -> None:
        events.append(("message", (widget, sorted(msg.get("state", {})))))
        send(widget, msg, buffers=buffers)

    save = view.store.save_answer

    def saving(question_id: str, record: dict[str, Any]) -> None:
        events.append(("save", question_id))
        save(question_id, record)

    monkeypatch.setattr(widgets.Widget, "_send", sending)
    monkeypatch.setattr(view.store, "save_answer", saving)
    return events


def in_a_kernel(monkeypatch: pytest.MonkeyPatch, msg_type: str) -> None:
    """Run as inside a Jupyter kernel handling a message of ``msg_type`` (its ``get_parent``)."""
    parent = {"header": {"msg_type": msg_type}}
    kernel = SimpleNamespace(get_parent=lambda channel=None: parent)
    shell = SimpleNamespace(kernel=kernel)
    monkeypatch.setitem(sys.modules, "IPython", SimpleNamespace(get_ipython=lambda: shell))


@pytest.fixture
def browser_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """The kernel handles a message from the page's widgets (a click, an answer)."""
    in_a_kernel(monkeypatch, "comm_msg")


def test_in_a_kernel_the_feedback_leaves_first_in_one_message_and_the_save_follows(
    every_type, view: QuizView, monkeypatch: pytest.MonkeyPatch, browser_message: None
) -> None:
    one = panel(view, "one")
    events = _record_messages(monkeypatch, view)

    async def click_check() -> tuple[list[tuple[str, Any]], dict[str, Any]]:
        browser(one, "check", option(one, "B"))  # as a kernel handles it: inside its running loop
        seen, saved = list(events), ProgressStore("every_type").load()["answers"]
        await asyncio.sleep(0)  # the kernel's loop runs on: the deferred save
        return seen, saved

    seen, saved_at_feedback = asyncio.run(click_check())
    question_messages = [keys for kind, (w, keys) in seen if kind == "message" and w is one.widget]
    assert len(question_messages) == 1  # the answer's echo and the feedback travel together
    assert {"value", "feedback_html", "locked"} <= set(question_messages[0])
    assert seen == [("message", (one.widget, question_messages[0]))]  # the reply carries nothing else
    assert "one" not in saved_at_feedback and ("save", "one") not in seen  # not on the feedback path
    after = events[len(seen) :]  # once the reply is out: the summary in one message, then the save
    assert after == [("message", (view.summary_text, ["value"])), ("save", "one")]
    assert "Score: 1 of 7 points" in view.summary_text.value and view.unsaved == {}

    again = QuizView(
        load_quiz(every_type.source, transcript=FAKE), ProgressStore("every_type"), transcript=FAKE
    )  # a kernel restart: the answer saved after the feedback comes back
    assert panel(again, "one").answer == option(one, "B") and panel(again, "one").widget.locked


def test_code_in_a_cell_that_checks_an_answer_reads_the_new_summary_at_once(
    view: QuizView, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_a_kernel(monkeypatch, "execute_request")  # a cell's code runs, inside the kernel's loop
    one = panel(view, "one")

    async def cell() -> tuple[str, dict[str, Any]]:
        one.handle("check", option(one, "B"))
        return view.summary_text.value, ProgressStore("every_type").load()["answers"]

    summary, saved = asyncio.run(cell())
    assert "Score: 1 of 7 points" in summary and saved["one"]["status"] == "correct"


def test_a_draft_is_kept_without_an_echo_and_a_check_after_it_sends_only_the_feedback(
    every_type, view: QuizView, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = panel(view, "words")
    events = _record_messages(monkeypatch, view)
    browser(words, "answer", "Helsinki Final Act")
    assert events == [] and words.answer == "Helsinki Final Act"  # kept, and nothing sent back
    assert words.widget.get_state()["value"] == "Helsinki Final Act"  # a reopened page gets it
    browser(words, "check", "Helsinki Final Act")
    (feedback, *_) = [e[1][1] for e in events if e[0] == "message" and e[1][0] is words.widget]
    assert "feedback_html" in feedback and "value" not in feedback  # the page has that value already
    browser(words, "answer", "changed after the check")  # a finished question keeps its answer
    assert words.answer == "Helsinki Final Act"


def test_answers_given_in_quick_succession_are_all_saved_once(
    view: QuizView, monkeypatch: pytest.MonkeyPatch, browser_message: None
) -> None:
    events = _record_messages(monkeypatch, view)

    async def three_clicks() -> None:
        choose(panel(view, "one"), option(panel(view, "one"), "B"))
        browser(panel(view, "words"), "hint")
        choose(panel(view, "steps"), [2, 0, 1])
        await asyncio.sleep(0)

    asyncio.run(three_clicks())
    assert [e for e in events if e[0] == "save"] == [("save", "one"), ("save", "words"), ("save", "steps")]
    saved = ProgressStore("every_type").load()["answers"]
    assert saved["one"]["status"] == "correct" and saved["words"]["hints"] == 1
    assert saved["steps"]["answer"] == [2, 0, 1]


def test_a_reset_right_after_an_answer_leaves_nothing_to_save_back(
    view: QuizView, browser_message: None
) -> None:
    async def answer_then_reset() -> None:
        choose(panel(view, "one"), option(panel(view, "one"), "B"))
        view.reset_button.click()
        view.reset_button.click()
        await asyncio.sleep(0)

    asyncio.run(answer_then_reset())
    assert ProgressStore("every_type").load()["answers"] == {}


def test_a_name_typed_right_after_an_answer_saves_both(view: QuizView, browser_message: None) -> None:
    async def answer_then_name() -> None:
        choose(panel(view, "one"), option(panel(view, "one"), "B"))
        view.name.value = "Ada"

    asyncio.run(answer_then_name())
    saved = ProgressStore("every_type").load()
    assert saved["name"] == "Ada" and saved["answers"]["one"]["status"] == "correct"


def test_a_quiz_creates_one_model_per_question_and_a_fixed_frame(
    every_type, progress_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    created: list[widgets.Widget] = []  # every model opened in the browser: widgets, layouts, styles
    open_model = widgets.Widget.open

    def opening(widget: widgets.Widget) -> None:
        created.append(widget)
        open_model(widget)

    monkeypatch.setattr(widgets.Widget, "open", opening)
    view = QuizView(every_type, ProgressStore(every_type.id), transcript=FAKE)
    per_question = [m for m in created if isinstance(m, QuestionWidget)]
    assert len(per_question) == len(view.panels)  # and no layout or style model of their own
    assert len(created) - len(per_question) == 13  # frame: a layout, styles, title, summary, buttons
