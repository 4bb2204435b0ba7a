"""MAX: a channel post as a short series of Bot API messages (``POST /messages``).

Limits and where they come from (docs/networks.md §9.3-9.4):

* ``text`` at most 4000 characters (schema ``NewMessageBody.text maxLength: 4000``,
  [repo: max-messenger/api-schema schema.yaml]; dev.max.ru POST /messages). Whether
  MAX counts code points or UTF-16 units, and whether the limit applies to the markup
  or to the text after parsing, is UNVERIFIED. The margin: we measure the **markup as
  sent** (tags and entities included) in **UTF-16 units**, never less than any of the
  readings, against 4000.
* ``format: "html"``: only the tags of ``syndication.render.max_html`` (schema
  "Max flavored" formatting; [web: https://dev.max.ru/docs/chatbots/bots-coding/formatting]);
  the rest MAX strips silently. We pick HTML over MAX's markdown because the render's
  Lines already have an HTML form (Telegram's) and escaping HTML is unambiguous.
* Images per message: not documented (UNVERIFIED; a third-party validator says 12).
  We attach at most 10 per message and send the rest in further messages.
* No per-image caption exists (an attachment is ``{"type":"image","payload":{token}}``),
  so photo captions and credits go into the text.
* No polls (no poll attachment, method or update in spec 0.0.33): polls, contests and
  live broadcasts are sent as text (``block_lines.text_lines``) with a warning.
* Links: anchors in the HTML; MAX builds a preview of a link in the text unless
  ``disable_link_preview`` is true. Follow-ups and image-only messages disable it, so
  the piece's card shows once.

Shape: the text in messages of up to 4000 (follow-ups continue at paragraph or sentence
boundaries); the first message carries up to 10 images, further images follow in
messages of up to 10.
"""

from __future__ import annotations

from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from syndication import content as c
from syndication.exceptions import RenderError
from syndication.networks.base import (
    FOLLOW_UP,
    MEDIA_SPLIT,
    POLL_AS_TEXT,
    Attachment,
    Message,
    Network,
    Post,
    adaptation,
    html_words,
)
from syndication.render import lines as ln
from syndication.render import max_html
from syndication.render.block_lines import poll_lines, text_lines
from syndication.render.media import MediaItem, is_pure_media, media_of
from syndication.render.text import utf16_len

HTML = "html"  # NewMessageBody.format
SEND = "send"  # POST /messages?chat_id=…
MEDIA_KINDS = ("photo", "video", "animation")


