"""The neutral Piece: what a news page says, with no knowledge of any network.

A ``Piece`` is built once per page revision (``syndication.render.page_reader.
piece_from_page``) and handed to every network's ``render``. This module is the bottom
of the syndication core and imports nothing of it (nor Wagtail), so renderers,
previews and benchmarks can build pieces by hand.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Run:
    """A stretch of inline text with one formatting; ``href`` makes it a link."""

    text: str
    href: str = ""
    bold: bool = False
    italic: bool = False


Runs = tuple[Run, ...]


def runs_text(runs: Runs) -> str:
    return "".join(run.text for run in runs)


@dataclass(frozen=True)
class Paragraph:
    runs: Runs
    block_id: str = ""

    @property
    def text(self) -> str:
        return runs_text(self.runs)


@dataclass(frozen=True)
class Heading:
    runs: Runs
    level: int = 2
    block_id: str = ""

    @property
    def text(self) -> str:
        return runs_text(self.runs)


@dataclass(frozen=True)
class ListItem:
    runs: Runs
    children: tuple[ListBlock, ...] = ()


@dataclass(frozen=True)
class ListBlock:
    items: tuple[ListItem, ...]
    ordered: bool = False
    block_id: str = ""


@dataclass(frozen=True)
class Photo:
    url: str
    alt: str = ""
    caption: str = ""
    credit: str = ""
    block_id: str = ""


@dataclass(frozen=True)
class Gallery:
    photos: tuple[Photo, ...]
    title: str = ""
    block_id: str = ""


@dataclass(frozen=True)
class Infographic:
    image: Photo
    title: str
    text_alternative: str
    source: str = ""
    block_id: str = ""


@dataclass(frozen=True)
class Card:
    title: str
    text: str
    image: Photo | None = None


@dataclass(frozen=True)
class Cards:
    cards: tuple[Card, ...]
    title: str = ""
    block_id: str = ""


@dataclass(frozen=True)
class Animation:
    url: str
    caption: str = ""
    is_video: bool = False  # MP4 rather than GIF
    block_id: str = ""


@dataclass(frozen=True)
class Video:
    title: str
    file_url: str = ""  # an uploaded file to re-upload to the network
    url: str = ""  # an external player page (VK Video, RuTube, YouTube)
    description: str = ""
    cover: Photo | None = None
    block_id: str = ""


@dataclass(frozen=True)
class Live:
    url: str
    start: datetime
    title: str
    description: str = ""
    block_id: str = ""


@dataclass(frozen=True)
class Poll:
    question: str
    options: tuple[str, ...]
    multiple: bool = False
    anonymous: bool = True
    closes_at: datetime | None = None
    block_id: str = ""


@dataclass(frozen=True)
class Contest:
    title: str
    terms: str
    start: date
    end: date
    how_to_enter: str
    prize: str = ""
    link: str = ""
    block_id: str = ""


@dataclass(frozen=True)
class Quote:
    text: str
    author: str
    role: str = ""
    block_id: str = ""


Block = (
    Paragraph
    | Heading
    | ListBlock
    | Photo
    | Gallery
    | Infographic
    | Cards
    | Animation
    | Video
    | Live
    | Poll
    | Contest
    | Quote
)


@dataclass(frozen=True)
class Piece:
    """One news item, network-neutral. ``url`` is the canonical absolute URL."""

    title: str
    lead: str
    url: str
    hashtags: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()
    # The page's tags as the editor wrote them (blogs keep them as terms, not hashtags).
    tags: tuple[str, ...] = ()
    cover: Photo | None = None
    published: date | None = None
    page_id: int | None = None
    revision_id: int | None = None
    extra: dict = field(default_factory=dict, compare=False)


# Hashtags: VK, OK and Telegram recognise letters, digits and "_" after "#"; anything
# else ends the tag, so punctuation is removed and words are joined in CamelCase
# (a hyphen or slash separates words too: «COVID-19» → «#COVID19»).
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def hashtag_from_tag(tag: str) -> str:
    """«соцзащита» → «#соцзащита», «детский сад» → «#ДетскийСад», «COVID-19» → «#COVID19».

    Returns "" when nothing usable is left (an all-digit tag is not a hashtag anywhere).
    """
    tag = unicodedata.normalize("NFC", tag).strip().lstrip("#")
    words = [_NON_WORD.sub("", w) for w in re.split(r"[\s\-–—/]+", tag)]
    words = [w for w in words if w]
    if len(words) > 1:
        # Only the first letter changes, so «МЧС России» stays «МЧСРоссии».
        words = [w[:1].upper() + w[1:] for w in words]
    body = "".join(words)
    if not body or body.isdigit():
        return ""
    return "#" + body


def hashtags_from_tags(tags) -> tuple[str, ...]:
    """Hashtags in the tags' order, without empties and case-insensitive repeats."""
    seen: set[str] = set()
    result = []
    for tag in tags:
        hashtag = hashtag_from_tag(str(tag))
        if hashtag and hashtag.casefold() not in seen:
            seen.add(hashtag.casefold())
            result.append(hashtag)
    return tuple(result)
