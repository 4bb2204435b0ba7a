"""Access list (who can act as the account, until when) and description/design with
history and «Применить» only where the API client can do it."""

import datetime

import pytest
from django.urls import reverse

from accounts_registry import design
from accounts_registry.models import AccessGrant, DesignVersion
from accounts_registry.obligations import local_today

from .conftest import SECRET, login

pytestmark = pytest.mark.django_db


def test_access_list_current_and_history(account, keeper):
    today = local_today()
    gone = AccessGrant(
        account=account,
        person="Подрядчик ООО «Ромашка»",
        role="editor",
        until=today - datetime.timedelta(days=1),
    )
    gone.changed_by = keeper
    gone.save()
    AccessGrant.objects.create(account=account, user=keeper, role="owner", since=today)
    assert [g.role for g in account.access_grants.current()] == ["owner"]
    line = account.changes.filter(action="access").order_by("at").first()
    assert line.user == keeper and "Ромашка" in line.changes["access"][1]


def test_access_grant_needs_a_user_or_a_name(account):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        AccessGrant.objects.create(account=account, role="admin")


class ClientWithDescription:
    def __init__(self):
        self.sent = []

    def update_description(self, text):
        self.sent.append(text)


class ClientWithout:
    pass


def test_apply_button_only_where_the_client_supports_it(
    client, keeper, account, monkeypatch
):
    version = DesignVersion.objects.create(
        account=account, description="Новое описание"
    )
    login(client, keeper)
    url = reverse("registry_design", args=[account.pk])

    monkeypatch.setattr(design, "_client", lambda acc: ClientWithout())
    assert not design.can_apply(account)
    assert "Применить" not in client.get(url).content.decode()

    fake = ClientWithDescription()
    monkeypatch.setattr(design, "_client", lambda acc: fake)
    assert design.can_apply(account)
    assert "Применить" in client.get(url).content.decode()
    client.post(reverse("registry_apply_design", args=[account.pk, version.pk]))
    assert fake.sent == ["Новое описание"]
    version.refresh_from_db()
    assert version.applied_at is not None


def test_apply_error_is_shown_without_the_secret(client, keeper, account, monkeypatch):
    class Failing:
        def update_description(self, text):
            raise RuntimeError(f"error 15: access denied for token {SECRET}")

    monkeypatch.setattr(design, "_client", lambda acc: Failing())
    version = DesignVersion.objects.create(account=account, description="x")
    login(client, keeper)
    response = client.post(
        reverse("registry_apply_design", args=[account.pk, version.pk]), follow=True
    )
    body = response.content.decode()
    assert "error 15" in body and SECRET not in body


def test_new_design_version_keeps_history(client, keeper, account):
    login(client, keeper)
    url = reverse("registry_design", args=[account.pk])
    client.post(url, {"description": "Первое"})
    client.post(url, {"description": "Второе"})
    versions = list(account.design_versions.values_list("description", flat=True))
    assert versions == ["Второе", "Первое"]
    assert account.changes.filter(action="design").count() == 2


def test_dashboard_lists_access_ending_within_a_week(client, keeper, tech, account):
    today = local_today()
    AccessGrant.objects.create(
        account=account,
        person="Сидоров С. С.",
        role="admin",
        until=today + datetime.timedelta(days=3),
    )
    AccessGrant.objects.create(
        account=account,
        person="Долгий Д. Д.",
        role="editor",
        until=today + datetime.timedelta(days=60),
    )
    account.report_obligations.update(reported_on=today)  # nothing else on the panel
    login(client, tech)
    html = client.get("/admin/").content.decode()
    assert "отзовите" in html and "Сидоров" in html and "Долгий" not in html
