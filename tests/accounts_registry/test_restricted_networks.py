"""Facebook and Instagram stay blocked until someone enables them, on record; enabling
lets an editor choose their accounts but never makes them a default."""

import io

import pytest
from django.core.management import CommandError, call_command

from accounts_registry.health import check_account
from accounts_registry.models import Account
from accounts_registry.restricted import (
    RestrictedNetworkDecision,
    blocked_networks,
    decide,
)
from syndication.delivery import scheduling

from .conftest import login, make_user

pytestmark = pytest.mark.django_db
URL = "/admin/registry/restricted-networks/"


@pytest.fixture
def facebook(db):
    return Account.objects.create(
        network="facebook", name="Страница FB", external_id="77", status="active"
    )


@pytest.fixture
def vk(db):
    return Account.objects.create(
        network="vk", name="Группа ВК", external_id="78", status="active"
    )


def test_both_networks_are_blocked_until_enabled(facebook, vk):
    assert blocked_networks() == {"facebook", "instagram"}
    assert list(Account.objects.live()) == [vk]
    assert facebook.is_blocked


def test_enabling_is_recorded_and_the_latest_decision_wins(facebook, vk, keeper):
    decide("facebook", True, reason="Приказ № 12", user=keeper)
    assert blocked_networks() == {"instagram"}
    assert set(Account.objects.live()) == {facebook, vk}
    # Never a default, even when enabled: an editor ticks it for each piece.
    assert list(Account.objects.active()) == [vk]

    decide("facebook", False, reason="Приказ № 13", actor="manage.py")
    assert "facebook" in blocked_networks()
    rows = list(RestrictedNetworkDecision.objects.all())
    assert [(r.enabled, r.reason, r.who) for r in rows] == [
        (False, "Приказ № 13", "manage.py"),
        (True, "Приказ № 12", "keeper"),
    ]


def test_a_decision_needs_a_reason_and_a_restricted_network(db):
    with pytest.raises(ValueError):
        decide("facebook", True, reason="  ")
    with pytest.raises(ValueError):
        decide("vk", True, reason="зачем-то")
    assert not RestrictedNetworkDecision.objects.exists()


def test_editors_may_choose_an_enabled_network_but_it_is_never_default(facebook, vk):
    assert "facebook" not in scheduling.sendable_networks()
    decide("facebook", True, reason="Приказ № 12", actor="test")
    assert "facebook" in scheduling.sendable_networks()
    assert list(scheduling.default_accounts()) == [vk]


def test_a_blocked_network_is_not_contacted_by_the_health_check(facebook):
    def must_not_be_called(account):
        raise AssertionError("the blocked network was contacted")

    facebook.set_credential({"page_access_token": "EAAB-secret"})
    facebook.save()
    result = check_account(facebook, get_client=must_not_be_called)
    assert not result.ok
    assert "Заблокированные сети" in result.message


def test_keeper_enables_a_network_with_a_reason_and_acknowledgement(client, keeper):
    login(client, keeper)
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "экстремист" in html and "Решений ещё не было" in html

    # No acknowledgement: refused, nothing recorded.
    answer = client.post(URL, {"network": "instagram", "enabled": "1", "reason": "X"})
    assert answer.status_code == 200
    assert "Требуется заполнить это поле" in answer.content.decode()
    assert not RestrictedNetworkDecision.objects.exists()

    answer = client.post(
        URL,
        {
            "network": "instagram",
            "enabled": "1",
            "reason": "Письмо Минцифры № 5",
            "acknowledge": "on",
        },
        follow=True,
    )
    html = answer.content.decode()
    assert "Instagram: сеть включена. Решение записано." in html
    assert "Письмо Минцифры № 5" in html
    decision = RestrictedNetworkDecision.objects.get()
    assert (decision.network, decision.enabled, decision.user) == (
        "instagram",
        True,
        keeper,
    )


def test_technical_officer_sees_the_record_but_cannot_decide(client, tech):
    login(client, tech)
    assert "Записать решение" not in client.get(URL).content.decode()
    client.post(
        URL,
        {"network": "facebook", "enabled": "1", "reason": "X", "acknowledge": "on"},
    )
    assert not RestrictedNetworkDecision.objects.exists()


def test_others_cannot_open_the_page(client, django_user_model):
    editor = make_user(django_user_model, "editor", is_staff=True)
    client.force_login(editor)
    assert client.get(URL).status_code in (302, 403)


def test_command_records_who_and_why(db):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "registry",
        "enable-network",
        "facebook",
        "--reason",
        "Решение руководителя",
        "--by",
        "Иванов",
        stdout=out,
        stderr=err,
    )
    assert "Решение записано" in out.getvalue()
    assert "экстремист" in err.getvalue()
    decision = RestrictedNetworkDecision.objects.get()
    assert (decision.enabled, decision.actor) == (True, "Иванов")

    call_command("registry", "disable-network", "facebook", "--reason", "Отмена")
    assert "facebook" in blocked_networks()
    with pytest.raises(CommandError):
        call_command("registry", "enable-network", "facebook", "--reason", " ")


def test_a_blocked_network_is_not_polled_even_when_named(facebook, monkeypatch):
    """``moderation fetch --account`` names the account itself, so the ``live()``
    filter of a full run does not apply: the poll must ask the switch too."""
    from moderation import actions
    from moderation.models import FetchCursor

    contacted = []
    monkeypatch.setattr(actions, "get_client", lambda account: contacted.append(1))
    FetchCursor.objects.create(account=facebook, post_remote_id="77_1")
    call_command(
        "moderation", "fetch", "--account", "facebook:77", stdout=io.StringIO()
    )
    assert contacted == []
