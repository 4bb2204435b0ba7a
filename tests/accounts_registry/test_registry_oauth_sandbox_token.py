"""The sandbox's OAuth behaves like the network's: a token it issues for VK or OK works
against the sandbox afterwards (the registry's check says valid, also after a refresh),
the consent page names the access asked and the community, and «Отмена» comes back as
``error=access_denied``."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts_registry.health import check_account
from accounts_registry.models import Account
from accounts_registry.oauth.refresh import refresh_expiring
from sandbox.demo import create_account
from sandbox.models import SandboxAccount
from tests.sandbox.fixtures import sandbox  # noqa: F401

from .conftest import login
from .test_registry_oauth import connect, consent

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def oauth_sandbox(sandbox, settings):  # noqa: F811
    settings.REGISTRY_OAUTH_SANDBOX_URL = sandbox.url + "/sandbox/oauth"
    return sandbox


@pytest.mark.parametrize("network", ["vk", "ok"])
def test_a_connected_token_passes_the_check_and_after_a_refresh(
    client, keeper, oauth_sandbox, network
):
    create_account(network, "610001", "Другое сообщество")
    account = create_account(network, "610002", "Министерство")
    old = account.get_credential()["access_token"]
    login(client, keeper)
    _authorize, done = connect(client, account, community="610002")
    assert done.status_code == 302
    account.refresh_from_db()
    credential = account.get_credential()
    assert credential["access_token"] != old

    result = check_account(account)  # «Проверить сейчас»
    assert result.ok, result.message
    assert Account.objects.get(pk=account.pk).health == "ok"

    later = timezone.now() + datetime.timedelta(hours=2)
    assert refresh_expiring(now=later) == 1
    account.refresh_from_db()
    assert account.get_credential()["access_token"] != credential["access_token"]
    result = check_account(account)
    assert result.ok, result.message


def test_the_token_acts_for_the_chosen_community_only(client, keeper, oauth_sandbox):
    other = create_account("vk", "620001", "Чужое сообщество")
    create_account("vk", "620002", "Министерство")
    login(client, keeper)
    connect(client, other, community="620002")  # the wrong one chosen on consent
    other.refresh_from_db()
    token = other.get_credential()["access_token"]
    chosen = SandboxAccount.objects.get(network="vk", external_id="620002")
    assert token in chosen.extra["oauth_tokens"]
    assert token not in SandboxAccount.objects.get(
        network="vk", external_id="620001"
    ).extra.get("oauth_tokens", [])


def test_consent_names_the_access_and_cancel_is_access_denied(
    client, keeper, oauth_sandbox
):
    account = create_account("vk", "630001", "Министерство")
    before = account.get_credential()
    login(client, keeper)
    start = client.get(reverse("registry_oauth_connect", args=[account.pk]))
    location, page = consent(start["Location"], decision="cancel")
    for words in ("публиковать и удалять записи", "Министерство (630001)"):
        assert words in page
    assert "Разрешить" in page and "Отмена" in page
    query = parse_qs(urlsplit(location).query)
    assert query["error"] == ["access_denied"]
    assert query["state"] == [client.session["registry_oauth"]["state"]]
    target = urlsplit(location)
    done = client.get(f"{target.path}?{target.query}", follow=True)
    assert "Доступ не предоставлен: запрос отменён" in done.content.decode()
    account.refresh_from_db()
    assert account.get_credential() == before  # nothing replaced


@pytest.mark.parametrize("network", ["facebook", "instagram"])
def test_meta_tokens_work_without_the_issuing_process_cache(
    client, keeper, oauth_sandbox, network
):
    """The sandbox may run in several processes: the token must be known to the
    emulator through the database, not the cache of the process that issued it."""
    from django.core.cache import cache

    from accounts_registry.restricted import decide

    decide(network, True, reason="Тест", actor="test")
    external = {"facebook": "546349135390552", "instagram": "17841400000000077"}
    account = create_account(network, external[network], "Министерство")
    login(client, keeper)
    connect(client, account)
    cache.clear()  # as if the check reached another worker of the sandbox
    result = check_account(Account.objects.get(pk=account.pk))
    assert result.ok, result.message


@pytest.mark.parametrize("network", ["vk", "ok"])
def test_an_expired_oauth_token_is_refused_as_expired(
    client, keeper, oauth_sandbox, network
):
    """Like the network, the sandbox refuses the token after its ``expires_in``: the
    check says «expired or revoked», and a refresh makes it work again."""
    account = create_account(network, "660001", "Министерство")
    login(client, keeper)
    connect(client, account)
    account.refresh_from_db()
    token = account.get_credential()["access_token"]
    community = SandboxAccount.objects.get(network=network, external_id="660001")
    extra = community.extra
    extra["oauth_expiry"][token] = 0  # its hour is over
    community.extra = extra
    community.save()

    result = check_account(account)
    assert not result.ok
    assert Account.objects.get(pk=account.pk).health == "revoked"
    later = timezone.now() + datetime.timedelta(hours=2)
    assert refresh_expiring(now=later) == 1
    result = check_account(Account.objects.get(pk=account.pk))
    assert result.ok, result.message


def test_allow_without_a_community_asks_for_one(client, keeper, oauth_sandbox):
    import requests

    account = create_account("ok", "670001", "Министерство")
    login(client, keeper)
    start = client.get(reverse("registry_oauth_connect", args=[account.pk]))
    page = requests.post(start["Location"], data={"decision": "allow"}, timeout=10)
    assert page.status_code == 400
    assert "Выберите сообщество." in page.text
    assert "Министерство (670001)" in page.text


def messages_after(client, done) -> str:
    """The account's page the callback sends to, with the message it left."""
    assert done.status_code == 302
    page = client.get(done["Location"])
    return " ".join(str(m) for m in page.context["messages"])


