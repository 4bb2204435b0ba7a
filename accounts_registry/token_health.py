"""Token health at a glance, for the technician's dashboard: each account's credential
state (valid, expires in N days, expired, revoked, missing), the last check and its
answer, whether it renews by itself and when it last did, and the failures of delivery
and of comment polling; accounts of blocked networks apart, never «in order»."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from syndication.networks import registry

from .admin_urls import account_url
from .conf import app_settings
from .expiry import days_to, expiry_words
from .models import Account, AccountChange
from .oauth.providers import Provider, provider_for
from .restricted import blocked_networks

# The actor ``oauth.refresh`` records its renewals under (``history.acting_as``).
REFRESH_ACTOR = "token refresh"
DAY = datetime.timedelta(hours=24)


class Level:
    OK = "ok"
    WARNING = "warning"
    CRITICAL = "critical"


@dataclass
class TokenRow:
    account: Account
    state: str  # valid, expiring, expired, revoked, failing, missing, unchecked, none
    label: str
    level: str
    renews: bool = False
    renewal: str = ""
    last_renewed_at: datetime.datetime | None = None
    delivery_failures: int = 0
    delivery_error: str = ""
    polling_failures: int = 0
    polling_error: str = ""
    held_since: datetime.datetime | None = None
    held_posts: int = 0
    urls: dict = field(default_factory=dict)

    @property
    def failures(self) -> int:
        return self.delivery_failures + self.polling_failures

    @property
    def needs_attention(self) -> bool:
        return self.level != Level.OK or self.failures > 0 or bool(self.held_since)


def renews_itself(account: Account) -> bool:
    """An OAuth account with a refresh token renews itself (``oauth.refresh``)."""
    provider = provider_for(account.network)
    if provider is None or type(provider).refresh is Provider.refresh:
        return False
    return bool(account.get_credential().get("refresh_token"))


def credential_state(account: Account, now=None) -> tuple[str, str, str]:
    """(state, label, level) of the account's credential."""
    now = now or timezone.now()
    if not registry.get_spec(account.network).credential:
        return "none", _("not needed"), Level.OK
    if not account.has_credential:
        return "missing", _("not set"), Level.CRITICAL
    expires = account.credential_expires_at
    if expires is not None and expires <= now:
        return "expired", expiry_words(expires, now), Level.CRITICAL
    if account.health == Account.Health.REVOKED:
        return "revoked", _("revoked"), Level.CRITICAL
    if expires is not None:
        # Before «fails»: a check that worked but found the token expiring soon is
        # recorded as an error too (health.check_account).
        # Calendar days where the people are: a key expiring the day after tomorrow
        # at noon is «in 2 days» at 13:00 today too (timedelta.days said 1), and one
        # expiring tomorrow morning is not «today».
        days = days_to(expires, now)
        if days < app_settings.EXPIRY_WARNING_DAYS and not renews_itself(account):
            return "expiring", expiry_words(expires, now), Level.WARNING
    if account.health == Account.Health.ERROR:
        return "failing", _("the check fails"), Level.CRITICAL
    if account.health == Account.Health.OK:
        return "valid", _("valid"), Level.OK
    return "unchecked", _("not checked yet"), Level.WARNING


def _renewal(account: Account, renews: bool) -> str:
    if renews:
        return _("renews by itself")
    if account.credential_expires_at is None:
        return _("does not expire") if account.has_credential else ""
    if account.credential_expires_at <= timezone.now():
        # «…до истечения» read oddly under a key that expired three days ago.
        return _("does not renew: replace it or connect again")
    return _("does not renew: reconnect before it expires")


def _delivery_failures(since) -> dict[int, tuple[int, str]]:
    """account id -> (failed attempts since ``since``, the last one's error)."""
    # syndication sits above the registry: its models are looked up, not imported.
    attempt = apps.get_model("syndication", "DeliveryAttempt")
    failed = (
        attempt.objects.filter(started_at__gte=since)
        .exclude(outcome__in=["ok", "pending"])
        .order_by("-started_at")
    )
    counts = {
        row["delivery__account"]: row["n"]
        for row in failed.order_by().values("delivery__account").annotate(n=Count("id"))
    }
    found = {}
    for account_id, count in counts.items():
        last = failed.filter(delivery__account=account_id).first()
        found[account_id] = (count, (last.error or last.get_outcome_display())[:300])
    return found


def _held_accounts() -> dict[int, tuple[datetime.datetime, int]]:
    """account id -> (since when its sending is paused for a refused key, the posts
    waiting): the scheduler sends them once the key is replaced, so the technician
    sees here what his replacement will release."""
    settings = apps.get_model("syndication", "AccountSettings")
    delivery = apps.get_model("syndication", "Delivery")
    held = dict(
        settings.objects.filter(held_at__isnull=False).values_list("account", "held_at")
    )
    waiting = {
        row["account"]: row["n"]
        for row in delivery.objects.filter(account__in=held, status="scheduled")
        .order_by()
        .values("account")
        .annotate(n=Count("id"))
    }
    return {pk: (since, waiting.get(pk, 0)) for pk, since in held.items()}


def _polling_failures() -> dict[int, tuple[int, str]]:
    """account id -> (posts whose comment polling fails now, the last error)."""
    if not apps.is_installed("moderation"):
        return {}
    cursor = apps.get_model("moderation", "FetchCursor")
    failing = cursor.objects.exclude(last_error="")
    found = {}
    for row in failing.order_by().values("account").annotate(n=Count("id")):
        last = failing.filter(account=row["account"]).order_by("-pk").first()
        found[row["account"]] = (row["n"], last.last_error[:300])
    return found


def token_rows(now=None) -> tuple[list[TokenRow], list[TokenRow]]:
    """(rows of the accounts Vestnik works with, rows of blocked networks' accounts),
    the ones needing attention first."""
    now = now or timezone.now()
    accounts = Account.objects.exclude(status=Account.Status.DELETED).order_by(
        "network", "name"
    )
    renewed = dict(
        AccountChange.objects.filter(actor=REFRESH_ACTOR, changes__has_key="credential")
        .order_by()
        .values_list("account")
        .annotate(last=Max("at"))
    )
    deliveries = _delivery_failures(now - DAY)
    polling = _polling_failures()
    held = _held_accounts()
    blocked = set(blocked_networks())
    rows, blocked_rows = [], []
    for account in accounts:
        urls = {
            "inspect": account_url(account),
            "credential": reverse("registry_set_credential", args=[account.pk]),
            "check": reverse("registry_check", args=[account.pk]),
        }
        if account.network in blocked:
            blocked_rows.append(
                TokenRow(
                    account,
                    "blocked",
                    _("network blocked: not checked"),
                    Level.WARNING,
                    urls=urls,
                )
            )
            continue
        state, label, level = credential_state(account, now)
        renews = account.has_credential and renews_itself(account)
        delivery = deliveries.get(account.pk, (0, ""))
        poll = polling.get(account.pk, (0, ""))
        held_since, held_posts = held.get(account.pk, (None, 0))
        rows.append(
            TokenRow(
                account,
                state,
                label,
                level,
                renews=renews,
                renewal=_renewal(account, renews),
                last_renewed_at=renewed.get(account.pk),
                delivery_failures=delivery[0],
                delivery_error=delivery[1],
                polling_failures=poll[0],
                polling_error=poll[1],
                held_since=held_since,
                held_posts=held_posts,
                urls=urls,
            )
        )
    order = {Level.CRITICAL: 0, Level.WARNING: 1, Level.OK: 2}
    rows.sort(key=lambda r: (r.held_since is None, order[r.level], -r.failures))
    return rows, blocked_rows
