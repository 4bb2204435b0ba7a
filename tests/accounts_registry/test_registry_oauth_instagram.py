"""Instagram's connect: Facebook Login → a long-lived user token for the professional
account; the stored credential then works for the client (the health check passes)."""

import datetime

import pytest
from django.utils import timezone

from accounts_registry.health import check_account
from accounts_registry.models import Account
from accounts_registry.restricted import decide
from tests.sandbox.fixtures import instagram_account, sandbox  # noqa: F401

from .conftest import login
from .test_registry_oauth import connect


@pytest.mark.django_db(transaction=True)
def test_instagram_token_is_stored_and_works(
    client,
    keeper,
    sandbox,  # noqa: F811
    instagram_account,  # noqa: F811
    settings,
):
    settings.REGISTRY_OAUTH_SANDBOX_URL = sandbox.url + "/sandbox/oauth"
    decide("instagram", True, reason="Тест", actor="test")
    account = Account.objects.get(pk=instagram_account.pk)
    old = account.get_credential()["access_token"]

    login(client, keeper)
    authorize, done = connect(client, account)
    assert "instagram_content_publish" in authorize
    assert done.status_code == 302

    account.refresh_from_db()
    credential = account.get_credential()
    assert credential["access_token"].startswith("EAAB-ig-sandbox-")
    assert credential["access_token"] != old
    assert credential["ig_user_id"] == account.external_id
    remaining = account.credential_expires_at - timezone.now()
    assert remaining > datetime.timedelta(days=59)  # the long-lived token

    result = check_account(account)
    assert result.ok, result.message


@pytest.mark.django_db(transaction=True)
def test_a_token_for_another_account_is_refused(
    client,
    keeper,
    sandbox,  # noqa: F811
    settings,
):
    import requests

    settings.REGISTRY_OAUTH_SANDBOX_URL = sandbox.url + "/sandbox/oauth"
    answer = requests.get(
        f"{sandbox.url}/sandbox/oauth/instagram/graph/1784",
        params={"access_token": "EAAB-forged"},
        timeout=5,
    )
    assert answer.status_code == 400
