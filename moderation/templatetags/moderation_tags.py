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
