"""MAX's HTML subset (``format: "html"``): sanitising with an allow-list, and reading
it back to check a message.

Allowed tags, from the schema's "Max flavored" formatting notes and dev.max.ru
"Форматирование текста" (networks.md §9.4): ``<i>/<em>``, ``<b>/<strong>``,
``<del>/<s>``, ``<ins>/<u>``, ``<a href>``, ``<pre>/<code>``, ``<mark>``,
``<blockquote>``, ``<h1>``. MAX strips every other tag silently, so what it would
strip we strip first (the preview then shows what readers get). Which named entities
MAX decodes is UNVERIFIED: we write only ``&lt; &gt; &amp; &quot;`` and numeric
references, as for Telegram.
"""

from __future__ import annotations

import html as html_lib
import re
from functools import cache
from html.parser import HTMLParser

import bleach
import bleach.sanitizer

ALLOWED_TAGS = frozenset(
    {
        "i",
        "em",
        "b",
        "strong",
        "del",
        "s",
        "ins",
        "u",
        "a",
        "pre",
        "code",
        "mark",
        "blockquote",
        "h1",
    }
)
ALLOWED_ATTRIBUTES = {"a": ["href"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto"]
NAMED_ENTITIES = {"lt", "gt", "amp", "quot"}
_BARE_LINK = re.compile(r"<a>(.*?)</a>", re.S)
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
# What the render itself writes (syndication.render.lines.html): a fast path.
_OWN_TAG = re.compile(
    r'</?(?:b|i|blockquote)>|<a href="(?:https?://|mailto:)[^"<>]*">|</a>'
)
_OWN_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+);")


def _entity(match: re.Match) -> str:
    name = match.group(1)
    if name in NAMED_ENTITIES:
        return match.group(0)
    char = html_lib.unescape(match.group(0))
    if char == match.group(0):  # not an entity: escape the ampersand
        return "&amp;" + match.group(0)[1:]
    return "".join(f"&#{ord(ch)};" for ch in char)


@cache
def _cleaner() -> bleach.sanitizer.Cleaner:
    return bleach.sanitizer.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )


def _is_own_markup(markup: str) -> bool:
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
    """Only MAX's tags and attributes, balanced, with safe links and entities."""
    if _is_own_markup(markup):
        return markup
    cleaned = _cleaner().clean(markup)
    cleaned = _BARE_LINK.sub(r"\1", cleaned)  # a link bleach took the href from
    return _NAMED_ENTITY.sub(_entity, cleaned)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.text: list[str] = []
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.errors.append(f"unsupported tag <{tag}>")
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
        if name not in NAMED_ENTITIES:
            self.errors.append(f"unsupported entity &{name};")
        self.text.append(html_lib.unescape(f"&{name};"))

    def handle_charref(self, name):
        self.text.append(html_lib.unescape(f"&#{name};"))


def read(markup: str) -> tuple[str, list[str]]:
    """(visible text, problems) of a MAX HTML string."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    if reader.stack:
        reader.errors.append(f"unclosed <{reader.stack[-1]}>")
    if "&" in (reader.rawdata or ""):
        reader.errors.append("dangling ampersand")
    return "".join(reader.text), reader.errors
