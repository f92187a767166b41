"""Article text is always shown as text: markup inside it must never be rendered."""

from __future__ import annotations

import html


def rich_literal(text: str) -> str:
    """Rich text that displays ``text`` literally (for tooltips and labels).

    Qt guesses whether a tooltip string is rich text; wrapping escaped text in
    <qt> makes the guess certain, so <b> or <img src=…> in an article appear
    as characters, never as formatting or a fetched image.
    """
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def highlighted(text: str, spans, tag: str = "b") -> str:
    """Rich text of ``text`` with ``spans`` wrapped in ``tag``; the text itself escaped."""
    out, pos = [], 0
    for start, end in spans:
        out.append(html.escape(text[pos:start]))
        out.append(f"<{tag}>{html.escape(text[start:end])}</{tag}>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "<qt>" + "".join(out) + "</qt>"
