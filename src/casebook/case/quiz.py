"""A starter quiz of evidence questions on real sentences of the new briefing.

Each question asks the learner to find, among four sentences of the transcript, the one that does
something: gives a figure, hedges or attributes a claim, or asks a question. The right sentence and the
others are chosen from what the toolkit finds (numbers, markers, questioner turns), so every reference
points at a real sentence. A teacher edits the prompts, feedback and choices like any quiz file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from casebook.transcript import Sentence, Transcript

OPTIONS = 4


def _spread(sentences: list[Sentence], count: int) -> list[Sentence]:
    """Up to ``count`` sentences spread evenly over the list (always the same ones for one transcript)."""
    if len(sentences) <= count:
        return sentences
    step = len(sentences) / count
    return [sentences[int(i * step)] for i in range(count)]


def _question(
    qid: str,
    prompt: str,
    claim: str,
    right: Sentence,
    others: list[Sentence],
    why: str,
) -> dict[str, Any]:
    options = [{"ref": {"turn": right.turn, "sentence": right.number}, "correct": True, "feedback": why}]
    for sentence in _spread(others, OPTIONS - 1):
        options.append(
            {
                "ref": {"turn": sentence.turn, "sentence": sentence.number},
                "feedback": "Read it again: this sentence does not do what the question asks.",
            }
        )
    return {
        "id": qid,
        "type": "evidence",
        "prompt": prompt,
        "claim": claim,
        "stance": "supports",
        "shuffle": True,
        "explanation": why,
        "options": options,
    }


def _make(
    transcript: Transcript,
    qid: str,
    prompt: str,
    claim: str,
    marked: set[tuple[int, int]],
    why: str,
    allowed: Callable[[Sentence], bool] = lambda s: True,
) -> dict[str, Any] | None:
    sentences = [s for s in transcript.sentences() if allowed(s)]
    right = [s for s in sentences if (s.turn, s.number) in marked]
    others = [s for s in transcript.sentences() if (s.turn, s.number) not in marked]
    if not right or not others:
        return None
    return _question(qid, prompt, claim, right[0], others, why)


def starter_quiz(transcript: Transcript, quiz_id: str, title: str) -> dict[str, Any]:
    """The quiz file's content: at least one evidence question on this transcript's own sentences."""
    roles = {turn.number: turn.role for turn in transcript.turns}
    numbers = {(m.turn, m.sentence) for m in transcript.numbers()}
    markers = {(m.turn, m.sentence) for m in transcript.hedges()}
    asked = {
        (s.turn, s.number)
        for s in transcript.sentences()
        if roles[s.turn] == "questioner" and s.text.endswith("?")
    }
    candidates = [
        _make(
            transcript,
            "a_figure",
            "Which sentence gives a **figure**, a number you could check against other sources?",
            "The briefing gives figures that can be checked.",
            numbers,
            "This sentence gives a number. A number is a claim to check: who counted, and when?",
            lambda s: roles[s.turn] != "questioner",
        ),
        _make(
            transcript,
            "a_hedge",
            "Which sentence **hedges** a claim, or says **who** it comes from?",
            "The speakers mark how sure they are, or whose claim it is.",
            markers,
            'Words such as "we believe", "reportedly" or "according to" show how sure the speaker is, '
            "or whose word the claim rests on.",
        ),
        _make(
            transcript,
            "a_question",
            "Which sentence is a **question from a journalist**?",
            "Journalists put questions to the briefer.",
            asked,
            "This is a questioner's turn, and the sentence ends with a question mark.",
        ),
    ]
    questions = [q for q in candidates if q is not None]
    if not questions:
        first = transcript.sentences()[0]
        questions.append(
            _question(
                "the_opening",
                "Which sentence **opens** the transcript?",
                "The transcript opens with this sentence.",
                first,
                transcript.sentences()[1:],
                "This is the first sentence of the first turn.",
            )
        )
    return {
        "id": quiz_id,
        "title": f"Starter quiz: {title}",
        "intro": "Find the evidence in the transcript. Your teacher may have edited these questions.",
        "questions": questions,
    }
