"""One collection round: observe the posts that are due and the accounts' audiences.

A post is observed every ``RESULTS_EARLY_EVERY_MINUTES`` in its first
``RESULTS_EARLY_HOURS``, then every ``RESULTS_LATE_EVERY_MINUTES`` until
``RESULTS_TRACK_DAYS`` after it was sent. Statistics must never delay a publication,
so every call they make takes a turn of the shared per-token limiter only when one is
free (``RESULTS_MAX_WAIT_SECONDS``) and, on a bucket of its own, at most
``RESULTS_RATE_SHARE`` of the token's rate; when no turn is free the account's round
stops and its posts stay due for the next round. A network error is written on the
post's tracking row and the post is tried again later; the series is never touched."""

from __future__ import annotations

import contextlib
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts_registry.models import Account
from accounts_registry.restricted import is_blocked
from syndication import ratelimit
from syndication.api import get_client
from syndication.api.base import ratelimit_setting
from syndication.api.errors import APIError, RateLimited
from syndication.exceptions import Unsupported
from syndication.models import Delivery

from . import collectors, conf
from .models import METRICS, AccountObservation, PostObservation, PostTracking

logger = logging.getLogger(__name__)


@dataclass
class RoundReport:
    posts_observed: int = 0
    posts_failed: int = 0
    posts_deferred: int = 0
    posts_gone: int = 0
    accounts_observed: int = 0
    errors: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"posts observed {self.posts_observed}, failed {self.posts_failed}, "
            f"deferred {self.posts_deferred}, gone {self.posts_gone}; "
            f"accounts observed {self.accounts_observed}"
        )


def make_polite(client):
    """Replace the client's limiter step so that statistics never hold up a
    publication.

    Statistics first queue in a bucket of their own (``<key>:stats``) that allows
    RATE_SHARE of the token's rate: only statistics wait there. Then they take a turn
    in the shared bucket (``key``) that publications use, so the network's limit holds
    for both, but only if that turn is free within MAX_WAIT_SECONDS: statistics never
    queue in front of a publication."""
    share = float(conf.app_settings.RATE_SHARE)
    max_wait = float(conf.app_settings.MAX_WAIT_SECONDS)

    def limit(key: str, rate_setting: str) -> None:
        rate, per = ratelimit_setting(rate_setting)
        own = max(1, int(rate * share))
        ratelimit.acquire(f"{key}:stats", own, per, max_wait=per * 2)
        ratelimit.acquire(key, rate, per, max_wait=max_wait)

    client.limit = limit
    return client


def next_due(tracking: PostTracking, now: datetime) -> tuple[datetime, bool]:
    """When to observe the post next, and whether it is finished."""
    age = now - tracking.sent_at
    end = tracking.sent_at + conf.track_for()
    if age >= conf.track_for():
        return now, True
    step = conf.early_every() if age < conf.early_window() else conf.late_every()
    return min(now + step, end), False


def enrol(now: datetime) -> int:
    """Start tracking every sent publication of a network that gives statistics."""
    since = now - conf.track_for()
    deliveries = (
        Delivery.objects.filter(
            action=Delivery.Action.PUBLISH,
            status="sent",
            sent_at__gte=since,
            account__network__in=collectors.post_networks(),
            results_tracking__isnull=True,
        )
        .exclude(remote_ref={})
        .select_related("account")
    )
    new = [
        PostTracking(
            delivery=d,
            page_id=d.page_id,
            account_id=d.account_id,
            network=d.account.network,
            sent_at=d.sent_at,
            next_due_at=now,
        )
        for d in deliveries
        if d.remote_id
    ]
    PostTracking.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def _fail(trackings, exc: Exception, now: datetime) -> None:
    message = f"{type(exc).__name__}: {exc}"[:1000]
    for tracking in trackings:
        tracking.errors_in_row += 1
        tracking.last_error = message
        # Back off, but never longer than the usual late step.
        wait = conf.early_every() * (2 ** min(tracking.errors_in_row - 1, 6))
        tracking.next_due_at = now + min(wait, conf.late_every())
    PostTracking.objects.bulk_update(
        trackings, ["errors_in_row", "last_error", "next_due_at"]
    )


