"""Read a Wagtail ``NewsPage`` into a ``Piece``: the only module here that knows Wagtail.

Block names and fields follow ``cms/blocks.py`` (the vocabulary is a contract).
Images become absolute URLs of a bounded rendition (fits every network's photo limits:
Telegram wants width + height ≤ 10 000 and ≤ 10 MB); documents their absolute URLs.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urljoin

from django.conf import settings
from django.utils import timezone
from wagtail.rich_text import expand_db_html

from cms.links import short_url
from syndication import content as c
from syndication.render.block_lines import LOCAL_TZ
from syndication.render.richtext import blocks_from_html

PHOTO_RENDITION = "max-1600x1600"


def site_root(page, request=None) -> str:
    site = page.get_site() if getattr(page, "pk", None) else None
    root = site.root_url if site else ""
    return root or getattr(settings, "WAGTAILADMIN_BASE_URL", "")


def piece_from_page(page, revision=None, request=None) -> c.Piece:
    """Read a ``NewsPage`` (or ``revision.as_object()``) into a ``Piece``."""
    if revision is not None:
        page = revision.as_object()
    root = site_root(page, request)
    # Posts carry the piece's short link: ASCII, a few characters, stable across slug
    # changes (cms/links.py). A page not saved yet has no address at all.
    url = short_url(page, root) if page.pk and root else ""
    reader = _Reader(root)
    blocks: list = []
    for child in page.body:
        blocks += reader.block(child.block_type, child.value, str(child.id or ""))
    return c.Piece(
        title=page.title,
        lead=(page.lead or "").strip(),
        url=url,
        hashtags=c.hashtags_from_tags(tag.name for tag in page.tags.all()),
        tags=tuple(tag.name for tag in page.tags.all()),
        blocks=tuple(blocks),
        cover=reader.photo_of(page.cover, alt=page.title) if page.cover else None,
        published=page.date,
        page_id=page.pk,
        revision_id=getattr(revision, "pk", None),
    )


class _Reader:
    def __init__(self, root: str):
        self.root = root

    def absolute(self, url: str) -> str:
        return urljoin(self.root + "/", url) if url else ""

    def image_url(self, image) -> str:
        return self.absolute(image.get_rendition(PHOTO_RENDITION).url)

    def photo_of(self, image, alt="", caption="", credit="", block_id="") -> c.Photo:
        return c.Photo(self.image_url(image), alt, caption, credit, block_id)

    def photo(self, value, block_id="") -> c.Photo:
        return self.photo_of(
            value["image"],
            value.get("alt") or "",
            value.get("caption") or "",
            value.get("credit") or "",
            block_id,
        )

    def block(self, kind: str, value, block_id: str) -> list:
        method = getattr(self, f"read_{kind}", None)
        if (
            method is None
        ):  # a block the vocabulary gained later: never drop it silently
            raise TypeError(f"syndication cannot read block type {kind!r}")
        result = method(value, block_id)
        return result if isinstance(result, list) else [result]

    def read_text(self, value, block_id):
        items = blocks_from_html(expand_db_html(value.source), block_id)
        return [self._absolute_links(item) for item in items]

    def _absolute_links(self, item):
        def fix(runs):
            return tuple(
                c.Run(r.text, self.absolute(r.href), r.bold, r.italic) if r.href else r
                for r in runs
            )

        if isinstance(item, c.ListBlock):
            items = tuple(
                c.ListItem(
                    fix(i.runs), tuple(self._absolute_links(x) for x in i.children)
                )
                for i in item.items
            )
            return c.ListBlock(items, item.ordered, item.block_id)
        return type(item)(**{**item.__dict__, "runs": fix(item.runs)})

    def read_photo(self, value, block_id):
        return self.photo(value, block_id)

    def read_gallery(self, value, block_id):
        photos = tuple(self.photo(p) for p in value["photos"])
        return c.Gallery(photos, value.get("title") or "", block_id)

    def read_infographic(self, value, block_id):
        image = self.photo_of(value["image"], alt=value["title"])
        return c.Infographic(
            image,
            value["title"],
            value["text_alternative"],
            value.get("source") or "",
            block_id,
        )

    def read_cards(self, value, block_id):
        cards = tuple(
            c.Card(
                card["title"],
                card["text"],
                self.photo_of(card["image"], alt=card["title"])
                if card.get("image")
                else None,
            )
            for card in value["cards"]
        )
        return c.Cards(cards, value.get("title") or "", block_id)

    def read_animation(self, value, block_id):
        document = value["file"]
        is_video = document.file_extension.lower() in {"mp4", "webm"}
        return c.Animation(
            self.absolute(document.url), value.get("caption") or "", is_video, block_id
        )

    def read_video(self, value, block_id):
        cover = value.get("cover")
        return c.Video(
            title=value["title"],
            file_url=self.absolute(value["file"].url) if value.get("file") else "",
            url=value.get("url") or "",
            description=value.get("description") or "",
            cover=self.photo_of(cover, alt=value["title"]) if cover else None,
            block_id=block_id,
        )

    def read_live(self, value, block_id):
        return c.Live(
            value["url"],
            _aware(value["start"]),
            value["title"],
            value.get("description") or "",
            block_id,
        )

    def read_poll(self, value, block_id):
        closes = value.get("closes_at")
        return c.Poll(
            value["question"],
            tuple(str(option) for option in value["options"]),
            bool(value.get("multiple")),
            bool(value.get("anonymous")),
            _aware(closes) if closes else None,
            block_id,
        )

    def read_contest(self, value, block_id):
        return c.Contest(
            value["title"],
            value["terms"],
            value["start"],
            value["end"],
            value["how_to_enter"],
            value.get("prize") or "",
            value.get("link") or "",
            block_id,
        )

    def read_quote(self, value, block_id):
        return c.Quote(
            value["text"], value["author"], value.get("role") or "", block_id
        )


def _aware(value: datetime) -> datetime:
    # The editor types local (Kuzbass) time; a naive value means exactly that.
    if timezone.is_naive(value):
        return value.replace(tzinfo=LOCAL_TZ)
    return value
