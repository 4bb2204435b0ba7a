"""The style score of a rendered post: what each network's readers actually get."""

from __future__ import annotations

import html
import re

from .checker import Report, check, looks_like_press_release

_TAG_RE = re.compile(r"<[^>]+>")
_PARAGRAPH_RE = re.compile(r"\n\s*\n")


def message_plain_text(message) -> str:
    text = message.text or ""
    if message.parse_mode == "telegraph_nodes":
        import json

        from syndication.networks.telegraph import nodes_text

        return nodes_text(json.loads(text))
    if message.parse_mode == "wordpress_html":  # an article: a blank line per block
        text = re.sub(r"</(?:p|h[1-6]|li|blockquote|figcaption)>", "\n\n", text)
        return re.sub(r"\n{3,}", "\n\n", html.unescape(_TAG_RE.sub("", text))).strip()
    if (message.parse_mode or "").upper() == "HTML":
        text = html.unescape(_TAG_RE.sub("", text))
    return text


def post_text(post) -> str:
    """Every message of the post (main post and follow-ups) as one plain text."""
    return "\n\n".join(
        t for t in (message_plain_text(m) for m in post.messages) if t.strip()
    )


def score_post_text(post) -> Report:
    return check(post_text(post))


def opening_paragraph(post) -> str:
    """The conversational templates open every post with the lead."""
    for paragraph in _PARAGRAPH_RE.split(post_text(post)):
        if paragraph.strip():
            return paragraph.strip()
    return ""


def opens_like_press_release(post) -> bool:
    return looks_like_press_release(opening_paragraph(post))
