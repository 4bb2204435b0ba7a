"""OK statistics over real HTTP: a piece sent to an OK group in the sandbox, whose
emulator answers group.getStatTopic and group.getCounters in OK's wire format (signed
calls, bare JSON) with the counters it keeps growing."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from results.collect import run_round
from results.collectors import ok as ok_collector
from results.models import AccountObservation, PostObservation, PostTracking
from sandbox.models import SandboxComment, SandboxPost
from syndication.api.errors import PermanentError
from syndication.models import Delivery
from tests.sandbox.fixtures import relaxed_account, sandbox  # noqa: F401

pytest_plugins = ["tests.syndication.test_delivery_support"]


@pytest.fixture
def ok_topic(sandbox, transactional_db, piece_page):  # noqa: F811
    account = relaxed_account("ok", "555000777", "OK results")
    call_command("syndicate", str(piece_page.pk), "--wait", stdout=io.StringIO())
    delivery = Delivery.objects.get(account=account, action="publish")
    assert delivery.status == "sent", delivery.last_error
    three_hours_ago = timezone.now() - timedelta(hours=3)
    SandboxPost.objects.update(created_at=three_hours_ago)
    Delivery.objects.update(sent_at=three_hours_ago)
    return account, SandboxPost.objects.get(account__network="ok")


def test_ok_topic_counters_and_members_grow(ok_topic):
    account, topic = ok_topic
    SandboxComment.objects.create(
        post=topic, remote_id=1, author_id=77, author_name="Читатель", text="Спасибо"
    )
    now = timezone.now()
    first = run_round(now)
    assert (first.posts_observed, first.accounts_observed) == (1, 1), first.errors

    tracked = PostTracking.objects.get(network="ok")
    assert tracked.views > 0 and 0 < tracked.reach <= tracked.views
    assert tracked.likes is not None and tracked.reposts is not None
    assert tracked.comments == 1  # the reader's real comment
    audience = AccountObservation.objects.get(account=account)
    assert audience.subscribers > 0
    account.refresh_from_db()
    assert account.subscribers == audience.subscribers

    SandboxPost.objects.update(created_at=timezone.now() - timedelta(hours=20))
    assert run_round(now + timedelta(hours=1, minutes=1)).posts_observed == 1
    views = list(
        PostObservation.objects.filter(tracking=tracked).values_list("views", flat=True)
    )
    assert len(views) == 2 and views[1] > views[0]


def test_deleted_topic_stops_being_tracked(ok_topic):
    run_round(timezone.now())
    SandboxPost.objects.filter(account__network="ok").update(deleted=True)
    report = run_round(timezone.now() + timedelta(hours=2))
    assert report.posts_gone == 1 and report.posts_failed == 0
    assert PostTracking.objects.get(network="ok").finished


def test_a_network_error_is_kept_on_the_row(ok_topic, sandbox):  # noqa: F811
    sandbox.fault("ok", "rate_limit", remaining=5)
    report = run_round(timezone.now())
    assert report.posts_observed == 0
    tracked = PostTracking.objects.get(network="ok")
    assert tracked.views is None and not tracked.finished
    assert not PostObservation.objects.exists()


class RefusesViews:
    """A client whose OK refuses the VIEWS field (older field lists lack it)."""

    def __init__(self):
        self.asked = []

    def call(self, method, *, idempotent=False, **params):
        self.asked.append(params["fields"])
        if "VIEWS" in params["fields"]:
            raise PermanentError(
                "PARAM : Invalid parameter fields value  : [ID,VIEWS]", code=100
            )
        return {"topic": {"id": params["topic_id"], "reach": "40", "likes": 3}}


def test_views_refused_are_asked_without_and_not_reported(monkeypatch):
    monkeypatch.setattr(ok_collector, "_refused", set())
    client = RefusesViews()
    found = ok_collector.observe_posts(client, ["7", "8"])
    assert found["7"] == {
        "views": None, "reach": 40, "likes": 3, "comments": None, "reposts": None
    }  # fmt: skip
    # Refused once, then never asked again in this process.
    assert ["VIEWS" in fields for fields in client.asked] == [True, False, False]
