"""Every state change of a delivery, each one a conditional row update.

The claim is the heart of exactly-once: ``scheduled -> sending`` happens in one UPDATE
``WHERE status = 'scheduled'``, so of two workers holding the same id only one gets a row
count of 1. On PostgreSQL the candidate rows are first locked with
``SELECT ... FOR UPDATE SKIP LOCKED`` so concurrent claimers pass over each other instead
of queueing on the same rows; SQLite (one writer at a time, IMMEDIATE transactions) has
no row locks and relies on the conditional UPDATE alone.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from syndication import signals
from syndication.models import AccountSettings, Delivery, DeliveryAttempt

S = Delivery.Status
Outcome = DeliveryAttempt.Outcome

# Accounts whose token failed: their deliveries wait until it is replaced.
HELD = Q(account__syndication_settings__held_at__isnull=False)


def due(now: datetime | None = None):
    now = now or timezone.now()
    return (
        Delivery.objects.filter(
            status=S.SCHEDULED, next_attempt_at__lte=now, account__is_active=True
        )
        .exclude(HELD)
        .order_by("next_attempt_at", "pk")
    )


def _lock_candidates(qs, limit: int) -> list[int]:
    if connection.features.has_select_for_update_skip_locked:
        qs = qs.select_for_update(skip_locked=True, of=("self",))
    return list(qs.values_list("pk", flat=True)[:limit])


def claim(delivery_id: int, now: datetime | None = None):
    """Take one due delivery for sending; ``None`` if someone else has it or it is not
    due. The attempt row is written in the same transaction, before any HTTP call."""
    claimed = claim_many(due(now).filter(pk=delivery_id), limit=1, now=now)
    return claimed[0] if claimed else None


def claim_due(limit: int, now: datetime | None = None):
    return claim_many(due(now), limit=limit, now=now)


def claim_many(qs, limit: int, now: datetime | None = None):
    now = now or timezone.now()
    result = []
    with transaction.atomic():
        for pk in _lock_candidates(qs, limit):
            updated = Delivery.objects.filter(pk=pk, status=S.SCHEDULED).update(
                status=S.SENDING,
                sending_started_at=now,
                attempts=F("attempts") + 1,
                updated_at=now,
            )
            if updated != 1:
                continue  # another claimer won the row between the select and here
            delivery = Delivery.objects.select_related("account", "page").get(pk=pk)
            attempt = DeliveryAttempt.objects.create(
                delivery=delivery,
                number=delivery.attempts,
                action=delivery.action,
                started_at=now,
            )
            result.append((delivery, attempt))
    return result


def _finish_attempt(attempt, outcome: str, error: str = "", summary=None) -> None:
    fields = {"outcome": outcome, "error": error, "finished_at": timezone.now()}
    if summary is not None:
        fields["request_summary"] = summary
    DeliveryAttempt.objects.filter(pk=attempt.pk).update(**fields)


def note_request(attempt, summary: dict) -> None:
    """Record what is about to be asked, before the HTTP call leaves."""
    DeliveryAttempt.objects.filter(pk=attempt.pk).update(request_summary=summary)
    attempt.request_summary = summary


def _move(delivery, from_statuses, attempt, outcome, error="", summary=None, **fields):
    """Move ``delivery`` out of ``from_statuses`` and close its attempt, atomically.

    The update is conditional on the attempt number too: a late answer of an old
    attempt never overwrites what a newer attempt decided."""
    fields.setdefault("updated_at", timezone.now())
    with transaction.atomic():
        updated = Delivery.objects.filter(
            pk=delivery.pk, status__in=from_statuses, attempts=attempt.number
        ).update(**fields)
        _finish_attempt(attempt, outcome, error, summary)
    for name, value in fields.items():
        setattr(delivery, name, value)
    return updated == 1


def mark_sent(delivery, attempt, ref: dict, url: str, summary=None, note="") -> bool:
    """``note``: a warning about how it went out, kept in ``last_error`` (the log's
    column for what an editor should read), e.g. a Telegraph page that failed."""
    now = timezone.now()
    # A success also overrides needs_check: the stale-recovery may have given up on a
    # worker that was slow, not dead.
    return _move(
        delivery,
        [S.SENDING, S.NEEDS_CHECK],
        attempt,
        Outcome.OK,
        note,
        summary=summary,
        status=S.SENT,
        remote_ref=ref,
        remote_url=url or "",
        last_error=note,
        sent_at=now,
    )


def mark_done(delivery, attempt, outcome, note, error="", summary=None) -> bool:
    """Nothing more to do although the network did not act (a delete it cannot do):
    ``sent`` with the reason in ``last_error``, never retried or scheduled again."""
    return _move(
        delivery,
        [S.SENDING],
        attempt,
        outcome,
        error or note,
        summary,
        status=S.SENT,
        last_error=note,
        sent_at=timezone.now(),
    )


def mark_retry(delivery, attempt, outcome, error, wait: float, summary=None) -> bool:
    return _move(
        delivery,
        [S.SENDING],
        attempt,
        outcome,
        error,
        summary,
        status=S.SCHEDULED,
        next_attempt_at=timezone.now() + timedelta(seconds=wait),
        last_error=error,
    )


def mark_final(delivery, attempt, status, outcome, error, summary=None) -> bool:
    moved = _move(
        delivery,
        [S.SENDING],
        attempt,
        outcome,
        error,
        summary,
        status=status,
        last_error=error,
    )
    if moved and status in (S.NEEDS_CHECK, S.FAILED):
        # A person must act: the people responsible are told once it is committed.
        transaction.on_commit(
            lambda: signals.delivery_needs_attention.send(
                sender=Delivery, delivery=delivery
            )
        )
    return moved


def hold_account(account, reason: str) -> None:
    settings, _created = AccountSettings.objects.get_or_create(account=account)
    AccountSettings.objects.filter(pk=settings.pk, held_at__isnull=True).update(
        held_at=timezone.now(), held_reason=reason
    )


def release_reconnected_accounts() -> int:
    """Lift the hold of every account whose credential was replaced after it failed."""
    return AccountSettings.objects.filter(
        held_at__isnull=False, account__credential_set_at__gt=F("held_at")
    ).update(held_at=None, held_reason="")


def stale_sending(now: datetime | None = None, after: float = 600):
    now = now or timezone.now()
    return Delivery.objects.filter(
        status=S.SENDING, sending_started_at__lt=now - timedelta(seconds=after)
    )


def reschedule(delivery_ids, from_statuses=(S.FAILED, S.NEEDS_CHECK, S.CANCELLED)):
    """The «retry» action of the log: back to the queue, due now, same idempotency key."""
    now = timezone.now()
    return Delivery.objects.filter(
        pk__in=delivery_ids, status__in=from_statuses
    ).update(status=S.SCHEDULED, next_attempt_at=now, last_error="", updated_at=now)


def cancel(delivery_ids):
    return Delivery.objects.filter(
        pk__in=delivery_ids, status__in=[S.SCHEDULED, S.FAILED, S.NEEDS_CHECK]
    ).update(status=S.CANCELLED, updated_at=timezone.now())


def mark_checked_as_sent(delivery_ids, remote_url: str = ""):
    """A person found the post on the network: ``needs_check -> sent``, with the
    post's address when they gave it (its ids stay unknown: later edits and deletes
    of it are left to a person)."""
    now = timezone.now()
    fields = {"status": S.SENT, "sent_at": now, "updated_at": now}
    if remote_url:
        fields["remote_url"] = remote_url
    return Delivery.objects.filter(pk__in=delivery_ids, status=S.NEEDS_CHECK).update(
        **fields
    )