def test_the_new_token_is_tried_at_once_and_its_rights_named(
    client, keeper, oauth_sandbox
):
    account = create_account("vk", "640001", "Минсоцзащиты Кузбасса")
    login(client, keeper)
    _authorize, done = connect(client, account, community="640001")
    said = messages_after(client, done)
    assert said.startswith(
        "Аккаунт подключён. Токен проверен запросом к соцсети (ВКонтакте): доступ к «"
    ), said
    assert (
        "Права: публикация на стене сообщества, управление сообществом, "
        "загрузка фото, загрузка видео." in said
    )
    assert "Не хватает" not in said
    account.refresh_from_db()
    assert account.health == "ok" and account.health_checked_at is not None


def test_a_token_for_another_community_is_reported_at_once(
    client, keeper, oauth_sandbox
):
    create_account("vk", "650001", "Чужое сообщество")
    account = create_account("vk", "650002", "Министерство")
    login(client, keeper)
    _authorize, done = connect(client, account, community="650001")
    said = messages_after(client, done)
    assert "Токен сохранён, но проверочный запрос к соцсети (ВКонтакте) не прошёл" in (
        said
    )
    assert "выбрано именно «Министерство» (650002)" in said


def test_fewer_rights_than_asked_are_named_not_a_failed_exchange(
    client, keeper, oauth_sandbox, monkeypatch
):
    """VK ID states the scope it granted; fewer than asked made oauthlib raise a
    Warning and the connection end with «Обмен токена не удался (Warning)»."""
    from sandbox import oauth

    issue = oauth._issue

    def fewer(network, account_pk=None):
        return {**issue(network, account_pk), "scope": "groups photos"}

    monkeypatch.setattr(oauth, "_issue", fewer)
    account = create_account("vk", "660001", "Министерство")
    login(client, keeper)
    _authorize, done = connect(client, account, community="660001")
    said = messages_after(client, done)
    assert "Права: управление сообществом, загрузка фото." in said
    assert (
        "Не хватает прав: публикация на стене сообщества, загрузка видео — "
        "подключите заново и разрешите их на странице соцсети." in said
    )
    account.refresh_from_db()
    assert account.has_credential
