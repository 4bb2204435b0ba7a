"""Which deliveries a publish creates: once, to the chosen accounts, at their time."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from syndication.delivery import scheduling, sending
from syndication.models import (
    AccountSettings,
    Delivery,
    PageSyndication,
    ScheduleMode,
)
from tests.syndication.test_delivery_support import make_account

S = Delivery.Status
A = Delivery.Action
# The fixtures (accounts, piece_page, fake_clients) live in the support module.
pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db


def publish(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()


def test_publish_creates_deliveries_once(
    piece_page, accounts, django_capture_on_commit_callbacks
):
    restricted = make_account("facebook", "fb1")
    revision = piece_page.live_revision
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()
        revision.publish()  # the same revision published twice
    rows = Delivery.objects.filter(page=piece_page)
    assert rows.count() == 3
    assert {d.account.network for d in rows} == {"vk", "ok", "telegram"}
    assert not rows.filter(account=restricted).exists()
    assert set(rows.values_list("action", flat=True)) == {A.PUBLISH}


def test_republish_before_sending_sends_the_newest_revision(
    piece_page, accounts, django_capture_on_commit_callbacks
):
    publish(piece_page, django_capture_on_commit_callbacks)
    publish(piece_page, django_capture_on_commit_callbacks)
    rows = Delivery.objects.filter(page=piece_page)
    assert rows.count() == 3
    assert set(rows.values_list("revision", flat=True)) == {piece_page.live_revision_id}


def test_republish_after_sending_creates_edit_jobs(
    piece_page, accounts, fake_clients, django_capture_on_commit_callbacks
):
    publish(piece_page, django_capture_on_commit_callbacks)
    vk = Delivery.objects.get(page=piece_page, account=accounts[0])
    sending.perform(vk.pk)
    publish(piece_page, django_capture_on_commit_callbacks)
    edit = Delivery.objects.get(page=piece_page, account=accounts[0], action=A.EDIT)
    assert edit.origin_id == vk.pk
    assert edit.revision_id == piece_page.live_revision_id
    sending.perform(edit.pk)
    edit.refresh_from_db()
    assert edit.status == S.SENT
    assert fake_clients[accounts[0].pk].calls[-1] == ("edit", ("1",))
    # the unsent ones were simply pointed at the new revision, no edit job
    assert not Delivery.objects.filter(account=accounts[1], action=A.EDIT).exists()


def test_edit_on_network_that_cannot_edit_is_logged(
    piece_page, accounts, fake_clients, django_capture_on_commit_callbacks
):
    from syndication.exceptions import Unsupported

    ok = accounts[1]
    publish(piece_page, django_capture_on_commit_callbacks)
    sending.perform(Delivery.objects.get(account=ok).pk)
    publish(piece_page, django_capture_on_commit_callbacks)
    edit = Delivery.objects.get(account=ok, action=A.EDIT)
    fake_clients["for"](ok).script = [Unsupported("edit", network="ok")]
    sending.perform(edit.pk)
    edit.refresh_from_db()
    assert edit.status == S.CANCELLED
    assert edit.attempt_log.get().outcome == "unsupported"
    assert edit.last_error


def test_unpublish_cancels_pending_and_delete_is_offered(
    piece_page, accounts, fake_clients, django_capture_on_commit_callbacks
):
    publish(piece_page, django_capture_on_commit_callbacks)
    sent = Delivery.objects.get(account=accounts[0])
    sending.perform(sent.pk)
    with django_capture_on_commit_callbacks(execute=True):
        piece_page.unpublish()
    statuses = dict(
        Delivery.objects.filter(page=piece_page).values_list("account", "status")
    )
    assert statuses[accounts[1].pk] == S.CANCELLED
    assert statuses[accounts[0].pk] == S.SENT
    deletes = scheduling.schedule_deletes(piece_page)
    assert [d.origin_id for d in deletes] == [sent.pk]
    assert scheduling.schedule_deletes(piece_page) == deletes  # no duplicate job
    sending.perform(deletes[0].pk)
    assert fake_clients[accounts[0].pk].calls[-1] == ("delete", ("1",))


def test_page_choice_of_accounts_and_time(piece_page, accounts):
    later = timezone.now() + timedelta(hours=3)
    choice = PageSyndication.objects.create(
        page=piece_page,
        accounts_chosen=True,
        schedule_mode=ScheduleMode.AT,
        send_at=later,
    )
    choice.accounts.set([accounts[2]])
    rows = scheduling.schedule_page(piece_page)
    assert [d.account_id for d in rows] == [accounts[2].pk]
    assert rows[0].scheduled_at == later == rows[0].next_attempt_at


def test_account_default_off_is_not_chosen(piece_page, accounts):
    AccountSettings.objects.create(account=accounts[1], send_by_default=False)
    chosen = scheduling.chosen_accounts(piece_page)
    assert accounts[1] not in chosen and accounts[0] in chosen


def test_a_planned_account_gets_no_posts_until_it_is_active(piece_page, accounts):
    from accounts_registry.models import Account

    planned = make_account("max", "-7001", status=Account.Status.PLANNED)
    assert planned not in scheduling.chosen_accounts(piece_page)
    planned.status = Account.Status.ACTIVE  # created on the network: reported too
    planned.save()
    assert planned in scheduling.chosen_accounts(piece_page)
    assert planned.report_obligations.filter(event="created").exists()


def test_next_free_slot_skips_taken_slots(piece_page, accounts):
    vk = accounts[0]
    AccountSettings.objects.create(account=vk, slot_times=["09:00", "18:00"])
    tz = timezone.get_current_timezone()
    # A Monday: slots are on working days only (a Saturday would skip to Monday).
    morning = timezone.make_aware(datetime(2027, 1, 18, 7, 0), tz)
    first = scheduling.next_free_slot(vk, morning)
    assert timezone.localtime(first).time() == time(9, 0)
    Delivery.objects.create(
        page=piece_page,
        account=vk,
        revision=piece_page.live_revision,
        scheduled_at=first,
    )
    second = scheduling.next_free_slot(vk, morning)
    assert timezone.localtime(second).time() == time(18, 0)
    assert second.date() == first.date()
