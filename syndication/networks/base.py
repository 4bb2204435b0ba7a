"""The interface every network module implements, and what ``render`` returns.

Modelled on django-anymail's ``backends/base.py``: the base class owns the pipeline
(options, language, omitted blocks, the final limit check) and a network fills in one
named step, ``build``. Features a network cannot express raise ``Unsupported`` by
default, so a half-written network fails loudly instead of posting something wrong.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.conf import settings
from django.utils import translation
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from syndication.content import Piece
from syndication.exceptions import RenderError, Unsupported
from syndication.render.text import utf16_len

# Kinds of adaptation a preview shows as a warning.
SHORTENED = "shortened"  # text cut at a sentence; the rest is reachable by the link
FOLLOW_UP = "follow_up"  # text continues in further messages
CAPTION_SHORTENED = "caption_shortened"
POLL_AS_TEXT = "poll_as_text"
POLL_MADE_ANONYMOUS = "poll_made_anonymous"
MEDIA_SPLIT = "media_split"  # media sent in several groups
MEDIA_OVER_LIMIT = "media_over_limit"  # media beyond the post's limit, only on the site
BLOCK_OMITTED = "block_omitted"  # the editor left a block out for this network
CUSTOM_TEXT = "custom_text"  # the editor's own text replaces the generated one
WORD_CUT = "word_cut"  # a single word longer than a whole message had to be cut
FULL_TEXT_PAGE = "full_text_page"  # long text: its beginning + a link to the rest


# Attachments the preview shows as pictures; the rest are listed (polls, videos).
PICTURES = ("photo", "animation")


def poll_options(attachment: Attachment) -> list[str]:
    """A poll's answers as the network's spec sends them: VK ``add_answers`` (strings),
    OK ``answers`` and Telegram ``options`` (``{"text": …}``; OK's ``options`` is a
    flag string, not the answers)."""
    if attachment.kind != "poll":
        return []
    spec = attachment.spec or {}
    for key in ("add_answers", "answers", "options"):
        value = spec.get(key)
        if isinstance(value, list):
            return [o.get("text", "") if isinstance(o, dict) else str(o) for o in value]
    return []


_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|figcaption)>")


def html_words(markup: str) -> str:
    """Inline HTML (Telegram's, MAX's subset) as the words a reader sees."""
    return html.unescape(_TAG.sub("", markup or ""))


def article_words(markup: str) -> str:
    """An article's HTML as plain text, a blank line after each block."""
    text = _BLOCK_END.sub("\n\n", markup or "")
    return re.sub(r"\n{3,}", "\n\n", html_words(text)).strip()


@dataclass(frozen=True)
class Adaptation:
    """Something the render changed to fit the network; shown in the preview."""

    kind: str
    message: Any  # a lazy translated string: Russian for editors
    detail: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return str(self.message)


def adaptation(kind: str, message, **detail) -> Adaptation:
    """``message`` is a gettext_lazy msgid with ``{name}`` fields filled from detail."""
    return Adaptation(kind, format_lazy(message, **detail), detail)


@dataclass(frozen=True)
class Attachment:
    """A native media item or poll, with the Piece item it came from.

    ``kind``: photo | video | animation | poll. ``url`` is the file to upload (the
    site's absolute rendition or document URL); ``spec`` carries the network's own
    parameters (caption, poll question and answers ...), ready for the API client.
    """

    kind: str
    source: Any
    url: str = ""
    spec: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Message:
    """One API call's worth of content: a wall post, a Telegram message or album.

    ``method`` names the network's call (``wall.post``, ``mediatopic.post``,
    ``sendMessage``, ``sendPhoto``, ``sendMediaGroup`` ...). ``text`` is the post text
    or the caption, in ``parse_mode`` markup ("" for plain text).
    """

    method: str
    text: str = ""
    parse_mode: str = ""
    attachments: tuple[Attachment, ...] = ()
    is_caption: bool = False
    options: dict = field(default_factory=dict)


@dataclass
class Post:
    network: str
    messages: list[Message] = field(default_factory=list)
    warnings: list[Adaptation] = field(default_factory=list)

    def warning_kinds(self) -> list[str]:
        return [w.kind for w in self.warnings]


