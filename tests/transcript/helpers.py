"""Shared test helpers: the fixtures folder and the kit's briefing, parsed once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from casebook.transcript import Transcript, load_briefing, parse, read_text

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> Transcript:
    """A fixture file, parsed."""
    return parse(read_text(FIXTURES / name))


@lru_cache(maxsize=1)
def seed() -> Transcript:
    """The kit's briefing, parsed once for the whole test session."""
    return load_briefing()
