"""The text of a post as a list of Lines, and their plain-text and Telegram-HTML forms.

Every network builds its text from the same Lines (one per paragraph, heading, list
item, quote ...), so the wording is the same everywhere and only the markup differs.
Lines are the unit of cutting: a post or message is filled with whole Lines, and a
Line too long for any message is cut at sentence (then word) boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape
from urllib.parse import urljoin

from syndication.content import Run, Runs, runs_text
from syndication.render.text import (
    sentence_offsets,
    split_runs,
    strip_runs,
    utf16_len,
    word_offsets,
)

P, HEADING, ITEM, QUOTE = "p", "heading", "item", "quote"
SAFE_LINK_PREFIXES = ("https://", "http://", "tg://", "mailto:")


@dataclass(frozen=True)
class Line:
    runs: Runs
    style: str = P
    prefix: str = ""  # list marker with its indentation, e.g. "   ◦ "
    tight: bool = False  # joined to the previous Line by one newline, not a blank line
    cont: bool = False  # the rest of the previous Line's paragraph, cut for length
    source: object = None  # the Piece item the Line came from

    @property
    def text(self) -> str:
        return runs_text(self.runs)


def plain_line(text: str, style: str = P, source=None, **kw) -> Line:
    return Line((Run(text),), style, source=source, **kw)


def separator(line: Line) -> str:
    return " " if line.cont else "\n" if line.tight else "\n\n"


# -- plain text (VK, OK) -----------------------------------------------------------


def _absolute(href: str, base: str) -> str:
    return (
        urljoin(base, href)
        if base and not href.startswith(("http", "mailto:"))
        else href
    )


def plain_runs(runs: Runs, base_url: str = "") -> str:
    parts = []
    for run in runs:
        href = _absolute(run.href, base_url) if run.href else ""
        if href.startswith(SAFE_LINK_PREFIXES):
            label = run.text.strip()
            # A link as plain text: its words, then the URL in brackets, unless the
            # words are the URL already.
            if label and label.rstrip("/") != href.rstrip("/"):
                parts.append(f"{run.text} ({href})")
            else:
                parts.append(run.text.replace(label, href) if label else href)
        else:
            parts.append(run.text)
    return "".join(parts)


def plain(line: Line, base_url: str = "") -> str:
    return line.prefix + plain_runs(line.runs, base_url)


def join_plain(lines: list[Line], base_url: str = "") -> str:
    out = []
    for i, line in enumerate(lines):
        if i:
            out.append(separator(line))
        out.append(plain(line, base_url))
    return "".join(out)


# -- Telegram HTML -------------------------------------------------------------------


def _esc(text: str) -> str:
    # Telegram knows only &lt; &gt; &amp; &quot;; escape() uses &#x27; for "'",
    # which is numeric and allowed, but quotes need no escaping in text at all.
    return escape(text, quote=False)


def html_runs(runs: Runs, base_url: str = "") -> str:
    parts = []
    for run in runs:
        chunk = _esc(run.text)
        if run.italic:
            chunk = f"<i>{chunk}</i>"
        if run.bold:
            chunk = f"<b>{chunk}</b>"
        href = _absolute(run.href, base_url) if run.href else ""
        if href.startswith(SAFE_LINK_PREFIXES):  # never javascript: and the like
            chunk = f'<a href="{escape(href, quote=True)}">{chunk}</a>'
        parts.append(chunk)
    return "".join(parts)


def html(line: Line, base_url: str = "") -> str:
    body = _esc(line.prefix) + html_runs(line.runs, base_url)
    if line.style == HEADING:
        return f"<b>{body}</b>"
    if line.style == QUOTE:
        return f"<blockquote>{body}</blockquote>"
    return body


def join_html(lines: list[Line], base_url: str = "") -> str:
    out = []
    for i, line in enumerate(lines):
        if i:
            out.append(separator(line))
        out.append(html(line, base_url))
    return "".join(out)


# -- measuring and cutting ------------------------------------------------------------


def visible_len(line: Line, base_url: str = "", with_urls: bool = True) -> int:
    """UTF-16 length of what the reader sees: with URLs spelled out for plain text,
    without them for HTML (Telegram counts the text after entity parsing)."""
    if with_urls:
        return utf16_len(plain(line, base_url))
    return utf16_len(line.prefix) + utf16_len(line.text)


def cut_line(
    line: Line, limit: int, measure, _level: int = 0, max_level: int = 2
) -> list[Line]:
    """Cut a Line into pieces that each measure at most ``limit``: at sentences, then
    at words; only a single word longer than the limit (a giant URL) is cut inside."""
    if measure(line) <= limit or limit <= 0:
        return [line]
    cutters = (sentence_offsets, word_offsets, _char_offsets)[_level : max_level + 1]
    for level, offsets_of in enumerate(cutters, start=_level):  # noqa: B007
        parts = split_runs(line.runs, offsets_of(line.text))
        if len(parts) > 1:
            break
    else:
        return [line]
    groups: list[Runs] = []
    current: Runs = ()
    for part in parts:
        candidate = current + part
        if current and measure(replace(line, runs=strip_runs(candidate))) > limit:
            groups.append(strip_runs(current))
            current = part
        else:
            current = candidate
    groups.append(strip_runs(current))
    result = []
    for i, runs in enumerate(groups):
        piece = line if i == 0 else replace(line, prefix="", cont=True, tight=False)
        piece = replace(piece, runs=runs)
        if measure(piece) > limit and level < max_level:
            result.extend(cut_line(piece, limit, measure, level + 1, max_level))
        else:
            result.append(piece)
    # Pieces after the first continue the same paragraph.
    return [result[0]] + [
        replace(p, prefix="", cont=True, tight=False) for p in result[1:]
    ]


def _char_offsets(text: str) -> list[int]:
    # Last resort for one word longer than a whole message: 100-character slices.
    return list(range(100, len(text), 100))


def pack(lines: list[Line], limits: list[int], measure) -> list[list[Line]]:
    """Fill chunks with whole Lines in order; chunk i holds at most ``limits[i]``
    (the last limit repeats). The separator in front of a Line counts only when the
    Line is not the first of its chunk."""
    chunks: list[list[Line]] = [[]]
    used = 0

    def limit_of(index: int) -> int:
        return limits[min(index, len(limits) - 1)]

    queue = list(lines)
    while queue:
        line = queue.pop(0)
        limit = limit_of(len(chunks) - 1)
        sep = utf16_len(separator(line)) if chunks[-1] else 0
        size = measure(line)
        if used + sep + size <= limit:
            chunks[-1].append(line)
            used += sep + size
            continue
        if chunks[-1]:
            # Try the rest of this chunk with the Line's first sentences.
            room = limit - used - utf16_len(separator(line))
            # Sentences only: a paragraph is never cut mid-sentence just to fill up.
            head = cut_line(line, room, measure, max_level=0) if room > 0 else []
            if len(head) > 1 and measure(head[0]) <= room:
                chunks[-1].append(head[0])
                queue[0:0] = head[1:]
            else:
                queue.insert(0, line)
            chunks.append([])
            used = 0
            continue
        # Alone in an empty chunk and still too long: cut it.
        pieces = cut_line(replace(line, cont=False, tight=False), limit, measure)
        chunks[-1].append(pieces[0])
        used = measure(pieces[0])
        queue[0:0] = pieces[1:]
    return [chunk for chunk in chunks if chunk]
