"""Helpers for the block templates (cms/templates/cms/blocks/)."""

import datetime
import uuid
from urllib.parse import urlsplit

from django import template
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.region import REGION_TIME_NAME, REGION_TZ

register = template.Library()

# Live streams are announced in the region's own time (cms/region.py), whatever the
# server's zone.
# A stream has no end time in the block; after this long we call it finished.
LIVE_DURATION = datetime.timedelta(hours=3)

VK_VIDEO = _("VK Video")
VIDEO_PROVIDERS = {
    "vk.com": VK_VIDEO,
    "vkvideo.ru": VK_VIDEO,
    "vk.ru": VK_VIDEO,
    "rutube.ru": "RuTube",
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
}
GIF_EXTENSIONS = {"gif"}
VIDEO_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}


@register.filter
def region_time(value):
    """A datetime in Asia/Novokuznetsk; a naive one is taken as already local."""
    if not isinstance(value, datetime.datetime):
        return value
    if timezone.is_naive(value):
        value = value.replace(tzinfo=REGION_TZ)
    return value.astimezone(REGION_TZ)


@register.simple_tag
def region_time_name() -> str:
    """How the site names the region's time: the same words as every post."""
    return str(REGION_TIME_NAME)


@register.simple_tag
def live_status(start, now=None) -> str:
    """``upcoming``, ``live`` or ``finished`` for a stream starting at ``start``."""
    if not isinstance(start, datetime.datetime):
        return "upcoming"
    start = region_time(start)
    now = now or timezone.now()
    if now < start:
        return "upcoming"
    if now < start + LIVE_DURATION:
        return "live"
    return "finished"


@register.filter
def video_provider(url) -> str:
    """The human name of a video host, or the bare host for an unknown one."""
    host = (urlsplit(str(url or "")).hostname or "").lower()
    host = host.removeprefix("www.").removeprefix("m.")
    for domain, name in VIDEO_PROVIDERS.items():
        if host == domain or host.endswith("." + domain):
            return str(name)
    return host


@register.filter
def media_kind(document) -> str:
    """``gif``, ``video`` or ``other`` by the document's file extension."""
    if not document:
        return "other"
    extension = (document.file_extension or "").lower()
    if extension in GIF_EXTENSIONS:
        return "gif"
    if extension in VIDEO_TYPES:
        return "video"
    return "other"


@register.filter
def video_type(document) -> str:
    extension = (getattr(document, "file_extension", "") or "").lower()
    return VIDEO_TYPES.get(extension, "video/mp4")


@register.simple_tag(takes_context=True)
def block_dom_id(context, prefix: str) -> str:
    """A stable id for aria-labelledby: the StreamField block's own id on a page, a fresh
    one where a block renders alone (admin previews, tests)."""
    block = context.get("block")
    block_id = getattr(block, "id", None)
    return f"{prefix}-{block_id or uuid.uuid4().hex[:8]}"
