"""Exchanges: each question of the Q&A with its answer, live or submitted, and who asked it.

How turns are grouped, in order:

- A **live** question starts at a questioner's turn (``QUESTION:``). Questioner turns in a row belong to
  one question (a journalist may be labelled twice, or come back in before the answer).
- A **submitted** question is read out by the moderator (or operator): a moderator turn directly
  followed by a briefer's turn, holding a question mark inside quotation marks, or a question mark and a
  word like "asks" or "writes". That moderator turn is the question; its quoted words are the question text.
- Briefer turns after a question are its answer, until the next question starts. A moderator turn
  between two answer turns ("Ambassador, are you still there?") belongs to the exchange; moderator turns
  before a question (the announcement) belong to the question they introduce; moderator turns after the
  last answer (the closing) belong to no exchange. Briefer turns before the first question (opening
  remarks) belong to no exchange either.
- The questioner's name and outlet come from the announcement: the moderator turns just before a live
  question, or the submitted question's own turn before its quotation. Names are two to four capitalised
  words after "question from", a colon ("live question: Alex Raufoglu"), "line of", "go to" or "from";
  the outlet is what follows "from", "of", "with" or "at" up to the next punctuation, as printed
  ("Direkt36 in Hungary").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from casebook.transcript.model import Exchange, Turn
from casebook.transcript.quotes import find_quotes
from casebook.transcript.segment import normalize

_TRIGGER = re.compile(
    r"(?:\bquestions?\s+(?:now\s+|comes\s+|coming\s+)?from|:|\bline\s+of|\bgo\s+to|"
    r"\bgoing\s+to|\bturn\s+to|\bhear\s+from|\bfrom)\s+",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(r"[^\s,.:;?!“”\"()]+(?:\.(?=\s))?")
_OUTLET = re.compile(r"\s*,?\s+(?:from|of|with|at)\s+(?P<outlet>[^.:;,?!“”\"()\n]{1,60})")
_GAP = re.compile(r"[ \t\xa0]+")
_ASKS = re.compile(r"\b(?:asks?|asked|asking|writes|wrote|wants\s+to\s+know|submitted)\b", re.IGNORECASE)
_OPENING_QUOTE = re.compile('[“"]')


def _name_after(text: str, pos: int) -> tuple[list[str], int, bool]:
    """Up to four capitalised words from ``pos``: (words, end offset, whether a full stop closed them)."""
    words: list[str] = []
    end = pos
    while len(words) < 4:
        token = _NAME_TOKEN.match(text, pos)
        if not token or not token.group()[0].isupper():
            break
        word = token.group()
        end = token.end()
        if word.endswith(".") and len(word) > 2:
            words.append(word[:-1])  # "Jakubowskaja." ends the sentence ("R." would be an initial)
            return words, end, True
        words.append(word)
        gap = _GAP.match(text, end)
        if not gap:
            break
        pos = gap.end()
    return words, end, False


def parse_announcement(text: str) -> tuple[str | None, str | None]:
    """The questioner's name and outlet a moderator announces in ``text``, as printed, or None."""
    for trigger in _TRIGGER.finditer(text):
        words, end, closed = _name_after(text, trigger.end())
        if len(words) < 2:
            continue
        outlet = None
        if not closed:
            match = _OUTLET.match(text, end)
            if match:
                outlet = " ".join(match.group("outlet").split()) or None
        return " ".join(words), outlet
    return None, None


def _submitted_question(turn: Turn) -> str | None:
    """The question a moderator reads out in ``turn``, or None if the turn reads none."""
    quoted = [turn.text[q.start : q.end] for q in find_quotes(turn.text) if q.kind in ("marks", "spoken")]
    if any("?" in q for q in quoted):
        return " ".join(normalize(q) for q in quoted)
    if "?" in turn.text and _ASKS.search(turn.text):
        return turn.plain
    return None


def _before_quote(text: str) -> str:
    match = _OPENING_QUOTE.search(text)
    return text[: match.start()] if match else text


@dataclass
class _Draft:
    mode: str
    question_turns: list[int]
    moderator_turns: list[int]
    announcement: list[int]
    question: str
    answer_turns: list[int] = field(default_factory=list)


def _announced(turns: Sequence[Turn], candidates: Sequence[int]) -> tuple[int | None, str | None, str | None]:
    for index in reversed(candidates):
        name, outlet = parse_announcement(_before_quote(turns[index].text))
        if name:
            return index, name, outlet
    return None, None, None


def _numbers(positions: Iterable[int]) -> tuple[int, ...]:
    """Turn positions in the list (from 0) as the turn numbers people read (from 1)."""
    return tuple(position + 1 for position in positions)


def build_exchanges(turns: Sequence[Turn]) -> list[Exchange]:
    """The exchanges of a transcript's turns, in order (see the module docstring for the rules)."""
    drafts: list[_Draft] = []
    pending: list[int] = []  # moderator and operator turns since the last briefer turn
    previous_role = None
    for i, turn in enumerate(turns):
        role = turn.role
        submitted = None
        if role in ("moderator", "operator") and i + 1 < len(turns) and turns[i + 1].role == "briefer":
            submitted = _submitted_question(turn)
        if role == "questioner":
            if previous_role == "questioner" and drafts:
                drafts[-1].question_turns.append(i)
            else:
                drafts.append(_Draft("live", [i], list(pending), list(pending), turn.plain))
            pending = []
        elif submitted is not None:
            drafts.append(_Draft("submitted", [i], list(pending), list(pending) + [i], submitted))
            pending = []
        elif role == "briefer":
            if drafts:
                if drafts[-1].answer_turns:
                    drafts[-1].moderator_turns += pending
                drafts[-1].answer_turns.append(i)
            pending = []
        elif role in ("moderator", "operator"):
            pending.append(i)
        previous_role = role
    exchanges = []
    for number, draft in enumerate(drafts):
        if draft.mode == "live":
            question = " ".join(turns[i].plain for i in draft.question_turns)
        else:
            question = draft.question
        announced_in, name, outlet = _announced(turns, draft.announcement)
        exchanges.append(
            Exchange(
                index=number,
                mode=draft.mode,
                questioner=name,
                outlet=outlet,
                question_turns=_numbers(draft.question_turns),
                answer_turns=_numbers(draft.answer_turns),
                moderator_turns=_numbers(sorted(set(draft.moderator_turns) - set(draft.question_turns))),
                announced_in=None if announced_in is None else announced_in + 1,
                question=question,
                answer=" ".join(turns[i].plain for i in draft.answer_turns),
                answer_words=sum(turns[i].words for i in draft.answer_turns),
            )
        )
    return exchanges
