"""Telegram's HTML subset: sanitising, and reading it back the way Telegram does.

core.telegram.org/bots/api#html-style (networks.md §3.4): only the tags below; only
``&lt; &gt; &amp; &quot;`` as named entities (numeric ones are all allowed); lengths
are counted on the text after entity parsing, in UTF-16 code units.
"""

from __future__ import annotations

import html as html_lib
import re
from functools import cache
from html.parser import HTMLParser

import bleach
import bleach.sanitizer

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
_BARE_LINK = re.compile(r"<a>(.*?)</a>", re.S)
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")


def _numeric_entity(match: re.Match) -> str:
    name = match.group(1)
    if name in TELEGRAM_NAMED_ENTITIES:
        return match.group(0)
    char = html_lib.unescape(match.group(0))
    if char == match.group(0):  # not an entity at all: escape the ampersand
        return "&amp;" + match.group(0)[1:]
    return "".join(f"&#{ord(ch)};" for ch in char)


@cache
def _cleaner() -> bleach.sanitizer.Cleaner:
    # One Cleaner per process: building it (parser, serializer) costs more than
    # cleaning a message. Cleaner.clean keeps no state between calls.
    return bleach.sanitizer.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )


# What the render itself writes: these tags, links to safe URLs, our own escapes.
_OWN_TAG = re.compile(
    r'</?(?:b|i|blockquote)>|<a href="(?:https?://|tg://|mailto:)[^"<>]*">|</a>'
)
_OWN_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+);")


def is_own_markup(markup: str) -> bool:
    """True when ``markup`` is already in sanitised form: only the render's own tags
    (balanced) and escapes. Such markup passes bleach unchanged (a test proves it on
    every sample), so bleach's html5lib pass - most of a render's time - is skipped."""
    rest = _OWN_TAG.sub("", markup)
    if "<" in rest or ">" in rest or "&" in _OWN_ENTITY.sub("", rest):
        return False
    depth: list[str] = []
    for match in re.finditer(r"<(/?)(b|i|blockquote|a)\b", markup):
        closing, tag = match.groups()
        if not closing:
            depth.append(tag)
        elif not depth or depth.pop() != tag:
            return False
    return not depth


def sanitize(markup: str) -> str:
    """Only Telegram's tags and attributes, balanced, with Telegram-safe entities."""
    if is_own_markup(markup):
        return markup
    cleaned = _cleaner().clean(markup)
    # bleach drops an unsafe href (javascript:) but keeps the <a>: unwrap it.
    cleaned = _BARE_LINK.sub(r"\1", cleaned)
    return _NAMED_ENTITY.sub(_numeric_entity, cleaned)


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
