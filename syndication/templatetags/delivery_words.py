"""``plain_error``: a delivery's error as a press editor reads it.

What the delivery code records is Vestnik's own explanation followed by the
network's answer, e.g. «Подключите аккаунт заново: … ([telegram] Unauthorized)» or
«Не удалось после 8 попыток: [ok] HTTP 502, empty body». The answer after the
network's code in brackets is API wording: the technician reads it (the delivery log,
the attempts' requests), the editor reads the explanation only (issue 17: no API words
in the editor's view)."""

from __future__ import annotations

import re

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

# Where the network's own answer starts: «([vk] …», «: [ok] …», «[telegram] …».
NETWORK_ANSWER = re.compile(r"[\s(:—-]*\[[a-z_]+\]")
ONLY_THE_ANSWER = _(
    "The network answered with an error; its exact words are in the technician's "
    "delivery log."
)


def without_network_answer(text: str) -> str:
    if not text:
        return ""
    match = NETWORK_ANSWER.search(text)
    if match is None:
        return text
    kept = text[: match.start()].rstrip(" :—-(")
    return kept or str(ONLY_THE_ANSWER)


@register.filter
def plain_error(text, raw: bool = False) -> str:
    """``raw``: the reader is the technician, who sees the network's words as well."""
    text = str(text or "")
    return text if raw else without_network_answer(text)
