"""LiveJournal: the whole piece as ONE journal entry of HTML (``LJ.XMLRPC.postevent``).

The entry: ``subject`` = the title; the event = the lead, then
``<lj-cut text="Читать дальше">`` and every other block of the piece, then the
canonical link back to the site; the tags go to the ``taglist`` prop. The blocks are
written by the Piece → HTML writer of ``syndication/render/article_html.py`` and cleaned
with LiveJournal's own allow-list below; images stay on our site (``<img src>`` with
the absolute URL of the rendition): LiveJournal's protocol has no upload call.
Pure: no I/O, no database.

Facts and their sources (docs/networks.md §6.C; details in syndication/api/NOTES.md):

* ``postevent`` fields ``subject``, ``event``, ``lineendings``, ``props`` (``taglist``,
  ``opt_preformatted``) — [web: https://docs.huihoo.com/livejournal/server/ljp.csp.xml-rpc.postevent.html],
  [repo: apparentlymart/livejournal cgi-bin/ljprotocol.pl postevent()].
* ``opt_preformatted=1``: the server does not turn newlines into ``<br>`` (we send
  HTML) — docs/networks.md §6.C.4.
* ``<lj-cut text="...">…</lj-cut>`` hides the rest behind a link labelled with the text
  — [web: https://azurelunatic.livejournal.com/4887744.html] (a user's reference of the
  syntax); how the cut reads on the journal page is LiveJournal's, not ours.
* event at most ``LJ::BMAX_EVENT`` = 65 535 bytes (the server answers 409 "Post too
  large" at or over it) — [repo: apparentlymart/livejournal cgi-bin/LJ/Constants.pm,
  cgi-bin/ljprotocol.pl]; other LJ-code forks allow more, so today's livejournal.com
  value is UNVERIFIED and we keep 60 000 bytes as the safety margin.
* subject: ``LJ::CMAX_SUBJECT`` 100 characters / ``BMAX_SUBJECT`` 255 bytes, trimmed
  silently by the server (``common_event_validation``) — [repo: apparentlymart/livejournal
  cgi-bin/LJ/Constants.pm, cgi-bin/ljprotocol.pl], docs/networks.md §6.C.4: we shorten it
  ourselves, at a word, with a warning.
* which tags the LiveJournal HTML cleaner keeps: UNVERIFIED. Our allow-list is a
  conservative subset of what LJ entries commonly use; ``figure``/``figcaption`` are
  UNVERIFIED — if the cleaner drops them, their ``img`` and caption text stay.
* tags: a comma-separated ``taglist``; a comma cannot be inside a tag — from the
  protocol's ``taglist`` prop ([repo: apparentlymart/livejournal
  cgi-bin/ljprotocol.pl], ``join(', ', @$tags)``). Tag length limits: UNVERIFIED (50
  characters kept). The page's tags are used (its hashtags without "#" when a
  piece carries no tags).

Over the size limit the entry is cut at a block boundary and ends with a link to the
full piece, with a warning.
"""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import urlparse

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from syndication import content as c
from syndication.exceptions import RenderError
from syndication.networks.base import (
    SHORTENED,
    Message,
    Network,
    adaptation,
    article_words,
)
from syndication.render import cut
from syndication.render.article_html import HtmlWriter
from syndication.render.sanitize import HtmlSubset

