"""Quiz text is Markdown, rendered with markdown-it-py with raw HTML switched off.

So ``<script>`` or ``<img onerror=...>`` in a quiz file shows as text and never runs, and links with
unsafe schemes (``javascript:``, ``data:``) are not made into links (markdown-it's own link check).

Markdown images (``![alt](https://...)``) are never drawn: a remote image is a tracking pixel in every
view that shows it, and a handout must be self-contained. Each shows as its alt text and a link to
the image instead (an embedded ``data:`` image as its alt text alone), in every HTML path at once.
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

SHOWN_URL_CHARS = 80


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    parser.add_render_rule("image", _image_as_link)
    return parser


def _image_as_link(renderer: Any, tokens: list[Any], idx: int, options: Any, env: Any) -> str:
    """An image token as text: "Image: <alt>", with a link to the image, never an <img>."""
    token = tokens[idx]
    alt = escape(renderer.renderInlineAsText(token.children or [], options, env)) or "no description"
    src = str(token.attrGet("src") or "")
    inside_link = sum(t.type == "link_open" for t in tokens[:idx]) > sum(
        t.type == "link_close" for t in tokens[:idx]
    )
    if not src or src.startswith("data:"):
        where = " (an embedded image, not shown)" if src else ""
    elif inside_link:  # links do not nest: name the address as text
        where = f" ({escape(_shortened(src))})"
    else:
        where = f' (<a href="{escape(src)}">{escape(_shortened(src))}</a>)'
    return f"<span class='casebook-image'>[Image: {alt}]{where}</span>"


def _shortened(url: str) -> str:
    return url if len(url) <= SHOWN_URL_CHARS else url[: SHOWN_URL_CHARS - 1] + "…"


def markdown_html(text: str) -> str:
    """Markdown as safe HTML blocks (paragraphs, lists, emphasis, code, links)."""
    return _parser().render(text or "")


def markdown_inline(text: str) -> str:
    """Markdown as safe inline HTML (no surrounding paragraph), for one-line labels."""
    return _parser().renderInline(text or "")


def escape(text: str) -> str:
    """Plain text made safe for HTML."""
    return html.escape(text or "", quote=True)
