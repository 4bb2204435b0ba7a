"""The news as Dzen's RSS import wants it: /feeds/dzen/rss.xml.

NOTES (checked 2026-11-28 in the reference corpus; networks.md §6.D)
====================================================================
Verified, with sources:
* Dzen has no publishing API; a channel imports an RSS feed. Edits are taken from the
  feed when the item keeps its original ``guid`` (no limit on the number of updates);
  an item edited by hand in Dzen Studio stops following the feed. At most 500 items
  per fetch; include fresh items (two or three days); a feed made for Turbo or
  Yandex News does not fit Dzen ("другой набор обязательных атрибутов")
  [web: https://dzen.ru/help/ru/website/rss-modify, quoted in networks.md §6.D].
* Namespaces content (purl.org/rss/1.0/modules/content/), media
  (search.yahoo.com/mrss/), dc; per item ``media:rating scheme="urn:simple"`` with
  ``nonadult``; categories ``format-article``, ``index``, ``comment-all``; an
  ``enclosure`` with ``type`` for the images; ``content:encoded`` with p, a, b, i,
  h1-h4, blockquote, ul/ol/li [repo: crosspostly/dzen
  docs/guides/rss/RSS_DZEN_COMPLIANCE.md, a summary of the help page above].
* Allowed HTML also includes u, s, img, figure, figcaption; cover at least 700 px
  wide [docs: wordpress.org/plugins/zhekich-feed-generator-for-dzen, a 2026 plugin
  that follows Dzen's current rules].
* "Send links to every image of the publication ... set the same image information in
  enclosure" (Zen help, older English/Vietnamese version)
  [web: https://yandex.com/support/zen/website/rss-modify.html].

UNVERIFIED (the help page's tables were not readable in the corpus):
* Which elements the tables mark mandatory. ``pdalink`` is a Yandex News/Turbo
  element and not in any Dzen source found, so it is not sent.
* Whether ``enclosure`` needs ``length`` (RSS 2.0 does; we send the file size).
* Whether tags may be sent as categories: Dzen reads categories as flags (format-,
  index, comment-), so the site's tags are left out, not guessed.
* Video and GIF in content: no ``<video>`` in the sources; videos go as text with a
  link, a GIF as a figure (its image enclosure has type image/gif).
* The unified News+channel RSS (``contentType``, rules from 2026-07-13, per the plugin
  above) is not implemented: this feed is the channel ("format-article") feed.
"""

from __future__ import annotations

import mimetypes

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from syndication.content import piece_from_page
from syndication.render.page_reader import PHOTO_RENDITION, _Reader, site_root

from .dzen_html import piece_html

FEED_SIZE = 50
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
        for url, length, mime in item["dzen_images"]:
            handler.addQuickElement(
                "enclosure", "", {"url": url, "length": str(length), "type": mime}
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


def page_images(page, root: str) -> list[tuple[str, int, str]]:
    """(absolute URL, bytes, MIME type) of the cover and every picture in the body,
    as the renditions the content shows (``PHOTO_RENDITION``); repeats once."""
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
    reader, result, seen = _Reader(root), [], set()
    for image in images:
        rendition = image.get_rendition(PHOTO_RENDITION)
        url = reader.absolute(rendition.url)
        mime = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        if url not in seen:
            seen.add(url)
            result.append((url, _file_size(rendition.file), mime))
    for document in gifs:
        url = reader.absolute(document.url)
        if url not in seen:
            seen.add(url)
            result.append((url, _file_size(document.file), "image/gif"))
    return result


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
        from cms.models import NewsPage

        return (
            NewsPage.objects.live()
            .public()
            .select_related("cover")
            .order_by("-first_published_at")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

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
        piece = piece_from_page(item, request=self.request)
        return {
            "dzen_html": piece_html(piece),
            "dzen_images": page_images(item, site_root(item, self.request)),
        }
