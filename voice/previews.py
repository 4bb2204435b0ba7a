"""The style score of a rendered post: what each network's readers actually get."""

from __future__ import annotations

import re

from syndication.networks import get_network

from .checker import Report, check, looks_like_press_release

_PARAGRAPH_RE = re.compile(r"\n\s*\n")


def message_plain_text(message, network) -> str:
    """What ``network``'s readers read of ``message`` (the network's own hook)."""
    return network.reader_text(message)


def post_text(post) -> str:
    """Every message of the post (main post and follow-ups) as one plain text."""
    network = get_network(post.network)
    return "\n\n".join(
        t for t in (message_plain_text(m, network) for m in post.messages) if t.strip()
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
