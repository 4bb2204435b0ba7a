"""The delivery state machine: claiming, outcomes, retries, holds, stale recovery."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from syndication.api import errors
from syndication.delivery import dispatch, prepare, retries, scheduling, sending, state
from syndication.models import AccountSettings, Delivery, DeliveryAttempt
from tests.syndication.test_delivery_support import FakeRef

S = Delivery.Status
# The fixtures (accounts, piece_page, fake_clients) live in the support module.
pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db


def schedule(page, account):
    return scheduling.schedule_page(page, accounts=[account])[0]


def test_claim_is_taken_by_one_claimer_only(piece_page, accounts):
    delivery = schedule(piece_page, accounts[0])
    first = state.claim(delivery.pk)
    second = state.claim(delivery.pk)
    assert first is not None and second is None
    delivery.refresh_from_db()
    assert delivery.status == S.SENDING and delivery.attempts == 1
    assert DeliveryAttempt.objects.filter(delivery=delivery).count() == 1


def test_claim_due_splits_rows_between_claimers(piece_page, accounts):
    for account in accounts:
        schedule(piece_page, account)
    a = state.claim_due(limit=2)
    b = state.claim_due(limit=10)
    ids_a = {d.pk for d, _ in a}
    ids_b = {d.pk for d, _ in b}
    assert len(ids_a) == 2 and len(ids_b) == 1 and not ids_a & ids_b
    assert state.claim_due(limit=10) == []


def test_not_due_and_cancelled_are_not_claimed(piece_page, accounts):
    later = schedule(piece_page, accounts[0])
    Delivery.objects.filter(pk=later.pk).update(
        next_attempt_at=timezone.now() + timedelta(hours=1)
    )
    cancelled = schedule(piece_page, accounts[1])
    state.cancel([cancelled.pk])
    assert state.claim(later.pk) is None
    assert state.claim(cancelled.pk) is None


def test_success_records_remote_ref_and_attempt(piece_page, accounts, fake_clients):
    delivery = sending.perform(schedule(piece_page, accounts[0]).pk)
    delivery.refresh_from_db()
    assert delivery.status == S.SENT
    assert delivery.remote_ref["ids"] == ["1"]
    assert delivery.remote_url == "https://vk.example/1"
    attempt = delivery.attempt_log.get()
    assert attempt.outcome == "ok"
    assert attempt.request_summary["messages"][0]["method"] == "wall.post"
    assert "secret-token" not in str(attempt.request_summary)
    # a duplicate task message finds nothing to do
    assert sending.perform(delivery.pk) is None
    assert len(fake_clients[accounts[0].pk].calls) == 1


def test_outcome_unknown_on_vk_retries_with_same_guid(
    piece_page, accounts, fake_clients
):
    vk = accounts[0]
    delivery = schedule(piece_page, vk)
    client = fake_clients["for"](vk)

    def reached_network_but_no_answer():
        # the network created the post (it remembers the guid) but the answer was lost
        raise errors.OutcomeUnknown("read timeout")

    client.script = [reached_network_but_no_answer]
    sending.perform(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == S.SCHEDULED and delivery.attempts == 1
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    sending.perform(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == S.SENT
    keys = [key for _, key in client.calls]
    assert keys == [str(delivery.idempotency_key)] * 2
    assert len(client.posts) == 1  # one post on the wall, not two


def test_outcome_unknown_without_dedup_needs_a_person(
    piece_page, accounts, fake_clients
):
    telegram = accounts[2]
    delivery = schedule(piece_page, telegram)
    fake_clients["for"](telegram).script = [errors.OutcomeUnknown("connection reset")]
    sending.perform(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == S.NEEDS_CHECK
    assert delivery.attempt_log.get().outcome == "unknown"
    # the tick never re-sends it
    assert dispatch.tick(lambda pk: pytest.fail("re-sent")) == []
    assert len(fake_clients[telegram.pk].calls) == 1


def test_transient_error_backs_off_honouring_retry_after(
    piece_page, accounts, fake_clients
):
    delivery = schedule(piece_page, accounts[0])
    fake_clients["for"](accounts[0]).script = [
        errors.RateLimited("flood", retry_after=900)
    ]
    before = timezone.now()
    sending.perform(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == S.SCHEDULED
    assert delivery.next_attempt_at >= before + timedelta(seconds=900)
    assert "flood" in delivery.last_error


def test_backoff_grows_and_respects_retry_after(settings):
    settings.SYNDICATION_BACKOFF_BASE = 10
    settings.SYNDICATION_BACKOFF_CAP = 1000
    rng = random.Random(1)
    waits = [retries.backoff_seconds(n, rng=rng) for n in (1, 2, 3, 4)]
    assert 5 <= waits[0] <= 10 and 40 <= waits[3] <= 80
    assert retries.backoff_seconds(1, retry_after=300, rng=rng) >= 300
    assert retries.backoff_seconds(30, rng=rng) <= 1000


def test_transient_gives_up_after_max_attempts(
    piece_page, accounts, fake_clients, settings
):
    settings.SYNDICATION_MAX_ATTEMPTS = 2
    delivery = schedule(piece_page, accounts[0])
    fake_clients["for"](accounts[0]).script = [errors.TransientError("500")] * 2
    for _ in range(2):
        Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
        sending.perform(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == S.FAILED and delivery.attempts == 2


def test_permanent_error_fails_without_retry(piece_page, accounts, fake_clients):
    delivery = schedule(piece_page, accounts[1])
    fake_clients["for"](accounts[1]).script = [errors.PermanentError("bad params")]
    sending.perform(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == S.FAILED and "bad params" in delivery.last_error


def test_auth_error_holds_account_until_credential_replaced(
    piece_page, accounts, fake_clients
):
    vk = accounts[0]
    first = schedule(piece_page, vk)
    fake_clients["for"](vk).script = [errors.AuthError("token expired")]
    sending.perform(first.pk)
    first.refresh_from_db()
    held = AccountSettings.objects.get(account=vk)
    assert held.is_held and first.status == S.SCHEDULED
    assert "Reconnect" in first.last_error or "переподключ" in first.last_error.lower()
    # nothing of the held account is handed out, nothing is lost
    assert dispatch.tick(lambda pk: None) == []
    assert state.claim(first.pk) is None
    # the keeper replaces the token: the next tick releases and sends
    vk.set_credential({"access_token": "new-token-value-5678"})
    vk.save()
    enqueued = dispatch.tick(lambda pk: None)
    assert enqueued == [first.pk]
    sending.perform(first.pk)
    first.refresh_from_db()
    assert first.status == S.SENT
    assert not AccountSettings.objects.get(account=vk).is_held


def test_stale_sending_vk_is_retried_with_guid(
    piece_page, accounts, fake_clients, settings
):
    settings.SYNDICATION_STALE_SENDING_AFTER = 60
    vk, telegram = accounts[0], accounts[2]
    for account in (vk, telegram):
        delivery = schedule(piece_page, account)
        delivery, attempt = state.claim(delivery.pk)
        # the worker wrote what it was about to ask, then died mid-request
        summary = prepare.job_for(delivery).summary
        state.note_request(attempt, summary)
    Delivery.objects.update(sending_started_at=timezone.now() - timedelta(minutes=5))
    recovered = dispatch.recover_stale()
    assert len(recovered) == 2
    by_net = {d.account.network: d for d in Delivery.objects.select_related("account")}
    assert by_net["vk"].status == S.SCHEDULED  # same guid, the network de-duplicates
    assert by_net["telegram"].status == S.NEEDS_CHECK
    assert "stopped" in by_net["telegram"].last_error or by_net["telegram"].last_error


def test_fresh_sending_is_left_alone(piece_page, accounts, settings):
    settings.SYNDICATION_STALE_SENDING_AFTER = 600
    delivery = schedule(piece_page, accounts[2])
    state.claim(delivery.pk)
    assert dispatch.recover_stale() == []


def test_late_success_overrides_needs_check(piece_page, accounts, fake_clients):
    delivery = schedule(piece_page, accounts[2])
    delivery, attempt = state.claim(delivery.pk)
    Delivery.objects.filter(pk=delivery.pk).update(status=S.NEEDS_CHECK)
    assert state.mark_sent(delivery, attempt, {"ids": ["9"]}, "")
    delivery.refresh_from_db()
    assert delivery.status == S.SENT


def test_retry_and_cancel_actions(piece_page, accounts):
    delivery = schedule(piece_page, accounts[0])
    Delivery.objects.filter(pk=delivery.pk).update(status=S.FAILED)
    assert state.reschedule([delivery.pk]) == 1
    delivery.refresh_from_db()
    assert delivery.status == S.SCHEDULED
    assert state.cancel([delivery.pk]) == 1
    Delivery.objects.filter(pk=delivery.pk).update(status=S.SENT)
    assert state.cancel([delivery.pk]) == 0  # a sent post is deleted, not cancelled


def test_post_sent_in_part_is_not_resent(piece_page, accounts, fake_clients):
    telegram = accounts[2]
    delivery = schedule(piece_page, telegram)
    # the first message went out, the follow-up hit a 5xx: a retry would repeat it
    failure = errors.TransientError("502 on the follow-up")
    failure.partial_ref = FakeRef(["41"], "")
    fake_clients["for"](telegram).script = [failure]
    sending.perform(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == S.NEEDS_CHECK
    assert delivery.remote_ref["ids"] == ["41"]
    assert "41" in delivery.last_error


def test_a_post_marked_sent_by_a_person_is_not_edited_blindly(
    piece_page, accounts, fake_clients, admin_client
):
    telegram = accounts[2]
    delivery = schedule(piece_page, telegram)
    fake_clients["for"](telegram).script = [errors.OutcomeUnknown("connection reset")]
    sending.perform(delivery.pk)

    # the moderator found the post: its address is kept, its ids stay unknown
    page = admin_client.get(f"/admin/syndication/log/{delivery.pk}/").content.decode()
    assert 'name="remote_url"' in page
    action = "/admin/syndication/log/action/"
    admin_client.post(
        action, {"ids": delivery.pk, "do": "mark_sent", "remote_url": "t.me/x/1"}
    )
    delivery.refresh_from_db()
    assert delivery.status == S.NEEDS_CHECK  # a malformed address changes nothing
    url = "https://t.me/delivery_sandbox/41"
    admin_client.post(
        action, {"ids": delivery.pk, "do": "mark_sent", "remote_url": url}
    )
    delivery.refresh_from_db()
    assert delivery.status == S.SENT and delivery.remote_url == url

    # a republish cannot say which message to edit: left to a person, said in Russian
    revision = piece_page.save_revision()
    (edit,) = scheduling.schedule_page(piece_page, revision, accounts=[telegram])
    sending.perform(edit.pk)
    edit.refresh_from_db()
    assert edit.status == S.CANCELLED
    assert "вручную" in edit.last_error
    assert len(fake_clients[telegram.pk].calls) == 1  # only the first publish