class MaxNetwork(Network):
    code = "max"
    name = _("MAX")
    text_limit = 4000  # measured on the markup, in UTF-16 units (see above)
    max_media = 10  # per message; UNVERIFIED, see the module docstring

    def build(self, post: Post, piece: c.Piece, blocks, options, account) -> None:
        body: list[ln.Line] = []
        media: list[MediaItem] = []
        for block in blocks:
            if isinstance(block, c.Poll):
                body += poll_lines(block, piece.url)
                post.warnings.append(
                    adaptation(
                        POLL_AS_TEXT,
                        _(
                            'MAX has no polls: the poll "{question}" is sent as text '
                            "with a link to vote on the site."
                        ),
                        question=block.question,
                    )
                )
                continue
            items = media_of(block)
            media += items
            if not is_pure_media(block):
                body += text_lines(block, piece.url)
            if isinstance(block, (c.Photo, c.Gallery, c.Animation, c.Video)):
                body += self._caption_lines(block, items)
        if not media and piece.cover:
            media = media_of(piece.cover)

        if options.text:
            lines = [ln.plain_line(p) for p in options.text.split("\n\n") if p.strip()]
        else:
            lines = self._head(piece) + body + self._tail(piece)

        def measure(line: ln.Line) -> int:
            return utf16_len(ln.html(line, piece.url))

        chunks = ln.pack(lines, [self.text_limit], measure) if lines else []
        if len(chunks) > 1:
            post.warnings.append(
                adaptation(
                    FOLLOW_UP,
                    _("The text continues in {count} follow-up message(s)."),
                    count=len(chunks) - 1,
                )
            )
        batches = [
            media[i : i + self.max_media] for i in range(0, len(media), self.max_media)
        ]
        if len(batches) > 1:
            post.warnings.append(
                adaptation(
                    MEDIA_SPLIT,
                    _("{total} photos and videos are sent in {count} messages."),
                    total=len(media),
                    count=len(batches),
                )
            )
        for index, chunk in enumerate(chunks):
            text = max_html.sanitize(ln.join_html(chunk, piece.url))
            attachments = (
                self._attachments(batches.pop(0)) if index == 0 and batches else ()
            )
            # The piece's card shows once, under the first message.
            extra = {} if index == 0 else {"disable_link_preview": True}
            post.messages.append(Message(SEND, text, HTML, attachments, options=extra))
        for batch in batches:
            post.messages.append(
                Message(
                    SEND,
                    "",
                    HTML,
                    self._attachments(batch),
                    options={"disable_link_preview": True},
                )
            )

    # -- text ----------------------------------------------------------------------
    def _head(self, piece: c.Piece) -> list[ln.Line]:
        first = piece.lead or piece.title
        return [ln.plain_line(first)] if first else []

    def _tail(self, piece: c.Piece) -> list[ln.Line]:
        tail = []
        if piece.url:
            label = gettext("More: %(url)s") % {"url": ""}
            tail.append(ln.Line((c.Run(label), c.Run(piece.url, href=piece.url))))
        if piece.hashtags:
            tail.append(ln.plain_line(" ".join(piece.hashtags)))
        return tail

    def _caption_lines(self, block, items: list[MediaItem]) -> list[ln.Line]:
        """MAX images carry no caption: their words join the text, after the block's
        own lines (a gallery's title)."""
        captions = [item for item in items if item.caption]
        if isinstance(block, c.Video):
            # A video file's title and description are its caption.
            return [
                ln.plain_line(part, tight=bool(index), source=block)
                for item in captions
                for index, part in enumerate(item.caption.split("\n"))
                if part.strip()
            ]
        return [
            ln.plain_line(
                item.caption,
                tight=bool(index or getattr(block, "title", "")),
                source=item.source,
            )
            for index, item in enumerate(captions)
        ]

    # -- media -----------------------------------------------------------------------
    def _attachments(self, batch: list[MediaItem]) -> tuple[Attachment, ...]:
        return tuple(
            Attachment(
                item.kind, item.source, item.url, {"alt": item.alt} if item.alt else {}
            )
            for item in batch
        )

    # -- the preview -------------------------------------------------------------------
    def reader_text(self, message: Message) -> str:
        return html_words(message.text)

    def preview_body(self, message: Message) -> tuple[str, int]:
        """MAX HTML cleaned with MAX's own allow-list before it is marked safe; the
        limit counts the markup as sent."""
        html = max_html.sanitize(message.text)
        body = mark_safe(html.replace("\n", "<br>"))  # noqa: S308 (sanitised)
        return body, utf16_len(message.text)

    # -- the final check -------------------------------------------------------------
    def check(self, post: Post) -> None:
        for message in post.messages:
            if message.method != SEND:
                raise RenderError(f"Unknown method {message.method}", network=self.code)
            visible, problems = max_html.read(message.text)
            if problems:
                raise RenderError(f"Invalid MAX HTML: {problems}", network=self.code)
            if utf16_len(message.text) > self.text_limit:
                raise RenderError("Message over the limit", network=self.code)
            if not visible.strip() and not message.attachments:
                raise RenderError("Empty message", network=self.code)
            if len(message.attachments) > self.max_media:
                raise RenderError("Too many attachments", network=self.code)
            if any(a.kind not in MEDIA_KINDS for a in message.attachments):
                raise RenderError("Unsupported attachment", network=self.code)
