"""Which accounts a page goes to, when, and the delivery rows that say so.

Creating deliveries is idempotent: the unique (page, account, revision, action) row is
looked up before it is created and the constraint catches a concurrent twin, so a
``page_published`` signal that fires twice, or ``syndicate`` run after a publish, never
makes a second job."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts_registry.models import Account
from accounts_registry.networks import RESTRICTED_NETWORKS
from accounts_registry.restricted import blocked_networks
from cms.models import NewsPage
from syndication.days_off import DaysOff, days_off
from syndication.models import (
    AccountSettings,
    Delivery,
    PageSyndication,
    PublishScheduled,
    ScheduleMode,
)
from syndication.networks import rendering_codes

from . import conf

logger = logging.getLogger(__name__)
S = Delivery.Status
A = Delivery.Action
SLOT_SEARCH_DAYS = 60


def syndicated_page_types() -> tuple:
    """The page types whose publishing sends posts (the signal handlers, the repair
    tick and the admin's buttons ask here)."""
    return (NewsPage,)


def sendable_networks() -> list[str]:
    """Networks with a render, less Facebook/Instagram unless explicitly enabled."""
    blocked = blocked_networks()
    return [code for code in rendering_codes() if code not in blocked]


def default_accounts():
    """Active accounts sending by default; Facebook and Instagram never by default."""
    return (
        Account.objects.active()
        .filter(network__in=sendable_networks())
        .exclude(network__in=RESTRICTED_NETWORKS)
        .exclude(syndication_settings__send_by_default=False)
    )


def page_choice(page) -> PageSyndication | None:
    return PageSyndication.objects.filter(page_id=page.pk).first()


def chosen_accounts(page) -> list[Account]:
    choice = page_choice(page)
    if choice is not None and choice.accounts_chosen:
        qs = choice.accounts.filter(is_active=True, network__in=sendable_networks())
    else:
        qs = default_accounts()
    return list(qs.order_by("network", "name"))


def parse_slot(value: str) -> time | None:
    try:
        hours, minutes = str(value).split(":", 1)
        return time(int(hours), int(minutes))
    except (TypeError, ValueError):
        return None


def _settings(account):
    return AccountSettings.objects.filter(account=account).first()


def slot_times(account, settings=None) -> list[time]:
    settings = settings or _settings(account)
    raw = (settings.slot_times if settings else None) or conf.default_slots()
    return sorted(t for t in (parse_slot(v) for v in raw) if t is not None)


@dataclass(frozen=True)
class SlotRules:
    """When an account's slots are: times of day, weekdays (0 is Monday), days off."""

    times: list[time]
    weekdays: frozenset[int]
    days_off: DaysOff


def slot_rules(account, days=None) -> SlotRules:
    """The account's own times and weekdays (the defaults where it has none) and the
    non-working days (``days_off``; pass ``days`` to share one lookup among accounts)."""
    settings = _settings(account)
    weekdays = (settings.slot_weekdays if settings else None) or conf.slot_weekdays()
    return SlotRules(
        slot_times(account, settings),
        frozenset(int(d) for d in weekdays),
        days_off() if days is None else days,
    )


def day_slots(account, day: date, rules: SlotRules | None = None) -> list[tuple]:
    """The account's slots on ``day`` as (start, end): a slot lasts until the next
    one of the day (the last until midnight), so a post set for 12:40 fills the
    12:00 slot. No slots on the account's days without posts, nor on holidays."""
    rules = rules or slot_rules(account)
    if day.weekday() not in rules.weekdays or day in rules.days_off:
        return []
    tz = timezone.get_current_timezone()
    starts = [timezone.make_aware(datetime.combine(day, t), tz) for t in rules.times]
    midnight = timezone.make_aware(
        datetime.combine(day + timedelta(days=1), time()), tz
    )
    return list(zip(starts, starts[1:] + [midnight], strict=True))


def taken_times(account, since: datetime) -> list[datetime]:
    """When the account's posts are due from ``since`` on (any page, any mode)."""
    return list(
        Delivery.objects.filter(
            account=account, action=A.PUBLISH, scheduled_at__gte=since
        )
        .exclude(status=S.CANCELLED)
        .values_list("scheduled_at", flat=True)
    )


def next_free_slot(account, after: datetime | None = None) -> datetime:
    """The earliest slot of the account starting at or after ``after`` with no
    other post of the account due in it. Who plans by it holds the account's lock
    (``lock_account``), so two approvals never take the same slot."""
    after = after or timezone.now()
    day = timezone.localtime(after).date()
    since = timezone.make_aware(datetime.combine(day, time()))
    taken = taken_times(account, since)
    rules = slot_rules(account)
    for offset in range(SLOT_SEARCH_DAYS):
        for start, end in day_slots(account, day + timedelta(days=offset), rules):
            if start >= after and not any(start <= t < end for t in taken):
                return start
    return after  # no slots configured (or two months full): at once


def lock_account(account) -> None:
    """Serialise slot-taking per account until the transaction ends: the second
    approval waits here and then sees the first one's delivery in its slot."""
    Account.objects.select_for_update().filter(pk=account.pk).first()


def send_time(page, account, now: datetime | None = None) -> datetime:
    now = now or timezone.now()
    choice = page_choice(page)
    if choice is None or choice.schedule_mode == ScheduleMode.NOW:
        return now
    if choice.schedule_mode == ScheduleMode.AT and choice.send_at:
        return max(choice.send_at, now)
    if choice.schedule_mode == ScheduleMode.NEXT_SLOT:
        return next_free_slot(account, now)
    return now


def _create(**fields) -> Delivery:
    key = {k: fields.pop(k) for k in ("page", "account", "revision", "action")}
    try:
        with transaction.atomic():
            delivery, _created = Delivery.objects.get_or_create(**key, defaults=fields)
    except IntegrityError:  # a concurrent twin won; use it
        delivery = Delivery.objects.get(**key)
    return delivery


def _repoint(delivery: Delivery, revision) -> bool:
    """Send the newest revision instead, if the job has not started yet."""
    return bool(
        Delivery.objects.filter(pk=delivery.pk, status=S.SCHEDULED).update(
            revision=revision, updated_at=timezone.now()
        )
    )


def schedule_for_account(page, revision, account, when: datetime) -> Delivery:
    existing = Delivery.objects.filter(
        page=page, account=account, revision=revision, action__in=[A.PUBLISH, A.EDIT]
    ).first()
    if existing is not None:
        return existing
    origin = (
        Delivery.objects.filter(page=page, account=account, action=A.PUBLISH)
        .exclude(status__in=[S.CANCELLED, S.FAILED])
        .order_by("-pk")
        .first()
    )
    if origin is None:
        return _create(
            page=page,
            account=account,
            revision=revision,
            action=A.PUBLISH,
            scheduled_at=when,
            next_attempt_at=when,
        )
    if origin.status == S.SCHEDULED and _repoint(origin, revision):
        origin.refresh_from_db()
        return origin
    # Already sent (or being sent): update the post instead of posting again.
    pending_edit = (
        origin.follow_ups.filter(action=A.EDIT, status=S.SCHEDULED)
        .order_by("-pk")
        .first()
    )
    if pending_edit is not None and _repoint(pending_edit, revision):
        pending_edit.refresh_from_db()
        return pending_edit
    now = timezone.now()
    return _create(
        page=page,
        account=account,
        revision=revision,
        action=A.EDIT,
        origin=origin,
        scheduled_at=now,
        next_attempt_at=now,
    )


def schedule_page(page, revision=None, accounts=None) -> list[Delivery]:
    """Deliveries of ``revision`` (the live one by default) to the chosen accounts."""
    revision = revision or page.live_revision or page.latest_revision
    if accounts is None:
        accounts = chosen_accounts(page)
    choice = page_choice(page)
    by_slot = choice is not None and choice.schedule_mode == ScheduleMode.NEXT_SLOT
    deliveries = []
    for account in accounts:
        with transaction.atomic():  # the lock lasts to the outer commit
            if by_slot:
                lock_account(account)
            when = send_time(page, account)
            deliveries.append(schedule_for_account(page, revision, account, when))
    return deliveries


def schedule_deletes(page) -> list[Delivery]:
    """Delete jobs for every post of the page that is out there (unpublish)."""
    result = []
    for origin in Delivery.objects.filter(page=page, action=A.PUBLISH, status=S.SENT):
        if origin.follow_ups.filter(action=A.DELETE, status=S.SENT).exists():
            continue
        now = timezone.now()
        result.append(
            _create(
                page=page,
                account=origin.account,
                revision=origin.revision,
                action=A.DELETE,
                origin=origin,
                scheduled_at=now,
                next_attempt_at=now,
            )
        )
    return result


def cancel_pending(page) -> int:
    """Unpublished before it went out: nothing should be sent any more."""
    return Delivery.objects.filter(
        page=page, status=S.SCHEDULED, action__in=[A.PUBLISH, A.EDIT]
    ).update(status=S.CANCELLED, updated_at=timezone.now())


def schedule_published(page, revision=None) -> list[Delivery]:
    """The deliveries a publish creates, and the mark that it was handled (even when
    no account was chosen), so the repair never mistakes «nothing to send» for «the
    publishing process died». Callers wrap it in a transaction."""
    revision = revision or page.live_revision or page.latest_revision
    deliveries = schedule_page(page, revision)
    if revision is not None:
        PublishScheduled.objects.get_or_create(revision=revision)
    return deliveries


def repair_missing(now: datetime | None = None) -> list[Delivery]:
    """Deliveries of pages that went live without them (issue 11.5): a page published
    within ``conf.repair_window()`` (and longer ago than ``conf.repair_grace()``)
    whose live revision was never handled — no mark, no delivery — is scheduled as
    its publish would have done. Idempotent like every scheduling."""
    now = now or timezone.now()
    since = now - timedelta(seconds=conf.repair_window())
    until = now - timedelta(seconds=conf.repair_grace())
    created: list[Delivery] = []
    for model in syndicated_page_types():
        pages = (
            model.objects.live()
            .filter(last_published_at__gte=since, last_published_at__lte=until)
            .exclude(live_revision__isnull=True)
            .exclude(live_revision_id__in=PublishScheduled.objects.values("revision"))
            .exclude(live_revision_id__in=Delivery.objects.values("revision_id"))
        )
        for page in pages.select_related("live_revision"):
            with transaction.atomic():
                deliveries = schedule_published(page, page.live_revision)
                PublishScheduled.objects.filter(revision=page.live_revision).update(
                    repaired=True
                )
            logger.warning(
                "page %s was live without its deliveries: %s created",
                page.pk, len(deliveries),
            )  # fmt: skip
            created += deliveries
    return created
