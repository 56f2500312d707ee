"""Quiz text is Markdown, rendered with markdown-it-py with raw HTML switched off.

So ``<script>`` or ``<img onerror=...>`` in a quiz file shows as text and never runs, and links with
unsafe schemes (``javascript:``, ``data:``) are not made into links (markdown-it's own link check).
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


def markdown_html(text: str) -> str:
    """Markdown as safe HTML blocks (paragraphs, lists, emphasis, code, links)."""
    return _parser().render(text or "")


def markdown_inline(text: str) -> str:
    """Markdown as safe inline HTML (no surrounding paragraph), for one-line labels."""
    return _parser().renderInline(text or "")


def escape(text: str) -> str:
    """Plain text made safe for HTML."""
    return html.escape(text or "", quote=True)
