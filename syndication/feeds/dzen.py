"""The news as Dzen's RSS import wants it: /feeds/dzen/rss.xml.

NOTES (re-checked 2026-12-02 with the ``search`` tool, corpus "pages"; docs/networks.md §6.D)
======================================================================================
The reference corpus holds only the opening of each help page, so the element tables
("обязательные элементы, отмеченные значком в таблицах ниже") were not readable in
any language. What the openings say, verified:

* Current Dzen help, «Разметка и подключение ленты RSS»
  [web: https://dzen.ru/help/ru/website/rss-modify; the same Russian text is served at
  https://dzen.ru/help/website/rss-modify.html?lang=en]:
  - a feed made for Turbo or News on Dzen does not fit: "другой набор обязательных
    атрибутов и другие требования к размеру иллюстраций";
  - an item is edited by sending it again with its original ``guid`` ("указать
    изначальный guid, чтобы не создавать дубликаты"), with no limit on updates; an
    item edited by hand in Dzen Studio stops following the feed → ``guid_of`` is
    the page id, never the title, slug, URL or revision;
  - include only fresh items, of the last two or three days; an item once sent is not
    fresh; do not add items again; at most 500 items per fetch → ``FRESH_DAYS`` and
    ``MAX_ITEMS`` below. An edit is the one documented reason to send an item again,
    so an item re-published within the window is kept (``items``).
* Older Zen help, English [web: https://yandex.com/support/zen/website/rss-modify.html?lang=en,
  also yandex.com.tr/support/zen/website/rss-modify.html]:
  - "Publications should contain at least one image of no less than 400 pixels in
    width" (the ?lang=en copy on yandex.com.tr and the Vietnamese copy say 300);
    images go in ``img``, ``media:content`` or ``enclosure``, and an image shown with
    ``img`` has "the same image information in enclosure" → every picture of the
    content is an ``enclosure`` with its ``type``, at the very URL the content shows;
  - "Mark up explicit content with media:rating" → ``media:rating``;
  - "Make sure your publication's URLs don't contain GET parameters" → ``link`` is
    the page's own URL;
  - "If your feed includes empty or unclosed elements, Zen won't be able to process
    it" → no empty element (``item_description`` falls back to the title);
  - "Delete HTML code not included in the up-to-date RSS recommendations" → the
    allow-list of ``dzen_html``.
* Older Zen help for publishers [web: https://yandex.com/support/zen/publishers/rss.html]:
  the example declares the namespaces content (purl.org/rss/1.0/modules/content/), dc,
  media (search.yahoo.com/mrss/), atom and georss, and a channel with ``title``,
  ``link``, ``description``, ``language``; feeds "need to contain the article's
  release date, complete text, and links to all illustrations" → ``pubDate``,
  ``content:encoded``, the enclosures.

Secondary sources (summaries of the help page, not Dzen's own words):
* ``media:rating scheme="urn:simple"`` ``nonadult``, categories ``format-article``,
  ``index``, ``comment-all``, ``guid`` and ``enclosure`` with ``type`` marked required
  [repo: crosspostly/dzen docs/guides/rss/RSS_DZEN_COMPLIANCE.md].
* Allowed HTML p, a, b, i, u, s, h1-h4, blockquote, ul/ol/li, img, figure, figcaption
  (``br`` turned into paragraphs); cover image at least 700 px wide
  [docs: https://wordpress.org/plugins/zhekich-feed-generator-for-dzen]. The images
  therefore use ``DZEN_RENDITION`` (``width-1200``: any original at least 700 px wide
  stays at least 700 px wide, a tall portrait too, which ``max-1600x1600`` would
  shrink); the content's ``img`` tags are switched to the same rendition.

UNVERIFIED:
* Which channel and item elements the current tables mark mandatory, and the exact
  image minimum today (400 px in the older English help, 700 px per the plugin;
  "другие требования к размеру иллюстраций" per the current page).
* The meaning of the categories: ``format-article``/``index``/``comment-all`` are sent
  as the secondary sources say. ``native-draft`` (import as a draft) appears only in a
  third-party npm example, ``native-yes`` in no source found: neither is sent, so
  pieces publish directly, as they did before.
* ``pdalink``/``amplink`` (Yandex News/Turbo elements) are not in any Dzen source
  found, so they are not sent; ``author`` is not sent either.
* Whether ``enclosure`` needs ``length`` (RSS 2.0 does; we send the file size).
* Whether the site's tags may be sent as categories: Dzen reads categories as flags,
  so the tags are left out, not guessed.
* Video and GIF in content: no ``<video>`` in the sources; videos go as text with a
  link, a GIF as a figure (its image enclosure has type image/gif).
* The unified News+channel RSS (``contentType``, rules from 2026-07-13, per the plugin
  above) is not implemented: this feed is the channel ("format-article") feed.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import timedelta

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from cms.models import NewsPage
from syndication import content as c
from syndication.render.page_reader import (
    PHOTO_RENDITION,
    _Reader,
    piece_from_page,
    site_root,
)

from .dzen_html import piece_html

# "Включайте в ленту актуальные материалы за два-три последних дня" and "не более
# 500" per fetch [web: https://dzen.ru/help/ru/website/rss-modify].
FRESH_DAYS = 3
MAX_ITEMS = 500
# Width-bounded, never upscaled by Wagtail: wide enough for the 700 px cover minimum
# whenever the original is (see NOTES).
DZEN_RENDITION = "width-1200"
CATEGORIES = ("format-article", "index", "comment-all")
RATING = "nonadult"
NAMESPACES = {
    "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
    "xmlns:dc": "http://purl.org/dc/elements/1.1/",
    "xmlns:media": "http://search.yahoo.com/mrss/",
}


class DzenRss(Rss201rev2Feed):
    """RSS 2.0 with Dzen's namespaces, content:encoded, media:rating and one
    enclosure per image (Django's RSS writer allows only one)."""

    def rss_attributes(self):
        return {**super().rss_attributes(), **NAMESPACES}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("media:rating", RATING, {"scheme": "urn:simple"})
        for image in item["dzen_images"]:
            handler.addQuickElement(
                "enclosure",
                "",
                {"url": image.url, "length": str(image.length), "type": image.mime},
            )
        handler.addQuickElement("content:encoded", item["dzen_html"])


def guid_of(page) -> str:
    """Stable for the page's life: the id, never the title, slug or revision, so an
    edit (even of the URL) updates the same Dzen publication."""
    site = page.get_site()
    host = site.hostname if site else "vestnik"
    return f"{host}:news:{page.pk}"


def _file_size(file) -> int:
    try:
        return file.size
    except (OSError, ValueError):  # a missing file must not break the whole feed
        return 0


@dataclass(frozen=True)
class DzenImage:
    """One picture of the article: the Dzen rendition, sent both as the enclosure and
    in the content (``url``), and the ``PHOTO_RENDITION`` URL the Piece carries
    (``shown``), which the content's ``img`` is switched from."""

    url: str
    length: int
    mime: str
    shown: str = ""


def _page_pictures(page) -> tuple[list, list]:
    """(images, GIF documents) of the page: the cover first, then the body in order."""
    images = [page.cover] if page.cover_id else []
    gifs = []
    for block in page.body:
        value = block.value
        if block.block_type in {"photo", "infographic"}:
            images.append(value["image"])
        elif block.block_type == "gallery":
            images += [photo["image"] for photo in value["photos"]]
        elif block.block_type == "cards":
            images += [card["image"] for card in value["cards"] if card.get("image")]
        elif block.block_type == "video" and value.get("cover"):
            images.append(value["cover"])
        elif (
            block.block_type == "animation"
            and value["file"].file_extension.lower() == "gif"
        ):
            gifs.append(value["file"])
    return images, gifs


def page_images(page, root: str) -> list[DzenImage]:
    """Every picture of the page once, the cover first, as ``DZEN_RENDITION``."""
    images, gifs = _page_pictures(page)
    reader, result, seen = _Reader(root), [], set()
    for image in images:
        rendition = image.get_rendition(DZEN_RENDITION)
        url = reader.absolute(rendition.url)
        if url in seen:
            continue
        seen.add(url)
        mime = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        shown = reader.absolute(image.get_rendition(PHOTO_RENDITION).url)
        result.append(DzenImage(url, _file_size(rendition.file), mime, shown))
    for document in gifs:
        url = reader.absolute(document.url)
        if url not in seen:
            seen.add(url)
            result.append(DzenImage(url, _file_size(document.file), "image/gif"))
    return result


def with_image_urls(value, urls: dict[str, str]):
    """``value`` (a Piece or any part of it) with each photo URL found in ``urls``
    replaced, so the content shows the very images the enclosures send."""
    if isinstance(value, c.Photo):
        return replace(value, url=urls.get(value.url, value.url))
    if isinstance(value, tuple):
        return tuple(with_image_urls(part, urls) for part in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: with_image_urls(getattr(value, f.name), urls)
            for f in fields(value)
            if f.init
        }
        return replace(value, **changes)
    return value


class DzenFeed(Feed):
    feed_type = DzenRss
    description = _("News of the ministry")
    language = "ru"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        site = Site.find_for_request(self.request)
        return site.site_name if site and site.site_name else "Вестник"

    def link(self):
        return "/"

    def items(self):
        """Live public news first published, or re-published (an edit), within the
        last ``FRESH_DAYS``; newest first, at most ``MAX_ITEMS``."""
        since = timezone.now() - timedelta(days=FRESH_DAYS)
        return (
            NewsPage.objects.live()
            .public()
            .filter(Q(first_published_at__gte=since) | Q(last_published_at__gte=since))
            .select_related("cover")
            .order_by("-first_published_at")[:MAX_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Never an empty element: Zen cannot process those (see NOTES).
        return (item.lead or "").strip() or item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return guid_of(item)

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return CATEGORIES

    def item_extra_kwargs(self, item):
        images = page_images(item, site_root(item, self.request))
        piece = piece_from_page(item, request=self.request)
        piece = with_image_urls(piece, {i.shown: i.url for i in images if i.shown})
        return {"dzen_html": piece_html(piece), "dzen_images": images}
