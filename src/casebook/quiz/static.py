"""Quizzes without widgets: the static view shown beside the widget, and printable pages.

- ``quiz_html`` and ``quiz_text``: the questions and choices, never the answers, for GitHub,
  nbviewer and HTML export, which cannot run widgets.
- ``handout_html``: a self-contained printable page (no CDN, no script) with room to answer.
- ``answer_key_html``: the same page with the right answers, per-option feedback and explanations.

Every piece of quiz text goes through ``safe_markdown`` (Markdown, raw HTML shown as text) or is
escaped, so a quiz file can never inject markup into a page.
"""

from __future__ import annotations

import html
import re
from typing import Any

from casebook.quiz.answers import right_answer_lines, verdict_key_lines
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
    VerdictQuestion,
)
from casebook.quiz.passages import BRIEFING, TranscriptLike, loaded_or_none, resolve
from casebook.quiz.safe_markdown import escape, markdown_html
from casebook.quiz.shuffling import choice_order
from casebook.quiz.verdict import Reveal

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

TYPE_NAMES = {
    "single": "Choose one",
    "multiple": "Choose all that apply",
    "numeric": "Give a number",
    "text": "Give a short answer",
    "order": "Put in order",
    "match": "Match",
    "evidence": "Find the evidence",
    "reflection": "Reflect (not graded)",
    "verdict": "Predict, then reveal",
}

PAGE_CSS = """
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.1rem; margin-bottom: .25rem; }
.question { border-top: 1px solid #767676; padding: .5rem 0 1rem; break-inside: avoid; }
.kind { color: #4a4a4a; font-size: .9rem; margin: 0; }
ol.choices { list-style: none; padding-left: 0; } ol.choices li { margin: .35rem 0; }
.box { display: inline-block; min-width: 1.6rem; font-weight: bold; }
.answer-line { border-bottom: 1px solid #1a1a1a; height: 2rem; margin: .5rem 0; }
.claim { border-left: 4px solid #4a4a4a; margin: .5rem 0; padding: .25rem .75rem; }
.right { color: #006400; font-weight: bold; }
.feedback { color: #333; font-style: italic; margin-left: 1.6rem; }
.explanation { background: #f2f2f2; padding: .5rem .75rem; }
.meta { color: #4a4a4a; font-size: .9rem; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
"""


def _passage_html(option_ref: Any, transcript: TranscriptLike | None) -> str:
    passage = resolve(option_ref, transcript)
    text = (
        escape(passage.text) if passage.text is not None else "<em>(the transcript could not be loaded)</em>"
    )
    return f"<strong>{escape(passage.label())}</strong>: {text}"


def _choices(question: Question, key: str, transcript: TranscriptLike | None, answers: bool) -> str:
    """The choices of a question as an HTML list, lettered in display order."""
    order = choice_order(key, question)
    items: list[str] = []
    if isinstance(question, (SingleQuestion, MultipleQuestion, EvidenceQuestion)):
        mark = "○" if not isinstance(question, MultipleQuestion) else "☐"
        for place, index in enumerate(order):
            option = question.options[index]
            if isinstance(question, EvidenceQuestion):
                body = _passage_html(question.options[index].ref, transcript)
            else:
                body = escape(question.options[index].text)
            line = f"<span class='box'>{mark} {LETTERS[place]}</span> {body}"
            if answers:
                if option.correct:
                    line += " <span class='right'>✔ right</span>"
                if option.feedback:
                    line += f"<div class='feedback'>{escape(option.feedback)}</div>"
            items.append(f"<li>{line}</li>")
        return f"<ol class='choices'>{''.join(items)}</ol>"
    if isinstance(question, VerdictQuestion):
        for place, index in enumerate(order):
            choice = question.options[index]
            items.append(
                f"<li><span class='box'>○ {LETTERS[place]}</span> <strong>{escape(choice.label)}</strong>"
                f" ({escape(choice.code)}): {escape(choice.meaning)}</li>"
            )
        return f"<ol class='choices'>{''.join(items)}</ol>"
    if isinstance(question, OrderQuestion):
        for place, index in enumerate(order):
            items.append(
                f"<li><span class='box'>___ {LETTERS[place]}</span> {escape(question.items[index])}</li>"
            )
        return "<p>Number the items from 1 (first):</p>" + f"<ol class='choices'>{''.join(items)}</ol>"
    if isinstance(question, MatchQuestion):
        terms = "".join(
            f"<li><span class='box'>{n}.</span> {escape(term)} → ___</li>"
            for n, term in enumerate(question.terms, start=1)
        )
        definitions = "".join(
            f"<li><span class='box'>{LETTERS[place]}</span> {escape(question.definitions[index])}</li>"
            for place, index in enumerate(order)
        )
        return (
            f"<p>Terms:</p><ol class='choices'>{terms}</ol>"
            f"<p>Definitions (one is not needed if there are more definitions than terms):</p>"
            f"<ol class='choices'>{definitions}</ol>"
        )
    return ""


