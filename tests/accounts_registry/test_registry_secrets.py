"""The credential never appears in a log line, whatever path it travels."""

import io
import json
import logging

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts_registry import health

from .conftest import SECRET, login

pytestmark = pytest.mark.django_db


class LeakyClient:
    def check_token(self):
        raise RuntimeError(
            f"HTTP 401 for https://api.example/method?access_token={SECRET}"
        )


def test_no_log_line_carries_the_secret(client, keeper, account, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)
    login(client, keeper)
    url = reverse("registry_set_credential", args=[account.pk])
    client.post(url, {"access_token": SECRET, "token_type": "broken"})
    client.post(url, {"access_token": SECRET})
    client.post(url, {"access_token": SECRET, "token_type": "user"})
    with pytest.raises(CommandError) as exc:
        call_command(
            "registry",
            "set-credential",
            "vk:123456",
            stdin=io.StringIO(json.dumps({"access_token": SECRET, "token_type": "x"})),
            stdout=io.StringIO(),
        )
    assert SECRET not in str(exc.value)
    monkeypatch.setattr(health, "_get_client", lambda account: LeakyClient())
    result = health.check_account(account)
    assert SECRET not in result.message and "***" in result.message
    client.post(reverse("registry_check", args=[account.pk]))
    client.get(reverse("registry_account:index") + "?export=csv")
    assert caplog.records, "the check logs something: the assertion below is not empty"
    assert SECRET not in caplog.text
    for change in account.changes.all():
        assert SECRET not in json.dumps(change.changes, ensure_ascii=False)
