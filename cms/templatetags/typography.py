"""``|typography``: the site's Russian typesetting rules for text a reader sees.

Russian typesetting (and ГОСТ 8.417 for units) writes a space between a number and the
percent sign, «8 %»; an ordinary space lets the browser break the line there and leave
«%» alone at the start of the next line. The filter joins a number to the sign after it
(%, ‰, ₽, °) and «№» to the number after it with a no-break space. It works on plain
text (escaped first) and on HTML (only text between tags changes, never a tag or an
attribute), so it goes after ``|richtext|bleach_html`` as well as on a page's title.
"""

from __future__ import annotations

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

register = template.Library()

NBSP = "\u00a0"
# A digit, the space(s) an editor typed, then a sign that belongs to the number. Text
# without a space («8%») is the editor's choice and stays as it is.
_NUMBER_SIGN = re.compile(r"(\d)[ \t\u202f]+(%|‰|‱|₽|°)")
# «№ 5»: the sign stays with its number.
_NUMERO = re.compile(r"№[ \t\u202f]+(?=\d)")
_TAG = re.compile(r"(<[^>]*>)")


def typeset(text: str) -> str:
    """The rules above applied to a piece of plain text."""
    text = _NUMBER_SIGN.sub(rf"\1{NBSP}\2", text)
    return _NUMERO.sub(f"№{NBSP}", text)


def typeset_html(html: str) -> str:
    # Tags are odd parts of the split; only the text between them is typeset.
    parts = _TAG.split(html)
    return "".join(
        part if index % 2 else typeset(part) for index, part in enumerate(parts)
    )


@register.filter(name="typography", is_safe=True)
def typography(value):
    if value is None:
        return ""
    if isinstance(value, SafeData) or hasattr(value, "__html__"):
        html = value.__html__() if hasattr(value, "__html__") else str(value)
        return mark_safe(typeset_html(html))  # noqa: S308  (only text nodes changed)
    return mark_safe(typeset_html(str(conditional_escape(value))))  # noqa: S308
