"""Telegram's ``parse_mode=HTML`` as the Bot API parses it (TDLib ``parse_html``):
only the supported tags, balanced, named entities ``&lt; &gt; &amp; &quot;`` only
(an unknown ``&name;`` stays literal text), numeric entities allowed. Errors carry
the wording Telegram returns after ``Bad Request: can't parse entities: ``."""

from __future__ import annotations

import html
import re

SUPPORTED = {
    "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
    "tg-spoiler", "tg-emoji", "tg-time", "code", "pre", "blockquote",
}  # fmt: skip
NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);")
ATTRIBUTE = re.compile(r"\s*([a-zA-Z-]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
TAG_NAME = re.compile(r"[a-zA-Z0-9-]*")


class HtmlParseError(ValueError):
    pass


def _offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def parse(text: str) -> str:
    """The text as readers see it; raises ``HtmlParseError`` like Telegram."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "&":
            match = ENTITY.match(text, i)
            if match:
                name = match.group(1)
                if name.startswith("#"):
                    out.append(html.unescape(match.group(0)))
                    i = match.end()
                    continue
                if name in NAMED:
                    out.append(NAMED[name])
                    i = match.end()
                    continue
            out.append(ch)
            i += 1
            continue
        if ch != "<":
            out.append(ch)
            i += 1
            continue
        begin = i
        if text.startswith("</", i):
            end = text.find(">", i)
            if end < 0:
                raise HtmlParseError(
                    f"Unclosed end tag at byte offset {_offset(text, begin)}"
                )
            name = text[i + 2 : end].strip().lower()
            if not stack:
                raise HtmlParseError(
                    f"Unexpected end tag at byte offset {_offset(text, begin)}"
                )
            if name != stack[-1]:
                raise HtmlParseError(
                    f"Unmatched end tag at byte offset {_offset(text, begin)}, "
                    f'expected "</{stack[-1]}>", found "</{name}>"'
                )
            stack.pop()
            i = end + 1
            continue
        name = TAG_NAME.match(text, i + 1).group(0).lower()
        if name not in SUPPORTED:
            raise HtmlParseError(
                f'Unsupported start tag "{name}" at byte offset {_offset(text, begin)}'
            )
        i += 1 + len(name)
        attributes = {}
        while True:
            if i >= len(text):
                raise HtmlParseError(
                    f"Unclosed start tag at byte offset {_offset(text, begin)}"
                )
            if text[i] == ">":
                i += 1
                break
            match = ATTRIBUTE.match(text, i)
            if not match or match.end() == i:
                raise HtmlParseError(
                    f'Empty attribute name in the tag "{name}" at byte offset {_offset(text, begin)}'
                )
            value = (match.group(2) or "").strip("\"'")
            attributes[match.group(1).lower()] = html.unescape(value)
            i = match.end()
        if name == "span" and attributes.get("class") != "tg-spoiler":
            raise HtmlParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {_offset(text, begin)}'
            )
        if name == "blockquote" and "blockquote" in stack:
            raise HtmlParseError(
                f"Blockquote entities can't be nested at byte offset {_offset(text, begin)}"
            )
        stack.append(name)
    if stack:
        raise HtmlParseError(
            f'Can\'t find end tag corresponding to start tag "{stack[-1]}"'
        )
    return "".join(out)
