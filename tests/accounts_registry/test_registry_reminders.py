import datetime

import pytest
from django.core import mail

from accounts_registry.models import Account, ReportObligation
from accounts_registry.reminders import send_due_reminders

from .conftest import make_user

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def obligation(keeper):
    acc = Account.objects.create(
        network="vk",
        name="Группа ВК",
        external_id="1",
        status="active",
        created_on=datetime.date(2026, 1, 28),
    )
    return acc.report_obligations.get()  # due 2026-02-07


def test_reminders_go_at_5_and_1_days_and_overdue_once_each(obligation, keeper, tech):
    due = obligation.due_on
    assert due == datetime.date(2026, 2, 7)
    schedule = [
        (due - 7 * DAY, 0),
        (due - 5 * DAY, 1),  # five days before
        (due - 5 * DAY, 0),  # same day again: not twice
        (due - 4 * DAY, 0),
        (due - 1 * DAY, 1),  # one day before
        (due, 0),
        (due + 1 * DAY, 1),  # overdue
        (due + 2 * DAY, 0),
        (due + 9 * DAY, 0),
    ]
    for today, expected in schedule:
        before = len(mail.outbox)
        assert send_due_reminders(today) == expected, today
        assert len(mail.outbox) - before == expected
    assert [m.to for m in mail.outbox] == [["keeper@example.org"]] * 3
    assert "Просрочено" in mail.outbox[-1].subject
    assert "07.02.2026" in mail.outbox[0].subject


def test_late_start_sends_only_the_most_urgent(obligation, keeper):
    assert send_due_reminders(obligation.due_on + DAY) == 1
    assert send_due_reminders(obligation.due_on - DAY) == 0  # 1-day stage marked passed
    ob = ReportObligation.objects.get(pk=obligation.pk)
    assert ob.reminded_5_at and ob.reminded_1_at and ob.reminded_overdue_at


def test_reported_obligations_are_not_reminded(obligation, keeper):
    obligation.reported_on = obligation.event_date
    obligation.save()
    assert send_due_reminders(obligation.due_on + DAY) == 0
    assert mail.outbox == []


def test_only_keepers_with_email_receive(obligation, django_user_model):
    make_user(django_user_model, "k2", "Хранитель реестра")
    inactive = make_user(django_user_model, "k3", "Хранитель реестра")
    inactive.is_active = False
    inactive.save()
    make_user(django_user_model, "other")
    send_due_reminders(obligation.due_on - DAY)
    assert mail.outbox[0].to == ["k2@example.org", "keeper@example.org"]


def test_celery_task_runs_the_reminders(obligation, keeper, monkeypatch):
    from accounts_registry import reminders, tasks

    monkeypatch.setattr(reminders, "local_today", lambda: obligation.due_on - 5 * DAY)
    assert tasks.send_report_reminders.apply().get() == 1
