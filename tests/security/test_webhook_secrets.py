"""Issue 12.6: webhook secrets are encrypted in the database like the credentials,
write-only in the admin (only the last four characters shown), rotated with the
credentials' key; the sandbox pages that show a network's secrets need a login."""

from __future__ import annotations

import io

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from accounts_registry.models import Account
from moderation.models import InboxItem, WebhookEndpoint
from sandbox.models import SandboxAccount
from tests.moderation.conftest import make_account
from tests.security.test_webhook_fuzz import ENDPOINTS, encode, send

SECRET = "s3cret-Key_42"  # tests.moderation.webhook_cases.SECRET: ends with "y_42"
NEW_SECRET = "brand-new-secret-9Zq7"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_endpoints():
    from moderation.webhooks import base

    base._endpoints.clear()
    yield
    base._endpoints.clear()


@pytest.fixture
def vk():
    return make_account("vk", "-123456", ENDPOINTS["vk"].slug)


def stored_row(endpoint) -> tuple:
    """What the database holds, read past the model."""
    table = WebhookEndpoint._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT * FROM {table} WHERE id = %s",  # noqa: S608 - the model's table
            [endpoint.pk],
        )
        return cursor.fetchone()


def test_the_secret_is_stored_encrypted_with_a_hint(vk):
    endpoint = WebhookEndpoint.objects.get(account=vk)
    row = stored_row(endpoint)
    for value in row:
        if isinstance(value, bytes | memoryview):
            assert SECRET.encode() not in bytes(value)
        assert SECRET not in str(value)
    assert endpoint.secret_hint == "y_42"
    assert endpoint.secret == SECRET
    assert endpoint.secret_encrypted and bytes(endpoint.secret_encrypted) != b""


def test_a_short_secret_gets_no_hint(vk):
    endpoint = WebhookEndpoint.objects.get(account=vk)
    endpoint.secret = "abc12"
    endpoint.save()
    assert WebhookEndpoint.objects.get(pk=endpoint.pk).secret_hint == ""


def test_events_are_checked_against_the_decrypted_secret(client, vk):
    endpoint = ENDPOINTS["vk"]
    assert send(client, endpoint, encode(endpoint.events(1)[0])).status_code == 200
    assert InboxItem.objects.count() == 1


def test_a_secret_no_key_opens_refuses_events_without_a_500(client, vk, settings):
    settings.FIELD_ENCRYPTION_KEY = Fernet.generate_key().decode()
    endpoint = ENDPOINTS["vk"]
    response = send(client, endpoint, encode(endpoint.events(1)[0]))
    assert response.status_code == 400
    assert not InboxItem.objects.exists()


def test_rotate_key_re_encrypts_webhook_secrets(vk, settings):
    old_key = settings.FIELD_ENCRYPTION_KEY
    before = bytes(WebhookEndpoint.objects.get(account=vk).secret_encrypted)
    settings.FIELD_ENCRYPTION_KEY = f"{Fernet.generate_key().decode()},{old_key}"
    call_command("registry", "rotate-key", stdout=io.StringIO())
    after = bytes(WebhookEndpoint.objects.get(account=vk).secret_encrypted)
    assert after != before
    settings.FIELD_ENCRYPTION_KEY = settings.FIELD_ENCRYPTION_KEY.split(",")[0]
    assert WebhookEndpoint.objects.get(account=vk).secret == SECRET


# -- the admin form --------------------------------------------------------------------


@pytest.fixture
def admin(client, django_user_model):
    from tests.accounts_registry.conftest import login, make_user

    user = make_user(django_user_model, "root", is_superuser=True, is_staff=True)
    login(client, user)
    return client


def edit_url(endpoint) -> str:
    return reverse("moderation_webhooks:edit", args=[endpoint.pk])


def test_the_edit_form_never_shows_the_secret(admin, vk):
    endpoint = WebhookEndpoint.objects.get(account=vk)
    page = admin.get(edit_url(endpoint)).content.decode()
    assert SECRET not in page
    assert "оканчивается на «y_42»" in page
    assert 'type="password"' in page
    listing = admin.get(reverse("moderation_webhooks:index")).content.decode()
    assert SECRET not in listing and "y_42" in listing


def form_data(account, secret="", code="e7e13fe2") -> dict:
    return {"account": account.pk, "confirmation_code": code, "new_secret": secret,
            "enabled": "on"}  # fmt: skip


