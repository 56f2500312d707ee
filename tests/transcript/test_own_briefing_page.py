"""The instructors' page "Use your own briefing" explains every quirk the parser reports and shows
commands that exist with the options they name."""

from __future__ import annotations

import re
from pathlib import Path

from casebook.cli import build_parser
from casebook.transcript import quirks

PAGE = Path(__file__).resolve().parents[2] / "instructors" / "use-your-own-briefing.md"


def test_every_quirk_kind_is_explained_on_the_page() -> None:
    kinds = re.findall(r'^- "([a-z-]+)"', quirks.__doc__ or "", re.MULTILINE)
    assert len(kinds) >= 13
    text = PAGE.read_text(encoding="utf-8")
    missing = [kind for kind in kinds if f"`{kind}`" not in text]
    assert missing == []


def test_the_commands_on_the_page_parse() -> None:
    text = PAGE.read_text(encoding="utf-8")
    commands = re.findall(r"^    (casebook .+)$", text, re.MULTILINE)
    assert len(commands) >= 5
    parser = build_parser()
    for command in commands:
        args = parser.parse_args(command.split()[1:])
        assert args.handler is not None, command


def test_the_guide_links_to_the_page() -> None:
    assert "(use-your-own-briefing.md)" in (PAGE.parent / "README.md").read_text(encoding="utf-8")
