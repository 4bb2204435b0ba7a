"""MAX's HTML subset (``format: "html"``): sanitising with an allow-list, and reading
it back to check a message.

Allowed tags, from the schema's "Max flavored" formatting notes and dev.max.ru
"Форматирование текста" (docs/networks.md §9.4): ``<i>/<em>``, ``<b>/<strong>``,
``<del>/<s>``, ``<ins>/<u>``, ``<a href>``, ``<pre>/<code>``, ``<mark>``,
``<blockquote>``, ``<h1>``. MAX strips every other tag silently, so what it would
strip we strip first (the preview then shows what readers get). Which named entities
MAX decodes is UNVERIFIED: we write only ``&lt; &gt; &amp; &quot;`` and numeric
references, as for Telegram.
"""

from __future__ import annotations

import html as html_lib
from html.parser import HTMLParser

from syndication.render.sanitize import HtmlSubset

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
SUBSET = HtmlSubset(ALLOWED_TAGS, ALLOWED_ATTRIBUTES, ALLOWED_PROTOCOLS, NAMED_ENTITIES)


def sanitize(markup: str) -> str:
    """Only MAX's tags and attributes, balanced, with safe links and entities."""
    return SUBSET.clean(markup)


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
