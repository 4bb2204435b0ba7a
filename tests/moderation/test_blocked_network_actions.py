"""While Facebook or Instagram is switched off, the inbox's actions do not reach it: the
action is recorded as refused, with the reason in Russian."""

import pytest

from accounts_registry.models import Account
from accounts_registry.restricted import decide
from moderation import actions, sync
from moderation.models import ModerationAction

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(db):
    return Account.objects.create(
        network="facebook", name="Страница", external_id="55", status="active"
    )


@pytest.fixture
def no_network(monkeypatch):
    def refuse(account):
        raise AssertionError("the blocked network was contacted")

    monkeypatch.setattr("syndication.api.get_client", refuse)


def test_an_action_on_a_blocked_network_is_refused(page, no_network):
    record = actions.perform(ModerationAction.Kind.UNBAN, account=page, author_id="7")
    assert not record.confirmed
    assert "Заблокированные сети" in record.error


def test_ban_sync_skips_a_blocked_network(page, no_network):
    assert sync.sync_bans(page) is None


def test_an_enabled_network_is_acted_on(page, monkeypatch):
    calls = []

    class Client:
        def unban(self, author_id):
            calls.append(author_id)
            return {"success": True}

    monkeypatch.setattr("syndication.api.get_client", lambda account: Client())
    decide("facebook", True, reason="Приказ", actor="test")
    record = actions.perform(ModerationAction.Kind.UNBAN, account=page, author_id="7")
    assert record.confirmed and calls == ["7"]
