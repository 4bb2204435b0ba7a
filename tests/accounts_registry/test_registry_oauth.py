"""OAuth connect flows against the sandbox's token endpoints (pytest-django live_server):
VK ID with PKCE, OK, Facebook page token; then the refresh task."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.urls import reverse
from django.utils import timezone

from accounts_registry.models import Account
from accounts_registry.oauth.refresh import refresh_expiring

from .conftest import login


@pytest.fixture
def sandbox(live_server, settings):
    settings.REGISTRY_OAUTH_SANDBOX_URL = live_server.url + "/sandbox/oauth"
    # The connection is checked at once with a call to the network: the sandbox's.
    settings.VK_API_URL = f"{live_server.url}/sandbox/vk/method/"
    settings.OK_API_URL = f"{live_server.url}/sandbox/ok/fb.do"
    settings.GRAPH_API_URL = f"{live_server.url}/sandbox/facebook/graph/v19.0"
    settings.RATE_LIMIT_REDIS_URL = ""
    return live_server.url


def consent(authorize, decision="allow", community=None):
    """The person on the sandbox's consent page: read what is asked, pick the community
    (by its external id; the first one if not named) and press «Разрешить» or «Отмена»."""
    page = requests.get(authorize, timeout=10)
    assert page.status_code == 200, page.text
    assert "Приложение «Вестник» запрашивает доступ" in page.text
    form = {"decision": decision}
    choices = re.findall(
        r'name="community" value="(\d+)"[^>]*> ([^<]*)\((\w+)\)', page.text
    )
    if choices:
        picked = [c for c in choices if c[2] == community] if community else choices
        assert picked, f"no community {community} on the consent page"
        form["community"] = picked[0][0]
    back = requests.post(authorize, data=form, allow_redirects=False, timeout=10)
    assert back.status_code == 302, back.text
    return back.headers["Location"], page.text


def connect(client, account, decision="allow", community=None):
    """Drive the browser's part: Vestnik → sandbox consent → back to Vestnik."""
    start = client.get(reverse("registry_oauth_connect", args=[account.pk]))
    assert start.status_code == 302
    authorize = start["Location"]
    location, _page = consent(authorize, decision, community)
    target = urlsplit(location)
    done = client.get(f"{target.path}?{target.query}")
    return authorize, done


@pytest.mark.django_db(transaction=True)
def test_vk_id_with_pkce_stores_user_token_and_refreshes(client, keeper, sandbox):
    account = Account.objects.create(network="vk", name="VK", external_id="1")
    login(client, keeper)
    authorize, done = connect(client, account)
    query = parse_qs(urlsplit(authorize).query)
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"]
    assert done.status_code == 302
    account.refresh_from_db()
    credential = account.get_credential()
    assert credential["access_token"].startswith("vk2.a.sandbox-")
    assert credential["token_type"] == "user" and credential["refresh_token"]
    assert credential["device_id"] == "sandbox-device"
    remaining = account.credential_expires_at - timezone.now()
    assert datetime.timedelta(minutes=59) < remaining <= datetime.timedelta(hours=1)
    old = credential["access_token"]

    assert refresh_expiring() == 0  # an hour left: not yet
    later = timezone.now() + datetime.timedelta(minutes=45)
    assert refresh_expiring(now=later) == 1
    account.refresh_from_db()
    assert account.get_credential()["access_token"] != old
    assert account.changes.filter(actor="token refresh").exists()


@pytest.mark.django_db(transaction=True)
def test_vk_token_exchange_fails_without_the_verifier(client, keeper, sandbox):
    account = Account.objects.create(network="vk", name="VK", external_id="2")
    login(client, keeper)
    start = client.get(reverse("registry_oauth_connect", args=[account.pk]))
    session = client.session
    session["registry_oauth"]["code_verifier"] = "tampered-" + "x" * 50
    session.save()
    location, _page = consent(start["Location"])
    target = urlsplit(location)
    client.get(f"{target.path}?{target.query}")
    account.refresh_from_db()
    assert not account.has_credential


@pytest.mark.django_db(transaction=True)
def test_ok_oauth_builds_the_full_ok_credential(client, keeper, sandbox):
    account = Account.objects.create(network="ok", name="OK", external_id="5")
    login(client, keeper)
    authorize, done = connect(client, account)
    assert "VALUABLE_ACCESS;LONG_ACCESS_TOKEN" in requests.utils.unquote(authorize)
    account.refresh_from_db()
    credential = account.get_credential()
    assert credential["application_key"] == "sandbox-ok-key"
    assert credential["application_secret_key"] == "sandbox-ok-secret"
    assert credential["access_token"].startswith("ok-sandbox-")


@pytest.mark.django_db(transaction=True)
def test_facebook_page_token_via_long_lived_user_token(client, keeper, sandbox):
    account = Account.objects.create(network="facebook", name="FB", external_id="777")
    login(client, keeper)
    connect(client, account)
    account.refresh_from_db()
    credential = account.get_credential()
    assert credential["page_access_token"].startswith("EAAB-page-sandbox-")
    assert account.credential_expires_at is None  # page tokens do not expire


@pytest.mark.django_db(transaction=True)
def test_forged_state_is_refused(client, keeper, sandbox):
    account = Account.objects.create(network="vk", name="VK", external_id="3")
    login(client, keeper)
    client.get(reverse("registry_oauth_connect", args=[account.pk]))
    url = reverse("registry_oauth_callback", args=["vk"]) + "?code=x&state=forged"
    client.get(url)
    account.refresh_from_db()
    assert not account.has_credential


@pytest.mark.django_db(transaction=True)
def test_editor_cannot_start_a_connection(client, django_user_model, sandbox):
    from .conftest import make_user

    editor = make_user(django_user_model, "ed", "Editors")
    account = Account.objects.create(network="vk", name="VK", external_id="4")
    login(client, editor)
    response = client.get(reverse("registry_oauth_connect", args=[account.pk]))
    assert not response.get("Location", "").startswith(sandbox)


@pytest.mark.django_db
def test_the_sandbox_on_a_lan_address_starts_the_connection(client, keeper, settings):
    """`make run` may be opened at http://192.168.…: the sandbox's own emulator is
    reached over plain HTTP there too (it was a 500: oauthlib's InsecureTransportError)."""
    settings.REGISTRY_OAUTH_SANDBOX_URL = "http://192.168.1.20:8000/sandbox/oauth"
    account = Account.objects.create(network="vk", name="VK", external_id="5")
    login(client, keeper)
    start = client.get(reverse("registry_oauth_connect", args=[account.pk]))
    assert start.status_code == 302
    assert start["Location"].startswith("http://192.168.1.20:8000/sandbox/oauth/")


def test_a_real_provider_is_never_reached_over_plain_http(monkeypatch):
    """Only the sandbox is exempt from oauthlib's HTTPS rule."""
    from oauthlib.oauth2.rfc6749.errors import InsecureTransportError
    from requests_oauthlib import OAuth2Session

    from accounts_registry.oauth.providers import transport_for

    monkeypatch.delenv("OAUTHLIB_INSECURE_TRANSPORT", raising=False)
    url = "http://id.vk.example/authorize"
    with transport_for(url), pytest.raises(InsecureTransportError):
        OAuth2Session("client").authorization_url(url)
    with transport_for(url, sandbox=True):
        assert OAuth2Session("client").authorization_url(url)[0].startswith(url)
