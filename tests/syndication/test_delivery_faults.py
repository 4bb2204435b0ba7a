"""Delivery under the faults real networks produce (issue 11), over real HTTP: the
sandbox carries a create out and then loses its answer (a proxy's 502 with an empty
body, a dropped connection, an answer after the client's read timeout), or refuses
with a wait. Every case ends with the post sent once, or held for a person with the
reason; never a second post. Rows of the README's fault matrix."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from sandbox.models import SandboxPost
from syndication.delivery import dispatch, scheduling
from syndication.models import Delivery, DeliveryAttempt
from tests.sandbox import fixtures
from tests.sandbox.fixtures import relaxed_account

pytest_plugins = ["tests.syndication.test_delivery_support"]
sandbox = fixtures.sandbox
S = Delivery.Status
Outcome = DeliveryAttempt.Outcome

ACCOUNTS = {
    "telegram": ("@faults_channel", "sendMessage"),
    "ok": ("555000222", "mediatopic.post"),
    "max": ("-70000000000077", "POST /messages"),
    "vk": ("610077", "wall.post"),
}


def account_of(network):
    external_id, _method = ACCOUNTS[network]
    extra = {"token_type": "user"} if network == "vk" else {}
    return relaxed_account(network, external_id, f"{network} faults", **extra)


def send(page, account):
    (delivery,) = scheduling.schedule_page(page, accounts=[account])
    return dispatch.run_now([delivery.pk])[0]


def again(delivery):
    return dispatch.run_now([delivery.pk])[0]


def posts(account):
    return SandboxPost.objects.filter(
        account__network=account.network,
        account__external_id=account.external_id,
        deleted=False,
    )


def outcomes(delivery):
    return list(
        delivery.attempt_log.order_by("number").values_list("outcome", flat=True)
    )


@pytest.mark.parametrize("network", ["telegram", "ok"])
@pytest.mark.parametrize("kind", ["http502_after", "reset_after", "late_after"])
def test_an_unknown_outcome_without_a_lookup_is_held_for_a_person(
    sandbox,
    transactional_db,
    piece_page,
    settings,
    network,
    kind,
):
    """Telegram and OK cannot find a post by what we sent: the delivery waits as
    «нужна проверка» with the network's status and body, and is never resent."""
    settings.SYNDICATION_HTTP_TIMEOUT = (2.0, 0.5)
    account = account_of(network)
    sandbox.fault(network, kind, method=ACCOUNTS[network][1], latency_ms=1500)
    delivery = send(piece_page, account)
    assert delivery.status == S.NEEDS_CHECK, delivery.last_error
    assert outcomes(delivery) == [Outcome.UNKNOWN]
    assert posts(account).count() == 1  # the network did act
    if kind == "http502_after":  # the status and the body, never «[telegram] »
        assert "HTTP 502, empty body" in delivery.last_error
    # a run of the queue does not send it again
    dispatch.run_now([delivery.pk])
    assert posts(account).count() == 1


@pytest.mark.parametrize("kind", ["http502_after", "reset_after", "late_after"])
def test_max_looks_the_post_up_instead_of_sending_it_again(
    sandbox,
    transactional_db,
    piece_page,
    settings,
    kind,
):
    settings.SYNDICATION_HTTP_TIMEOUT = (2.0, 0.5)
    account = account_of("max")
    sandbox.fault("max", kind, method="POST /messages", latency_ms=1500)
    delivery = send(piece_page, account)
    assert delivery.status == S.SCHEDULED, delivery.last_error
    assert "проверит" in delivery.last_error  # the log says what happens next
    delivery = again(delivery)
    assert delivery.status == S.SENT, delivery.last_error
    assert outcomes(delivery) == [Outcome.UNKNOWN, Outcome.OK]
    (post,) = posts(account)
    assert delivery.remote_ref["ids"] == [
        delivery.remote_ref["extra"]["messages"][0]["mid"]
    ]
    assert delivery.attempt_log.last().request_summary["checked"] == "found"
    assert "найден" in delivery.last_error


def test_max_sends_after_the_lookup_finds_nothing(
    sandbox,
    transactional_db,
    piece_page,
):
    """A 500 before MAX acted looks the same to the client: the look-up finds no post,
    and the delivery sends it, once."""
    account = account_of("max")
    sandbox.fault("max", "http500", method="POST /messages")
    delivery = send(piece_page, account)
    assert delivery.status == S.SCHEDULED and not posts(account).exists()
    delivery = again(delivery)
    assert delivery.status == S.SENT, delivery.last_error
    assert posts(account).count() == 1
    assert delivery.attempt_log.last().request_summary["checked"] == "absent"


def test_max_lookup_that_fails_is_tried_again(sandbox, transactional_db, piece_page):
    account = account_of("max")
    sandbox.fault("max", "http502_after", method="POST /messages")
    sandbox.fault("max", "http500", method="GET /messages")
    delivery = send(piece_page, account)
    delivery = again(delivery)  # the look-up fails: still unknown, looked up later
    assert delivery.status == S.SCHEDULED, delivery.last_error
    delivery = again(delivery)
    assert delivery.status == S.SENT, delivery.last_error
    assert outcomes(delivery) == [Outcome.UNKNOWN, Outcome.UNKNOWN, Outcome.OK]
    assert posts(account).count() == 1


def test_vk_resends_with_its_guid(sandbox, transactional_db, piece_page):
    account = account_of("vk")
    sandbox.fault("vk", "http502_after", method="wall.post")
    delivery = send(piece_page, account)
    assert delivery.status == S.SCHEDULED
    delivery = again(delivery)
    assert delivery.status == S.SENT, delivery.last_error
    assert posts(account).count() == 1


def test_ok_http_429_waits_as_long_as_the_server_says(
    sandbox,
    transactional_db,
    piece_page,
):
    account = account_of("ok")
    sandbox.fault("ok", "http429", method="mediatopic.post", retry_after=700)
    before = timezone.now()
    delivery = send(piece_page, account)
    assert delivery.status == S.SCHEDULED, delivery.last_error
    assert outcomes(delivery) == [Outcome.TRANSIENT]
    assert delivery.next_attempt_at >= before + timedelta(seconds=700)
    assert not posts(account).exists()
