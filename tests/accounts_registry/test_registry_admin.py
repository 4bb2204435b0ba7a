"""Every registry admin screen renders for a keeper, in Russian, and never shows a secret."""

import datetime
import re

import pytest
from django.urls import reverse

from accounts_registry.models import AccessGrant, DesignVersion, Notification
from accounts_registry.obligations import local_today

from .conftest import SECRET, login

pytestmark = pytest.mark.django_db


def registry_urls(account, notification):
    inspect = reverse("registry_account:inspect", args=[account.pk])
    return [
        "/admin/",
        reverse("registry_account:index"),
        reverse("registry_account:index") + "?export=csv",
        reverse("registry_account:index") + "?export=xlsx",
        reverse("registry_account:index") + "?overdue=yes&token=problem",
        reverse("registry_account:index") + "?q=Минсоц",
        inspect,
        reverse("registry_account:edit", args=[account.pk]),
        reverse("registry_account:add"),
        reverse("registry_account:history", args=[account.pk]),
        reverse("registry_reportobligation:index"),
        reverse("registry_accessgrant:index"),
        reverse("registry_set_credential", args=[account.pk]),
        reverse("registry_design", args=[account.pk]),
        reverse("registry_notification_new"),
        reverse("registry_notification", args=[notification.pk]),
        reverse("registry_notification", args=[notification.pk]) + "?print=1",
        reverse("registry_notification_docx", args=[notification.pk]),
    ]


@pytest.fixture
def notification(account, keeper):
    note = Notification.objects.create(created_by=keeper)
    account.report_obligations.update(notification=note)
    return note


@pytest.fixture
def populated(account, keeper):
    AccessGrant.objects.create(account=account, person="Петров П. П.", role="admin")
    DesignVersion.objects.create(account=account, description="Официальная страница")
    account.report_obligations.update(due_on=local_today() - datetime.timedelta(days=1))
    return account


def test_every_registry_page_renders_without_the_secret(
    client, keeper, populated, notification
):
    login(client, keeper)
    for url in registry_urls(populated, notification):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="ru")
        assert response.status_code == 200, url
        body = response.content
        assert SECRET.encode() not in body, url
        assert SECRET[:-4].encode() not in body, url


def test_inspect_view_is_russian_and_shows_history_and_warning(client, keeper, db):
    from accounts_registry.models import Account

    fb = Account.objects.create(network="facebook", name="FB", external_id="77")
    login(client, keeper)
    url = reverse("registry_account:inspect", args=[fb.pk])
    html = client.get(url).content.decode()
    assert "экстремист" in html
    assert "История" in html
    assert ">True<" not in html and ">False<" not in html


def test_dashboard_panel_lists_overdue_report(client, keeper, populated):
    login(client, keeper)
    html = client.get("/admin/").content.decode()
    assert "Просроченные" in html
    assert populated.name in html


def test_credential_form_saves_and_never_echoes(client, keeper, account):
    login(client, keeper)
    url = reverse("registry_set_credential", args=[account.pk])
    page = client.get(url).content.decode()
    # Named fields with their help, on a page that names the account; no raw JSON.
    assert account.name in page and "JSON" not in page
    assert 'name="access_token"' in page and 'type="password"' in page
    assert 'name="token_type"' in page and "<select" in page
    new_secret = "vk1.a.ANOTHER-SECRET-VALUE-1234abcd"
    bad = client.post(url, {"access_token": new_secret})
    assert bad.status_code == 200
    assert new_secret.encode() not in bad.content
    errors = re.findall(
        r'class="error-message"[^>]*>\s*(?:<[^>]+>\s*)*([^<]+)', bad.content.decode()
    )
    # The type is missing; the key typed with it is lost (never echoed), and says so.
    assert [e.strip() for e in errors] == [
        "Не сохранено: введите ещё раз (секрет на странице не показывается).",
        "Требуется заполнить это поле.",
    ], errors
    ok = client.post(url, {"access_token": new_secret, "token_type": "user"})
    assert ok.status_code == 302
    account.refresh_from_db()
    assert account.get_credential() == {
        "access_token": new_secret,
        "token_type": "user",
    }
    assert account.credential_hint == "abcd"
    inspect = client.get(ok["Location"]).content
    assert new_secret.encode() not in inspect
    assert "…abcd" in inspect.decode()
    assert account.changes.filter(changes__has_key="credential").exists()


def test_dashboard_names_the_due_soon_days_in_the_right_form(
    client, keeper, populated, settings
):
    populated.report_obligations.update(
        due_on=local_today() + datetime.timedelta(days=1)
    )
    login(client, keeper)
    for days, words in [
        (1, "ближайший 1 день"),
        (3, "ближайшие 3 дня"),
        (5, "ближайшие 5 дней"),
    ]:
        settings.REGISTRY_DASHBOARD_DUE_SOON_DAYS = days
        html = client.get("/admin/").content.decode()
        assert f"Уведомления со сроком в {words}" in html, days
