"""Telegram's HTML subset: sanitising, and reading it back the way Telegram does.

core.telegram.org/bots/api#html-style (docs/networks.md §3.4): only the tags below; only
``&lt; &gt; &amp; &quot;`` as named entities (numeric ones are all allowed); lengths
are counted on the text after entity parsing, in UTF-16 code units.
"""

from __future__ import annotations

import html as html_lib
from html.parser import HTMLParser

from syndication.render.sanitize import HtmlSubset
from syndication.render.text import utf16_len

ALLOWED_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "a",
        "code",
        "pre",
        "blockquote",
        "tg-spoiler",
        "span",
    }
)
ALLOWED_ATTRIBUTES = {
    "a": ["href"],
    "code": ["class"],
    "span": ["class"],
    "blockquote": ["expandable"],
}
ALLOWED_PROTOCOLS = ["http", "https", "tg", "mailto"]
TELEGRAM_NAMED_ENTITIES = {"lt", "gt", "amp", "quot"}
# One sanitiser for every network (syndication.render.sanitize); numeric references
# stand in for the named entities Telegram rejects.
SUBSET = HtmlSubset(
    ALLOWED_TAGS, ALLOWED_ATTRIBUTES, ALLOWED_PROTOCOLS, TELEGRAM_NAMED_ENTITIES
)


def sanitize(markup: str) -> str:
    """Only Telegram's tags and attributes, balanced, with Telegram-safe entities."""
    return SUBSET.clean(markup)


class _Reader(HTMLParser):
    """Parse as Telegram would: collect visible text, reject what it rejects."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.text: list[str] = []
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.errors.append(f"unsupported tag <{tag}>")
        if tag == "span" and dict(attrs).get("class") != "tg-spoiler":
            self.errors.append("span without class tg-spoiler")
        if tag == "blockquote" and "blockquote" in self.stack:
            self.errors.append("nested blockquote")
        if tag == "a" and not dict(attrs).get("href"):
            self.errors.append("link without href")
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}>")
        else:
            self.stack.pop()

    def handle_data(self, data):
        if "<" in data or ">" in data:
            self.errors.append("unescaped angle bracket")
        self.text.append(data)

    def handle_entityref(self, name):
        if name not in TELEGRAM_NAMED_ENTITIES:
            self.errors.append(f"unsupported entity &{name};")
        self.text.append(html_lib.unescape(f"&{name};"))

    def handle_charref(self, name):
        self.text.append(html_lib.unescape(f"&#{name};"))


def read(markup: str) -> tuple[str, list[str]]:
    """(visible text, problems) of a Telegram HTML string."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    if reader.stack:
        reader.errors.append(f"unclosed <{reader.stack[-1]}>")
    if "&" in "".join(reader.rawdata or ""):
        reader.errors.append("dangling ampersand")
    return "".join(reader.text), reader.errors


def visible_length(markup: str) -> int:
    """Message length as Telegram counts it: UTF-16 units of the parsed text."""
    return utf16_len(read(markup)[0])