@dataclass(frozen=True)
class RenderOptions:
    """Per-network choices of the editor: their own text (sent as is, only fitted to
    the limits) and the ids of blocks to leave out."""

    text: str = ""
    omit_blocks: frozenset[str] = frozenset()
    # Where the full text of a piece too long for one message can be read (a Telegraph
    # page made by the delivery; a placeholder in the preview). Empty: no such page.
    full_text_url: str = ""

    @classmethod
    def coerce(cls, value) -> RenderOptions:
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        return cls(
            text=(value.get("text") or "").strip(),
            omit_blocks=frozenset(value.get("omit_blocks") or ()),
            full_text_url=(value.get("full_text_url") or "").strip(),
        )


class Network:
    """One social network's render and preview. Subclasses set the class attributes
    and implement ``build``. Talking to the network is the API client's job
    (``syndication/api/<code>.py``, reached through ``syndication.delivery.clients``):
    this layer is pure and imports no client."""

    code: ClassVar[str] = ""
    name: ClassVar[Any] = ""  # a lazy translated display name
    language: ClassVar[str] = "ru"  # the language of the posts

    def render(self, piece: Piece, account=None, options=None) -> Post:
        """The post exactly as it will be sent; pure (no I/O), used by preview and
        sending alike."""
        options = RenderOptions.coerce(options)
        post = Post(self.code)
        with translation.override(self.language):
            blocks, omitted_ids = [], set()
            for block in piece.blocks:
                block_id = getattr(block, "block_id", "")
                if block_id and block_id in options.omit_blocks:
                    omitted_ids.add(block_id)  # one text block may give many items
                    continue
                blocks.append(block)
            omitted = len(omitted_ids)
            if omitted:
                post.warnings.append(
                    adaptation(
                        BLOCK_OMITTED,
                        _("{count} block(s) left out for this network by the editor."),
                        count=omitted,
                    )
                )
            if options.text:
                post.warnings.append(
                    adaptation(CUSTOM_TEXT, _("The editor's own text is sent."))
                )
            self.build(post, piece, blocks, options, account)
        if not post.messages:
            raise RenderError("Nothing to post", network=self.code)
        self.check(post)
        return post

    def build(self, post: Post, piece: Piece, blocks: list, options, account) -> None:
        """Fill ``post.messages`` and ``post.warnings``. Must respect every limit of the
        network and must not drop content silently: whatever does not fit is moved,
        turned into text, or reachable by the piece's link, with a warning."""
        raise Unsupported("render", network=self.code)

    def check(self, post: Post) -> None:
        """Raise ``RenderError`` if a message breaks a limit (a bug in ``build``)."""

    # -- the preview: what the «Соцсети» panel shows of one message --------------------
    def preview(self, message: Message) -> dict:
        """The view of ``message`` that ``preview/<code>.html`` shows: ``body`` (safe
        HTML, as the reader will see it), ``count`` and ``limit`` (as the network
        counts), ``over``, ``photos`` (attachments shown as images) and ``others``
        (polls, videos). A network with markup overrides ``preview_body``; one with a
        page of its own (an article, a Telegraph page) overrides this method."""
        body, count = self.preview_body(message)
        limit = self.preview_limit(message)
        return {
            "message": message,
            "body": body,
            "count": count,
            "limit": limit,
            "over": bool(limit and count > limit),
            "photos": [a for a in message.attachments if a.kind in PICTURES],
            "others": [
                {
                    "kind": a.kind,
                    "url": a.url,
                    "spec": a.spec,
                    "options": poll_options(a),
                }
                for a in message.attachments
                if a.kind not in PICTURES
            ],
        }

    def preview_body(self, message: Message) -> tuple[str, int]:
        """``(safe HTML, count)``. Plain text: escaped here and the paragraphs marked
        safe (left to the template, the <p> tags were escaped and read literally)."""
        body = mark_safe(linebreaks(message.text, autoescape=True))  # noqa: S308
        return body, utf16_len(message.text)

    def reader_text(self, message: Message) -> str:
        """The words a reader reads in ``message``, as plain text (the style
        checker scores them). A network with markup overrides it."""
        return message.text or ""

    def native_poll_max(self) -> int:
        """Most answers a native poll may have: the setting SYNDICATION_POLL_MAX_OPTIONS
        (``{"telegram": 10}``) for this network, else the network's documented value
        (``poll_max_options``). A larger poll is sent as text, never dropped."""
        overrides = getattr(settings, "SYNDICATION_POLL_MAX_OPTIONS", None) or {}
        return int(overrides.get(self.code, getattr(self, "poll_max_options", 0)))

    def preview_limit(self, message: Message) -> int:
        limit_name = "caption_limit" if message.is_caption else "text_limit"
        return getattr(self, limit_name, 0) or getattr(self, "text_limit", 0)
