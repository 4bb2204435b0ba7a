"""Facebook Pages: a Page feed post (Meta Graph API), plain text.

Shape (docs/networks.md §4.3-4.4): one ``POST /{page-id}/feed`` with the text as
``message`` - plain text, no markup; URLs are auto-linked and hashtags are plain
``#tag`` text. Photos are uploaded unpublished (``POST /{page-id}/photos
published=false``) and attached as ``attached_media[i]={"media_fbid": id}``; a post
without photos carries the piece's URL as the Graph ``link`` parameter, which builds
the preview card. Videos and animations cannot ride in ``attached_media`` (only
``media_fbid`` of photos is documented there), so each goes as its own Page video
(``POST /{page-id}/videos`` with a ``description``) after the post: the message
method ``videos``, a follow-up.

Limits and where they come from:

* post text: 63 206 characters is commonly cited but UNVERIFIED (docs/networks.md §4.4,
  no Meta page in the corpus states it, 2026-12). We keep 60 000, counted in UTF-16
  units like the other plain-text networks.
* photos per multi-photo post: no documented maximum found - UNVERIFIED; we keep 10
  (the most any of our networks takes), the rest stays on the site by the link with
  a ``MEDIA_OVER_LIMIT`` warning.
* photo captions: an unpublished photo's own caption shows only when the photo is
  opened alone (UNVERIFIED), so photo and animation captions go into the post text.
* polls: the Pages API has no poll creation endpoint (docs/networks.md §4.3, "treat as
  unsupported"), so every poll is text with a link to vote on the site
  (``POLL_AS_TEXT``); contests and live streams are text as on every network.
* video ``description`` length: UNVERIFIED; it is the video's title and description,
  which the post text does not repeat.
* GIF animations uploaded to ``/videos``: UNVERIFIED that Facebook converts them; an
  animation's caption is in the post text either way.
"""

from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext_lazy as _

from syndication import content as c
from syndication.exceptions import RenderError
from syndication.networks.base import (
    CAPTION_SHORTENED,
    FOLLOW_UP,
    POLL_AS_TEXT,
    Attachment,
    Message,
    Post,
    adaptation,
)
from syndication.networks.wall import PlainWallNetwork
from syndication.render.media import PHOTO, MediaItem
from syndication.render.text import fit_plain, utf16_len

FEED = "feed"
VIDEOS = "videos"


class FacebookNetwork(PlainWallNetwork):
    code = "facebook"
    name = _("Facebook")
    method = FEED
    text_limit = 60_000  # below the unverified 63 206, see the module docstring
    max_media = 10  # photos per post, UNVERIFIED
    caption_limit = 0  # captions go into the post text
    video_description_limit = 5_000  # UNVERIFIED, a margin for the follow-ups

    # No poll API: every poll is text (the base class asks poll_fits first).
    def poll_fits(self, poll: c.Poll) -> bool:
        return False

    def poll_spec(self, poll: c.Poll) -> dict:  # pragma: no cover - never native
        raise NotImplementedError

    def _poll_warning(self, poll: c.Poll, second: bool):
        return adaptation(
            POLL_AS_TEXT,
            _(
                'Facebook Pages have no polls: "{question}" is sent as text with a '
                "link to vote on the site."
            ),
            question=poll.question,
            options=len(poll.options),
        )

    def _media_attachments(
        self, post: Post, media: list[MediaItem]
    ) -> list[Attachment]:
        # Only photos count against the post's limit; videos and animations become
        # their own Page videos (moved out of the post in ``build``).
        photos = [item for item in media if item.kind == PHOTO]
        moving = [item for item in media if item.kind != PHOTO]
        attachments = super()._media_attachments(post, photos)
        for item in moving:
            spec = {"alt": item.alt, "caption": item.caption}
            if item.title:
                spec.update(title=item.title, description=item.description)
            attachments.append(Attachment(item.kind, item.source, item.url, spec))
        return attachments

    def build(self, post: Post, piece: c.Piece, blocks, options, account) -> None:
        super().build(post, piece, blocks, options, account)
        main = post.messages[0]
        photos = tuple(a for a in main.attachments if a.kind == PHOTO)
        videos = [a for a in main.attachments if a.kind != PHOTO]
        link = {"link": piece.url} if piece.url and not photos else {}
        post.messages[0] = replace(main, attachments=photos, options=link)
        for video in videos:
            post.messages.append(self._video_message(post, video))
        if videos:
            post.warnings.append(
                adaptation(
                    FOLLOW_UP,
                    _(
                        "{count} video(s) and animation(s) are published as separate "
                        "Page videos after the post."
                    ),
                    count=len(videos),
                )
            )

    def _video_message(self, post: Post, video: Attachment) -> Message:
        description = video.spec.get("description") or ""
        title = video.spec.get("title") or ""
        if video.kind != "video":
            # An animation's caption is already in the post text; its video repeats
            # it so it is not a bare clip when seen alone.
            description = video.spec.get("caption", "")
        description, cut = fit_plain(description, self.video_description_limit)
        if cut:
            post.warnings.append(
                adaptation(CAPTION_SHORTENED, _("A media caption is shortened."))
            )
        spec = {"title": fit_plain(title, 255)[0], "description": description}
        attachment = replace(video, spec={**video.spec, **spec})
        return Message(VIDEOS, description, attachments=(attachment,))

    def check(self, post: Post) -> None:
        main, *videos = post.messages
        super().check(Post(post.network, [main]))
        if any(a.kind != PHOTO for a in main.attachments):
            raise RenderError("Only photos ride in a feed post", network=self.code)
        if main.attachments and "link" in main.options:
            raise RenderError("A photo post takes no link param", network=self.code)
        for message in videos:
            if message.method != VIDEOS or len(message.attachments) != 1:
                raise RenderError("A follow-up is one Page video", network=self.code)
            if utf16_len(message.text) > self.video_description_limit:
                raise RenderError("Video description over limit", network=self.code)
