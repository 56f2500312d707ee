"""The quiz in JupyterLab: one ``QuestionWidget`` per question, inside a few plain ipywidgets.

``QuestionPanel`` keeps one question's state and answers its widget's events (answer, check, hint,
reveal) by applying the rules; ``QuizView`` adds the title, the score summary, reset and export,
saves every change in the progress store, and carries a static text/html and text/plain version of
the quiz for places that cannot run widgets.

Every rule (grading, attempts, hints, reveal) lives in ``grading`` and ``state``, and what controls a
question gets lives in ``controls``: this module only shows their results. Stable CSS classes for
browser tests: casebook-quiz, casebook-question, casebook-q-<id>, casebook-submit, casebook-feedback,
casebook-hint, casebook-show-answer (drawn by ``question_widget.js``), casebook-reset,
casebook-export, casebook-score.
"""

from __future__ import annotations

import asyncio
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

from casebook.files import UnreadableFile
from casebook.quiz import state as rules
from casebook.quiz.answers import right_answer_lines
from casebook.quiz.controls import controls_for
from casebook.quiz.grading import Result, grade
from casebook.quiz.model import EvidenceQuestion, Question, Quiz, VerdictQuestion
from casebook.quiz.normalise import clean_answer, clean_text
from casebook.quiz.passages import BRIEFING, TranscriptLike, loaded_or_none
from casebook.quiz.progress import MAX_NAME_CHARS, ProgressStore
from casebook.quiz.question_widget import QuestionWidget
from casebook.quiz.safe_markdown import escape, markdown_html, markdown_inline
from casebook.quiz.shuffling import choice_order
from casebook.quiz.static import TYPE_NAMES, quiz_html, quiz_text, verdict_claim_html, verdict_reveal_html

# Shipped once per quiz in its header. Targets at least 24x24 px (WCAG 2.2 target size), labels that
# wrap, a visible focus ring, and text colours of at least 4.5:1 on white, with lighter ones for
# JupyterLab's dark theme (its <body> says data-jp-theme-light="false"); every state also has a word
# and a symbol, so colour is never the only signal.
QUIZ_CSS = """<style>
.casebook-quiz { max-width: 52rem; box-sizing: border-box; }
.casebook-quiz .widget-html, .casebook-quiz .widget-box { max-width: 100%; box-sizing: border-box; }
.casebook-quiz .widget-html-content { overflow-wrap: anywhere; }
.casebook-quiz .casebook-question { border-top: 1px solid #767676; padding: .5rem 0 .75rem; }
.casebook-quiz .casebook-option {
  display: flex; align-items: flex-start; gap: .5rem; line-height: 1.4; min-height: 24px;
  margin: .2rem 0; cursor: pointer; }
.casebook-quiz .casebook-option input { flex: none; width: 24px; height: 24px; margin: 0; }
.casebook-quiz .casebook-text-label, .casebook-quiz .casebook-menu-label {
  display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .5rem; margin: .25rem 0; }
.casebook-quiz input.casebook-text {
  width: 32rem; max-width: 100%; min-height: 28px; box-sizing: border-box; }
.casebook-quiz textarea.casebook-text { width: 100%; box-sizing: border-box; }
.casebook-quiz select.casebook-menu { flex: 1 1 16rem; min-width: min(16rem, 100%); max-width: 100%;
  min-height: 28px; }
.casebook-quiz .casebook-buttons { display: flex; flex-wrap: wrap; gap: .5rem; margin: .4rem 0; }
.casebook-quiz .casebook-buttons [hidden] { display: none; }
.casebook-quiz .jupyter-button { min-height: 32px; min-width: 44px; }
.casebook-quiz input[type=text] { min-height: 28px; }
.casebook-quiz :focus-visible { outline: 3px solid #005fcc; outline-offset: 2px; }
.casebook-quiz .casebook-fb-correct { color: #006400; }
.casebook-quiz .casebook-fb-incorrect { color: #b00020; }
.casebook-quiz .casebook-fb-partial { color: #7a4500; }
.casebook-quiz .casebook-fb-unsaved, .casebook-quiz .casebook-not-saved { color: #b00020; }
.casebook-quiz .casebook-fb-invalid, .casebook-quiz .casebook-fb-saved,
.casebook-quiz .casebook-fb-committed { color: #1a1a1a; }
.casebook-quiz .casebook-reveal-table { border-collapse: collapse; margin: .5rem 0; }
.casebook-quiz .casebook-reveal-table th, .casebook-quiz .casebook-reveal-table td {
  border: 1px solid #767676; padding: .25rem .5rem; text-align: left; vertical-align: top; }
.casebook-quiz .casebook-verdict-reason { margin-top: .5rem; }
.casebook-quiz .casebook-claim { border-left: 4px solid #4a4a4a; padding: .25rem .75rem; }
.casebook-quiz .casebook-note { color: #4a4a4a; }
.casebook-quiz progress.casebook-score-bar { width: 16rem; max-width: 100%; height: 1rem; }
body[data-jp-theme-light="false"] .casebook-quiz .casebook-fb-correct { color: #7ee787; }
body[data-jp-theme-light="false"] .casebook-quiz .casebook-fb-incorrect { color: #ff9e9e; }
body[data-jp-theme-light="false"] .casebook-quiz .casebook-fb-partial { color: #ffb74d; }
body[data-jp-theme-light="false"] .casebook-quiz .casebook-fb-unsaved { color: #ff9e9e; }
body[data-jp-theme-light="false"] .casebook-quiz .casebook-not-saved { color: #ff9e9e; }
body[data-jp-theme-light="false"] .casebook-quiz .casebook-fb-invalid { color: #f0f0f0; }
body[data-jp-theme-light="false"] .casebook-quiz .casebook-fb-saved { color: #f0f0f0; }
body[data-jp-theme-light="false"] .casebook-quiz .casebook-fb-committed { color: #f0f0f0; }
body[data-jp-theme-light="false"] .casebook-quiz .casebook-note { color: #c8c8c8; }
body[data-jp-theme-light="false"] .casebook-quiz .casebook-claim { border-left-color: #c8c8c8; }
body[data-jp-theme-light="false"] .casebook-quiz :focus-visible { outline-color: #6cb6ff; }
</style>"""


