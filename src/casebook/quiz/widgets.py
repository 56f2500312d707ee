"""The quiz in JupyterLab: ipywidgets for every question type, sharing one question panel.

Each ``build_<type>`` function makes the type's controls (a ``Controls`` object: the widget, and
the answer it holds); ``QuestionPanel`` wraps any of them with the prompt, the Check / Hint / Show
answer buttons, the hints, the feedback and the explanation; ``QuizView`` adds the score summary,
reset and export, saves every change in the progress store, and carries a static text/html and
text/plain version of the quiz for places that cannot run widgets.

Every rule (grading, attempts, hints, reveal) lives in ``grading`` and ``state``: this module only
shows their results. Stable CSS classes for browser tests: casebook-quiz, casebook-question,
casebook-q-<id>, casebook-submit, casebook-feedback, casebook-hint, casebook-show-answer,
casebook-reset, casebook-export, casebook-score.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

from casebook.quiz import state as rules
from casebook.quiz.answers import right_answer_lines
from casebook.quiz.grading import Result, grade
from casebook.quiz.model import (
    EvidenceQuestion,
    MatchQuestion,
    MultipleQuestion,
    NumericQuestion,
    OrderQuestion,
    Question,
    Quiz,
    ReflectionQuestion,
    SingleQuestion,
    TextQuestion,
)
from casebook.quiz.passages import BRIEFING, loaded_or_none, resolve
from casebook.quiz.progress import ProgressStore
from casebook.quiz.safe_markdown import escape, markdown_html, markdown_inline
from casebook.quiz.shuffling import choice_order
from casebook.quiz.static import TYPE_NAMES, quiz_html, quiz_text

# Shipped once per quiz in its header. Targets at least 24x24 px (WCAG 2.2 target size), labels that
# wrap, a visible focus ring, and feedback colours of at least 4.5:1 on white; every state also has a
# word and a symbol, so colour is never the only signal.
QUIZ_CSS = """<style>
.casebook-quiz { max-width: 52rem; box-sizing: border-box; }
.casebook-quiz .widget-html, .casebook-quiz .widget-box { max-width: 100%; box-sizing: border-box; }
.casebook-quiz .widget-html-content { overflow-wrap: anywhere; }
.casebook-quiz .casebook-question { border-top: 1px solid #767676; padding: .5rem 0 .75rem; }
.casebook-quiz .widget-radio-box label, .casebook-quiz .widget-checkbox label.widget-label-basic {
  display: flex; align-items: flex-start; gap: .5rem; white-space: normal; line-height: 1.4;
  min-height: 24px; margin: .2rem 0; width: auto; }
.casebook-quiz .widget-radio-box input[type=radio],
.casebook-quiz .widget-checkbox input[type=checkbox] {
  order: -1; flex: none; width: 24px; height: 24px; margin: 0; float: none; }
.casebook-quiz .widget-checkbox, .casebook-quiz .widget-radio { height: auto; width: 100%; }
.casebook-quiz .jupyter-button { min-height: 32px; min-width: 44px; }
.casebook-quiz select, .casebook-quiz input[type=text] { min-height: 28px; }
.casebook-quiz .widget-dropdown { flex-wrap: wrap; height: auto; row-gap: .25rem; }
.casebook-quiz .widget-dropdown > label { white-space: normal; max-width: 100%; }
.casebook-quiz .widget-dropdown > select { flex: 1 1 16rem; min-width: min(16rem, 100%); }
.casebook-quiz :focus-visible { outline: 3px solid #005fcc; outline-offset: 2px; }
.casebook-quiz .casebook-fb-correct { color: #006400; }
.casebook-quiz .casebook-fb-incorrect { color: #b00020; }
.casebook-quiz .casebook-fb-partial { color: #7a4500; }
.casebook-quiz .casebook-fb-invalid, .casebook-quiz .casebook-fb-saved { color: #1a1a1a; }
.casebook-quiz .casebook-claim { border-left: 4px solid #4a4a4a; padding: .25rem .75rem; }
.casebook-quiz .casebook-note { color: #4a4a4a; }
</style>"""


class Shared:
    """Layouts and styles that every widget of one quiz shares. Each is a widget model of its own:
    sharing them keeps a ten-question quiz at about a hundred models instead of several hundred."""

    def __init__(self) -> None:
        self.full = widgets.Layout(width="auto")
        self.plain = widgets.Layout(width="auto")
        self.html = HTMLStyle()
        self.button = widgets.ButtonStyle()
        self.labelled = DescriptionStyle(description_width="initial")
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
            description=description, icon=icon, tooltip=tooltip, layout=self.plain, style=self.button
        )
        if css_class:
            button.add_class(css_class)
        return button


# ---------------------------------------------------------------------------------------------------
# Controls: one class per kind of input, one builder per question type


class Controls:
    """A question type's input controls: the widget, and the answer it holds."""

    def __init__(self, widget: widgets.Widget, focusables: list[widgets.Widget]):
        self.widget = widget
        self.focusables = focusables
        self.on_submit: Callable[[], None] | None = None

    def value(self) -> Any:
        """The learner's current answer (``model`` describes its shape for each type)."""
        raise NotImplementedError

    def set_value(self, answer: Any) -> None:
        """Show a saved answer (one that does not fit is ignored)."""
        raise NotImplementedError

    def clear(self) -> None:
        """Empty the controls, as before any answer."""
        raise NotImplementedError

    def set_disabled(self, disabled: bool) -> None:
        """Lock or unlock the controls."""
        for widget in self.focusables:
            widget.disabled = disabled

    def submit_on_enter(self, text: widgets.Text) -> None:
        """Pressing Enter in this text box checks the answer (the front end sends a "submit" event)."""

        def handle(_widget: Any, content: dict[str, Any], _buffers: Any) -> None:
            if isinstance(content, dict) and content.get("event") == "submit" and self.on_submit is not None:
                self.on_submit()

        text.on_msg(handle)


class ChoiceControls(Controls):
    """Radio buttons, one per option (single, evidence); each option's text is its label."""

    def __init__(self, labels: list[str], order: list[int], shared: Shared):
        self.radio = widgets.RadioButtons(
            options=[(labels[i], i) for i in order], value=None, layout=shared.full, style=shared.labelled
        )
        super().__init__(self.radio, [self.radio])

    def value(self) -> Any:
        return self.radio.value

    def set_value(self, answer: Any) -> None:
        if answer in [value for _, value in self.radio.options]:
            self.radio.value = answer

    def clear(self) -> None:
        self.radio.value = None


class MultipleControls(Controls):
    """One labelled checkbox per option."""

    def __init__(self, labels: list[str], order: list[int], shared: Shared):
        self.boxes = {
            i: widgets.Checkbox(value=False, description=labels[i], indent=False, layout=shared.full)
            for i in order
        }
        super().__init__(
            widgets.VBox(list(self.boxes.values()), layout=shared.full), list(self.boxes.values())
        )

    def value(self) -> Any:
        return sorted(i for i, box in self.boxes.items() if box.value)

    def set_value(self, answer: Any) -> None:
        chosen = set(answer) if isinstance(answer, list) else set()
        for i, box in self.boxes.items():
            box.value = i in chosen

    def clear(self) -> None:
        self.set_value([])


class TextControls(Controls):
    """One labelled text box (numeric and text questions); Enter checks the answer."""

    def __init__(self, description: str, placeholder: str, shared: Shared):
        self.text = widgets.Text(
            value="",
            description=description,
            placeholder=placeholder,
            style=shared.text,
            layout=widgets.Layout(width="32rem", max_width="100%"),
        )
        super().__init__(self.text, [self.text])
        self.submit_on_enter(self.text)

    def value(self) -> Any:
        return self.text.value

    def set_value(self, answer: Any) -> None:
        self.text.value = answer if isinstance(answer, str) else str(answer)

    def clear(self) -> None:
        self.text.value = ""


class ReflectionControls(Controls):
    """A labelled text area."""

    def __init__(self, min_words: int | None, shared: Shared):
        aim = f" (about {min_words} words)" if min_words else ""
        self.area = widgets.Textarea(
            value="", description=f"Your reflection{aim}", rows=5, style=shared.text, layout=shared.full
        )
        super().__init__(self.area, [self.area])

    def value(self) -> Any:
        return self.area.value

    def set_value(self, answer: Any) -> None:
        self.area.value = answer if isinstance(answer, str) else ""

    def clear(self) -> None:
        self.area.value = ""


class OrderControls(Controls):
    """One drop-down per place ("Place 1 (first)", "Place 2", ...), each listing every item.

    Choosing an item for a place swaps it with the item that held that place, so the list is always
    a complete order. Drop-downs work from the keyboard in JupyterLab (Space or Alt+Down opens one,
    then arrows and Enter), where a list box's arrow keys are taken by the notebook's shortcuts.
    """

    def __init__(self, items: tuple[str, ...], order: list[int], shared: Shared):
        self.items = items
        self.first_order = list(order)
        self.order = list(order)
        options = [(items[i], i) for i in order]
        last = len(items)
        self.places = [
            widgets.Dropdown(
                options=options,
                value=item,
                description=f"Place {n}" + (" (first)" if n == 1 else " (last)" if n == last else ""),
                style=shared.labelled,
                layout=shared.full,
            )
            for n, item in enumerate(order, start=1)
        ]
        self._syncing = False
        for place, menu in enumerate(self.places):
            menu.observe(lambda change, place=place: self._chosen(place, change["new"]), names="value")
        super().__init__(widgets.VBox(self.places, layout=shared.full), list(self.places))

    def _chosen(self, place: int, item: int) -> None:
        """An item was chosen for a place: swap it with the item that was there."""
        if self._syncing or item == self.order[place]:
            return
        other = self.order.index(item)
        self.order[place], self.order[other] = item, self.order[place]
        self._show()

    def _show(self) -> None:
        self._syncing = True
        try:
            for menu, item in zip(self.places, self.order, strict=True):
                menu.value = item
        finally:
            self._syncing = False

    def value(self) -> Any:
        return list(self.order)

    def set_value(self, answer: Any) -> None:
        if isinstance(answer, list) and sorted(answer) == list(range(len(self.items))):
            self.order = list(answer)
            self._show()

    def clear(self) -> None:
        self.set_value(self.first_order)


class MatchControls(Controls):
    """One drop-down per term, labelled with the term, listing every definition."""

    PROMPT = "Choose a definition…"
    NONE = -1  # the prompt's value (ipywidgets treats a None value as "nothing selected", shown blank)

    def __init__(
        self, terms: tuple[str, ...], definitions: tuple[str, ...], order: list[int], shared: Shared
    ):
        options = [(self.PROMPT, self.NONE)] + [(definitions[i], i) for i in order]
        self.menus = [
            widgets.Dropdown(
                options=options, value=self.NONE, description=term, style=shared.labelled, layout=shared.full
            )
            for term in terms
        ]
        super().__init__(widgets.VBox(self.menus, layout=shared.full), list(self.menus))

    def value(self) -> Any:
        return [None if menu.value == self.NONE else menu.value for menu in self.menus]

    def set_value(self, answer: Any) -> None:
        if isinstance(answer, list) and len(answer) == len(self.menus):
            for menu, chosen in zip(self.menus, answer, strict=True):
                chosen = self.NONE if chosen is None else chosen
                if chosen in [value for _, value in menu.options]:
                    menu.value = chosen

    def clear(self) -> None:
        for menu in self.menus:
            menu.value = self.NONE


def build_single(question: SingleQuestion, order: list[int], transcript: Any, shared: Shared) -> Controls:
    """Radio buttons, one per option."""
    return ChoiceControls([option.text for option in question.options], order, shared)


def build_multiple(question: MultipleQuestion, order: list[int], transcript: Any, shared: Shared) -> Controls:
    """A checkbox per option."""
    return MultipleControls([option.text for option in question.options], order, shared)


def build_numeric(question: NumericQuestion, order: list[int], transcript: Any, shared: Shared) -> Controls:
    """A text box for a number (typed as text, so any input gets feedback, never an error)."""
    unit = f" ({question.unit})" if question.unit else ""
    return TextControls(f"Your answer{unit}", "a number, such as 12 or 3.5", shared)


def build_text(question: TextQuestion, order: list[int], transcript: Any, shared: Shared) -> Controls:
    """A text box for a short answer."""
    return TextControls("Your answer", "a short answer", shared)


def build_order(question: OrderQuestion, order: list[int], transcript: Any, shared: Shared) -> Controls:
    """A drop-down per place."""
    return OrderControls(question.items, order, shared)


def build_match(question: MatchQuestion, order: list[int], transcript: Any, shared: Shared) -> Controls:
    """A drop-down per term."""
    return MatchControls(question.terms, question.definitions, order, shared)


def build_evidence(question: EvidenceQuestion, order: list[int], transcript: Any, shared: Shared) -> Controls:
    """Radio buttons, one per passage, each labelled with where it is, who spoke, and the words."""
    labels = [resolve(option.ref, transcript).display() for option in question.options]
    return ChoiceControls(labels, order, shared)


def build_reflection(
    question: ReflectionQuestion, order: list[int], transcript: Any, shared: Shared
) -> Controls:
    """A text area."""
    return ReflectionControls(question.min_words, shared)


BUILDERS: dict[str, Callable[[Any, list[int], Any, Shared], Controls]] = {
    "single": build_single,
    "multiple": build_multiple,
    "numeric": build_numeric,
    "text": build_text,
    "order": build_order,
    "match": build_match,
    "evidence": build_evidence,
    "reflection": build_reflection,
}


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

    ``on_change(panel)`` is called after every change the learner makes, to save it.
    """

    def __init__(
        self,
        quiz: Quiz,
        question: Question,
        number: int,
        transcript: Any,
        shared: Shared,
        on_change: Callable[[QuestionPanel], None],
    ):
        self.question = question
        self.transcript = transcript
        self.on_change = on_change
        self.state = rules.QuestionState()
        self.last_result: Result | None = None
        order = choice_order(quiz.shuffle_key(), question)
        self.controls = BUILDERS[question.type](question, order, transcript, shared)
        self.controls.on_submit = self.check

        graded = question.graded
        self.submit_button = shared.button_widget(
            "Check" if graded else "Save",
            "check" if graded else "floppy-o",
            "Check your answer" if graded else "Save your reflection",
            "casebook-submit",
        )
        self.submit_button.button_style = "primary"
        self.submit_button.on_click(lambda _button: self.check())
        self.hint_button = shared.button_widget("Hint", "lightbulb-o", "Show a hint", "casebook-hint")
        self.hint_button.on_click(lambda _button: self.hint())
        self.show_button = shared.button_widget(
            "Show answer", "eye", "Give up and see the answer and explanation", "casebook-show-answer"
        )
        self.show_button.on_click(lambda _button: self.give_up())
        buttons = [self.submit_button]
        buttons += [self.hint_button] if question.hints else []
        buttons += [self.show_button] if graded else []

        self.hints_area = shared.html_widget(css_class="casebook-hints")
        self.feedback = shared.html_widget(css_class="casebook-feedback")
        self.answer_area = shared.html_widget(css_class="casebook-answer")
        self.box = widgets.VBox(
            [
                shared.html_widget(self._header_html(number, len(quiz.questions))),
                self.controls.widget,
                widgets.HBox(buttons, layout=shared.plain),
                self.hints_area,
                self.feedback,
                self.answer_area,
            ],
            layout=shared.full,
        )
        self.box.add_class("casebook-question")
        self.box.add_class(f"casebook-q-{question.id}")

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
        return html

    # -- what the learner does ----------------------------------------------------------------------

    def check(self) -> None:
        """Grade what the controls hold, show the feedback, and save."""
        if self.state.finished and self.question.graded:
            return
        self.state, self.last_result = rules.submit(self.question, self.state, self.controls.value())
        self.refresh()
        if self.last_result.status != "invalid":
            self.on_change(self)

    def hint(self) -> None:
        """Show the next hint."""
        self.state = rules.show_hint(self.question, self.state)
        self.refresh()
        self.on_change(self)

    def give_up(self) -> None:
        """Show the answer and the explanation; the question takes no more submissions."""
        self.state = rules.reveal(self.state)
        self.refresh()
        self.on_change(self)

    # -- display -------------------------------------------------------------------------------------

    def restore(self, state: rules.QuestionState) -> None:
        """Show a state: its answer in the controls, its feedback, hints and explanation."""
        self.state = state
        if state.answer is None:
            self.controls.clear()
        else:
            self.controls.set_value(state.answer)
        self.last_result = grade(self.question, state.answer) if state.answered else None
        self.refresh()

    def refresh(self) -> None:
        """Bring every part of the panel in line with the state and the latest result."""
        question, state, result = self.question, self.state, self.last_result
        left = rules.attempts_left(question, state)
        note = ""
        if result is not None and left is not None and result.counts_as_attempt and not state.finished:
            note = f"<p>{left} attempt{'s' if left != 1 else ''} left.</p>"
        self.feedback.value = feedback_html(result, note)
        self.hints_area.value = "".join(
            f"<p><strong>Hint {n}:</strong> {markdown_inline(hint)}</p>"
            for n, hint in enumerate(question.hints[: state.hints], start=1)
        )
        remaining = len(question.hints) - state.hints
        self.hint_button.disabled = remaining == 0
        self.hint_button.description = "Hint" if remaining else "No more hints"
        self.answer_area.value = self._answer_html()
        locked = state.finished and question.graded
        self.controls.set_disabled(locked)
        self.submit_button.disabled = locked
        self.show_button.disabled = state.revealed

    def _answer_html(self) -> str:
        question, state = self.question, self.state
        parts: list[str] = []
        if state.revealed and question.graded:
            used_up = rules.attempts_left(question, state) == 0 and state.status != "correct"
            lines = "".join(
                f"<li>{escape(line)}</li>" for line in right_answer_lines(question, self.transcript)
            )
            parts.append(
                f"<p><strong>{'You used every attempt. ' if used_up else ''}The answer:</strong></p>"
            )
            parts.append(f"<ul>{lines}</ul>")
        if question.explanation and (state.revealed or state.status in ("correct", "saved")):
            parts.append(f"<div><strong>Explanation.</strong> {markdown_html(question.explanation)}</div>")
        return "".join(parts)


# ---------------------------------------------------------------------------------------------------
# The whole quiz


class QuizView:
    """A whole quiz on screen: its questions, a score summary, reset and export, saved as the learner
    goes. Displaying it (as a cell's last value, or with ``display()``) shows the widgets in JupyterLab
    and the static text/html and text/plain versions (no answers) wherever widgets cannot run."""

    def __init__(
        self, quiz: Quiz, store: ProgressStore, export_dir: Path | None = None, transcript: Any = BRIEFING
    ):
        self.quiz = quiz
        self.store = store
        self.export_dir = export_dir
        self.transcript = loaded_or_none(transcript)
        shared = Shared()
        self.notice = shared.html_widget(css_class="casebook-notice")
        self.panels = [
            QuestionPanel(quiz, question, number, self.transcript, shared, self._changed)
            for number, question in enumerate(quiz.questions, start=1)
        ]
        self.summary_text = shared.html_widget(css_class="casebook-score")
        self.bar = widgets.FloatProgress(
            value=0,
            min=0,
            max=max(quiz.max_points, 1),
            description="Score",
            style={"description_width": "initial"},
        )
        self.name = widgets.Text(
            description="Your name",
            placeholder="for your teacher",
            style=shared.text,
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
        footer = widgets.VBox(
            [
                self.summary_text,
                self.bar,
                widgets.HBox([self.name, self.export_button, self.reset_button], layout=shared.plain),
                self.export_status,
            ],
            layout=shared.full,
        )
        self.box = widgets.VBox(
            [header, self.notice, *[p.box for p in self.panels], footer], layout=shared.full
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

    def _save(self, action: Callable[[], None], what: str) -> None:
        try:
            action()
        except OSError as exc:
            self.store.warnings.append(
                f"{what} could not be saved ({exc.strerror or exc}); keep this tab open"
            )
        self._show_notices()

    def _changed(self, panel: QuestionPanel) -> None:
        self.confirming_reset = False
        self.reset_button.description = "Reset quiz"
        self._update_summary()
        self._save(lambda: self.store.save_answer(panel.question.id, panel.state.record()), "your answer")

    def _name_changed(self, change: dict[str, Any]) -> None:
        self._save(lambda: self.store.save_name(str(change["new"]).strip()[:200]), "your name")

    def states(self) -> dict[str, rules.QuestionState]:
        """Each question's current state, by question id."""
        return {panel.question.id: panel.state for panel in self.panels}

    def _update_summary(self) -> None:
        summary = rules.summarise(self.quiz, self.states())
        self.summary_text.value = f"<p><strong>{escape(summary.text())}</strong></p>"
        self.bar.value = summary.points

    # -- quiz buttons ----------------------------------------------------------------------------------

    def reset(self) -> None:
        """The first press asks for confirmation; the second erases every answer of this quiz."""
        if not self.confirming_reset:
            self.confirming_reset = True
            self.reset_button.description = "Press again to erase all answers"
            return
        self.confirming_reset = False
        self.reset_button.description = "Reset quiz"
        self._save(self.store.clear, "the reset")
        for panel in self.panels:
            panel.restore(rules.QuestionState())
        self._update_summary()

    def export(self) -> Path | None:
        """Write the learner's answers to a JSON file and show where it is."""
        from casebook.quiz.export import build_export, write_export

        name = self.name.value.strip()
        if not name:
            self.export_status.value = (
                "<p>ⓘ Type your name first, so your teacher knows whose answers these are.</p>"
            )
            return None
        folder = self.export_dir if self.export_dir is not None else Path.cwd()
        try:
            path = write_export(build_export(self.quiz, self.states(), name), folder)
        except OSError as exc:
            reason = escape(exc.strerror or str(exc))
            self.export_status.value = f"<p>✘ Could not write the file in {escape(str(folder))}: {reason}</p>"
            return None
        self.export_status.value = (
            f"<p>✔ Saved your answers to <code>{escape(str(path))}</code>. Hand in that file "
            "(in JupyterLab: right-click it in the file browser, then Download).</p>"
        )
        return path

    # -- display -------------------------------------------------------------------------------------

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        data = dict(self.box._repr_mimebundle_(include=include, exclude=exclude) or {})
        data["text/html"] = quiz_html(self.quiz, self.transcript)
        data["text/plain"] = quiz_text(self.quiz, self.transcript)
        return data
