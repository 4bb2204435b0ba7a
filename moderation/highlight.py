"""Matched spans shown in the text: escape first, then wrap, then bleach.

The text is never trusted: each piece between span boundaries is escaped on its own, the
``<mark>`` tags are added around escaped pieces only, and the result is passed through
bleach with an allowlist of exactly that tag and attribute before it is marked safe."""

from __future__ import annotations

import bleach
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

KNOWN_LABELS = frozenset({"obscene", "insult", "spam", "illegal"})
ALLOWED_TAGS = frozenset({"mark"})
ALLOWED_ATTRIBUTES = {"mark": ["class", "title"]}


def clean_html(html: str) -> SafeString:
    """The one gate for HTML we render: a strict allowlist, everything else escaped."""
    cleaned = bleach.clean(
        html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, strip=False
    )
    return mark_safe(cleaned)  # noqa: S308 - bleached above with a strict allowlist


def _usable_spans(spans, length: int) -> list[tuple[int, int, str]]:
    result = []
    for span in spans or []:
        try:
            start, end, label = int(span[0]), int(span[1]), str(span[2])
        except (TypeError, ValueError, IndexError):
            continue
        start, end = max(0, start), min(length, end)
        if start < end:
            result.append((start, end, label if label in KNOWN_LABELS else "other"))
    result.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, label in result:
        if merged and start < merged[-1][1]:  # overlap: keep the first, extend it
            first = merged[-1]
            merged[-1] = (first[0], max(first[1], end), first[2])
        else:
            merged.append((start, end, label))
    return merged


def highlight(text: str, spans) -> SafeString:
    text = text or ""
    parts, position = [], 0
    for start, end, label in _usable_spans(spans, len(text)):
        parts.append(escape(text[position:start]))
        parts.append(
            f'<mark class="mod-span mod-span--{label}">{escape(text[start:end])}</mark>'
        )
        position = end
    parts.append(escape(text[position:]))
    return clean_html("".join(parts))