class Shared:
    """Layouts and styles that the quiz's plain ipywidgets share. Each is a widget model of its own:
    sharing them keeps the number of models (and so the time to show a quiz) low."""

    def __init__(self) -> None:
        self.full = widgets.Layout(width="auto")  # one for every widget of the quiz: one model
        self.html = HTMLStyle()
        self.button = widgets.ButtonStyle()
        self.text = TextStyle(description_width="initial")

    def html_widget(self, value: str = "", css_class: str | None = None) -> widgets.HTML:
        """A full-width HTML area."""
        area = widgets.HTML(value, layout=self.full, style=self.html)
        if css_class:
            area.add_class(css_class)
        return area

    def button_widget(
        self, description: str, icon: str, tooltip: str, css_class: str | None = None
    ) -> widgets.Button:
        """A button with a visible label and an icon."""
        button = widgets.Button(
            description=description, icon=icon, tooltip=tooltip, layout=self.full, style=self.button
        )
        if css_class:
            button.add_class(css_class)
        return button


def handling_browser_message() -> bool:
    """True while a Jupyter kernel handles a message from the page's widgets (a ``comm_msg``: a
    click or an answer); False while it runs a cell's code (``execute_request``), and outside a
    kernel. Only in the first case can the summary and the save wait until the reply is out: code in
    a cell that checks an answer and then reads ``summary_text`` must see the new summary."""
    ipython = sys.modules.get("IPython")  # never imported here: a kernel has it already
    shell = ipython.get_ipython() if ipython is not None else None
    kernel = getattr(shell, "kernel", None)
    if kernel is None:
        return False
    try:
        parent = kernel.get_parent("shell")
    except Exception:  # noqa: BLE001 - an older or odd kernel: save at once, the safe way
        return False
    return isinstance(parent, dict) and parent.get("header", {}).get("msg_type") == "comm_msg"