METHOD = "postevent"
PARSE_MODE = "livejournal_html"
# LiveJournal's allow-list for our entries (see the module docstring).
ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "a",
        "b",
        "i",
        "u",
        "s",
        "h2",
        "h3",
        "h4",
        "blockquote",
        "ul",
        "ol",
        "li",
        "figure",
        "img",
        "figcaption",
    }
)
ALLOWED_ATTRIBUTES = {"a": ["href"], "img": ["src", "alt"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto"]
CUT_OPEN = '<lj-cut text="{label}">'
CUT_CLOSE = "</lj-cut>"
TAG_LIMIT = 50  # characters per tag; UNVERIFIED


SUBSET = HtmlSubset(ALLOWED_TAGS, ALLOWED_ATTRIBUTES, ALLOWED_PROTOCOLS)


def sanitize(markup: str) -> str:
    """``markup`` with only LiveJournal's allowed tags; the cut is added outside."""
    return SUBSET.clean(markup)


def split_cut(event: str) -> tuple[str, str, str]:
    """(above the cut, below it, after it) of an event we rendered; the cut's label is
    not returned. No cut: everything is "above"."""
    start = event.find("<lj-cut")
    if start < 0:
        return event, "", ""
    open_end = event.index(">", start) + 1
    close = event.find(CUT_CLOSE, open_end)
    if close < 0:
        return event[:start], event[open_end:], ""
    return event[:start], event[open_end:close], event[close + len(CUT_CLOSE) :]


def cut_label(event: str) -> str:
    """The text of the entry's cut link (unescaped), "" without a cut."""
    match = re.search(r'<lj-cut\s+text="([^"]*)"', event)
    return unescape(match.group(1)) if match else ""


def size(text: str) -> int:
    return len(text.encode())


def cut_words(text: str, limit: int) -> str:
    if len(text) <= limit and size(text) <= 255:
        return text
    head = text[: limit - 1]
    while size(head) > 254:
        head = head[:-1]
    if " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip() + "…"


def paragraphs(text: str) -> list[str]:
    """The editor's own text: one ``<p>`` per blank-line-separated part."""
    parts = [part.strip() for part in text.split("\n\n")]
    return [
        "<p>" + escape(part).replace("\n", "<br>") + "</p>" for part in parts if part
    ]


class LiveJournalNetwork(Network):
    code = "livejournal"
    name = _("LiveJournal")
    language = "ru"

    subject_limit = 100  # characters (and 255 bytes), see the module docstring
    event_limit = 60_000  # bytes; LJ's 65 535 less a margin
    text_limit = event_limit  # what the preview's counter compares with

    def build(self, post, piece, blocks, options, account) -> None:
        if options.text:
            lead, rest = self._custom(options.text)
            link = ""
        else:
            lead, rest = self._article(piece, blocks)
            link = self._link(piece.url)
        rest = [html for _block, html in self.fit(post, rest, lead, link, piece.url)]
        event = lead
        if rest:
            label = escape(_gettext("Read more"), quote=True)
            event += CUT_OPEN.format(label=label) + "".join(rest) + CUT_CLOSE
        event += link
        subject = cut_words(piece.title.strip(), self.subject_limit) or piece.url
        if subject != piece.title.strip():
            post.warnings.append(
                adaptation(
                    SHORTENED,
                    _("The title is shortened to {limit} characters."),
                    limit=self.subject_limit,
                )
            )
        post.messages.append(
            Message(
                METHOD,
                text=event,
                parse_mode=PARSE_MODE,
                options={
                    "subject": subject,
                    "taglist": taglist(piece_tags(piece)),
                    "url": piece.url,
                },
            )
        )

    def _custom(self, text: str) -> tuple[str, list[tuple[None, str]]]:
        parts = paragraphs(text)
        return (parts[0] if parts else ""), [(None, part) for part in parts[1:]]

    def _article(self, piece, blocks) -> tuple[str, list[tuple[object, str]]]:
        """The lead and the other blocks' HTML, each with its block (the cut keeps
        polls and drops headings left without their body)."""
        writer = HtmlWriter(piece.url)
        parts = [(block, sanitize(writer.block(block))) for block in blocks]
        parts = [(block, html) for block, html in parts if html.strip()]
        if piece.lead.strip():
            return f"<p>{escape(piece.lead.strip())}</p>", parts
        # No lead: the first block is what the friends feed shows.
        return (parts[0][1], parts[1:]) if parts else ("", [])

    def _link(self, url: str) -> str:
        if not url:  # not on the site yet (a draft's preview): nothing to link
            return ""
        label = escape(_gettext("More: %(url)s") % {"url": ""})
        return sanitize(f'<p>{label}<a href="{escape(url)}">{escape(url)}</a></p>')

    def fit(self, post, rest: list, lead: str, link: str, url: str) -> list:
        """Whole blocks while the entry fits; then a link to the full piece, warned.
        A poll is never among the blocks left out (render/cut.py)."""

        def measure(parts) -> int:
            return sum(size(html) for _block, html in parts)

        fixed = size(lead) + size(link) + size(CUT_OPEN) + 64 + size(CUT_CLOSE)
        if fixed + measure(rest) <= self.event_limit:
            return rest
        tail = sanitize(
            f"<p><b>{escape(_gettext('Full text on the site: '))}</b>"
            f'<a href="{escape(url)}">{escape(url)}</a></p>'
        )
        kept, left = cut.cut_blocks(
            rest,
            self.event_limit - fixed - size(tail),
            lambda part: size(part[1]),
            carried=lambda part: isinstance(part[0], c.Poll),
            heading=lambda part: isinstance(part[0], c.Heading),
        )
        post.warnings.append(
            adaptation(
                SHORTENED,
                _(
                    "The entry is over LiveJournal's size limit: {left} block(s) at "
                    "the end are only on the site; the entry links to the full piece."
                ),
                left=left,
            )
        )
        return [*kept, (None, tail)]

    def check(self, post) -> None:
        for message in post.messages:
            subject = message.options.get("subject", "")
            if not 1 <= len(subject) <= self.subject_limit or size(subject) > 255:
                raise RenderError("subject length", network=self.code)
            if size(message.text) > self.event_limit:
                raise RenderError("event over the size limit", network=self.code)
            above, below, after = split_cut(message.text)
            for part in (above, below, after):
                if sanitize(part) != part:
                    raise RenderError(
                        "markup outside the allow-list", network=self.code
                    )
            for src in image_sources(message.text):
                if urlparse(src).scheme not in ("http", "https"):
                    raise RenderError(f"image not absolute: {src}", network=self.code)

    def reader_text(self, message: Message) -> str:
        return article_words(message.text)

    def preview(self, message: Message) -> dict:
        """Above the cut, the cut link and the rest, each part cleaned with
        LiveJournal's allow-list before it is marked safe."""
        above, below, after = split_cut(message.text)
        count = size(message.text)
        return {
            "message": message,
            "body": mark_safe(sanitize(above)),  # noqa: S308 (sanitised)
            "cut_label": cut_label(message.text),
            "rest": mark_safe(sanitize(below)),  # noqa: S308 (sanitised)
            "after": mark_safe(sanitize(after)),  # noqa: S308 (sanitised)
            "count": count,
            "limit": self.event_limit,
            "over": count > self.event_limit,
            "photos": [],
            "others": [],
        }


def image_sources(markup: str) -> list[str]:
    return [unescape(m) for m in re.findall(r'<img[^>]*\ssrc="([^"]*)"', markup)]


def piece_tags(piece) -> list[str]:
    """The page's tags as the editor wrote them; else its hashtags without "#"."""
    return list(getattr(piece, "tags", ()) or [h.lstrip("#") for h in piece.hashtags])


def taglist(names) -> str:
    """LiveJournal's ``taglist``: comma-separated, no comma inside a tag, no repeats."""
    tags = []
    for tag in names:
        word = tag.lstrip("#").replace(",", " ").strip()[:TAG_LIMIT].strip()
        if word and word.lower() not in (t.lower() for t in tags):
            tags.append(word)
    return ", ".join(tags)
