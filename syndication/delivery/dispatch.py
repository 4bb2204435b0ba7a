"""The scheduler tick and the in-process runner.

Celery only moves work: the tick reads due rows from the database and enqueues their ids;
a send task that arrives twice, late, or after another worker took the row simply finds
nothing to claim (``state.claim``)."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from django.db import close_old_connections, connection
from django.utils import timezone

from syndication import notifications
from syndication.models import Delivery, DeliveryAttempt

from . import clients, conf, messages, outcome, scheduling, sending, state

logger = logging.getLogger(__name__)
S = Delivery.Status


def recover_stale(now=None) -> list[int]:
    """Deliveries left 'sending' by a worker that died mid-request.

    Treated exactly as an unknown outcome: repeated only where the network
    de-duplicates, otherwise handed to a person as ``needs_check``."""
    recovered = []
    for delivery in state.stale_sending(now, conf.stale_sending_after()).select_related(
        "account", "origin"
    ):
        attempt = (
            DeliveryAttempt.objects.filter(delivery=delivery, number=delivery.attempts)
            .order_by("-pk")
            .first()
        )
        if attempt is None:  # claimed by a version without attempt rows: be safe
            attempt = DeliveryAttempt.objects.create(
                delivery=delivery, number=delivery.attempts, action=delivery.action
            )
        deduplicated = bool((attempt.request_summary or {}).get("idempotency_key"))
        outcome.handle_unknown(
            delivery, attempt, str(messages.WORKER_LOST), deduplicated,
            client=_client_or_none(delivery.account),
        )  # fmt: skip
        recovered.append(delivery.pk)
    if recovered:
        logger.warning("recovered stale deliveries: %s", recovered)
    return recovered


def _client_or_none(account):
    """The account's client, to look a lost post up where the network allows; None
    when it cannot be built (no credential): a person checks then."""
    try:
        return clients.client_for(account)
    except Exception:
        logger.warning("no client for account %s to check a lost post", account.pk)
        return None


def due_ids(limit: int | None = None, now=None) -> list[int]:
    return list(
        state.due(now).values_list("pk", flat=True)[: limit or conf.dispatch_batch()]
    )


def tick(enqueue) -> list[int]:
    """One scheduler pass; ``enqueue(delivery_id)`` hands a due id to a worker."""
    state.release_reconnected_accounts()
    recover_stale()
    scheduling.repair_missing()
    ids = due_ids()
    for pk in ids:
        enqueue(pk)
    notifications.send_digests()  # problems that came after an e-mail, in one
    return ids


def _perform_in_thread(pk: int):
    try:
        return sending.perform(pk)
    finally:
        close_old_connections()
        connection.close()


def run_now(delivery_ids, concurrency: int | None = None) -> list[Delivery]:
    """Perform the given deliveries in this process, concurrently, ignoring their
    scheduled time (``syndicate --wait`` and the fan-out benchmark)."""
    ids = list(delivery_ids)
    now = timezone.now()
    Delivery.objects.filter(pk__in=ids, status=S.SCHEDULED).update(next_attempt_at=now)
    workers = min(concurrency or conf.concurrency(), len(ids)) or 1
    # Threads have connections of their own: they cannot see rows of a transaction that
    # is still open here (a caller's atomic block, a test), nor a private in-memory
    # SQLite database. Run inline in both cases.
    if (
        workers == 1
        or connection.in_atomic_block
        or (connection.vendor == "sqlite" and _in_memory())
    ):
        for pk in ids:
            sending.perform(pk)
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_perform_in_thread, ids))
    return list(
        Delivery.objects.filter(pk__in=ids).select_related("account").order_by("pk")
    )


def _in_memory() -> bool:
    name = str(connection.settings_dict.get("NAME") or "")
    return not name or ":memory:" in name or "mode=memory" in name