def _answer_space(question: Question) -> str:
    if isinstance(question, NumericQuestion):
        unit = f" {escape(question.unit)}" if question.unit else ""
        return f"<p>Answer: ____________{unit}</p>"
    if isinstance(question, TextQuestion):
        return "<div class='answer-line'></div>"
    if isinstance(question, VerdictQuestion):
        return (
            f"<p class='meta'>Your reason (at least {question.min_words} words), written before you "
            "look at the kit's verdict:</p>" + "<div class='answer-line'></div>" * 3
        )
    if isinstance(question, ReflectionQuestion):
        words = f" (about {question.min_words} words)" if question.min_words else ""
        return f"<p class='meta'>Write your reflection{words}:</p>" + "<div class='answer-line'></div>" * 5
    return ""


def _letters_line(question: Question, key: str) -> str:
    """For marking paper handouts: the right order, or the right matches, in the handout's letters."""
    letter = {index: LETTERS[place] for place, index in enumerate(choice_order(key, question))}
    if isinstance(question, OrderQuestion):
        return (
            "<p>In the handout's letters: "
            + ", ".join(letter[i] for i in range(len(question.items)))
            + "</p>"
        )
    if isinstance(question, MatchQuestion):
        pairs = ", ".join(f"{n} → {letter[n - 1]}" for n in range(1, len(question.pairs) + 1))
        return f"<p>In the handout's numbers and letters: {pairs}</p>"
    return ""


def _key_html(question: Question, quiz: Quiz, transcript: TranscriptLike | None) -> str:
    parts: list[str] = []
    key = quiz.shuffle_key()
    if isinstance(question, VerdictQuestion):
        whose, lines = verdict_key_lines(question, quiz.source)
        parts.append(
            f"<p><span class='right'>The {whose}'s verdict</span> (a prediction is not marked against it; "
            "every committed verdict with a reason earns the question's points):</p><ul>"
            + "".join(f"<li>{escape(line)}</li>" for line in lines)
            + "</ul>"
        )
    elif not isinstance(question, (SingleQuestion, MultipleQuestion, EvidenceQuestion, ReflectionQuestion)):
        lines = right_answer_lines(question, transcript)
        parts.append(
            "<p><span class='right'>✔ Answer:</span></p><ul>"
            + "".join(f"<li>{escape(line)}</li>" for line in lines)
            + "</ul>"
            + _letters_line(question, key)
        )
    if isinstance(question, TextQuestion) and question.wrong:
        parts.append(
            "<p>Expected wrong answers:</p><ul>"
            + "".join(f"<li>{escape(w.answer)}: <em>{escape(w.feedback)}</em></li>" for w in question.wrong)
            + "</ul>"
        )
    if question.hints:
        parts.append(
            "<p>Hints, in order:</p><ol>" + "".join(f"<li>{escape(h)}</li>" for h in question.hints) + "</ol>"
        )
    if question.explanation:
        parts.append(
            "<div class='explanation'><strong>Explanation.</strong> "
            f"{markdown_html(question.explanation)}</div>"
        )
    return "".join(parts)


def verdict_claim_html(question: VerdictQuestion) -> str:
    """The claim a verdict question is about, and the briefing's own words: never the kit's verdict."""
    return (
        f"<p class='claim'><strong>Claim {escape(question.claim)}:</strong> {escape(question.claim_text)}"
        f"<br><strong>The briefing's words:</strong> \u201c{escape(question.quote)}\u201d</p>"
        "<p>Which verdict would you give? Choose one and write why, before you see the kit's.</p>"
    )


