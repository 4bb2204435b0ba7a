"""Health check with a good, an expired and a revoked token (fake clients), and the
`registry check` command. The secret must not reach the stored message or the output."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts_registry.health import check_account
from accounts_registry.models import Account

from .conftest import SECRET

pytestmark = pytest.mark.django_db


class AuthError(Exception):
    """Same name as syndication.api.errors.AuthError: the check reports it as such."""


class FakeClient:
    def __init__(self, behaviour):
        self.behaviour = behaviour

    def check_token(self):
        if self.behaviour == "good":
            return {"ok": True, "subscribers": 1520}
        if self.behaviour == "expired":
            raise AuthError(f"User authorization failed: invalid access_token {SECRET}")
        if self.behaviour == "revoked":
            raise AuthError("error 5: access_token has been revoked")
        if self.behaviour == "not-admin":
            return {"ok": False, "status": "member"}
        raise AssertionError(self.behaviour)


def fake(behaviour):
    return lambda account: FakeClient(behaviour)


def test_good_token_records_ok_and_subscribers(account):
    result = check_account(account, fake("good"))
    account.refresh_from_db()
    assert result.ok and account.health == "ok"
    assert account.subscribers == 1520 and account.subscribers_synced_at


@pytest.mark.parametrize("behaviour", ["expired", "revoked"])
def test_expired_or_revoked_token_is_an_error_without_the_secret(account, behaviour):
    result = check_account(account, fake(behaviour))
    account.refresh_from_db()
    assert not result.ok and account.health == "revoked"
    assert "переподключите" in account.health_message
    assert SECRET not in account.health_message
    assert account.has_token_problem


def test_expiring_token_is_warned_7_days_ahead(account):
    account.credential_expires_at = timezone.now() + datetime.timedelta(days=6)
    account.save()
    result = check_account(account, fake("good"))
    assert not result.ok and "В порядке, но токен истекает через 6 дней (" in (
        result.message
    )


def test_telegram_bot_must_be_channel_admin(db):
    tg = Account.objects.create(
        network="telegram", name="TG", external_id="@c", status="active"
    )
    tg.set_credential({"bot_token": "123:ABCDEFGH"})
    tg.save()
    result = check_account(tg, fake("not-admin"))
    assert not result.ok and "администратором" in result.message


def test_missing_credential(db):
    acc = Account.objects.create(
        network="vk", name="VK", external_id="1", status="active"
    )
    assert not check_account(acc, fake("good")).ok


def test_command_prints_results_and_fails_on_problems(account, monkeypatch):
    from accounts_registry import health

    monkeypatch.setattr(health, "_get_client", fake("expired"))
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("registry", "check", stdout=out)
    text = out.getvalue()
    assert "ERR" in text and account.name in text and SECRET not in text

    monkeypatch.setattr(health, "_get_client", fake("good"))
    out = io.StringIO()
    call_command("registry", "check", "vk:123456", stdout=out)
    assert "OK" in out.getvalue() and "проблем: 0" in out.getvalue()


def test_hourly_task_skips_blocked_and_planned(account, monkeypatch):
    from accounts_registry import health, tasks

    fb = Account.objects.create(
        network="facebook", name="FB", external_id="1", status="active"
    )
    fb.set_credential({"page_access_token": "EAAB-long-token"})
    fb.save()
    seen = []
    monkeypatch.setattr(
        health,
        "_get_client",
        lambda acc: seen.append(acc.network) or FakeClient("good"),
    )
    assert tasks.check_accounts.apply().get() == 0
    assert seen == ["vk"]
