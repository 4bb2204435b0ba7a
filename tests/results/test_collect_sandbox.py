"""The whole statistics path over real HTTP: a piece is sent to VK, Telegram and MAX
in the sandbox, collection rounds observe the posts and the channels, the counters
grow between rounds, and a network error leaves the series as it was."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from moderation.models import InboxItem
from results.collect import run_round
from results.models import AccountObservation, PostObservation, PostTracking
from sandbox.models import SandboxPost
from syndication.models import Delivery
from tests.sandbox.fixtures import relaxed_account, sandbox  # noqa: F401

pytest_plugins = ["tests.syndication.test_delivery_support"]


@pytest.fixture
def sent_piece(sandbox, transactional_db, piece_page):  # noqa: F811
    accounts = {
        "vk": relaxed_account("vk", "710001", "VK results", token_type="user"),
        "telegram": relaxed_account("telegram", "@results_channel", "TG results"),
        "max": relaxed_account("max", "-70000000000071", "MAX results"),
    }
    call_command("syndicate", str(piece_page.pk), "--wait", stdout=io.StringIO())
    for account in accounts.values():
        delivery = Delivery.objects.get(account=account, action="publish")
        assert delivery.status == "sent", delivery.last_error
    # The posts went out three hours ago: readers have had time to see them.
    three_hours_ago = timezone.now() - timedelta(hours=3)
    SandboxPost.objects.update(created_at=three_hours_ago)
    Delivery.objects.update(sent_at=three_hours_ago)
    return accounts


def test_rounds_build_growing_series(sent_piece):
    now = timezone.now()
    first = run_round(now)
    # VK and MAX give post counters; Telegram's comments are counted by Vestnik.
    assert first.posts_observed == 3, first.errors
    assert first.accounts_observed == 3, first.errors
    telegram = PostTracking.objects.get(network="telegram")
    assert telegram.comments == 0  # the inbox has received none yet
    assert (telegram.views, telegram.reach, telegram.likes) == (None, None, None)

    vk = PostTracking.objects.get(network="vk")
    assert vk.views > 0 and vk.reach > 0 and vk.likes is not None
    assert vk.reposts is not None and vk.comments == 0
    max_ = PostTracking.objects.get(network="max")
    assert max_.views > 0
    assert (max_.reach, max_.likes, max_.reposts) == (None, None, None)
    assert vk.next_due_at == now + timedelta(hours=1)  # hourly in the first 48 hours

    for account in sent_piece.values():
        audience = AccountObservation.objects.get(account=account)
        assert audience.subscribers > 0
        account.refresh_from_db()
        assert account.subscribers == audience.subscribers

    # Nothing is due a minute later: no call is made, no row is written.
    assert run_round(now + timedelta(minutes=1)).posts_observed == 0

    later = now + timedelta(hours=1, minutes=1)
    SandboxPost.objects.update(created_at=timezone.now() - timedelta(hours=9))
    assert run_round(later).posts_observed == 3
    series = list(
        PostObservation.objects.filter(tracking=vk).values_list("views", flat=True)
    )
    assert len(series) == 2 and series[1] > series[0]


def test_telegram_comments_are_the_inbox_items_under_the_post(sent_piece):
    channel = sent_piece["telegram"]
    delivery = Delivery.objects.get(account=channel, action="publish")
    post_id = delivery.remote_id
    for number, (kind, post, linked) in enumerate([
        ("comment", post_id, None),  # a reply to the post's automatic forward
        ("reply", post_id, None),  # a reader answering another reader
        ("comment", "", delivery.pk),  # linked to the delivery (album's 2nd message)
        ("comment", "999999", None),  # under another post
        ("message", "", None),  # a private message to the bot
    ]):  # fmt: skip
        InboxItem.objects.create(
            account=channel, network="telegram", remote_id=str(100 + number),
            kind=kind, post_remote_id=post, delivery_id=linked, text="Вопрос",
        )  # fmt: skip
    InboxItem.objects.create(  # the same post id on another account's channel
        account=sent_piece["max"], network="max", remote_id="x", post_remote_id=post_id
    )
    run_round(timezone.now())
    assert PostTracking.objects.get(network="telegram").comments == 3


def test_network_error_keeps_the_series(sent_piece, sandbox):  # noqa: F811
    now = timezone.now()
    run_round(now)
    vk = PostTracking.objects.get(network="vk")
    before = vk.views

    sandbox.fault("vk", "http500", remaining=5)
    failed = run_round(now + timedelta(hours=2))
    vk.refresh_from_db()
    assert failed.posts_failed == 1
    assert "TransientError" in vk.last_error and vk.errors_in_row == 1
    assert vk.views == before and not vk.finished
    assert PostObservation.objects.filter(tracking=vk).count() == 1
    # MAX was not affected by VK's trouble.
    assert PostObservation.objects.filter(tracking__network="max").count() == 2

    # Retried sooner than the hourly step; the fault is gone by then.
    assert vk.next_due_at == now + timedelta(hours=3)
    from sandbox.models import SandboxFault

    SandboxFault.objects.all().delete()
    run_round(now + timedelta(hours=3))
    vk.refresh_from_db()
    assert vk.last_error == "" and vk.errors_in_row == 0
    assert PostObservation.objects.filter(tracking=vk).count() == 2


def test_post_deleted_on_the_network_stops_being_tracked(sent_piece):
    now = timezone.now()
    run_round(now)
    SandboxPost.objects.filter(account__network__in=["vk", "max"]).update(deleted=True)
    report = run_round(now + timedelta(hours=2))
    assert (report.posts_gone, report.posts_failed) == (2, 0), report.errors
    for network in ("vk", "max"):  # MAX: left out of the getMessages list
        gone = PostTracking.objects.get(network=network)
        assert gone.finished and gone.observations.count() == 1
