"""Shared fixtures: the repository root and the kit's notebooks."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIRS = ("notebooks", "exercises", "solutions")


def all_notebooks() -> list[Path]:
    """Every committed notebook the kit ships."""
    return sorted(p for d in NOTEBOOK_DIRS for p in (ROOT / d).glob("*.ipynb"))


@pytest.fixture
def root() -> Path:
    return ROOT
