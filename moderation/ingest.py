"""Storing what the networks send: once, whatever arrives first, classified and ruled.

Every network's webhook events reach ``store`` from the batch (webhooks/batch.py)
about a second after their request stored them; inside that batch the side work of
many items is done once (``batching.py``).

Webhooks, polling and the ``comment_received`` signal all end here with an
``Incoming`` (moderation/incoming.py, what the network's parser made of its event).
The unique key (network, account, remote_id) makes every path idempotent: a comment
seen by the webhook and again by polling is one row.

A comment's path (README «A comment's path», tests/moderation/test_comment_path.py):
webhooks/base.py receives and verifies → webhooks/schemas/<network>.py checks the
shape → webhooks/<network>.py parses it into an ``Incoming`` → ``store`` here:
classify (classify.py, duplicates.py), link its delivery (links.py), deadline
(deadlines.py), insert once → rule_engine.py picks the first rule → after the commit,
actions.py carries a network action out and the author's name is looked up
(authors/). The view in webhooks/base.py runs the network's own steps (its secret
field, schema and event handler in webhooks/<network>.py) in a fixed order; once the
store has begun nothing returns to the webhook's modules, and each module of the store
is entered once."""

from __future__ import annotations

import logging

from celery import current_app
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from . import batching
from .authors import can_look_up
from .classify import classify_text
from .deadlines import deadline_for
from .duplicates import with_duplicates

# Re-exported for callers that build an item through ``ingest`` (the tests do).
from .incoming import Incoming as Incoming
from .incoming import from_timestamp as from_timestamp
from .incoming import incoming_from_remote as incoming_from_remote
from .insert_once import insert_once
from .links import find_delivery
from .models import InboxItem
from .rule_engine import apply_rules

logger = logging.getLogger(__name__)
URGENT_LABELS = {"illegal"}


def _classified_fields(text: str) -> dict:
    verdict = classify_text(text)
    return {
        "label": verdict.label,
        "labels": verdict.labels,
        "score": verdict.score,
        "spans": verdict.spans,
        "explanation": verdict.explanation,
    }


def store(account, incoming: Incoming, received_at=None) -> tuple[InboxItem, bool]:
    """Store ``incoming`` unless it is already there; ``(item, created)``.
    ``received_at``: when the request brought it (the webhook batch stores later).

    A new item is classified, given a deadline, linked to its delivery and passed
    through the rules, all in one transaction with the insert. There is no look-up
    before the insert: replays are stopped earlier by the event id, and the unique key
    catches the rest (a comment seen by both the webhook and polling)."""
    key = {
        "network": account.network,
        "account": account,
        "remote_id": str(incoming.remote_id),
    }
    batch = batching.current.get()
    if received_at is None and batch is not None:
        received_at = batch.received_at
    now = received_at or timezone.now()
    fields = with_duplicates(
        _classified_fields(incoming.text),
        incoming.text,
        str(incoming.author_id or ""),
        now,
    )
    urgent = fields["label"] in URGENT_LABELS
    delivery_id, page_id = find_delivery(account, incoming.post_remote_id)
    defaults = {
        "kind": incoming.kind,
        "post_remote_id": str(incoming.post_remote_id or ""),
        "parent_remote_id": str(incoming.parent_remote_id or ""),
        "author_id": str(incoming.author_id or ""),
        "author_name": (incoming.author_name or "")[:300],
        "author_url": (incoming.author_url or "")[:500],
        "text": incoming.text or "",
        "attachments": incoming.attachments or [],
        "created_at": incoming.created_at or now,
        "received_at": now,
        "raw": incoming.raw or {},
        "urgent": urgent,
        "deadline": deadline_for(now, urgent),
        "delivery_id": delivery_id,
        "page_id": page_id,
        **fields,
    }
    item = InboxItem(**key, **defaults)
    if not insert_once(item):
        # .get() without the default ordering: the unique index answers it.
        return InboxItem.objects.order_by().get(**key), False
    if batch is not None:
        batch.stored(item.text, item.author_id)
    apply_rules(item)
    if item.author_id and not item.author_name:
        if batch is not None:
            batch.look_up_authors(account)
        else:
            transaction.on_commit(lambda: queue_author_lookup(account))
    return item, True


AUTHOR_LOOKUP_BATCH_SECONDS = 5


def queue_author_lookup(account) -> None:
    """Ask a worker for the names of the account's authors that came as bare ids (VK
    webhooks). One task per account per few seconds: a burst of comments is looked
    up in one call. By name, so ingest does not import the task modules."""
    if not can_look_up(account.network):
        return
    key = f"moderation-authors-queued:{account.pk}"
    if not cache.add(key, 1, AUTHOR_LOOKUP_BATCH_SECONDS):
        return
    try:
        current_app.send_task(
            "moderation.tasks.resolve_authors",
            args=[account.pk],
            countdown=AUTHOR_LOOKUP_BATCH_SECONDS,
        )
    except Exception as exc:  # the broker is down: the item view looks the name up
        logger.warning("author look-up not queued for %s: %s", account.pk, exc)


def update_text(account, remote_id: str, text: str, raw: dict) -> InboxItem | None:
    """The author edited the item: keep the new text and classify it again."""
    item = InboxItem.objects.filter(
        network=account.network, account=account, remote_id=str(remote_id)
    ).first()
    if item is None:
        return None
    item.text = text or ""
    item.raw = raw or item.raw
    item.edited = True
    for name, value in _classified_fields(item.text).items():
        setattr(item, name, value)
    item.save()
    return item


def mark_removed(account, remote_id: str) -> int:
    """The item was deleted in the network (by its author or by an admin there)."""
    return InboxItem.objects.filter(
        network=account.network, account=account, remote_id=str(remote_id)
    ).update(removed_in_network=True, updated_at=timezone.now())
