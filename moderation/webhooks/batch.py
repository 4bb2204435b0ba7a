"""Handling the webhook events every webhook view stored (issue 11.8).

The request of every network (``WebhookView``: VK and Telegram since issue 11.8, then
OK, MAX, Facebook and Instagram) stores each checked event as one ``WebhookEvent`` row
and answers 200; everything else (parsing, classifying, the duplicate check, linking the delivery, the rules and their actions)
happens here, for all waiting rows at once, in one transaction: a row is marked
processed in the same commit that stores what it says. What can be done once for the
batch is (``moderation/batching.py``): the duplicate check's recent texts are read
once, the rules' counters written once, their network actions sent in one task.

Celery beat runs ``moderation.tasks.process_webhook_events`` every second
(``CELERY_BEAT_SCHEDULE``), so a comment reaches the inbox about a second after the
network sent it. The tick is also the repair: a batch that dies (a killed worker, a
lost database connection) rolls back, its rows stay waiting and the next tick takes
them. Rows are claimed with ``SELECT ... FOR UPDATE SKIP LOCKED``, so two ticks at once
share the rows instead of handling one twice. A row whose handling raises is retried
by the next ticks and set aside after ``MAX_ATTEMPTS`` with the error (``failed``,
logged, on the dashboard and e-mailed: ``moderation/set_aside.py``), never dropped
silently."""

from __future__ import annotations

import logging

from celery import current_app
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts_registry.models import Account
from syndication.networks.registry import get_spec

from .. import batching, conf, signals
from ..actions import perform_rule_actions
from ..ingest import queue_author_lookup
from ..models import Rule, WebhookEvent
from .base import WebhookRejected

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
MAX_ATTEMPTS = 5
# One tick handles at most this many batches; the next tick goes on.
MAX_BATCHES = 20


def _view(network: str, account: Account):
    view = get_spec(network).load("webhook")()
    view.account = account
    view.endpoint = None  # processing reads only the event; the secret was checked
    return view


def process_pending(limit: int = BATCH_SIZE) -> int:
    """Handle up to ``limit`` waiting events, oldest first, in one transaction;
    returns how many rows were claimed.

    First without a savepoint per event (two statements less per event); when an
    event raises, that attempt is rolled back whole and the batch is handled again
    with a savepoint per event, so the others are stored and the one that failed is
    counted (``_failed``)."""
    try:
        return _process(limit, careful=False)
    except Exception:
        logger.info("a webhook event failed: the batch runs again event by event")
        return _process(limit, careful=True)


def _process(limit: int, careful: bool) -> int:
    with transaction.atomic():
        rows = list(
            WebhookEvent.objects.filter(processed_at__isnull=True)
            .select_related("account")
            .order_by("id")
            .select_for_update(skip_locked=True, of=("self",))[:limit]
        )
        if not rows:
            return 0
        views: dict[tuple[str, int], object] = {}
        done, aside = [], []
        with batching.batch() as batch:
            for row in rows:
                key = (row.network, row.account_id)
                if key not in views:
                    views[key] = _view(row.network, row.account)
                if not careful:
                    with batch.event(row.received_at):
                        views[key].process(row.payload or {})
                    done.append(row.pk)
                    continue
                try:
                    with batch.event(row.received_at), transaction.atomic():
                        views[key].process(row.payload or {})
                except Exception as exc:
                    if _failed(row, exc):
                        aside.append(row)
                else:
                    done.append(row.pk)
            _flush(batch.done)
        # The payload is in the inbox item's ``raw`` now; the row keeps the id.
        WebhookEvent.objects.filter(pk__in=done).update(
            processed_at=timezone.now(), payload=None
        )
        if aside:
            # One signal per batch, after the commit: the people responsible are
            # told once per event set aside, never on the attempts before.
            transaction.on_commit(
                lambda: signals.webhook_events_set_aside.send(
                    sender=WebhookEvent, events=aside
                )
            )
    return len(rows)


def _flush(done: batching.Part) -> None:
    """Write what the batch added up, inside its transaction: one UPDATE per rule
    counter, one task for the rules' network actions, one author look-up per
    account, both after the commit."""
    for counter, column in (
        (done.matches, "match_count"),
        (done.dry_runs, "dry_run_count"),
    ):
        for rule_id, count in counter.items():
            Rule.objects.filter(pk=rule_id).update(**{column: F(column) + count})
    if done.actions:
        pairs = list(done.actions)
        if conf.auto_actions_async():
            # By name, as rule_engine does.
            transaction.on_commit(
                lambda: current_app.send_task(
                    "moderation.tasks.run_rule_actions", args=[pairs]
                )
            )
        else:
            transaction.on_commit(lambda: perform_rule_actions(pairs))
    if done.author_accounts:
        accounts = list(done.author_accounts.values())
        transaction.on_commit(
            lambda: [queue_author_lookup(account) for account in accounts]
        )


def _failed(row: WebhookEvent, exc: Exception) -> bool:
    """Count the failed attempt; True when the row is set aside for a person."""
    row.attempts += 1
    row.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    fields = ["attempts", "last_error"]
    if isinstance(exc, WebhookRejected) or row.attempts >= MAX_ATTEMPTS:
        # Set aside for a person: the payload stays, the log says why.
        row.failed = True
        row.processed_at = timezone.now()
        fields += ["failed", "processed_at"]
        logger.error(
            "%s webhook event %s not handled after %d attempts: %s",
            row.network,
            row.event_id,
            row.attempts,
            row.last_error,
            exc_info=exc,
        )
    else:
        logger.warning(
            "%s webhook event %s failed (attempt %d), retried by the next tick: %s",
            row.network,
            row.event_id,
            row.attempts,
            row.last_error,
        )
    row.save(update_fields=fields)
    return row.failed


def process_all() -> int:
    """What the beat tick runs: batches until none is full; how many rows in all."""
    total = 0
    for _ in range(MAX_BATCHES):
        claimed = process_pending()
        total += claimed
        if claimed < BATCH_SIZE:
            break
    return total
