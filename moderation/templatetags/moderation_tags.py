from django import template

register = template.Library()


@register.filter
def get_count(counts: dict, key: str) -> int:
    """``counts|get_count:"label_spam"`` (template lookups cannot build keys)."""
    return (counts or {}).get(key, 0)


@register.simple_tag
def query_with(filters, **changes) -> str:
    """The current filters' query string with some values changed."""
    from django.utils.http import urlencode

    changes = {k: ("" if v is None else v) for k, v in changes.items()}
    return urlencode(filters.as_query(**changes))


@register.filter
def refusals_json(item) -> str:
    """``{action: why}`` for what the item's network cannot do, as JSON for a data
    attribute (the hotkeys say why instead of sending)."""
    import json

    from ..capabilities import refusals

    return json.dumps(refusals(item), ensure_ascii=False)


@register.simple_tag
def time_left(deadline, now) -> str:
    """«осталось 14 мин» / «просрочено на 2 ч» (moderation.time_left)."""
    from ..time_left import time_left as text

    return text(deadline, now)


@register.simple_tag
def time_forms():
    """The deadline forms for the inbox's script (json_script them)."""
    from ..time_left import forms

    return forms()