def running_loop() -> asyncio.AbstractEventLoop | None:
    """The event loop running in this thread (a kernel's, while it handles a message), or None."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


# ---------------------------------------------------------------------------------------------------
# One question


def feedback_html(result: Result | None, note: str = "") -> str:
    """The feedback area's HTML for a result: its text (word and symbol first) and an optional note."""
    if result is None:
        return ""
    return (
        f"<div role='status' class='casebook-fb casebook-fb-{result.status}'>"
        f"{markdown_html(result.feedback)}{note}</div>"
    )


class QuestionPanel:
    """One question on screen, kept in step with its ``QuestionState``.

    The browser side is one ``QuestionWidget``; this class holds the rules' state and answers its
    events. ``on_change(panel)`` is called after every change the learner makes, to save it; it
    returns None when the change was saved, else why not, which the panel then shows.
    """

    def __init__(
        self,
        quiz: Quiz,
        question: Question,
        number: int,
        transcript: TranscriptLike | None,
        on_change: Callable[[QuestionPanel], None],
        layout: widgets.Layout | None = None,
    ):
        self.question = question
        self.quiz_source = quiz.source  # where a verdict question finds its claims (kit or case)
        self.transcript = transcript
        self.on_change = on_change
        self.state = rules.QuestionState()
        self.last_result: Result | None = None
        self.not_saved: str | None = None  # why the latest change could not be saved
        order = choice_order(quiz.shuffle_key(), question)
        self.controls = controls_for(question, order, transcript)
        graded = question.graded
        predict = isinstance(question, VerdictQuestion)
        self.widget = QuestionWidget(
            self.handle,
            question_id=question.id,
            header_html=self._header_html(number, len(quiz.questions)),
            value=self.controls.coerce(None),
            submit_label="Commit" if predict else "Check" if graded else "Save",
            submit_tooltip=(
                "Lock in your verdict; then the kit's verdict and its sources are shown"
                if predict
                else "Check your answer"
                if graded
                else "Save your reflection"
            ),
            graded=graded and not predict,  # no "Show answer": the reveal comes with a commit
            has_hints=bool(question.hints),
            **self.controls.to_widget(),
            **({"layout": layout} if layout is not None else {}),  # shared: one model fewer each
        )
        self.box = self.widget

    @property
    def answer(self) -> Any:
        """The answer the controls hold now."""
        return self.widget.value

    def handle(self, event: str, value: Any = None) -> None:
        """What the learner did in the browser: ``answer`` (changed the controls), ``check`` (with
        the answer shown at that moment), ``hint`` or ``reveal``."""
        locked = self.state.finished and self.question.graded  # locked controls keep their answer
        steps = {"check": self._grade, "hint": self._next_hint, "reveal": self._reveal}
        with self.widget.hold_sync():  # the answer's echo and the feedback leave as ONE message
            if event in ("answer", "check") and not locked:
                # Cleaned here, at the boundary: a lone surrogate the browser sent could not even be
                # synced back to it (Jupyter's messages are UTF-8), let alone saved.
                cleaned = clean_answer(self.controls.coerce(value))
                if event == "answer":
                    self.widget.keep_draft(cleaned)  # no echo: the page has it
                else:
                    self.widget.value = cleaned
            changed = steps[event]() if event in steps else False
        if changed:  # after the feedback has left: the summary and the save follow it
            self.on_change(self)

    def _header_html(self, number: int, total: int) -> str:
        question = self.question
        points = (
            f" · {question.points:g} point{'s' if question.points != 1 else ''}" if question.graded else ""
        )
        limit = f" · {question.attempts} attempts" if question.attempts else ""
        html = (
            f"<p><strong>Question {number} of {total}</strong> "
            f"<span class='casebook-note'>{TYPE_NAMES[question.type]}{points}{limit}</span></p>"
            f"{markdown_html(question.prompt)}"
        )
        if isinstance(question, EvidenceQuestion):
            verb = "supports" if question.stance == "supports" else "contradicts"
            html += (
                f"<p class='casebook-claim'><strong>Claim:</strong> {escape(question.claim)}</p>"
                f"<p>Choose the passage of the briefing that <strong>{verb}</strong> the claim.</p>"
            )
        if isinstance(question, VerdictQuestion):
            html += verdict_claim_html(question)
        return html

    # -- what the learner does ----------------------------------------------------------------------

    def check(self) -> None:
        """Grade what the controls hold, show the feedback, and save."""
        if self._grade():
            self.on_change(self)

    def hint(self) -> None:
        """Show the next hint."""
        if self._next_hint():
            self.on_change(self)

    # Each step changes the state and the screen, and says whether there is something to save.

    def _grade(self) -> bool:
        if self.state.finished and self.question.graded:
            return False
        self.state, self.last_result = rules.submit(self.question, self.state, self.answer)
        self.refresh()
        return self.last_result.status != "invalid"

    def _next_hint(self) -> bool:
        self.state = rules.show_hint(self.question, self.state)
        self.refresh()
        return True

    def _reveal(self) -> bool:
        if not rules.may_give_up(self.question, self.state):
            return False
        self.state = rules.reveal(self.state)
        self.refresh()
        return True

    # -- display -------------------------------------------------------------------------------------

    def restore(self, state: rules.QuestionState) -> None:
        """Show a state: its answer in the controls, its feedback, hints and explanation."""
        self.state = state
        self.not_saved = None
        empty = self.controls.coerce(None)
        self.widget.show_value(empty if state.answer is None else self.controls.coerce(state.answer))
        self.last_result = grade(self.question, state.answer) if state.answered else None
        self.refresh()

    def refresh(self) -> None:
        """Bring every part of the panel in line with the state and the latest result."""
        question, state, result = self.question, self.state, self.last_result
        left = rules.attempts_left(question, state)
        note = ""
        if result is not None and left is not None and result.counts_as_attempt and not state.finished:
            note = f"<p>{left} attempt{'s' if left != 1 else ''} left.</p>"
        if self.not_saved and result is not None:
            if result.status == "saved":  # "✔ Saved" would be untrue
                result = Result(
                    "unsaved", 0.0, f"✘ Not saved: {self.not_saved}. Copy your text somewhere safe."
                )
            else:
                note += (
                    f"<p class='casebook-not-saved' role='alert'>✘ Not saved: {escape(self.not_saved)}.</p>"
                )
        remaining = len(question.hints) - state.hints
        with self.widget.hold_sync():  # one message to the browser for the whole change
            self.widget.feedback_html = feedback_html(result, note)
            self.widget.hints_html = "".join(
                f"<p><strong>Hint {n}:</strong> {markdown_inline(hint)}</p>"
                for n, hint in enumerate(question.hints[: state.hints], start=1)
            )
            self.widget.hint_disabled = remaining == 0
            self.widget.hint_label = "Hint" if remaining else "No more hints"
            self.widget.answer_html = self._answer_html()
            self.widget.locked = state.finished and question.graded
            self.widget.reveal_disabled = state.revealed

    def _answer_html(self) -> str:
        question, state = self.question, self.state
        parts: list[str] = []
        if isinstance(question, VerdictQuestion):
            parts.append(self._reveal_html())
        elif state.revealed and question.graded:
            used_up = rules.attempts_left(question, state) == 0 and state.status != "correct"
            lines = "".join(
                f"<li>{escape(line)}</li>" for line in right_answer_lines(question, self.transcript)
            )
            parts.append(
                f"<p><strong>{'You used every attempt. ' if used_up else ''}The answer:</strong></p>"
            )
            parts.append(f"<ul>{lines}</ul>")
        if question.explanation and (state.revealed or state.status in ("correct", "saved", "committed")):
            parts.append(f"<div><strong>Explanation.</strong> {markdown_html(question.explanation)}</div>")
        return "".join(parts)

    def _reveal_html(self) -> str:
        """For a verdict prediction, once committed: the kit's verdict and sources, read from
        claims.csv and sources.csv now (never sent to the page before the commit)."""
        question, state = self.question, self.state
        if state.status != "committed" or not isinstance(question, VerdictQuestion):
            return ""
        from casebook.quiz.claims_book import claims_book
        from casebook.quiz.verdict import reveal_for

        try:
            book = claims_book(self.quiz_source)  # the kit's claims, or the case's own
            shown = reveal_for(
                question.claim, state.answer, question.options, book.claims, book.sources, book.whose
            )
        except Exception as exc:  # noqa: BLE001 - a data problem is one line, never a traceback
            return f"<p role='alert'>ⓘ The verdict to compare with could not be read: {escape(str(exc))}</p>"
        if shown is None:
            return f"<p role='alert'>ⓘ Claim {escape(question.claim)} is not in {escape(book.file)}.</p>"
        return verdict_reveal_html(shown)


