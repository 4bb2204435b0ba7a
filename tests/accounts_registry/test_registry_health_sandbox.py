"""`registry check` end to end: the real VK and Telegram clients against the sandbox, with a
good, an expired (unknown to the network) and a revoked token."""

import contextlib
import io

import pytest
from django.core.management import CommandError, call_command

from accounts_registry.models import Account
from sandbox.models import SandboxAccount
from tests.sandbox.fixtures import relaxed_account, sandbox  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


def check(ref):
    out = io.StringIO()
    with contextlib.suppress(CommandError):
        call_command("registry", "check", ref, stdout=out)
    return out.getvalue()


def test_good_expired_and_revoked_vk_tokens(sandbox):  # noqa: F811
    account = relaxed_account("vk", "515151", "VK check", token_type="community")
    Account.objects.filter(pk=account.pk).update(status="active")
    assert "OK " in check("vk:515151")
    assert Account.objects.get(pk=account.pk).health == "ok"

    credential = account.get_credential()
    account.set_credential({**credential, "access_token": "vk1.a.unknown-expired-0000"})
    account.save()
    text = check("vk:515151")
    assert "ERR" in text and "переподключите" in text
    assert "unknown-expired" not in text

    account.set_credential(credential)
    account.save()
    SandboxAccount.objects.filter(network="vk", external_id="515151").update(
        token_revoked=True
    )
    text = check("vk:515151")
    account.refresh_from_db()
    assert account.health == "revoked" and "expired" in account.health_message
    assert credential["access_token"] not in text + account.health_message


def test_telegram_bot_admin_check(sandbox):  # noqa: F811
    relaxed_account("telegram", "@reg_check", "TG check", linked_chat_id=-1009990002)
    text = check("telegram:@reg_check")
    assert text.startswith("OK "), text
