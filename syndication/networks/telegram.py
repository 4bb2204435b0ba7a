"""Telegram: a channel post as a short series of Bot API messages.

The render (pure); the client is ``syndication/api/telegram.py``. Limits (docs/networks.md §3.3-3.4,
python-telegram-bot constants MessageLimit / PollLimit / MediaGroupLimit): text 4096
and caption 1024, counted in UTF-16 units after entity parsing; media groups of 2-10;
poll question 300, option 100. Poll options: 2-10 before Bot API 9.1, 12 since (the
default here); SYNDICATION_POLL_MAX_OPTIONS = {"telegram": 10} keeps 10 for a local Bot
API server that lags behind. Larger polls are sent as text. Channels reject non-anonymous polls ("non-anonymous polls
can't be sent to channel chats"), so channel polls are always anonymous.

Shape: when the whole text fits a caption it rides on the first photo; otherwise the
text goes first as messages of up to 4096 (follow-ups continue it at paragraph or
sentence boundaries), then the media groups, animations and polls.

Long texts as a Telegraph page (an option of the Telegram account, issue 7): when the
text needs follow-ups and ``options.full_text_url`` is set, the post is ONE text
message instead: the text's beginning up to a sentence boundary, then «Читать
полностью» linking to that URL (a Telegraph page of the whole piece, made by the
delivery in ``syndication/delivery/full_text.py``; the site's page when Telegraph
failed; a placeholder in the preview), then the hashtags. The link is an ``<a>`` whose
URL Telegram does not count in the 4096 (it counts the text after entity parsing).
The render stays pure: it only receives the URL.
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from syndication import content as c
from syndication.exceptions import RenderError
from syndication.networks.base import (
    CAPTION_SHORTENED,
    FOLLOW_UP,
    FULL_TEXT_PAGE,
    MEDIA_SPLIT,
    POLL_AS_TEXT,
    POLL_MADE_ANONYMOUS,
    Attachment,
    Message,
    Network,
    Post,
    adaptation,
    html_words,
)
from syndication.render import cut
from syndication.render import lines as ln
from syndication.render import telegram_html as tg
from syndication.render.block_lines import poll_lines, text_lines
from syndication.render.media import ANIMATION, MediaItem, is_pure_media, media_of
from syndication.render.text import fit_plain, utf16_len

HTML = "HTML"


class TelegramNetwork(Network):
    code = "telegram"
    name = _("Telegram")
    text_limit = 4096
    caption_limit = 1024
    media_group_min = 2
    media_group_max = 10
    poll_question_limit = 300
    poll_option_limit = 100
    poll_max_options = 12  # Bot API 9.1

    def build(self, post: Post, piece: c.Piece, blocks, options, account) -> None:
        body: list[ln.Line] = []
        visual: list[MediaItem] = []
        animations: list[MediaItem] = []
        polls: list[Message] = []
        for block in blocks:
            if isinstance(block, c.Poll):
                if self.poll_fits(block):
                    polls.append(self._poll_message(post, block))
                else:
                    body += poll_lines(block, piece.url)
                    post.warnings.append(
                        adaptation(
                            POLL_AS_TEXT,
                            _(
                                'The poll "{question}" exceeds the Telegram limits '
                                "({options} options) and is sent as text."
                            ),
                            question=block.question,
                            options=len(block.options),
                        )
                    )
                continue
            for item in media_of(block):
                (animations if item.kind == ANIMATION else visual).append(item)
            if not is_pure_media(block):
                body += text_lines(block, piece.url)
        if not visual and not animations and piece.cover:
            visual = media_of(piece.cover)

        if options.text:
            lines = [ln.plain_line(p) for p in options.text.split("\n\n") if p.strip()]
            tail = []
        else:
            tail = self._tail(piece)
            lines = self._head(piece) + body + tail

        def measure(line: ln.Line) -> int:
            return ln.visible_len(line, piece.url, with_urls=False)

        # One message when everything fits a caption: the text rides on the first
        # photo, whose own caption (if any) joins the text before the link.
        caption_lines = []
        if visual:
            own = [ln.plain_line(visual[0].caption)] if visual[0].caption else []
            candidate = lines[: len(lines) - len(tail)] + own + tail
            size = sum(measure(x) + len(ln.separator(x)) for x in candidate[1:])
            if candidate and size + measure(candidate[0]) <= self.caption_limit:
                caption_lines = candidate
        groups = self._media_groups(post, visual, caption_lines, piece)
        if not caption_lines:
            chunks = ln.pack(lines, [self.text_limit], measure) if lines else []
            card_url = piece.url
            if len(chunks) > 1 and options.full_text_url:
                # The card under the post shows the page the reader is invited to
                # (an Instant View for telegra.ph links is UNVERIFIED, not in
                # docs/networks.md; the link works either way).
                card_url = options.full_text_url
                body_lines = lines[: len(lines) - len(tail)]
                chunks = [
                    self._beginning_and_link(
                        post, body_lines, measure, piece, options.full_text_url
                    )
                ]
            if len(chunks) > 1:
                post.warnings.append(
                    adaptation(
                        FOLLOW_UP,
                        _("The text continues in {count} follow-up message(s)."),
                        count=len(chunks) - 1,
                    )
                )
            for index, chunk in enumerate(chunks):
                text = tg.sanitize(ln.join_html(chunk, piece.url))
                # The piece's card shows once, under the first message; follow-ups
                # would otherwise each repeat it.
                preview = {"url": card_url} if index == 0 else {"is_disabled": True}
                link = {"link_preview_options": preview} if piece.url else {}
                post.messages.append(Message("sendMessage", text, HTML, options=link))
        post.messages += groups
        post.messages += [self._animation_message(post, item) for item in animations]
        post.messages += polls

    # -- text ----------------------------------------------------------------------
    def _head(self, piece: c.Piece) -> list[ln.Line]:
        return (
            [ln.plain_line(piece.lead or piece.title)]
            if (piece.lead or piece.title)
            else []
        )

    def _tail(self, piece: c.Piece) -> list[ln.Line]:
        tail = []
        if piece.url:
            label = gettext("More: %(url)s") % {"url": ""}
            tail.append(ln.Line((c.Run(label), c.Run(piece.url, href=piece.url))))
        if piece.hashtags:
            tail.append(ln.plain_line(" ".join(piece.hashtags)))
        return tail

    def _beginning_and_link(self, post, lines, measure, piece, url) -> list[ln.Line]:
        """One message: the text's beginning, then «Read in full» to ``url``."""
        link = ln.Line((c.Run(gettext("Read in full"), href=url),))
        tail = [link]
        if piece.hashtags:
            tail.append(ln.plain_line(" ".join(piece.hashtags)))
        room = self.text_limit - sum(measure(x) + len(ln.separator(x)) for x in tail)
        # A poll sent as text keeps its room and its place; no heading ends the
        # beginning shown (render/cut.py).
        room -= cut.carried_size(lines, measure)
        plain = cut.without_carried(lines)
        kept = ln.pack(plain, [room], measure)[0] if plain else []
        kept = cut.assemble(lines, cut.drop_dangling_headings(kept))
        total = sum(measure(x) + len(ln.separator(x)) for x in lines[1:])
        shown = sum(measure(x) + len(ln.separator(x)) for x in kept[1:])
        post.warnings.append(
            adaptation(
                FULL_TEXT_PAGE,
                _(
                    "The text is too long for one message: the post shows {shown} of "
                    "{total} characters, and «Read in full» leads to the whole piece "
                    "on a Telegraph page."
                ),
                shown=shown + (measure(kept[0]) if kept else 0),
                total=total + (measure(lines[0]) if lines else 0),
                url=url,
            )
        )
        return kept + tail

    def _caption(self, post: Post, text: str) -> str:
        fitted, cut = fit_plain(text, self.caption_limit)
        if cut:
            post.warnings.append(
                adaptation(CAPTION_SHORTENED, _("A media caption is shortened."))
            )
        return escape(fitted, quote=False)

    # -- media -----------------------------------------------------------------------
    def _media_groups(self, post, visual, caption_lines, piece) -> list[Message]:
        if not visual:
            return []
        count = -(-len(visual) // self.media_group_max)  # ceil
        size = -(-len(visual) // count)  # balanced: 14 → 7 + 7, never a group of 1
        batches = [visual[i : i + size] for i in range(0, len(visual), size)]
        if len(batches) > 1:
            post.warnings.append(
                adaptation(
                    MEDIA_SPLIT,
                    _("{total} photos and videos are sent as {count} albums."),
                    total=len(visual),
                    count=len(batches),
                )
            )
        messages = []
        for index, batch in enumerate(batches):
            items = []
            for position, item in enumerate(batch):
                caption = self._caption(post, item.caption) if item.caption else ""
                if index == 0 and position == 0 and caption_lines:
                    caption = tg.sanitize(ln.join_html(caption_lines, piece.url))
                spec = {"caption": caption, "parse_mode": HTML} if caption else {}
                if item.alt:
                    spec["alt"] = item.alt
                items.append(Attachment(item.kind, item.source, item.url, spec))
            first_caption = items[0].spec.get("caption", "")
            method = (
                "sendMediaGroup" if len(items) > 1 else f"send{items[0].kind.title()}"
            )
            messages.append(
                Message(
                    method,
                    first_caption,
                    HTML,
                    tuple(items),
                    is_caption=True,
                )
            )
        return messages

    def _animation_message(self, post, item: MediaItem) -> Message:
        caption = self._caption(post, item.caption) if item.caption else ""
        spec = {"caption": caption, "parse_mode": HTML} if caption else {}
        attachment = Attachment(item.kind, item.source, item.url, spec)
        return Message("sendAnimation", caption, HTML, (attachment,), is_caption=True)

    # -- polls ---------------------------------------------------------------------
    def poll_fits(self, poll: c.Poll) -> bool:
        return (
            self.media_group_min <= len(poll.options) <= self.native_poll_max()
            and 0 < utf16_len(poll.question) <= self.poll_question_limit
            and all(0 < utf16_len(o) <= self.poll_option_limit for o in poll.options)
        )

    def _poll_message(self, post: Post, poll: c.Poll) -> Message:
        if not poll.anonymous:
            post.warnings.append(
                adaptation(
                    POLL_MADE_ANONYMOUS,
                    _('Telegram channels allow only anonymous polls: "{question}".'),
                    question=poll.question,
                )
            )
        spec = {
            "question": poll.question,
            "options": [{"text": option} for option in poll.options],
            "is_anonymous": True,
            "allows_multiple_answers": poll.multiple,
        }
        if poll.closes_at:
            # The client must drop it when it is not 5 s - 30 days ahead at send time.
            spec["close_date"] = int(poll.closes_at.timestamp())
        return Message("sendPoll", "", "", (Attachment("poll", poll, spec=spec),))

    # -- the preview -------------------------------------------------------------------
    def reader_text(self, message: Message) -> str:
        return html_words(message.text)

    def preview_body(self, message: Message) -> tuple[str, int]:
        """Telegram's HTML cleaned with its own allow-list before it is marked safe;
        counted as Telegram counts, on the text after entity parsing."""
        html = tg.sanitize(message.text)
        body = mark_safe(html.replace("\n", "<br>"))  # noqa: S308 (sanitised)
        return body, tg.visible_length(message.text)

    # -- the final check -------------------------------------------------------------
    def check(self, post: Post) -> None:
        for message in post.messages:
            texts = [message.text] + [
                a.spec.get("caption", "") for a in message.attachments
            ]
            limit = self.caption_limit if message.is_caption else self.text_limit
            for index, text in enumerate(texts):
                visible, problems = tg.read(text)
                if problems:
                    raise RenderError(
                        f"Invalid Telegram HTML: {problems}", network=self.code
                    )
                if utf16_len(visible) > (limit if index == 0 else self.caption_limit):
                    raise RenderError("Message over the limit", network=self.code)
            if message.method == "sendMediaGroup" and not (
                self.media_group_min <= len(message.attachments) <= self.media_group_max
            ):
                raise RenderError("Media group size out of 2-10", network=self.code)
            if message.method == "sendMessage" and not message.text:
                raise RenderError("Empty text message", network=self.code)
            if message.method == "sendPoll":
                spec = message.attachments[0].spec
                if not (
                    self.media_group_min
                    <= len(spec["options"])
                    <= self.native_poll_max()
                    and utf16_len(spec["question"]) <= self.poll_question_limit
                    and all(
                        utf16_len(o["text"]) <= self.poll_option_limit
                        for o in spec["options"]
                    )
                ):
                    raise RenderError("Poll over the limits", network=self.code)
