import datetime

import pytest
from django.utils import timezone

from accounts_registry.models import Account, AccountChange, ReportObligation
from accounts_registry.obligations import due_date, local_today

UTC = datetime.UTC


@pytest.mark.parametrize(
    ("event", "due"),
    [
        (datetime.date(2026, 1, 25), datetime.date(2026, 2, 4)),
        (datetime.date(2026, 2, 20), datetime.date(2026, 3, 2)),  # not a leap year
        (datetime.date(2028, 2, 20), datetime.date(2028, 3, 1)),  # leap year
        (datetime.date(2026, 12, 28), datetime.date(2027, 1, 7)),
        (datetime.date(2026, 4, 30), datetime.date(2026, 5, 10)),
    ],
)
def test_due_date_is_ten_calendar_days_across_month_ends(event, due):
    assert due_date(event) == due


def test_local_today_uses_novokuznetsk_not_utc(settings, monkeypatch):
    # 18:30 UTC on 31 Jan is 01:30 on 1 Feb in Novokuznetsk (UTC+7).
    moment = datetime.datetime(2026, 1, 31, 18, 30, tzinfo=UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    settings.TIME_ZONE = "UTC"
    assert local_today() == datetime.date(2026, 2, 1)


@pytest.mark.django_db
def test_activation_opens_report_due_in_ten_local_days(monkeypatch):
    moment = datetime.datetime(2026, 1, 31, 18, 30, tzinfo=UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    acc = Account.objects.create(network="ok", name="ОК", external_id="55")
    assert not acc.report_obligations.exists()  # planned: nothing to report
    acc.status = Account.Status.ACTIVE
    acc.save()
    ob = acc.report_obligations.get()
    assert ob.event == ReportObligation.Event.CREATED
    assert ob.event_date == datetime.date(2026, 2, 1)
    assert ob.due_on == datetime.date(2026, 2, 11)
    assert acc.created_on == datetime.date(2026, 2, 1)


@pytest.mark.django_db
def test_deletion_opens_second_report_and_stops_sending():
    acc = Account.objects.create(
        network="vk",
        name="VK",
        external_id="1",
        status="active",
        created_on=datetime.date(2026, 3, 1),
    )
    acc.status = Account.Status.DELETED
    acc.deleted_on = datetime.date(2026, 3, 25)
    acc.save()
    events = list(acc.report_obligations.values_list("event", "due_on"))
    assert events == [
        ("created", datetime.date(2026, 3, 11)),
        ("deleted", datetime.date(2026, 4, 4)),
    ]
    assert acc.is_active is False
    assert acc not in Account.objects.active()


@pytest.mark.django_db
def test_saving_twice_does_not_duplicate_obligation():
    acc = Account.objects.create(
        network="vk", name="VK", external_id="2", status="active"
    )
    acc.name = "VK 2"
    acc.save()
    assert acc.report_obligations.count() == 1


@pytest.mark.django_db
def test_overdue_and_due_soon_querysets():
    acc = Account.objects.create(network="vk", name="VK", external_id="3")
    today = local_today()
    late = ReportObligation.objects.create(
        account=acc,
        event="created",
        event_date=today - datetime.timedelta(days=11),
        due_on=today - datetime.timedelta(days=1),
    )
    soon = ReportObligation.objects.create(
        account=acc,
        event="deleted",
        event_date=today - datetime.timedelta(days=8),
        due_on=today + datetime.timedelta(days=2),
    )
    ReportObligation.objects.create(
        account=acc,
        event="deleted",
        event_date=today,
        due_on=today + datetime.timedelta(days=10),
    )
    assert list(ReportObligation.objects.overdue()) == [late]
    assert list(ReportObligation.objects.due_soon()) == [soon]
    late.reported_on = today
    late.save()
    assert not ReportObligation.objects.overdue().exists()


@pytest.mark.django_db
def test_every_change_is_recorded_with_who_and_what(django_user_model):
    user = django_user_model.objects.create_user("anna", first_name="Анна")
    acc = Account(network="telegram", name="Канал", external_id="@chan")
    acc.changed_by = user
    acc.save()
    acc = Account.objects.get(pk=acc.pk)
    acc.changed_by = user
    acc.responsible = "Иванов И. И."
    acc.status = Account.Status.ACTIVE
    acc.save()
    change = AccountChange.objects.filter(account=acc, action="changed").get()
    assert change.user == user
    assert change.changes["responsible"] == ["", "Иванов И. И."]
    assert change.changes["status"] == ["planned", "active"]
    assert AccountChange.objects.filter(account=acc, action="created").exists()


def test_restricted_networks_are_excluded_from_defaults(db):
    fb = Account.objects.create(
        network="facebook", name="FB", external_id="9", status="active"
    )
    vk = Account.objects.create(
        network="vk", name="VK", external_id="9", status="active"
    )
    assert fb.is_restricted
    assert list(Account.objects.active()) == [vk]


def test_the_model_knows_nothing_of_history_or_reports():
    """Issue 16.2/16.5: history and obligations follow a save as a service
    (``bookkeeping``), so ``models`` imports neither module (no models ↔ history cycle)."""
    import ast
    import inspect

    from accounts_registry import models

    tree = ast.parse(inspect.getsource(models))
    imported = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level == 1
    }
    assert "history" not in imported and "bookkeeping" not in imported
    save = inspect.getsource(models.Account.save)
    assert "record_save" not in save and "open_obligation" not in save


@pytest.mark.django_db
def test_a_fixture_load_writes_no_history_and_opens_no_report():
    from django.db.models.signals import post_save, pre_save

    account = Account(network="vk", name="ВК", external_id="9", status="active")
    pre_save.send(Account, instance=account, raw=True)
    account.save_base(raw=True)
    post_save.send(Account, instance=account, created=True, raw=True)
    assert not AccountChange.objects.exists()
    assert not ReportObligation.objects.exists()
