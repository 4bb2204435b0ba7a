"""The visual media of Piece items, in reading order, network-neutral."""

from __future__ import annotations

from dataclasses import dataclass

from syndication import content as c
from syndication.render.block_lines import caption_text

PHOTO, VIDEO, ANIMATION = "photo", "video", "animation"


@dataclass(frozen=True)
class MediaItem:
    kind: str
    url: str
    caption: str  # plain text
    source: object  # the Piece item (Photo, Video, Animation, Card ...)
    alt: str = ""
    title: str = ""
    description: str = ""


def _photo(photo: c.Photo, caption: str | None = None, source=None) -> MediaItem:
    return MediaItem(
        PHOTO,
        photo.url,
        caption_text(photo) if caption is None else caption,
        source or photo,
        alt=photo.alt,
    )


def media_of(block) -> list[MediaItem]:
    if isinstance(block, c.Photo):
        return [_photo(block)]
    if isinstance(block, c.Gallery):
        return [_photo(photo) for photo in block.photos]
    if isinstance(block, c.Infographic):
        # The text alternative is in the post text, so the caption is the title.
        return [_photo(block.image, block.title, block)]
    if isinstance(block, c.Cards):
        return [
            _photo(card.image, card.title, card) for card in block.cards if card.image
        ]
    if isinstance(block, c.Video) and block.file_url:
        caption = block.title + (f"\n{block.description}" if block.description else "")
        return [
            MediaItem(
                VIDEO,
                block.file_url,
                caption,
                block,
                title=block.title,
                description=block.description,
            )
        ]
    if isinstance(block, c.Animation):
        return [MediaItem(ANIMATION, block.url, block.caption, block)]
    return []


def is_pure_media(block) -> bool:
    """Items whose words all travel with the media (no text lines needed)."""
    return isinstance(block, (c.Photo, c.Animation)) or (
        isinstance(block, c.Video) and bool(block.file_url)
    )