def _record(trackings, found: dict, now: datetime, report: RoundReport) -> None:
    observations, changed = [], []
    for tracking in trackings:
        counters = found.get(tracking.delivery.remote_id)
        if counters is None:
            # The network no longer has the post (deleted there or by us).
            tracking.finished = True
            tracking.last_error = "gone"
            report.posts_gone += 1
        else:
            values = {name: counters.get(name) for name in METRICS}
            observations.append(
                PostObservation(tracking=tracking, observed_at=now, **values)
            )
            for name, value in values.items():
                setattr(tracking, name, value)
            tracking.observed_at = now
            tracking.last_error = ""
            tracking.errors_in_row = 0
            tracking.next_due_at, tracking.finished = next_due(tracking, now)
            report.posts_observed += 1
        changed.append(tracking)
    with transaction.atomic():
        PostObservation.objects.bulk_create(observations)
        PostTracking.objects.bulk_update(
            changed,
            [*METRICS, "observed_at", "last_error", "errors_in_row", "next_due_at",
             "finished"],
        )  # fmt: skip


def observe_account_posts(client, module, trackings, now, report) -> bool:
    """Observe ``trackings`` (one account's due posts) in batches; False when the
    round for this account must stop (no free turn)."""
    for start in range(0, len(trackings), module.BATCH):
        batch = trackings[start : start + module.BATCH]
        ids = [t.delivery.remote_id for t in batch]
        try:
            found = module.observe_posts(client, ids)
        except RateLimited:
            report.posts_deferred += len(trackings) - start
            return False
        except (APIError, Unsupported) as exc:
            _fail(batch, exc, now)
            report.posts_failed += len(batch)
            report.errors.append(f"{client.network}: {exc}")
            continue
        _record(batch, found, now, report)
    return True


def observe_audience(account, client, module, now, report) -> None:
    try:
        subscribers = module.observe_audience(client)
    except (APIError, Unsupported) as exc:
        report.errors.append(f"{account.network} audience: {exc}")
        return
    AccountObservation.objects.create(
        account=account, observed_at=now, subscribers=subscribers
    )
    if subscribers is not None:
        # The register shows the latest figure; a plain update adds no history line.
        Account.objects.filter(pk=account.pk).update(
            subscribers=subscribers, subscribers_synced_at=now
        )
    report.accounts_observed += 1


def audience_due(now: datetime) -> set[int]:
    last = dict(
        AccountObservation.objects.values("account")
        .annotate(last=Max("observed_at"))
        .values_list("account", "last")
    )
    every = conf.account_every()
    accounts = Account.objects.filter(
        network__in=collectors.audience_networks()
    ).values_list("pk", flat=True)
    return {pk for pk in accounts if pk not in last or last[pk] + every <= now}


def run_round(now: datetime | None = None, get_client=get_client) -> RoundReport:
    now = now or timezone.now()
    report = RoundReport()
    enrol(now)
    due = list(
        PostTracking.objects.filter(finished=False, next_due_at__lte=now)
        .select_related("delivery", "account")
        .order_by("next_due_at")[: int(conf.app_settings.BATCH)]
    )
    by_account: dict[int, list[PostTracking]] = defaultdict(list)
    for tracking in due:
        by_account[tracking.account_id].append(tracking)
    audiences = audience_due(now)
    accounts = Account.objects.filter(pk__in=set(by_account) | audiences)
    for account in accounts:
        module = collectors.collector(account.network)
        if module is None or is_blocked(account.network):
            continue
        if not account.has_credential:
            continue
        client = make_polite(get_client(account))
        posts = by_account.get(account.pk)
        if posts and not observe_account_posts(client, module, posts, now, report):
            continue  # no free turn: the rest waits for the next round
        if account.pk in audiences:
            # No free turn: the next round asks again.
            with contextlib.suppress(RateLimited):
                observe_audience(account, client, module, now, report)
    logger.info("results round: %s", report)
    return report


def prune(now: datetime | None = None) -> int:
    """Delete observations older than RESULTS_KEEP_DAYS (13 months)."""
    cutoff = (now or timezone.now()) - conf.keep_for()
    posts, _ = PostObservation.objects.filter(observed_at__lt=cutoff).delete()
    accounts, _ = AccountObservation.objects.filter(observed_at__lt=cutoff).delete()
    return posts + accounts
