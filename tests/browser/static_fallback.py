"""Export executed notebooks to HTML with nbconvert, and check a quiz's static view in that HTML.

Where widgets cannot run (an HTML export, GitHub, nbviewer) a quiz must still show its questions and
must never give its answers away. ``static_problems`` checks both against the quiz's YAML file. It is
pure; ``export_html`` runs a notebook in a fresh kernel and exports it, as a teacher would.
"""

from __future__ import annotations

import copy as copy_module
import difflib
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from tests.browser.quiz_answers import plain_text

BLOCKS = {
    "p",
    "div",
    "li",
    "ol",
    "ul",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "section",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "label",
    "fieldset",
    "legend",
}


class _VisibleText(HTMLParser):
    """The text a reader sees: everything outside <script> and <style>, blocks apart, inline runs joined."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        elif tag in BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1
        elif tag in BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The page's visible words with spaces collapsed."""
    parser = _VisibleText()
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


def _public_texts(quiz: dict[str, Any]) -> list[str]:
    """Everything a quiz shows before any answer: titles, prompts, options, items, terms, claims."""
    texts = [str(quiz.get("title", "")), str(quiz.get("intro", ""))]
    for q in quiz.get("questions") or []:
        texts += [str(q.get("prompt", "")), str(q.get("claim", "")), str(q.get("unit", ""))]
        texts += [str(o.get("text", "")) for o in q.get("options") or [] if "text" in o]
        texts += [str(item) for item in q.get("items") or []]
        for pair in q.get("pairs") or []:
            texts += [str(pair.get("term", "")), str(pair.get("definition", ""))]
        texts += [str(d) for d in q.get("distractors") or []]
    return [plain_text(t) for t in texts if t.strip()]


def _secrets(question: dict[str, Any]) -> list[str]:
    """What only a learner who answered (or gave up) may see: answers, feedback, explanations."""
    found = [str(a) for a in question.get("accept") or []]
    if "answer" in question:
        found.append(str(question["answer"]))
    found += [str(o["feedback"]) for o in question.get("options") or [] if o.get("feedback")]
    found += [str(w["feedback"]) for w in question.get("wrong") or [] if w.get("feedback")]
    if question.get("explanation"):
        found.append(str(question["explanation"]))
    return [plain_text(s) for s in found if str(s).strip()]


def _contains(text: str, fragment: str) -> bool:
    return fragment.casefold() in text.casefold()


def static_problems(html: str, quiz_file: Path) -> list[str]:
    """What is wrong with a quiz's static view in ``html``: a question that cannot be read, or an
    answer, feedback or explanation that can. Empty when the view is right."""
    quiz = yaml.safe_load(quiz_file.read_text(encoding="utf-8")) or {}
    text = visible_text(html)
    public = _public_texts(quiz)
    problems = []
    if re.search(r"data-correct|correct\s*:\s*true|\"correct\"\s*:\s*true", html, re.IGNORECASE):
        problems.append(f"{quiz_file.name}: the HTML marks which option is correct")
    for q in quiz.get("questions") or []:
        qid = q.get("id")
        prompt = plain_text(str(q.get("prompt", "")))
        if prompt and prompt not in text:
            problems.append(f"{quiz_file.name}, question '{qid}': the prompt is not readable in the HTML")
        for secret in _secrets(q):
            if re.fullmatch(r"[\d.,]+", secret) or any(_contains(p, secret) for p in public):
                continue  # a bare number is everywhere (see answers_changed); or the quiz shows it anyway
            if _contains(text, secret) or _contains(html, secret):
                problems.append(f"{quiz_file.name}, question '{qid}': the HTML gives away {secret[:60]!r}")
    return problems


SENTINEL = "zq-sentinel"


def replace_answers(quiz: dict[str, Any]) -> dict[str, Any]:
    """A copy of a quiz (as YAML data) with every answer, feedback and explanation replaced.

    Its static view must be the same as the original's: whatever differs came from an answer.
    The options, items and pairs are kept (they are shown anyway), and so is which option is correct
    (``static_problems`` looks for correctness markers).
    """
    copy = copy_module.deepcopy(quiz)
    for n, q in enumerate(copy.get("questions") or []):
        if "answer" in q:
            q["answer"] = float(q["answer"]) + 7919.5
        if "range" in q:
            q["range"] = [float(q["range"][0]) + 7919.5, float(q["range"][1]) + 7919.5]
        if q.get("accept"):
            q["accept"] = [f"{SENTINEL} accepted {n} {i}" for i in range(len(q["accept"]))]
        if q.get("pattern"):
            q["pattern"] = f"^{SENTINEL}"
        if q.get("explanation"):
            q["explanation"] = f"{SENTINEL} explanation {n}"
        for i, option in enumerate(q.get("options") or []):
            if option.get("feedback"):
                option["feedback"] = f"{SENTINEL} feedback {n} {i}"
        for i, wrong in enumerate(q.get("wrong") or []):
            if wrong.get("feedback"):
                wrong["feedback"] = f"{SENTINEL} wrong feedback {n} {i}"
    return copy


def answers_changed(original: str, replaced: str) -> list[str]:
    """Where two static views (the quiz's, and the one with its answers replaced) differ: one line
    per difference, empty when the view does not depend on the answers."""
    if original == replaced:
        return []
    problems = []
    old, new = visible_text(original), visible_text(replaced)
    where = "the HTML's visible text" if old != new else "the HTML's markup"
    a, b = (old, new) if old != new else (original, replaced)
    words_a, words_b = re.findall(r"[\w.,'-]+|\S", a), re.findall(r"[\w.,'-]+|\S", b)
    matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            before, after = " ".join(words_a[i1:i2])[:60], " ".join(words_b[j1:j2])[:60]
            problems.append(f"{where} changes with the answers: {before!r} became {after!r}")
    return problems[:5]


def export_html(notebook: Path, timeout: int = 300) -> str:
    """Run ``notebook`` top to bottom in a fresh kernel (in its own folder) and export it to HTML.

    The widget state is not stored, as JupyterLab saves a notebook by default: nbconvert then shows
    each widget output's static text/html. (With the state stored, as ``jupyter nbconvert --execute``
    does by default, nbconvert shows a placeholder that needs the widget JavaScript from a CDN.)
    """
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    nb = nbformat.read(notebook, as_version=4)
    NotebookClient(
        nb,
        timeout=timeout,
        store_widget_state=False,
        resources={"metadata": {"path": str(notebook.parent)}},
    ).execute()
    body, _resources = HTMLExporter().from_notebook_node(nb)
    return body