def verdict_reveal_html(reveal: Reveal) -> str:
    """The reveal after a learner commits: their verdict beside the kit's, one sentence on where they
    differ, what the sources say, and each source with who is behind it (escaped throughout)."""
    whose = "the case's" if reveal.whose == "case" else "the kit's"
    rows = (
        f"<tr><th scope='row'>Your verdict</th><td>{escape(reveal.mine_label)}</td>"
        f"<td>{escape(reveal.reason)}</td></tr>"
        f"<tr><th scope='row'>{whose.capitalize()} verdict</th>"
        f"<td>{escape(reveal.kit_label or 'none yet')}</td>"
        f"<td>{escape(reveal.detail or reveal.sources_say)}</td></tr>"
    )
    parts = [
        "<div class='casebook-reveal'>",
        f"<p><strong>{escape(reveal.difference)}</strong></p>",
        f"<table class='casebook-reveal-table'><caption>Your verdict beside {whose}, on claim "
        f"{escape(reveal.claim_id)}</caption><thead><tr><th scope='col'>Whose</th>"
        f"<th scope='col'>Verdict</th><th scope='col'>Why</th></tr></thead><tbody>{rows}</tbody></table>",
        f"<p><strong>What the sources say.</strong> {escape(reveal.sources_say or 'nothing yet')}</p>",
    ]
    if reveal.note:
        parts.append(f"<p><strong>What is uncertain.</strong> {escape(reveal.note)}</p>")
    if reveal.sources:
        items = "".join(
            f"<li>[{escape(s.id)}] {escape(s.publisher)} ({escape(s.publisher_type)}): {escape(s.title)}"
            + (f" <code>{escape(s.url)}</code>" if s.url else "")
            + "</li>"
            for s in reveal.sources
        )
        parts.append(f"<p><strong>The sources, with who is behind each:</strong></p><ul>{items}</ul>")
    elif reveal.whose == "case":
        if not reveal.sources_say:
            parts.append("<p>The case's claims.csv names no source for this claim yet.</p>")
    else:
        parts.append("<p>The kit checked no independent source for this claim.</p>")
    if reveal.unknown_sources:
        missing = escape(", ".join(reveal.unknown_sources))
        parts.append(f"<p class='casebook-note'>Not in sources.csv: {missing}</p>")
    parts.append("</div>")
    return "".join(parts)


def question_html(
    quiz: Quiz, question: Question, number: int, transcript: TranscriptLike | None, mode: str
) -> str:
    """One question as an HTML section; ``mode`` is "view", "handout" or "key"."""
    points = (
        "" if not question.graded else f" · {question.points:g} point{'s' if question.points != 1 else ''}"
    )
    head = (
        f"<h2>Question {number}</h2><p class='kind'>{TYPE_NAMES[question.type]}{points}</p>"
        f"{markdown_html(question.prompt)}"
    )
    if isinstance(question, EvidenceQuestion):
        verb = "supports" if question.stance == "supports" else "contradicts"
        head += f"<p class='claim'><strong>Claim:</strong> {escape(question.claim)}</p>"
        head += f"<p>Which passage {verb} the claim?</p>"
    if isinstance(question, VerdictQuestion):
        head += verdict_claim_html(question)
    body = _choices(question, quiz.shuffle_key(), transcript, answers=mode == "key")
    if mode != "view":
        body += _answer_space(question) if mode == "handout" else ""
    if mode == "key":
        body += _key_html(question, quiz, transcript)
    return f"<section class='question'>{head}{body}</section>"


def quiz_html(quiz: Quiz, transcript: TranscriptLike | None = BRIEFING) -> str:
    """The quiz as a static HTML fragment with its questions and choices, without any answer."""
    transcript = loaded_or_none(transcript)
    intro = markdown_html(quiz.intro) if quiz.intro else ""
    questions = "".join(
        question_html(quiz, q, n, transcript, "view") for n, q in enumerate(quiz.questions, start=1)
    )
    return (
        f"<div class='casebook-quiz-static'><h2>{escape(quiz.title)}</h2>{intro}"
        "<p class='meta'><em>This is the quiz as text. Open the notebook in JupyterLab to answer it "
        "and get feedback.</em></p>"
        f"{questions}</div>"
    )


