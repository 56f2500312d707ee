"""Counts for reading a briefing: who speaks, how much, what is asked and how long the answers are.

Words are counted as ``segment.words`` finds them ("1,486", "U.S." and "don't" are one word each),
leaving out transcribers' notes such as "(Inaudible)".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from casebook.transcript.model import ROLES, Exchange, Turn


@dataclass(frozen=True)
class SpeakerStats:
    """One speaker label's share: turns, words, and words as a share of all words (0 to 1)."""

    speaker: str
    role: str
    turns: int
    words: int
    share: float


@dataclass(frozen=True)
class Stats:
    """The transcript's counts; ``speakers`` in order of first appearance."""

    turns: int
    words: int
    speakers: tuple[SpeakerStats, ...]
    words_per_turn: tuple[int, ...]
    questions: int
    live_questions: int
    submitted_questions: int
    answer_words: tuple[int, ...]

    @property
    def words_by_speaker(self) -> dict[str, int]:
        """Words per speaker label."""
        return {s.speaker: s.words for s in self.speakers}

    @property
    def words_by_role(self) -> dict[str, int]:
        """Words per role, every role listed (0 when nobody had it)."""
        totals = dict.fromkeys(ROLES, 0)
        for s in self.speakers:
            totals[s.role] += s.words
        return totals

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every count."""
        return {
            **asdict(self),
            "words_by_speaker": self.words_by_speaker,
            "words_by_role": self.words_by_role,
        }


def compute_stats(turns: Sequence[Turn], exchanges: Sequence[Exchange]) -> Stats:
    """The counts of a transcript's turns and exchanges."""
    total = sum(turn.words for turn in turns)
    per_speaker: dict[str, list[int]] = {}
    roles: dict[str, str] = {}
    for turn in turns:
        counts = per_speaker.setdefault(turn.speaker, [0, 0])
        counts[0] += 1
        counts[1] += turn.words
        roles.setdefault(turn.speaker, turn.role)
    speakers = tuple(
        SpeakerStats(name, roles[name], n_turns, n_words, n_words / total if total else 0.0)
        for name, (n_turns, n_words) in per_speaker.items()
    )
    return Stats(
        turns=len(turns),
        words=total,
        speakers=speakers,
        words_per_turn=tuple(turn.words for turn in turns),
        questions=len(exchanges),
        live_questions=sum(1 for e in exchanges if e.mode == "live"),
        submitted_questions=sum(1 for e in exchanges if e.mode == "submitted"),
        answer_words=tuple(e.answer_words for e in exchanges),
    )
