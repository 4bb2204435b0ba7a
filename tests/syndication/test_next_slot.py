"""«В ближайшее свободное окно»: the account's publishing slots (09:00, 12:00, 15:00,
18:00 on working days unless the account has its own), the earliest free one per
account, shown before saving, stated after publishing, never taken twice."""

from __future__ import annotations

import re
import threading
from datetime import datetime, time

import pytest
from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from syndication.delivery import scheduling
from syndication.models import AccountSettings, Delivery, PageSyndication, ScheduleMode
from syndication.views import plan
from syndication.views.approval import ApprovalChoiceForm
from syndication.views.editor_choice import EditorChoiceForm

pytest_plugins = ["tests.syndication.test_delivery_support"]


def local(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


# Friday 15 January 2027, 16:10 in Novokuznetsk: 18:00 is today's last slot.
FRIDAY_AFTERNOON = local(2027, 1, 15, 16, 10)


@pytest.fixture
def friday(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: FRIDAY_AFTERNOON)
    return FRIDAY_AFTERNOON


def occupy(page, account, when) -> Delivery:
    return Delivery.objects.create(
        page=page, account=account, revision=page.live_revision, scheduled_at=when
    )


@pytest.mark.django_db
def test_default_slots_are_four_on_working_days(accounts):
    vk = accounts[0]
    times = [
        start.time()
        for start, _e in scheduling.day_slots(vk, local(2027, 1, 15).date())
    ]
    assert times == [time(9), time(12), time(15), time(18)]
    assert scheduling.day_slots(vk, local(2027, 1, 16).date()) == []  # Saturday


@pytest.mark.django_db
def test_the_next_free_slot_skips_taken_slots_and_the_weekend(piece_page, accounts):
    vk, ok = accounts[0], accounts[1]
    assert scheduling.next_free_slot(vk, FRIDAY_AFTERNOON) == local(2027, 1, 15, 18)
    # A post set for 18:40 fills the 18:00 slot: the next is Monday 09:00.
    occupy(piece_page, vk, local(2027, 1, 15, 18, 40))
    assert scheduling.next_free_slot(vk, FRIDAY_AFTERNOON) == local(2027, 1, 18, 9)
    # Another account's post leaves this one's slot free.
    assert scheduling.next_free_slot(ok, FRIDAY_AFTERNOON) == local(2027, 1, 15, 18)
    # A cancelled post frees its slot.
    Delivery.objects.filter(account=vk).update(status=Delivery.Status.CANCELLED)
    assert scheduling.next_free_slot(vk, FRIDAY_AFTERNOON) == local(2027, 1, 15, 18)


@pytest.mark.django_db
def test_an_accounts_own_slots_replace_the_default(accounts):
    vk = accounts[0]
    AccountSettings.objects.create(account=vk, slot_times=["10:30", "bad", "08:00"])
    starts = [s.time() for s, _e in scheduling.day_slots(vk, local(2027, 1, 18).date())]
    assert starts == [time(8), time(10, 30)]  # sorted, the unreadable one ignored
    assert scheduling.next_free_slot(vk, FRIDAY_AFTERNOON) == local(2027, 1, 18, 8)


@pytest.mark.django_db
def test_the_form_shows_each_accounts_slot_and_the_message_states_it(
    friday, piece_page, accounts
):
    vk, ok, telegram = accounts
    occupy(piece_page, vk, local(2027, 1, 15, 18))
    form = EditorChoiceForm(page=piece_page, prefix="syndication")
    html = str(form["schedule_mode"]) + render_slots(form)
    assert "В ближайшее свободное окно" in html
    assert "ВКонтакте: vk 1001 — 18.01 в 09:00" in html
    assert "Одноклассники: ok 2002 — 15.01 в 18:00" in html
    PageSyndication.objects.create(
        page=piece_page, schedule_mode=ScheduleMode.NEXT_SLOT
    )
    Delivery.objects.all().delete()
    occupy_other_page = local(2027, 1, 15, 18)
    other = piece_page.copy(update_attrs={"slug": "d-other", "title": "Другая"})
    other.save_revision().publish()
    occupy(other, vk, occupy_other_page)
    deliveries = scheduling.schedule_page(piece_page)
    message = plan.plan_message(deliveries)
    assert message == (
        "Публикация запланирована: Одноклассники, Telegram — 15.01 в 18:00; "
        "ВКонтакте — 18.01 в 09:00."
    )


def render_slots(form) -> str:
    return render_to_string("syndication/next_slots.html", {"form": form})


@pytest.mark.django_db
def test_the_approve_dialog_has_the_same_choice(friday, piece_page, accounts):
    form = ApprovalChoiceForm(page=piece_page)
    assert ("slot", "В ближайшее свободное окно") in [
        (value, str(label)) for value, label in form.fields["schedule_mode"].choices
    ]
    assert "Telegram: telegram -1003 — 15.01 в 18:00" in render_slots(form)


@pytest.mark.django_db
def test_the_calendar_shows_the_slots(friday, admin_client, piece_page, accounts):
    occupy(piece_page, accounts[0], local(2027, 1, 15, 18))
    html = admin_client.get(
        reverse("syndication_calendar") + "?view=week&day=2027-01-15"
    ).content.decode()
    # Only Friday 18:00 is still ahead this week, and VK's is taken: one line,
    # «18:00 · 2 из 3» («свободно у» for screen readers).
    text = re.sub(r"<[^>]+>", "", html)
    assert text.count("свободно у 2 из 3") == 1
    assert text.count("из 3") == 1
    assert re.search(r"18:00 <span[^>]*><span[^>]*>·</span>", html)
    next_week = admin_client.get(
        reverse("syndication_calendar") + "?view=week&day=2027-01-18"
    ).content.decode()
    text = re.sub(r"<[^>]+>", "", next_week)
    assert text.count("свободно у 3 из 3") == 20  # four on each working day


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="row locks need PostgreSQL (the suite's second pass); SQLite has none",
)
@pytest.mark.django_db(transaction=True)
def test_two_approvals_at_once_never_take_the_same_slot(
    friday, monkeypatch, piece_page, accounts
):
    """Two chief editors approve two pieces at the same moment, both «в ближайшее
    свободное окно» for VK: each waits for the account's lock, so the second sees
    the first's post and takes the next slot. The pause between reading the taken
    slots and creating the post is where, without the lock, both took 18:00."""
    vk = accounts[0]
    other = piece_page.copy(update_attrs={"slug": "d-other", "title": "Другая"})
    other.save_revision().publish()
    for page in (piece_page, other):
        choice = PageSyndication.objects.create(
            page=page, schedule_mode=ScheduleMode.NEXT_SLOT, accounts_chosen=True
        )
        choice.accounts.set([vk])
    Delivery.objects.all().delete()  # the publishes above planned by default
    slow_times = scheduling.slot_times

    def slot_times_slowly(account, *args):
        result = slow_times(account, *args)
        threading.Event().wait(0.5)  # both have read the taken slots by now
        return result

    monkeypatch.setattr(scheduling, "slot_times", slot_times_slowly)
    errors = []

    def approve(page):
        try:
            with transaction.atomic():
                scheduling.schedule_page(page, page.live_revision)
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(p,)) for p in (piece_page, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    close_old_connections()
    assert not errors
    times = sorted(
        Delivery.objects.filter(account=vk).values_list("scheduled_at", flat=True)
    )
    assert times == [local(2027, 1, 15, 18), local(2027, 1, 18, 9)]
