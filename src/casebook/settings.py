"""What ``course.yaml`` says: where the kit is hosted, and where students' answers are handed in.

Read in a student's kernel too (the hand-in folder), so it needs nothing but PyYAML.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from casebook.paths import repo_root


@dataclass(frozen=True)
class CourseSettings:
    """What ``course.yaml`` says: where the kit is hosted, and where answers are handed in."""

    repository: str
    branch: str
    jupyterhub: str
    handin: Path | None = None
    lite: str = "https://OWNER.github.io/REPO"  # where build/lite is published


def load_settings(root: Path | None = None) -> CourseSettings:
    """Read ``course.yaml`` from the repository root."""
    root = root or repo_root()
    raw = yaml.safe_load((root / "course.yaml").read_text(encoding="utf-8")) or {}
    handin = str(raw.get("handin") or "").strip()
    return CourseSettings(
        repository=str(raw.get("repository", "OWNER/REPO")),
        branch=str(raw.get("branch", "main")),
        jupyterhub=str(raw.get("jupyterhub", "https://hub.example.edu")).rstrip("/"),
        handin=(root / Path(handin).expanduser()) if handin else None,
        lite=str(raw.get("lite") or _github_pages(str(raw.get("repository", "OWNER/REPO")))).rstrip("/"),
    )


def _github_pages(repository: str) -> str:
    """Where GitHub Pages would publish the repository's site: the default home of the Lite course."""
    owner, _, name = repository.partition("/")
    return f"https://{owner}.github.io/{name}"
