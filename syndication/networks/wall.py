"""A plain-text wall post with attachments: the shape VK and OK share.

One post: the lead, the body as plain text (links spelled out as URLs, lists as «•»
lines), «Подробнее: URL», hashtags; photos and videos attached up to the network's
limit; at most one native poll. Text that does not fit is shortened at a sentence
boundary, and the link says «Читать полностью» - the rest is one tap away.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from syndication import content as c
from syndication.exceptions import RenderError
from syndication.networks.base import (
    CAPTION_SHORTENED,
    MEDIA_OVER_LIMIT,
    POLL_AS_TEXT,
    SHORTENED,
    WORD_CUT,
    Attachment,
    Message,
    Network,
    Post,
    adaptation,
)
from syndication.render import cut
from syndication.render import lines as ln
from syndication.render.block_lines import poll_lines, text_lines
from syndication.render.media import MediaItem, is_pure_media, media_of
from syndication.render.text import fit_plain, utf16_len

SENTENCE_ENDS = (".", "!", "?", "…", "»", ")")


class PlainWallNetwork(Network):
    method: ClassVar[str] = ""
    text_limit: ClassVar[int] = 0
    max_media: ClassVar[int] = 10
    caption_limit: ClassVar[int] = 0  # 0: the network has no per-photo caption
    poll_question_limit: ClassVar[int] = 0
    poll_option_limit: ClassVar[int] = 0
    poll_max_options: ClassVar[int] = 0

    def poll_spec(self, poll: c.Poll) -> dict:  # pragma: no cover - per network
        raise NotImplementedError

    def poll_fits(self, poll: c.Poll) -> bool:
        return (
            2 <= len(poll.options) <= self.native_poll_max()
            and utf16_len(poll.question) <= self.poll_question_limit
            and all(0 < utf16_len(o) <= self.poll_option_limit for o in poll.options)
        )

    def build(self, post: Post, piece: c.Piece, blocks, options, account) -> None:
        body: list[ln.Line] = []
        media: list[MediaItem] = []
        polls: list[Attachment] = []
        for block in blocks:
            if isinstance(block, c.Poll):
                if not polls and self.poll_fits(block):
                    polls.append(Attachment("poll", block, spec=self.poll_spec(block)))
                else:
                    body += poll_lines(block, piece.url)
                    post.warnings.append(self._poll_warning(block, bool(polls)))
                continue
            items = media_of(block)
            media += items
            if not is_pure_media(block):
                body += text_lines(block, piece.url)
            if not self.caption_limit and isinstance(
                block, (c.Photo, c.Gallery, c.Animation)
            ):
                # No captions on this network's photos: their words go in the text.
                captions = [i for i in items if i.caption]
                body += [
                    ln.plain_line(
                        item.caption,
                        # A gallery's captions follow its title line by line.
                        tight=bool(index or getattr(block, "title", "")),
                        source=item.source,
                    )
                    for index, item in enumerate(captions)
                ]
        if not media and piece.cover:
            media = media_of(piece.cover)
        attachments = self._media_attachments(post, media)
        if options.text:
            text = self._fit_custom(post, options.text)
        else:
            text = self._compose(post, piece, body)
        post.messages.append(
            Message(self.method, text, attachments=tuple(attachments + polls))
        )

    # -- text ----------------------------------------------------------------------
    def _compose(self, post: Post, piece: c.Piece, body: list[ln.Line]) -> str:
        head = (
            [ln.plain_line(piece.lead or piece.title)]
            if (piece.lead or piece.title)
            else []
        )
        lines = head + body

        def measure(line: ln.Line) -> int:
            return ln.visible_len(line, piece.url, with_urls=True)

        tail = self._tail(piece, gettext("More: %(url)s"))
        full = ln.join_plain(lines + tail, piece.url)
        if utf16_len(full) <= self.text_limit:
            return full
        tail = self._tail(piece, gettext("Read in full: %(url)s"))
        # Room for the text, the blank line before the tail, and a possible «…»;
        # a poll sent as text is never cut off: its room is kept first (render/cut.py).
        budget = self.text_limit - utf16_len(ln.join_plain(tail)) - 3
        budget -= cut.carried_size(lines, measure)
        chunks = ln.pack(cut.without_carried(lines), [budget], measure)
        kept = chunks[0]
        if len(chunks) == 1:  # fits once the tail is counted exactly
            return ln.join_plain(cut.assemble(lines, kept) + tail, piece.url)
        word_cut = chunks[1][0].cont  # pack had to cut a giant sentence by words
        room = budget - utf16_len(ln.join_plain(kept, piece.url)) - 2
        if not word_cut and room > budget // 2:
            # The next paragraph is one sentence too long for the room left: rather
            # than waste half the post, show its beginning up to a word boundary.
            pieces = ln.cut_line(chunks[1][0], room, measure, max_level=1)
            if len(pieces) > 1 and measure(pieces[0]) <= room:
                kept.append(replace(pieces[0], cont=False))
                word_cut = True
        kept = cut.drop_dangling_headings(kept)
        if word_cut and not kept[-1].text.rstrip().endswith(SENTENCE_ENDS):
            last = kept[-1]
            kept[-1] = replace(last, runs=(*last.runs, c.Run("…")))
            post.warnings.append(
                adaptation(
                    WORD_CUT, _("A sentence was too long and was cut between words.")
                )
            )
        kept = cut.assemble(lines, kept)
        text = ln.join_plain(kept + tail, piece.url)
        total = utf16_len(ln.join_plain(lines, piece.url))
        shown = utf16_len(ln.join_plain(kept, piece.url))
        post.warnings.append(
            adaptation(
                SHORTENED,
                _(
                    "The text is shortened to {shown} of {total} characters at a "
                    "sentence boundary; the rest is on the site by the link."
                ),
                shown=shown,
                total=total,
                limit=self.text_limit,
            )
        )
        return text

    def _tail(self, piece: c.Piece, link_label: str) -> list[ln.Line]:
        tail = [ln.plain_line(link_label % {"url": piece.url})] if piece.url else []
        if piece.hashtags:
            tail.append(ln.plain_line(" ".join(piece.hashtags)))
        return tail

    def _fit_custom(self, post: Post, text: str) -> str:
        fitted, shortened = fit_plain(text, self.text_limit)
        if shortened:
            post.warnings.append(
                adaptation(
                    SHORTENED,
                    _(
                        "The editor's text is longer than {limit} characters and is shortened."
                    ),
                    limit=self.text_limit,
                )
            )
        return fitted

    # -- media -----------------------------------------------------------------------
    def _media_attachments(
        self, post: Post, media: list[MediaItem]
    ) -> list[Attachment]:
        if len(media) > self.max_media:
            post.warnings.append(
                adaptation(
                    MEDIA_OVER_LIMIT,
                    _(
                        "{total} media items, the post takes {limit}; the other "
                        "{rest} are on the site by the link."
                    ),
                    total=len(media),
                    limit=self.max_media,
                    rest=len(media) - self.max_media,
                )
            )
            media = media[: self.max_media]
        attachments = []
        for item in media:
            spec = {"alt": item.alt}
            if item.title:
                spec.update(title=item.title, description=item.description)
            caption = item.caption
            if self.caption_limit and caption:
                caption, cut = fit_plain(caption, self.caption_limit)
                if cut:
                    post.warnings.append(
                        adaptation(
                            CAPTION_SHORTENED, _("A media caption is shortened.")
                        )
                    )
            spec["caption"] = caption
            attachments.append(Attachment(item.kind, item.source, item.url, spec))
        return attachments

    def _poll_warning(self, poll: c.Poll, second: bool):
        if second:
            message = _('Only one poll fits in a post: "{question}" is sent as text.')
        else:
            message = _(
                'The poll "{question}" exceeds the poll limits of the network '
                "({options} options) and is sent as text."
            )
        return adaptation(
            POLL_AS_TEXT, message, question=poll.question, options=len(poll.options)
        )

    def check(self, post: Post) -> None:
        for message in post.messages:
            if utf16_len(message.text) > self.text_limit:
                raise RenderError("Post text over the limit", network=self.code)
            media = [a for a in message.attachments if a.kind != "poll"]
            if len(media) > self.max_media:
                raise RenderError("Too many media in a post", network=self.code)
            if sum(a.kind == "poll" for a in message.attachments) > 1:
                raise RenderError("More than one poll in a post", network=self.code)
            if not message.text and not media:
                raise RenderError("A post needs text or media", network=self.code)