def quiz_text(quiz: Quiz, transcript: TranscriptLike | None = BRIEFING) -> str:
    """The quiz as plain text: title, questions and lettered choices, without any answer."""
    transcript = loaded_or_none(transcript)
    key = quiz.shuffle_key()
    lines = [quiz.title, "=" * len(quiz.title)]
    if quiz.intro:
        lines += [quiz.intro.strip(), ""]
    for number, question in enumerate(quiz.questions, start=1):
        lines += ["", f"{number}. [{TYPE_NAMES[question.type]}] {question.prompt.strip()}"]
        order = choice_order(key, question)
        if isinstance(question, EvidenceQuestion):
            lines.append(f"   Claim: {question.claim} (find the passage that {question.stance} it)")
            lines += [
                f"   {LETTERS[p]}. {resolve(question.options[i].ref, transcript).display()}"
                for p, i in enumerate(order)
            ]
        elif isinstance(question, (SingleQuestion, MultipleQuestion)):
            lines += [f"   {LETTERS[p]}. {question.options[i].text}" for p, i in enumerate(order)]
        elif isinstance(question, VerdictQuestion):
            lines.append(f"   Claim {question.claim}: {question.claim_text}")
            lines.append(f"   The briefing's words: \u201c{question.quote}\u201d")
            lines += [
                f"   {LETTERS[p]}. {question.options[i].label} ({question.options[i].code}): "
                f"{question.options[i].meaning}"
                for p, i in enumerate(order)
            ]
            lines.append("   Choose one verdict and write your reason.")
        elif isinstance(question, OrderQuestion):
            lines += [f"   {LETTERS[p]}. {question.items[i]}" for p, i in enumerate(order)]
        elif isinstance(question, MatchQuestion):
            lines += [f"   {n}. {term}" for n, term in enumerate(question.terms, start=1)]
            lines += [f"   {LETTERS[p]}. {question.definitions[i]}" for p, i in enumerate(order)]
        elif isinstance(question, NumericQuestion) and question.unit:
            lines.append(f"   (answer in {question.unit})")
    lines += ["", "(Open this notebook in JupyterLab to answer the quiz and get feedback.)"]
    return "\n".join(lines)


def _page(quiz: Quiz, transcript: TranscriptLike | None, mode: str) -> str:
    transcript = loaded_or_none(transcript)
    label = "Answer key" if mode == "key" else "Questions"
    intro = markdown_html(quiz.intro) if quiz.intro and mode == "handout" else ""
    name_line = "<p>Name: ______________________ Date: ____________</p>" if mode == "handout" else ""
    total = f"{quiz.max_points:g} point{'s' if quiz.max_points != 1 else ''}"
    questions = "".join(
        question_html(quiz, q, n, transcript, mode) for n, q in enumerate(quiz.questions, start=1)
    )
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(quiz.title)}: {label.lower()}</title><style>{PAGE_CSS}</style></head><body>"
        f"<header><h1>{escape(quiz.title)}</h1><p class='meta'>{label} · quiz {escape(quiz.id)} · "
        f"{len(quiz.questions)} questions · {total}</p>{name_line}</header>"
        f"<main>{intro}{questions}{cited_sources_html(questions)}</main></body></html>\n"
    )


_NUMBERED_LINK = re.compile(r"<a href=\"(https?://[^\"<>]+)\">(\d{1,3})</a>")


def cited_sources_html(page: str) -> str:
    """For a printed page: each numbered citation link of ``page`` (``[<a href=url>6</a>]``, the lesson's
    source numbers) with its address written out, in number order; "" when the page cites nothing."""
    cited = {int(number): html.unescape(url) for url, number in _NUMBERED_LINK.findall(page)}
    if not cited:
        return ""
    items = "".join(f"<li>[{n}] <code>{escape(cited[n])}</code></li>" for n in sorted(cited))
    return (
        "<section class='sources'><h2>Sources cited</h2><p>The numbers are those of the lesson's "
        f"Sources list.</p><ul>{items}</ul></section>"
    )


def handout_html(quiz: Quiz, transcript: TranscriptLike | None = BRIEFING) -> str:
    """A printable, self-contained page of the questions with room to answer, without answers."""
    return _page(quiz, transcript, "handout")


def answer_key_html(quiz: Quiz, transcript: TranscriptLike | None = BRIEFING) -> str:
    """A printable, self-contained answer key: right answers, option feedback, hints, explanations."""
    return _page(quiz, transcript, "key")
