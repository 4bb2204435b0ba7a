import json
import re
from zlib import crc32

from django import template
from django.utils.http import urlencode

from .. import time_left as deadlines
from ..capabilities import refusals
from ..inbox_query import version_of

register = template.Library()


@register.filter
def get_count(counts: dict, key: str) -> int:
    """``counts|get_count:"label_spam"`` (template lookups cannot build keys)."""
    return (counts or {}).get(key, 0)


@register.simple_tag
def query_with(filters, **changes) -> str:
    """The current filters' query string with some values changed."""
    changes = {k: ("" if v is None else v) for k, v in changes.items()}
    return urlencode(filters.as_query(**changes))


@register.filter
def refusals_json(item) -> str:
    """``{action: why}`` for what the item's network cannot do, as JSON for a data
    attribute (the hotkeys say why instead of sending)."""
    return json.dumps(refusals(item), ensure_ascii=False)


@register.simple_tag
def time_left(deadline, now) -> str:
    """«осталось 14 мин» / «просрочено на 2 ч» (moderation.time_left)."""
    return deadlines.time_left(deadline, now)


@register.simple_tag
def time_forms():
    """The deadline forms for the inbox's script (json_script them)."""
    return deadlines.forms()


@register.filter
def version(item, waiting) -> str:
    """``item|version:waiting``: what the list and its pane compare to see a change."""
    return version_of(item, waiting or set())


WORDS = re.compile(r"[^\W\d_]+")
AVATAR_COLOURS = 6


@register.filter
def initials(name) -> str:
    """«Анна Белова» → «АБ», «ivan_k» → «I»: what stands for a picture the network
    does not give; a bare id gives none."""
    words = WORDS.findall(str(name or ""))
    return "".join(word[0] for word in words[:2]).upper()


@register.filter
def avatar_colour(key) -> int:
    """The same author gets the same colour behind their initials."""
    return crc32(str(key or "").encode()) % AVATAR_COLOURS
