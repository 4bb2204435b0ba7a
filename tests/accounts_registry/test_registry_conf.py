"""The registry's settings as the README documents them: a Django setting, else the
environment variable of the same name, else the default; read when used (issue 16.5)."""

import datetime

from django.core.checks import run_checks
from django.utils import timezone

from accounts_registry.conf import app_settings
from accounts_registry.obligations import due_date, local_today

UTC = datetime.UTC


def test_defaults(monkeypatch):
    for name in ("TIME_ZONE", "REPORT_DEADLINE_DAYS", "REMINDER_DAYS", "REQUIRE_OTP"):
        monkeypatch.delenv(f"REGISTRY_{name}", raising=False)
    assert app_settings.TIME_ZONE == "Asia/Novokuznetsk"
    assert app_settings.REPORT_DEADLINE_DAYS == 10
    assert app_settings.REMINDER_DAYS == (5, 1)
    assert app_settings.REQUIRE_OTP is True


def test_environment_variables_take_effect(monkeypatch):
    monkeypatch.setenv("REGISTRY_REPORT_DEADLINE_DAYS", "5")
    monkeypatch.setenv("REGISTRY_REMINDER_DAYS", "3, 2")
    monkeypatch.setenv("REGISTRY_TIME_ZONE", "Europe/Moscow")
    assert due_date(datetime.date(2026, 1, 30)) == datetime.date(2026, 2, 4)
    assert app_settings.REMINDER_DAYS == (3, 2)
    # 22:30 UTC on 31 Jan is 01:30 on 1 Feb in Moscow, 05:30 in Novokuznetsk.
    moment = datetime.datetime(2026, 1, 31, 20, 30, tzinfo=UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    assert local_today() == datetime.date(2026, 1, 31)
    monkeypatch.setenv("REGISTRY_TIME_ZONE", "Asia/Novokuznetsk")
    assert local_today() == datetime.date(2026, 2, 1)


def test_django_setting_wins_over_environment(monkeypatch, settings):
    monkeypatch.setenv("REGISTRY_REPORT_DEADLINE_DAYS", "5")
    settings.REGISTRY_REPORT_DEADLINE_DAYS = 7
    assert due_date(datetime.date(2026, 1, 1)) == datetime.date(2026, 1, 8)


def test_check_names_an_environment_value_that_does_not_parse(monkeypatch):
    monkeypatch.setenv("REGISTRY_TIME_ZONE", "Asia/Nowhere")
    monkeypatch.setenv("REGISTRY_REPORT_DEADLINE_DAYS", "ten")
    errors = [m for m in run_checks() if m.id == "accounts_registry.E002"]
    names = sorted(str(m.msg).split()[2] for m in errors)
    assert names == ["REGISTRY_REPORT_DEADLINE_DAYS", "REGISTRY_TIME_ZONE"], errors
