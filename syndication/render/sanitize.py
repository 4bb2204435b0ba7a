"""One HTML-subset sanitiser for every network that takes HTML (Telegram, MAX, WordPress,
LiveJournal) and for Dzen's feed: an ``HtmlSubset`` is a network's allow-list of tags,
attributes, link protocols and named entities.

``clean`` has two paths with the same result. Markup that is provably already in the
form bleach would write (only allowed tags with allowed, quoted attributes, balanced and
nested so that an HTML5 parser builds exactly that tree, only safe links, escaped text,
no character a parser rewrites) is returned as it is; this is what our own renders
write, so a render never pays for bleach's html5lib pass. Anything else goes through
bleach (a well-kept sanitiser on a real HTML5 parser). Tests compare the two paths on
every sample piece and on generated markup.

``linkify`` turns bare URLs in text into links like ``bleach.linkify`` does, on the same
fast path.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable, Mapping
from functools import cached_property, lru_cache

import bleach
import bleach.linkifier
import bleach.sanitizer

# Start tags that make an HTML5 parser close an open <p> ("close a p element in button
# scope", WHATWG HTML §13.2.6.4.7): after them a <p> is no longer where we wrote it.
_CLOSES_P = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dd",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "listing",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
    ]
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset({"br", "img", "hr", "wbr"})
# Attributes bleach checks as URLs (bleach.sanitizer.attr_val_is_uri, the ones we allow).
_URL_ATTRIBUTES = frozenset({"href", "src"})
# Text characters a parser replaces or reports (controls, CR, surrogates, C1 range,
# the Unicode non-characters): such text is left to bleach.
_REWRITTEN_CHARS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
_TOKEN = re.compile(r"<(/?)([a-z][a-z0-9-]*)((?:\s[^<>]*)?)>|<|>")
_ATTRIBUTE = re.compile(r' ([a-z][a-z-]*)="([^"<>]*)"')
_ENTITY = re.compile(
    r"&(?:([A-Za-z][A-Za-z0-9]*)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));"
)
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_BARE_LINK = re.compile(r"<a>(.*?)</a>", re.S)
_SAFE_NAMED = frozenset({"lt", "gt", "amp", "quot"})
_AMPERSAND = re.compile("&")
# Every URL bleach's pattern finds has a word character, a dot and an ASCII letter of
# the top-level domain in a row (re.I: as the pattern, Kelvin sign and long s too).
_URL_HINT = re.compile(r"[\w-]\.[a-z]", re.IGNORECASE)


class HtmlSubset:
    """A network's allow-list. ``named_entities``: the named entities the network
    decodes; ``None`` keeps any (HTML5's), a set turns every other into numeric
    references (Telegram and MAX reject unknown names)."""

    def __init__(
        self,
        tags: Iterable[str],
        attributes: Mapping[str, Iterable[str]],
        protocols: Iterable[str],
        named_entities: Iterable[str] | None = None,
    ):
        self.tags = frozenset(tags)
        self.attributes = {tag: tuple(names) for tag, names in attributes.items()}
        self.protocols = tuple(protocols)
        self.named_entities = (
            None if named_entities is None else frozenset(named_entities)
        )
        # A render asks about the same text more than once (sanitise, then check).
        self._is_clean_cached = lru_cache(maxsize=32)(self._is_clean)
        self._safe_url = re.compile(
            "(?:" + "|".join(re.escape(p) for p in self.protocols) + "):"
        )

    @cached_property
    def _cleaner(self) -> bleach.sanitizer.Cleaner:
        # One Cleaner per subset and process: building it (parser, serializer) costs
        # more than cleaning a message; Cleaner.clean keeps no state between calls.
        return bleach.sanitizer.Cleaner(
            tags=self.tags,
            attributes={tag: list(names) for tag, names in self.attributes.items()},
            protocols=list(self.protocols),
            strip=True,
            strip_comments=True,
        )

    # -- the fast path -------------------------------------------------------------
    def _text_is_clean(self, text: str) -> bool:
        if _REWRITTEN_CHARS.search(text):
            return False
        if "&" not in text:
            return True
        for match in _AMPERSAND.finditer(text):
            entity = _ENTITY.match(text, match.start())
            if not entity:
                return False
            name = entity.group(1)
            if name and name not in _SAFE_NAMED:
                return False  # another name: bleach decides whether it is one
            if not name and not _valid_codepoint(entity):
                return False
        return True

    def _attributes_are_clean(self, tag: str, raw: str) -> bool:
        allowed = self.attributes.get(tag, ())
        seen = set()
        end = 0
        for match in _ATTRIBUTE.finditer(raw):
            if match.start() != end:
                return False
            end = match.end()
            name, value = match.groups()
            if name not in allowed or name in seen or not self._text_is_clean(value):
                return False
            seen.add(name)
            if name in _URL_ATTRIBUTES and not self._safe_url.match(value):
                return False
        if end != len(raw):
            return False
        # A link without a target is unwrapped by ``clean``: not already clean.
        return not (tag == "a" and "href" in allowed and "href" not in seen)

    def is_clean(self, markup: str) -> bool:
        """True when ``clean(markup)`` is ``markup``, proved without parsing it as
        HTML5: our renders' output takes this path."""
        return self._is_clean_cached(markup)

    def _is_clean(self, markup: str) -> bool:
        stack: list[str] = []
        end = 0
        for match in _TOKEN.finditer(markup):
            if not self._text_is_clean(markup[end : match.start()]):
                return False
            end = match.end()
            closing, tag, raw = match.groups()
            if tag is None or tag not in self.tags:
                return False  # a stray angle bracket, a comment or a foreign tag
            if closing:
                if raw or tag in _VOID or not stack or stack.pop() != tag:
                    return False
                continue
            if not self._attributes_are_clean(tag, raw):
                return False
            if tag in _CLOSES_P and "p" in stack:
                return False
            if tag in _HEADINGS and stack and stack[-1] in _HEADINGS:
                return False
            if tag == "li" and _open_list_item(stack):
                return False
            if tag == "a" and "a" in stack:
                return False
            if tag == "pre" and markup.startswith("\n", end):
                return False  # the parser drops a newline right after <pre>
            if tag not in _VOID:
                stack.append(tag)
        return not stack and self._text_is_clean(markup[end:])

    # -- the sanitiser ---------------------------------------------------------------
    def clean(self, markup: str) -> str:
        """Only the subset's tags and attributes, balanced, with safe links; a link
        that lost its unsafe target keeps its words; entities the network decodes."""
        return markup if self.is_clean(markup) else self.clean_with_bleach(markup)

    def clean_with_bleach(self, markup: str) -> str:
        """The slow path alone (tests compare it with the fast one)."""
        cleaned = self._cleaner.clean(markup)
        if "href" in self.attributes.get("a", ()):
            cleaned = _BARE_LINK.sub(r"\1", cleaned)  # bleach kept <a>, not the href
        if self.named_entities is not None:
            cleaned = _NAMED_ENTITY.sub(self._entity, cleaned)
        return cleaned

    def _entity(self, match: re.Match) -> str:
        if match.group(1) in self.named_entities:
            return match.group(0)
        char = html_lib.unescape(match.group(0))
        if char == match.group(0):  # not an entity at all: escape the ampersand
            return "&amp;" + match.group(0)[1:]
        return "".join(f"&#{ord(ch)};" for ch in char)

    # -- links -----------------------------------------------------------------------
    def linkify(self, markup: str) -> str:
        """Bare URLs in text outside links become links (``http://`` added when the
        URL has no protocol), as ``bleach.linkify(markup, callbacks=[],
        parse_email=False)`` writes them; markup not in clean form goes to bleach."""
        if not self.is_clean(markup):
            return bleach.linkify(markup, callbacks=[], parse_email=False)
        out: list[str] = []
        in_link = False
        end = 0
        for match in _TOKEN.finditer(markup):
            text = markup[end : match.start()]
            out.append(text if in_link else _link_urls(text))
            out.append(match.group(0))
            if match.group(2) == "a":
                in_link = not match.group(1)
            end = match.end()
        out.append(_link_urls(markup[end:]) if not in_link else markup[end:])
        return "".join(out)


def _valid_codepoint(entity: re.Match) -> bool:
    decimal, hexadecimal = entity.group(2), entity.group(3)
    code = int(decimal) if decimal else int(hexadecimal, 16)
    char = chr(code) if code <= 0x10FFFF else ""
    return bool(char) and code not in (0, 0x0D) and not _REWRITTEN_CHARS.match(char)


def _open_list_item(stack: list[str]) -> bool:
    """An <li> start closes an open <li> in list item scope (up to the nearest list or
    another special element)."""
    for tag in reversed(stack):
        if tag == "li":
            return True
        if tag in ("ul", "ol") or tag in _CLOSES_P - {"p"}:
            return False
    return False


_LINKER = bleach.linkifier.Linker(callbacks=[], parse_email=False)


def _link_urls(text: str) -> str:
    """``text`` (escaped HTML text) with its bare URLs as links, the way bleach's
    LinkifyFilter does it: its URL pattern on the text as written (entities and
    all), its trimming of punctuation and parentheses, ``http://`` when there is no
    protocol."""
    if not _URL_HINT.search(text) or not _LINKER.url_re.search(text):
        return text
    out: list[str] = []
    end = 0
    for match in _LINKER.url_re.finditer(text):
        out.append(text[end : match.start()])
        url, prefix, suffix = _STRIPPER.strip_non_url_bits(match.group(0))
        href = url if bleach.linkifier.PROTO_RE.search(url) else f"http://{url}"
        href = href.replace('"', "&quot;")
        out.append(f'{prefix}<a href="{href}">{url}</a>{suffix}')
        end = match.end()
    out.append(text[end:])
    return "".join(out)


_STRIPPER = bleach.linkifier.LinkifyFilter(
    source=iter(()), callbacks=[], url_re=_LINKER.url_re
)
