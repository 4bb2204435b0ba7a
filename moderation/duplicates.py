"""The same text from several authors within an hour is spam, on the inbox too.

One copy of an advertisement can look harmless; the classifier's ``DuplicateWindow``
catches the campaign in a stream (``manage.py moderation classify --window``). Here the
stream is the inbox: a new item is compared with the items that arrived in the window
before it, from any account and network (a campaign pastes into every community), and
counted against the other authors who wrote nearly the same text."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import translation
from django.utils.translation import ngettext

from . import batching, conf
from .classifier import DuplicateWindow
from .classifier.engine import PRECEDENCE
from .models import InboxItem

SPAM_SCORE = 0.8  # as the classifier scores a duplicate (classifier/engine.py)
# The window is compared in memory: the newest items are enough to catch a campaign
# and keep the cost of one ingest bounded.
MAX_COMPARED = 300


def other_authors(text: str, author_id: str, received_at: datetime) -> int:
    """How many other authors sent nearly ``text`` in the window before
    ``received_at`` (short texts never count, see ``DuplicateWindow``)."""
    window = DuplicateWindow(window_seconds=conf.duplicate_window_seconds())
    if not author_id or len(text or "") < window.min_letters:
        return 0
    since = received_at - timedelta(seconds=window.window_seconds)
    batch = batching.current.get()
    if batch is not None:
        # The webhook batch reads the window once and adds what it stores.
        if batch.recent is None:
            rows = (
                InboxItem.objects.filter(
                    received_at__gte=since, received_at__lte=received_at
                )
                .exclude(author_id="")
                .order_by("-received_at")
                .values_list("text", "author_id")[:MAX_COMPARED]
            )
            batch.recent = batching.RecentTexts(rows, MAX_COMPARED, window)
        return batch.others(text, author_id)
    earlier = (
        InboxItem.objects.filter(received_at__gte=since, received_at__lte=received_at)
        .exclude(author_id__in=("", author_id))
        .order_by("-received_at")
        .values_list("text", "author_id")[:MAX_COMPARED]
    )
    # The new text against each earlier one, not the earlier ones with each other
    # (feeding them all into the window cost ~30 ms of CPU per webhook, issue 11.8).
    return window.others(text, author_id, earlier)


def with_duplicates(fields: dict, text: str, author_id: str, at: datetime) -> dict:
    """The classifier's ``fields`` for an item, with spam added when other authors
    sent the same text: the label becomes spam unless a graver one stands."""
    copies = other_authors(text, author_id, at)
    if not copies:
        return fields
    labels = [label for label in fields["labels"] if label != "clean"]
    labels = [label for label in PRECEDENCE if label in {*labels, "spam"}]
    graver = fields["label"] in PRECEDENCE[: PRECEDENCE.index("spam")]
    with translation.override(settings.LANGUAGE_CODE):
        note = ngettext(
            "The same text came from %(count)d other author within an hour.",
            "The same text came from %(count)d other authors within an hour.",
            copies,
        ) % {"count": copies}
    explanation = "; ".join(part for part in (fields["explanation"], note) if part)
    return {
        **fields,
        "label": fields["label"] if graver else "spam",
        "labels": labels,
        "score": fields["score"] if graver else max(SPAM_SCORE, fields["score"]),
        "explanation": explanation,
    }
