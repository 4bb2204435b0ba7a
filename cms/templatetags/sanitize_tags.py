"""``|bleach_html``: the last line of defence for HTML that leaves Wagtail's rendering.

Rich text reaches the database through the editor *and* through ``import_piece`` (raw HTML
from the old site), and Wagtail's ``|richtext`` only rewrites its own link and embed tags:
anything else in the stored HTML would reach the reader as is. The allowlist matches the
editor's features (bold, italic, links, lists, h2/h3) plus the tags Wagtail emits itself.
"""

import re

import bleach
from django import template
from django.utils.safestring import mark_safe

register = template.Library()

ALLOWED_TAGS = frozenset(
    {
        "a",
        "b",
        "blockquote",
        "br",
        "em",
        "h2",
        "h3",
        "h4",
        "i",
        "li",
        "ol",
        "p",
        "strong",
        "sub",
        "sup",
        "ul",
    }
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel", "lang"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto", "tel"})

_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
)


def sanitize_html(html) -> str:
    """Keep only allowlisted tags and attributes; drop scripts with their content."""
    if html is None:
        return ""
    html = str(html)
    # bleach strips the <script> tag but keeps its text; remove such elements whole.
    html = _drop_dangerous_elements(html)
    return _cleaner.clean(html)


# Elements whose *content* must go too, not only the tags.
_DANGEROUS = ("script", "style", "iframe", "object", "embed", "template", "noscript")


def _drop_dangerous_elements(html: str) -> str:
    for name in _DANGEROUS:
        html = re.sub(
            rf"<{name}\b[^>]*>.*?</{name}\s*>",
            "",
            html,
            flags=re.IGNORECASE | re.DOTALL,
        )
    return html


@register.filter(name="bleach_html", is_safe=True)
def bleach_html(value):
    return mark_safe(sanitize_html(value))  # noqa: S308  (sanitised just above)
