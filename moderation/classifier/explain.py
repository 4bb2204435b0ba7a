"""Short explanation of a result for the moderator, translated through gettext."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .finding import Finding

_HEADLINES = {
    "obscene": _("Obscene language: %(items)s"),
    "insult": _("Insult: %(items)s"),
    "spam": _("Spam: %(items)s"),
    "illegal": _("Possible violation of law (%(items)s), a person must review it"),
}
_REASONS = {
    "link": _("link"),
    "shortener": _("shortened link"),
    "handle": _("account mention"),
    "phone": _("phone number"),
    "promo": _("advertising phrase"),
    "emoji_flood": _("emoji flood"),
    "caps_flood": _("capital letters flood"),
    "mixed_script": _("mixed-alphabet words"),
    "duplicate": _("same text from other authors"),
    "drugs": _("sale of drugs"),
    "documents": _("forged documents"),
    "doxxing": _("personal data"),
    "violence": _("call to violence or blocking"),
    "threat": _("threat"),
    "dm": _("invitation to private messages"),
    "where": _("invitation to private messages"),
    "bait": _("invitation to private messages"),
    "strong": _("advertising phrase"),
    "weak": _("advertising phrase"),
    "sale_word": _("advertising phrase"),
    "earnings": _("promise of earnings"),
    "earnings_offer": _("promise of earnings"),
    "percent": _("interest or discount"),
    "price": _("price"),
    "loan": _("loans"),
    "investment": _("investments"),
    "job": _("job offer"),
    "occult": _("occult services"),
    "promotion": _("promotion of a group or channel"),
    "intermediary": _("paid help with benefits"),
    "gambling": _("gambling"),
    "goods": _("sale of goods or services"),
    "phishing": _("link promising a payment"),
    "data_trade": _("trade in personal data"),
    "cashout": _("cashing out certificates or maternity capital"),
    "vote_buying": _("vote buying"),
}
# Labels whose explanation quotes the matched words rather than naming signals.
_QUOTED = {"obscene", "insult"}
_MAX_ITEMS = 3


def explain(
    label: str, findings: list[Finding], text_of: Callable[[Finding], str]
) -> str:
    if label == "clean":
        return gettext("No violations found")
    items: list[str] = []
    for finding in findings:
        if finding.label != label:
            continue
        item = (
            f"«{text_of(finding)}»"
            if label in _QUOTED
            else str(_REASONS.get(finding.reason, finding.reason))
        )
        if item not in items:
            items.append(item)
    return str(_HEADLINES[label]) % {"items": ", ".join(items[:_MAX_ITEMS])}