# ---------------------------------------------------------------------------------------------------
# The whole quiz


class QuizView:
    """A whole quiz on screen: its questions, a score summary, reset and export, saved as the learner
    goes. Displaying it (as a cell's last value, or with ``display()``) shows the widgets in JupyterLab
    and the static text/html and text/plain versions (no answers) wherever widgets cannot run."""

    def __init__(
        self,
        quiz: Quiz,
        store: ProgressStore,
        export_dir: Path | None = None,
        transcript: TranscriptLike | None = BRIEFING,
    ):
        self.quiz = quiz
        self.store = store
        self.export_dir = export_dir
        self.transcript = loaded_or_none(transcript)
        self.unsaved: dict[str, dict[str, Any]] = {}  # answers given, not yet in the store
        self._save_scheduled = False
        shared = Shared()
        self.notice = shared.html_widget(css_class="casebook-notice")
        self.panels = [
            QuestionPanel(quiz, question, number, self.transcript, self._changed, layout=shared.full)
            for number, question in enumerate(quiz.questions, start=1)
        ]
        # The score's text and its bar in one HTML model: one message per change, two models fewer.
        self.summary_text = shared.html_widget(css_class="casebook-score")
        self.name = widgets.Text(
            description="Your name",
            placeholder="for your teacher",
            style=shared.text,
            layout=shared.full,
            continuous_update=False,
        )
        self.export_button = shared.button_widget(
            "Export my answers", "download", "Save my answers in a file to hand in", "casebook-export"
        )
        self.export_button.on_click(lambda _button: self.export())
        self.reset_button = shared.button_widget(
            "Reset quiz", "undo", "Erase all my answers", "casebook-reset"
        )
        self.reset_button.on_click(lambda _button: self.reset())
        self.confirming_reset = False
        self.export_status = shared.html_widget(css_class="casebook-export-status")
        intro = markdown_html(quiz.intro) if quiz.intro else ""
        header = shared.html_widget(f"{QUIZ_CSS}<h2>{escape(quiz.title)}</h2>{intro}")
        buttons = widgets.HBox([self.name, self.export_button, self.reset_button], layout=shared.full)
        self.box = widgets.VBox(  # flat: the summary and the buttons need no box of their own
            [
                header,
                self.notice,
                *[p.box for p in self.panels],
                self.summary_text,
                buttons,
                self.export_status,
            ],
            layout=shared.full,
        )
        self.box.add_class("casebook-quiz")
        self._restore()
        self.name.observe(self._name_changed, names="value")

    # -- saved progress -------------------------------------------------------------------------------

    def _restore(self) -> None:
        saved = self.store.load()
        self.name.value = saved.get("name") or ""
        for panel in self.panels:
            record = saved["answers"].get(panel.question.id)
            if record is not None:
                panel.restore(rules.state_from_record(panel.question, record))
        self._show_notices()
        self._update_summary()

    def _show_notices(self) -> None:
        self.notice.value = "".join(f"<p role='alert'>ⓘ {escape(w)}</p>" for w in self.store.warnings)

    def _save(self, action: Callable[[], None], what: str) -> str | None:
        """Run one save; None when it worked, else the reason (also shown above the quiz). Never raises:
        whatever goes wrong, the learner is told instead of the change being lost without a word."""
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - any failure to save is shown, never raised into a widget
            reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc) or type(exc).__name__
            message = f"{what} could not be saved ({reason}); keep this tab open"
            if message not in self.store.warnings:
                self.store.warnings.append(message)
            self._show_notices()
            return reason
        self._show_notices()
        return None

    def _changed(self, panel: QuestionPanel) -> None:
        self.unsaved[panel.question.id] = panel.state.record()  # kept at once: nothing is lost
        self._schedule_save()

    def _schedule_save(self) -> None:
        """Update the summary and save soon: while a kernel handles a message from the page, once
        that message has had its reply (so the feedback alone is on the way first); for code in a
        cell, and with no event loop running (plain Python, tests), at once."""
        if self._save_scheduled:
            return
        loop = running_loop()
        if loop is None or not handling_browser_message():
            self.save_now()
            return
        self._save_scheduled = True
        loop.call_soon(self.save_now)

    def save_now(self) -> None:
        """Bring the summary up to date and write every answer not yet saved to the progress store
        (each with the store's lock and atomic replace). Called soon after each change, and before
        any other use of the store."""
        self._save_scheduled = False
        if self.unsaved:  # a change since the last save: the summary and the reset button follow it
            self.confirming_reset = False
            self.reset_button.description = "Reset quiz"
            self._update_summary()
        unsaved, self.unsaved = self.unsaved, {}
        panels = {panel.question.id: panel for panel in self.panels}
        for question_id, record in unsaved.items():
            reason = self._save(functools.partial(self.store.save_answer, question_id, record), "your answer")
            panel = panels.get(question_id)
            if panel is not None and panel.not_saved != reason:
                panel.not_saved = reason  # "✘ Not saved" on the question itself, never "✔ Saved"
                panel.refresh()

    def _name_changed(self, change: dict[str, Any]) -> None:
        self.save_now()
        self._save(lambda: self.store.save_name(str(change["new"]).strip()[:200]), "your name")

    def states(self) -> dict[str, rules.QuestionState]:
        """Each question's current state, by question id."""
        return {panel.question.id: panel.state for panel in self.panels}

    def _update_summary(self) -> None:
        summary = rules.summarise(self.quiz, self.states())
        self.summary_text.value = (
            f"<p><strong>{escape(summary.text())}</strong></p>"
            f"<progress class='casebook-score-bar' aria-label='Score' value='{summary.points:g}' "
            f"max='{max(self.quiz.max_points, 1):g}'></progress>"
        )

    # -- quiz buttons ----------------------------------------------------------------------------------

    def reset(self) -> None:
        """The first press asks for confirmation; the second erases every answer of this quiz but its
        committed verdict predictions, which stay locked."""
        if not self.confirming_reset:
            self.confirming_reset = True
            self.reset_button.description = "Press again to erase all answers"
            return
        self.confirming_reset = False
        self.reset_button.description = "Reset quiz"
        kept = [p.question.id for p in self.panels if rules.kept_on_reset(p.question, p.state)]
        self.save_now()  # committed predictions are kept as saved, so what is kept is on disk first
        self._save(functools.partial(self.store.clear, keep=kept), "the reset")
        for panel in self.panels:
            if panel.question.id not in kept:
                panel.restore(rules.QuestionState())
        self._update_summary()

    def export(self) -> Path | None:
        """Write the learner's answers to a JSON file and show where it is."""
        from casebook.quiz.export import build_export, write_export
        from casebook.quiz.handin import hand_in_if_configured, handin_html

        name = clean_text(self.name.value, MAX_NAME_CHARS).strip()
        if not name:
            self.export_status.value = (
                "<p>ⓘ Type your name first, so your teacher knows whose answers these are.</p>"
            )
            return None
        folder = self.export_dir if self.export_dir is not None else Path.cwd()
        export = build_export(self.quiz, self.states(), name)
        handed = hand_in_if_configured(export)
        try:
            path = write_export(export, folder)
        except UnreadableFile as exc:
            reason = escape(exc.problem.message)
            self.export_status.value = (
                f"<p>✘ Could not write the file in {escape(str(folder))}: {reason}</p>{handin_html(handed)}"
            )
            return None
        if handed is not None and handed.path is not None:
            self.export_status.value = (
                f"<p>✔ Handed in to your teacher, and saved a copy to <code>{escape(str(path))}</code>.</p>"
            )
            return path
        self.export_status.value = (
            f"<p>✔ Saved your answers to <code>{escape(str(path))}</code>. Hand in that file "
            f"(in JupyterLab: right-click it in the file browser, then Download).</p>{handin_html(handed)}"
        )
        return path

    # -- display -------------------------------------------------------------------------------------

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        data = dict(self.box._repr_mimebundle_(include=include, exclude=exclude) or {})
        data["text/html"] = quiz_html(self.quiz, self.transcript)
        data["text/plain"] = quiz_text(self.quiz, self.transcript)
        return data
