"""One quiz question as a single widget model, drawn in the browser by ``question_widget.js``.

One model per question (not one per label, box and button) keeps a ten-question quiz quick to build,
and lets the browser send the learner's answer inside the Check message itself: with separate
ipywidgets a slow kernel could grade a text box's older value, because ipywidgets holds back a
model's later updates until the kernel answers the earlier ones, while a button click goes at once.

The kernel owns the rules (``QuestionPanel`` in ``widgets``); this class only carries what the
browser shows (traits) and hands on what the learner did (``on_event``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anywidget
import traitlets

ESM = Path(__file__).with_name("question_widget.js").read_text(encoding="utf-8")

EVENTS = ("answer", "check", "hint", "reveal")


class QuestionWidget(anywidget.AnyWidget):
    """What the browser shows for one question, and the events it sends back.

    ``kind`` is one of ``choice`` (radio buttons), ``multiple`` (checkboxes), ``text`` (a text box),
    ``textarea``, ``order`` (a drop-down per place), ``match`` (a drop-down per term) and ``verdict``
    (radio buttons valued by verdict code, and a reason's text area). ``value`` is the answer the
    controls hold; the browser redraws its controls from it only when ``revision`` changes (the
    kernel restored or cleared the answer), so echoes of the learner's own typing never overwrite
    what they are typing.
    """

    _esm = ESM

    question_id = traitlets.Unicode("").tag(sync=True)
    kind = traitlets.Unicode("choice").tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)
    placeholder = traitlets.Unicode("").tag(sync=True)
    options = traitlets.List(traitlets.Dict()).tag(sync=True)
    menu_labels = traitlets.List(traitlets.Unicode()).tag(sync=True)
    value = traitlets.Any(None).tag(sync=True)
    revision = traitlets.Int(0).tag(sync=True)

    header_html = traitlets.Unicode("").tag(sync=True)
    hints_html = traitlets.Unicode("").tag(sync=True)
    feedback_html = traitlets.Unicode("").tag(sync=True)
    answer_html = traitlets.Unicode("").tag(sync=True)

    submit_label = traitlets.Unicode("Check").tag(sync=True)
    submit_tooltip = traitlets.Unicode("Check your answer").tag(sync=True)
    hint_label = traitlets.Unicode("Hint").tag(sync=True)
    graded = traitlets.Bool(True).tag(sync=True)
    has_hints = traitlets.Bool(False).tag(sync=True)
    locked = traitlets.Bool(False).tag(sync=True)
    hint_disabled = traitlets.Bool(False).tag(sync=True)
    reveal_disabled = traitlets.Bool(False).tag(sync=True)

    def __init__(self, on_event: Callable[[str, Any], None], **traits: Any):
        super().__init__(**traits)
        self._on_event = on_event
        self.on_msg(self._received)

    def _received(self, _widget: Any, content: Any, _buffers: Any) -> None:
        """A message from the browser: pass on known events; ignore anything else."""
        if isinstance(content, dict) and content.get("event") in EVENTS:
            self._on_event(str(content["event"]), content.get("value"))

    def show_value(self, value: Any) -> None:
        """Put ``value`` into the controls on screen (a restore or a reset)."""
        with self.hold_sync():
            self.value = value
            self.revision += 1

    def keep_draft(self, value: Any) -> None:
        """Hold ``value``, the draft the browser sent, as the controls' answer without sending it
        back: the page shows it already, so an echo would be one more message for nothing. (The
        property lock is how ipywidgets itself takes a value from the browser without an echo.)
        A new view of the widget (the page reopened) still gets it with the model's state."""
        with self._lock_property(value=json.loads(json.dumps(value))):
            self.value = value