def test_an_empty_secret_field_keeps_the_secret(admin, vk):
    endpoint = WebhookEndpoint.objects.get(account=vk)
    response = admin.post(edit_url(endpoint), form_data(vk, code="new-code"))
    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get(pk=endpoint.pk)
    assert endpoint.secret == SECRET and endpoint.confirmation_code == "new-code"


def test_a_typed_secret_replaces_it(admin, vk):
    endpoint = WebhookEndpoint.objects.get(account=vk)
    assert admin.post(edit_url(endpoint), form_data(vk, NEW_SECRET)).status_code == 302
    endpoint = WebhookEndpoint.objects.get(pk=endpoint.pk)
    assert endpoint.secret == NEW_SECRET and endpoint.secret_hint == "9Zq7"


def test_new_settings_need_a_secret(admin):
    account = Account.objects.create(network="telegram", name="TG", external_id="@x")
    url = reverse("moderation_webhooks:add")
    response = admin.post(url, form_data(account))
    assert response.status_code == 200
    assert response.context["form"].errors["new_secret"] == ["Введите секрет."]
    assert admin.post(url, form_data(account, NEW_SECRET)).status_code == 302
    assert WebhookEndpoint.objects.get(account=account).secret == NEW_SECRET


# -- the migration -------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_plaintext_secrets_and_back():
    from django.db.migrations.executor import MigrationExecutor

    before, after = (
        ("moderation", "0008_desk_roles"),
        (
            "moderation",
            "0009_webhook_secret_encrypted",
        ),
    )
    executor = MigrationExecutor(connection)
    executor.migrate([before])
    try:
        old = executor.loader.project_state([before]).apps
        account = old.get_model("accounts_registry", "Account").objects.create(
            network="vk", name="Old", external_id="1", slug="old"
        )
        old.get_model("moderation", "WebhookEndpoint").objects.create(
            account_id=account.pk, secret=SECRET, confirmation_code="c"
        )
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate([after])
        endpoint = WebhookEndpoint.objects.get(account_id=account.pk)
        assert endpoint.secret == SECRET and endpoint.secret_hint == "y_42"
        assert SECRET.encode() not in bytes(endpoint.secret_encrypted)

        executor = MigrationExecutor(connection)
        executor.migrate([before])
        back = executor.loader.project_state([before]).apps
        assert (
            back.get_model("moderation", "WebhookEndpoint").objects.get().secret
            == SECRET
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


# -- the sandbox's secret pages ------------------------------------------------------


@pytest.fixture
def sandbox_accounts():
    vk = SandboxAccount.objects.create(
        network="vk", external_id="424242", name="ВК", token="t1",
        callback_url="http://hooks.test/vk/", callback_secret="SBX-vk-secret-0001",
        callback_code="c0de1234",
    )  # fmt: skip
    fb = SandboxAccount.objects.create(
        network="facebook", external_id="5463", name="FB", token="t2",
        callback_secret="SBX-fb-app-secret-0002", callback_code="verify-me",
    )  # fmt: skip
    ok = SandboxAccount.objects.create(
        network="ok", external_id="55", name="ОК", token="t3"
    )
    return vk, fb, ok


def secret_pages(vk, fb) -> list[str]:
    return [
        f"/sandbox/callback/{vk.pk}/",
        f"/sandbox/facebook/page/{fb.external_id}/events/",
    ]


def test_sandbox_secret_pages_send_visitors_to_the_login(client, sandbox_accounts):
    vk, fb, ok = sandbox_accounts
    for url in secret_pages(vk, fb):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url
        response = client.post(url, {"callback_url": "http://evil.test/",
                                     "callback_secret": "x"})  # fmt: skip
        assert response.status_code == 302, url
    vk.refresh_from_db()
    assert vk.callback_url == "http://hooks.test/vk/"
    # A polled network's page holds no secret: it stays open.
    page = client.get(f"/sandbox/callback/{ok.pk}/")
    assert page.status_code == 200 and b"<form" not in page.content


def test_sandbox_secret_pages_refuse_users_without_admin_access(
    client, sandbox_accounts, django_user_model
):
    vk, fb, _ok = sandbox_accounts
    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    for url in secret_pages(vk, fb):
        assert client.get(url).status_code == 403, url


def test_sandbox_secret_pages_open_for_staff(admin_client, sandbox_accounts):
    vk, fb, _ok = sandbox_accounts
    for url in secret_pages(vk, fb):
        assert admin_client.get(url).status_code == 200, url
