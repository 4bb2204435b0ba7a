"""WordPress: a whole piece as ONE blog post (REST ``wp/v2/posts``), in HTML.

The article body comes from the Piece → HTML writer of the Dzen feed
(``syndication/render/article_html.HtmlWriter``: every block type has a form there), cleaned
with this module's own allow-list. Pure: no I/O, no database. The API client
(``syndication/api/wordpress.py``) uploads the images and rewrites their URLs; the
render only lists them as attachments.

One ``Message``:

* ``text`` — the post ``content``: the lead as the first paragraph, every block in
  order, then «Подробнее: <link>» back to the canonical page on our site (core
  WordPress has no canonical-URL field, SEO plugins do; so the link is in the body).
  ``parse_mode`` is ``wordpress_html``.
* ``options`` — ``title`` (plain text), ``excerpt`` (the lead, plain text), ``tags``
  (the page's tag names; the client turns them into term ids), ``canonical_url``,
  ``status`` ("publish").
* ``attachments`` — the featured image (the piece's cover; ``spec.role =
  "featured"``) first, then every ``<img>`` of the body (``role = "inline"``) in order.
  Categories are an account setting (the credential's optional ``categories``), so the
  client adds them, not the render.

Sources (docs/networks.md §6.A):

* ``ALLOWED_TAGS``/``ALLOWED_ATTRIBUTES``: a subset of core's ``$allowedposttags``
  (what KSES keeps for authors without ``unfiltered_html``): p, br, a[href], b, strong,
  i, em, u, s, h2–h4, blockquote, ul, ol, li, figure, figcaption, img[src, alt]
  — [repo: WordPress/WordPress wp-includes/kses.php@001ffe81fbec4438a9f594f330e18103d21fbcd7].
  §6.A.4 calls the exact list UNVERIFIED; we checked it in that file. Which list a
  given site applies (plugins, ``wp_kses_allowed_html`` filters) stays UNVERIFIED.
* No practical length limit on ``content`` (MySQL LONGTEXT) — §6.A.4; so nothing is
  cut and there is no ``SHORTENED`` path. ``title`` has no documented limit; we keep
  ``title_limit`` = 1000 characters as a sanity bound (UNVERIFIED, our choice).
* Polls, contests, live broadcasts have no core form (polls need plugins, §6.A.3):
  they become text (``block_lines``), with a ``POLL_AS_TEXT`` warning for polls.
* Video: shown as the cover and a link (``Смотреть: URL``); WordPress turns a bare
  URL on its own line into an oEmbed player, but §6.A.3 marks that UNVERIFIED, so we
  rely on the link only.
"""

from __future__ import annotations

import re
from html import escape, unescape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from syndication import content as c
from syndication.exceptions import RenderError
from syndication.networks.base import (
    POLL_AS_TEXT,
    SHORTENED,
    Attachment,
    Message,
    Network,
    adaptation,
    article_words,
)
from syndication.render.article_html import HtmlWriter
from syndication.render.sanitize import HtmlSubset

METHOD = "posts"
PARSE_MODE = "wordpress_html"
FEATURED, INLINE = "featured", "inline"

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "a",
        "b",
        "strong",
        "i",
        "em",
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
IMG_SRC = re.compile(r'<img src="([^"]+)"')
GIF = re.compile(r"\.gif(?:$|\?)", re.IGNORECASE)


SUBSET = HtmlSubset(ALLOWED_TAGS, ALLOWED_ATTRIBUTES, ALLOWED_PROTOCOLS)


def sanitize(markup: str) -> str:
    """Only what WordPress keeps (and what the preview may show as markup)."""
    return SUBSET.clean(markup)


def image_urls(markup: str) -> list[str]:
    """The ``src`` of every ``<img>`` in order, HTML-unescaped, without repeats."""
    seen: list[str] = []
    for match in IMG_SRC.finditer(markup):
        url = unescape(match.group(1))
        if url not in seen:
            seen.append(url)
    return seen


class WordPressNetwork(Network):
    code = "wordpress"
    name = _("WordPress")
    language = "ru"

    title_limit = 1000  # no documented limit; a sanity bound, see the docstring
    text_limit = 0  # no practical content limit (LONGTEXT)

    def build(self, post, piece, blocks, options, account) -> None:
        writer = HtmlWriter(piece.url)
        if options.text:
            parts = [
                f"<p>{escape(part.strip())}</p>"
                for part in options.text.split("\n\n")
                if part.strip()
            ]
        else:
            parts = [f"<p>{escape(piece.lead)}</p>"] if piece.lead else []
            for block in blocks:
                if isinstance(block, c.Paragraph) and not block.text.strip():
                    continue  # an empty paragraph would be a blank gap on the blog
                if isinstance(block, c.Poll):
                    post.warnings.append(
                        adaptation(
                            POLL_AS_TEXT,
                            _(
                                'WordPress has no polls: the poll "{question}" is '
                                "published as text."
                            ),
                            question=block.question,
                        )
                    )
                parts.append(writer.block(block))
            if piece.url:
                label = escape(gettext("More: %(url)s") % {"url": ""})
                link = escape(piece.url)
                parts.append(f'<p>{label}<a href="{link}">{link}</a></p>')
        # Bare URLs of the text forms (``Смотреть: URL``) become links: core only
        # auto-links comments, not post content (UNVERIFIED), so we do not rely on it.
        content = sanitize(SUBSET.linkify("".join(parts)))
        title = piece.title.strip() or piece.url
        if len(title) > self.title_limit:
            title = title[: self.title_limit - 1].rstrip() + "…"
            post.warnings.append(
                adaptation(
                    SHORTENED,
                    _("The title is shortened to {limit} characters."),
                    limit=self.title_limit,
                )
            )
        post.messages.append(
            Message(
                METHOD,
                text=content,
                parse_mode=PARSE_MODE,
                attachments=self.images(piece, content),
                options={
                    "title": title,
                    "excerpt": piece.lead,
                    "tags": list(piece.tags),
                    "canonical_url": piece.url,
                    "status": "publish",
                },
            )
        )

    @staticmethod
    def images(piece: c.Piece, content: str) -> tuple[Attachment, ...]:
        out = []
        if piece.cover:
            out.append(
                Attachment("photo", piece.cover, piece.cover.url, {"role": FEATURED})
            )
        for url in image_urls(content):
            kind = "animation" if GIF.search(url) else "photo"
            out.append(Attachment(kind, None, url, {"role": INLINE}))
        return tuple(out)

    def check(self, post) -> None:
        for message in post.messages:
            title = message.options.get("title", "")
            if not 1 <= len(title) <= self.title_limit:
                raise RenderError("title length", network=self.code)
            if sanitize(message.text) != message.text:
                raise RenderError("content outside the allow-list", network=self.code)

    def reader_text(self, message: Message) -> str:
        return article_words(message.text)

    def preview(self, message: Message) -> dict:
        """The article as the blog shows it: title, featured image, body cleaned with
        the render's own allow-list before it is marked safe."""
        return {
            "message": message,
            "body": mark_safe(sanitize(message.text)),  # noqa: S308 (sanitised)
            "count": len(message.text),
            "limit": 0,  # no practical limit on a post's content (LONGTEXT)
            "over": False,
            "featured": next(
                (a for a in message.attachments if a.spec.get("role") == FEATURED),
                None,
            ),
            "photos": [],
            "others": [],
        }
