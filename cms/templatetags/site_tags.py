"""Page-level helpers of the public site: link-preview meta, the site's name, the tag cloud
of the news list and the version for the visually impaired."""

from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.db.models import Count
from django.templatetags.static import static
from django.utils.text import Truncator
from taggit.models import Tag
from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

from cms.models import NewsIndexPage, NewsPage

register = template.Library()

# Networks (VK, OK, Telegram, Twitter/X) crop previews to about 1.91:1.
OG_IMAGE_SPEC = "fill-1200x630"
OG_IMAGE_SIZE = (1200, 630)
# Shown by the networks when a page has no picture of its own (static/img, 1200x630).
OG_DEFAULT_IMAGE = "img/og-default.png"
DESCRIPTION_CHARS = 300
TAG_CLOUD_SIZE = 20
A11Y_PARAM = "a11y"
A11Y_COOKIE = "a11y"


@register.simple_tag(takes_context=True)
def site_name(context) -> str:
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site and site.site_name:
        return site.site_name
    return settings.WAGTAIL_SITE_NAME


@register.simple_tag
def product_name() -> str:
    """The product's own name (WAGTAIL_SITE_NAME, «Вестник»), for the admin's tabs."""
    return settings.WAGTAIL_SITE_NAME


@register.simple_tag(takes_context=True)
def a11y_mode(context) -> bool:
    """The version for the visually impaired: ``?a11y=1`` (works without JavaScript) wins,
    then the cookie that static/js/a11y.js sets together with localStorage."""
    request = context.get("request")
    if request is None:
        return False
    if A11Y_PARAM in request.GET:
        return request.GET[A11Y_PARAM] == "1"
    return request.COOKIES.get(A11Y_COOKIE) == "1"


def _description(page) -> str:
    text = (
        getattr(page, "search_description", "")
        or getattr(page, "lead", "")
        or getattr(page, "intro", "")
    )
    return Truncator(" ".join(str(text).split())).chars(DESCRIPTION_CHARS)


def _preview_image(page):
    if hasattr(page, "first_image"):
        return page.first_image()
    return None


@register.simple_tag(takes_context=True)
def page_meta(context, page=None) -> dict:
    """Everything base.html needs for <title>, canonical, OpenGraph and Twitter cards."""
    request = context.get("request")
    name = site_name(context)
    meta = {
        "site_name": name,
        "title": name,
        "description": "",
        "url": request.build_absolute_uri(request.path) if request else "",
        "type": "website",
        "image": None,
        "published_time": None,
        "modified_time": None,
        "tags": [],
    }
    if page:
        _fill_from_page(meta, page, request)
    if meta["image"] is None and meta["url"]:
        meta["image"] = {
            "url": urljoin(meta["url"], static(OG_DEFAULT_IMAGE)),
            "width": OG_IMAGE_SIZE[0],
            "height": OG_IMAGE_SIZE[1],
            "alt": name,
        }
    return meta


def _fill_from_page(meta: dict, page, request) -> None:
    meta["title"] = page.seo_title or page.title
    meta["description"] = _description(page)
    meta["url"] = page.get_full_url(request) or meta["url"]
    image = _preview_image(page)
    rendition = None
    if image is not None:
        try:
            rendition = image.get_rendition(OG_IMAGE_SPEC)
        except SourceImageIOError:
            # A lost original must not break the page; the default picture stands in.
            rendition = None
    if rendition is not None:
        meta["image"] = {
            "url": urljoin(meta["url"], rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.default_alt_text,
        }
    if hasattr(page, "lead"):
        meta["type"] = "article"
        published = page.first_published_at or page.date
        meta["published_time"] = published.isoformat()
        if page.last_published_at:
            meta["modified_time"] = page.last_published_at.isoformat()
        meta["tags"] = page.tag_names


@register.simple_tag
def news_tags(index_page, limit=TAG_CLOUD_SIZE):
    """Tags of the live news under ``index_page``, most used first."""
    news = NewsPage.objects.live().public().descendant_of(index_page)
    return list(
        Tag.objects.filter(cms_newspagetag_items__content_object__in=news)
        .annotate(uses=Count("cms_newspagetag_items"))
        .order_by("-uses", "name")[:limit]
    )


@register.simple_tag
def news_index_url(page) -> str:
    """The news list a piece belongs to (tag links point there)."""
    parent = page.get_parent()
    return parent.url if parent else "/"


@register.simple_tag
def main_news_index():
    """The news list the main menu links to."""
    return NewsIndexPage.objects.live().order_by("path").first()
