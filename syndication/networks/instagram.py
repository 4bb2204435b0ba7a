"""Instagram: one feed post of a professional account - an image, a carousel or a
reel, with a plain-text caption.

The render (pure); the client is ``syndication/api/instagram.py``. What the render decides
(docs/networks.md §5.3-5.4):

* Every post needs media. The piece's photos and video files (in reading order) make
  a single IMAGE, a CAROUSEL of 2-10 items (more: the first 10, a warning, the rest on
  the site), or a REELS video when the piece *leads* with a video file (its first
  media item); a reel carries one video, so the other media stay on the site (warning).
  GIFs cannot be posted (JPEG and video only), their words go in the caption.
* A text-only piece gets a generated cover card: an attachment of kind "photo" with
  ``spec["generated"] == "cover_card"``, ``url == ""`` and what it takes to draw it
  (``title``, ``background_url`` = the piece's cover or "", ``footer`` = the site's
  host, ``base_url`` = the piece's URL). The render stays pure: the API client draws
  it (``syndication.render.cover_card.render_card``), stores the JPEG under
  MEDIA_ROOT ``syndication/cards/<hash>.jpg`` and passes its absolute URL; the preview
  draws it into a data: URI.
* Caption: the lead, the body as plain text (captions of the photos and the video's
  title included, polls/contests/live as text), «Подробнее: <URL>», hashtags. Links in
  captions are not clickable (§5.4, secondary source) - the address is still spelled
  out as plain text so a reader can copy it; we do not use "link in bio" because a
  profile's bio holds one link, not one per piece.
* No polls via the API ("Publishing stickers (i.e., link, poll, location) is not
  supported", §5.3): every poll is text with «Голосовать на сайте: URL» and a warning.

Limits (§5.4): caption ≤ 2 200 characters, ≤ 30 hashtags, ≤ 20 @mentions - numbers
stated consistently by publishing tools
[web: https://repliz-docs.pages.dev/tutorial/spesification/instagram.html],
[web: https://docs.contentstudio.io/article/830-…], Meta's verbatim sentence
UNVERIFIED. Carousel 2-10 items, cropped to the first item's ratio
[web: https://www.postproxy.dev/how-to/publish-instagram-carousel-api/] (third-party,
consistent with Meta's IG Media parameters). JPEG only, public URL
[web: developers.secure.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/content-publishing].
Links not clickable in captions [web: https://qainsta.com/qa/view/why-isnt-the-link-clickable-in-instagram]
(secondary). How
Instagram counts characters is UNVERIFIED: we count UTF-16 units (never fewer than
code points). What Instagram treats as a hashtag is UNVERIFIED: we count ``#`` + word
characters not preceded by a word character (conservative: counts more, never
fewer). Hashtags over the limit are left out of the tail (warning); should the body
itself hold more than 30, the extra ``#`` signs are removed, the words stay. Carousel
2-10 items (§5.3); REELS replaces VIDEO since Nov 2023 (§5.3).
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlparse

from django.utils.translation import gettext_lazy as _

from syndication import content as c
from syndication.exceptions import RenderError
from syndication.networks.base import (
    MEDIA_OVER_LIMIT,
    POLL_AS_TEXT,
    Attachment,
    Message,
    Post,
    adaptation,
)
from syndication.networks.wall import PlainWallNetwork
from syndication.render import lines as ln
from syndication.render.block_lines import poll_lines, text_lines
from syndication.render.cover_card import (
    GENERATED_CARD,
    card_data_uri,
    is_generated_card,
)
from syndication.render.media import ANIMATION, PHOTO, VIDEO, is_pure_media, media_of
from syndication.render.text import utf16_len

# Adaptation kinds of this network (the preview shows any kind).
MEDIA_UNSUPPORTED = "media_unsupported"  # a GIF: Instagram takes JPEG and video only
COVER_CARD = "cover_card"  # a text-only piece: a card with the title is generated
TAGS_LIMITED = "tags_limited"  # hashtags or @mentions over Instagram's limit

IMAGE, CAROUSEL, REELS = "IMAGE", "CAROUSEL", "REELS"
METHOD = "media"  # POST /{ig-user-id}/media then media_publish

HASHTAG = re.compile(r"(?<![\w#&])#(\w+)")
MENTION = re.compile(r"(?<![\w@.])@([\w.]+)")


def hashtag_count(text: str) -> int:
    return len(HASHTAG.findall(text))


def mention_count(text: str) -> int:
    return len(MENTION.findall(text))


def _drop_marks_after(text: str, pattern: re.Pattern, keep: int, mark: str) -> str:
    """Remove the ``mark`` of every match after the first ``keep``; words stay."""
    seen = 0

    def unmark(match):
        nonlocal seen
        seen += 1
        return match.group(0) if seen <= keep else match.group(0).lstrip(mark)

    return pattern.sub(unmark, text)


class InstagramNetwork(PlainWallNetwork):
    code = "instagram"
    name = _("Instagram")
    method = METHOD
    text_limit = 2200  # the caption; §5.4
    max_media = 10  # carousel children; §5.3
    min_carousel = 2
    max_hashtags = 30
    max_mentions = 20
    caption_limit = 0  # carousel items carry no captions of their own

    def poll_fits(self, poll: c.Poll) -> bool:
        return False  # no polls through the API (§5.3)

    def build(self, post: Post, piece: c.Piece, blocks, options, account) -> None:
        body: list[ln.Line] = []
        media = []
        for block in blocks:
            if isinstance(block, c.Poll):
                body += poll_lines(block, piece.url)
                post.warnings.append(
                    adaptation(
                        POLL_AS_TEXT,
                        _(
                            'Instagram has no polls: "{question}" is sent as text, '
                            "voting is on the site."
                        ),
                        question=block.question,
                    )
                )
                continue
            items = media_of(block)
            if not is_pure_media(block):
                body += text_lines(block, piece.url)
            if isinstance(block, (c.Photo, c.Gallery, c.Animation, c.Video)):
                # Nothing travels beside the media: its captions (a video's title)
                # are lines of the caption.
                words = [i for i in items if i.caption]
                body += [
                    ln.plain_line(
                        item.caption,
                        tight=bool(index or getattr(block, "title", "")),
                        source=item.source,
                    )
                    for index, item in enumerate(words)
                ]
            for item in items:
                if item.kind == ANIMATION and not getattr(
                    item.source, "is_video", False
                ):
                    post.warnings.append(
                        adaptation(
                            MEDIA_UNSUPPORTED,
                            _(
                                "Instagram takes photos and videos only: the GIF is "
                                "on the site by the link, its caption is in the text."
                            ),
                        )
                    )
                    continue
                media.append(item)
        media_type, attachments = self._media(post, piece, media)
        if options.text:
            text = self._fit_custom(post, options.text)
        else:
            text = self._caption(post, piece, body)
        text = self._limit_marks(post, text)
        post.messages.append(
            Message(
                self.method,
                text,
                attachments=tuple(attachments),
                options={"media_type": media_type},
            )
        )

    # -- media -----------------------------------------------------------------------
    def _media(self, post: Post, piece: c.Piece, media) -> tuple[str, list]:
        if not media:
            post.warnings.append(
                adaptation(
                    COVER_CARD,
                    _(
                        "The piece has no photo or video: a card with its title is "
                        "generated for Instagram."
                    ),
                )
            )
            return IMAGE, [self._cover_card(piece)]
        if media[0].kind in (VIDEO, ANIMATION):
            # A piece that leads with a video is a reel; a reel is one video.
            rest = len(media) - 1
            if rest:
                post.warnings.append(
                    adaptation(
                        MEDIA_OVER_LIMIT,
                        _(
                            "The piece leads with a video, posted as a reel of one "
                            "video; the other {rest} media items are on the site by "
                            "the link."
                        ),
                        rest=rest,
                        total=len(media),
                        limit=1,
                    )
                )
            return REELS, self._media_attachments(post, media[:1])
        attachments = self._media_attachments(post, media)
        return (CAROUSEL if len(attachments) > 1 else IMAGE), attachments

    def _media_attachments(self, post, media) -> list[Attachment]:
        attachments = super()._media_attachments(post, media)
        # An MP4 animation is a video to Instagram.
        return [
            replace(a, kind=VIDEO) if a.kind == ANIMATION else a for a in attachments
        ]

    @staticmethod
    def _cover_card(piece: c.Piece) -> Attachment:
        host = urlparse(piece.url).hostname or ""
        return Attachment(
            PHOTO,
            piece.cover,
            "",
            {
                "generated": GENERATED_CARD,
                "title": piece.title,
                "background_url": piece.cover.url if piece.cover else "",
                "footer": host.removeprefix("www."),
                "base_url": piece.url,
                "alt": piece.title,
                "caption": "",
            },
        )

    # -- caption ---------------------------------------------------------------------
    def _caption(self, post: Post, piece: c.Piece, body: list[ln.Line]) -> str:
        # Hashtags in the body count against the 30 too: the tail gets what is left.
        used = hashtag_count(ln.join_plain(body, piece.url))
        used += hashtag_count(piece.lead or piece.title)
        room = max(0, self.max_hashtags - used)
        tags = piece.hashtags
        if len(tags) > room:
            post.warnings.append(
                adaptation(
                    TAGS_LIMITED,
                    _(
                        "Instagram allows {limit} hashtags in a caption: {dropped} "
                        "hashtag(s) of the piece are left out."
                    ),
                    limit=self.max_hashtags,
                    dropped=len(tags) - room,
                )
            )
            tags = tags[:room]
        return self._compose(post, replace(piece, hashtags=tags), body)

    def _limit_marks(self, post: Post, text: str) -> str:
        for pattern, limit, mark, message in (
            (
                HASHTAG,
                self.max_hashtags,
                "#",
                _(
                    "The text has more than {limit} hashtags: the extra «#» signs are "
                    "removed, the words stay."
                ),
            ),
            (
                MENTION,
                self.max_mentions,
                "@",
                _(
                    "The text has more than {limit} @mentions: the extra «@» signs are "
                    "removed, the names stay."
                ),
            ),
        ):
            if len(pattern.findall(text)) > limit:
                text = _drop_marks_after(text, pattern, limit, mark)
                post.warnings.append(adaptation(TAGS_LIMITED, message, limit=limit))
        return text

    # -- the «Соцсети» preview ---------------------------------------------------------
    def preview(self, message: Message) -> dict:
        """The caption as plain text, plus the generated card drawn into a data: URI
        (the preview reads only local files, never the network) and the hashtag
        counter beside the caption's character counter."""
        view = super().preview(message)
        photos = [
            replace(a, url=card_data_uri(a.spec)) if is_generated_card(a) else a
            for a in message.attachments
            if a.kind in (PHOTO, ANIMATION)
        ]
        count = hashtag_count(message.text)
        view.update(
            photos=photos,
            media_type=message.options.get("media_type", ""),
            hashtags=count,
            hashtag_limit=self.max_hashtags,
            hashtags_over=count > self.max_hashtags,
        )
        return view

    # -- the final measure -----------------------------------------------------------
    def check(self, post: Post) -> None:
        if len(post.messages) != 1:
            raise RenderError("An Instagram post is one message", network=self.code)
        message = post.messages[0]
        if utf16_len(message.text) > self.text_limit:
            raise RenderError("Caption over the limit", network=self.code)
        if hashtag_count(message.text) > self.max_hashtags:
            raise RenderError("Too many hashtags", network=self.code)
        if mention_count(message.text) > self.max_mentions:
            raise RenderError("Too many @mentions", network=self.code)
        kinds = [a.kind for a in message.attachments]
        media_type = message.options.get("media_type")
        if any(kind not in (PHOTO, VIDEO) for kind in kinds):
            raise RenderError("Only photos and videos", network=self.code)
        if media_type == IMAGE and kinds != [PHOTO]:
            raise RenderError("An image post is one photo", network=self.code)
        if media_type == REELS and kinds != [VIDEO]:
            raise RenderError("A reel is one video", network=self.code)
        if media_type == CAROUSEL and not (
            self.min_carousel <= len(kinds) <= self.max_media
        ):
            raise RenderError("A carousel has 2-10 items", network=self.code)
        if media_type not in (IMAGE, CAROUSEL, REELS):
            raise RenderError("Unknown media type", network=self.code)
