"""When a post is observed, how statistics share the rate limiter, and retention."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from results import collect
from results.models import AccountObservation, PostObservation
from syndication import ratelimit
from syndication.api.errors import RateLimited

SENT = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


class Tracked:
    sent_at = SENT


@pytest.mark.parametrize(
    ("age", "step", "finished"),
    [
        (timedelta(minutes=5), timedelta(hours=1), False),
        (timedelta(hours=47), timedelta(hours=1), False),
        (timedelta(hours=49), timedelta(days=1), False),
        (timedelta(days=29, hours=20), timedelta(hours=4), False),  # last at day 30
        (timedelta(days=30), None, True),
    ],
)
def test_hourly_for_two_days_then_daily_for_a_month(age, step, finished):
    now = SENT + age
    due, done = collect.next_due(Tracked(), now)
    assert done is finished
    if step is not None:
        assert due - now == step


@pytest.fixture
def db_limiter(settings, db):
    settings.RATE_LIMIT_REDIS_URL = ""
    settings.CELERY_BROKER_URL = "memory://"
    settings.RESULTS_MAX_WAIT_SECONDS = 0.2
    settings.RESULTS_RATE_SHARE = 0.5


class FakeClient:
    network = "vk"

    def limit(self, key, rate_setting):  # replaced by make_polite
        raise AssertionError("not polite")


def test_statistics_take_at_most_half_the_rate(db_limiter, settings):
    settings.VK_RATE_USER = (10, 1.0)
    settings.RATE_LIMIT_SAFETY = 1.0
    client = collect.make_polite(FakeClient())
    started = time.monotonic()
    for _ in range(6):
        client.limit("vk:token", "VK_RATE_USER")
    # Six statistics calls at 5 a second (their share of 10) take over a second...
    assert time.monotonic() - started >= 1.0
    # ...and a publication meanwhile still finds a turn in the shared bucket at once.
    assert ratelimit.acquire("vk:token", 10, 1.0, max_wait=0.2) < 0.2


def test_statistics_refuse_a_turn_behind_a_publication_backlog(db_limiter, settings):
    settings.VK_RATE_USER = (2, 1.0)
    for _ in range(4):  # a backlog of publications: the next turn is two windows off
        ratelimit.acquire("vk:busy", 2, 1.0, max_wait=10)
    client = collect.make_polite(FakeClient())
    started = time.monotonic()
    with pytest.raises(RateLimited):
        client.limit("vk:busy", "VK_RATE_USER")
    assert time.monotonic() - started < 0.5


def test_prune_keeps_thirteen_months(db, django_user_model):
    from accounts_registry.models import Account

    account = Account.objects.create(network="vk", name="VK", external_id="1")
    now = datetime(2026, 12, 1, tzinfo=UTC)
    AccountObservation.objects.create(
        account=account, observed_at=now - timedelta(days=400), subscribers=1
    )
    kept = AccountObservation.objects.create(
        account=account, observed_at=now - timedelta(days=390), subscribers=2
    )
    assert collect.prune(now) == 1
    assert list(AccountObservation.objects.all()) == [kept]
    assert not PostObservation.objects.exists()
