"""The webhook settings («Настройки → Вебхуки модерации») are the technician's to look
after (journeys.md, «Денис»): his group reads and edits them, given by
``moderation/groups.py`` after every migrate, on a fresh database and on an existing
one. The editors and the moderators (journeys.md gives them no webhooks) are refused;
adding and deleting stay with the administrators."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from accounts_registry.models import Account
from cms import roles
from moderation.defaults import SENIOR_MODERATOR_GROUP
from moderation.models import WebhookEndpoint
from tests.accounts_registry.conftest import login
from tests.moderation.test_inbox_views import denied
from tests.moderation.webhook_cases import SECRET

INDEX = reverse("moderation_webhooks:index")
WEBHOOK_CODES = {"view_webhookendpoint", "change_webhookendpoint"}


def codes(group_name: str) -> set[str]:
    group = Group.objects.get(name=group_name)
    return set(
        group.permissions.filter(content_type__app_label="moderation").values_list(
            "codename", flat=True
        )
    )


def test_the_technician_group_gets_the_webhook_settings_on_every_migrate(db):
    # The test database was made by migrate: a fresh one has them.
    assert codes(roles.TECHNICAL_OFFICER) >= WEBHOOK_CODES
    assert not {"add_webhookendpoint", "delete_webhookendpoint"} & codes(
        roles.TECHNICAL_OFFICER
    )
    # An existing database whose group lacks them: the next migrate adds them,
    # with no migration left to apply.
    group = Group.objects.get(name=roles.TECHNICAL_OFFICER)
    group.permissions.remove(
        *Permission.objects.filter(
            content_type__app_label="moderation", codename__in=WEBHOOK_CODES
        )
    )
    assert not WEBHOOK_CODES & codes(roles.TECHNICAL_OFFICER)
    call_command("migrate", verbosity=0)
    assert codes(roles.TECHNICAL_OFFICER) >= WEBHOOK_CODES
    for name in (roles.MODERATOR, SENIOR_MODERATOR_GROUP):
        assert not WEBHOOK_CODES & codes(name)


def test_the_technician_reads_and_edits_the_webhook_settings(
    client, technician, vk_account, ok_account
):
    login(client, technician)  # credentials need a second factor
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert INDEX in home  # «Вебхуки модерации» in the settings menu
    listing = client.get(INDEX)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Вебхуки модерации" in html and "2 вебхука" in html
    assert str(vk_account) in html and str(ok_account) in html

    endpoint = WebhookEndpoint.objects.get(account=vk_account)
    edit = reverse("moderation_webhooks:edit", args=[endpoint.pk])
    form = client.get(edit).content.decode()
    # What to give the network, and what the confirmation code is on each.
    assert "Адрес для настроек соцсети: http://127.0.0.1:8000/hooks/vk/vk-soc/" in form
    assert "У Telegram и MAX его нет: оставьте поле пустым." in form

    ok_edit = reverse(
        "moderation_webhooks:edit",
        args=[WebhookEndpoint.objects.get(account=ok_account).pk],
    )
    ok_form = client.get(ok_edit).content.decode()
    assert (
        "Адрес для настроек соцсети: http://127.0.0.1:8000/hooks/ok/ok-soc/"
        "&lt;секрет&gt;/ — вместо &lt;секрет&gt; подставьте секрет." in ok_form
    )
    assert SECRET not in ok_form  # OK's secret is in its address: never shown
    response = client.post(
        edit,
        {"account": vk_account.pk, "confirmation_code": "a1b2c3d4", "new_secret": ""},
    )
    assert response.status_code == 302 and response.url == INDEX
    endpoint.refresh_from_db()
    assert endpoint.confirmation_code == "a1b2c3d4"
    assert not endpoint.enabled  # the box was left unticked: switched off
    assert endpoint.secret == SECRET  # an empty field keeps the secret

    # Adding and deleting an account's settings stay with the administrators.
    assert denied(client.get(reverse("moderation_webhooks:add")))
    delete = reverse("moderation_webhooks:delete", args=[endpoint.pk])
    assert denied(client.get(delete)) and denied(client.post(delete))
    assert WebhookEndpoint.objects.filter(pk=endpoint.pk).exists()


@pytest.mark.parametrize(
    "group_name", [roles.EDITOR, roles.MODERATOR, SENIOR_MODERATOR_GROUP]
)
def test_editors_and_moderators_cannot_open_the_webhook_settings(
    client, django_user_model, vk_account, group_name
):
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("someone", password="pw")
    user.groups.add(group)
    client.force_login(user)
    endpoint = WebhookEndpoint.objects.get(account=vk_account)
    edit = reverse("moderation_webhooks:edit", args=[endpoint.pk])
    assert denied(client.get(INDEX)) and denied(client.get(edit))
    response = client.post(
        edit, {"account": vk_account.pk, "confirmation_code": "x", "enabled": "on"}
    )
    assert denied(response)
    assert WebhookEndpoint.objects.get(pk=endpoint.pk).confirmation_code == "e7e13fe2"
    assert INDEX not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_only_accounts_of_networks_that_push_comments_are_offered(
    client, django_user_model, vk_account, tg_account
):
    """A blog or Dzen sends no webhooks; an account has one set of settings."""
    blog = Account.objects.create(
        network="livejournal", name="Блог министерства", external_id="minsoc", slug="lj"
    )
    free = Account.objects.create(
        network="max", name="Минсоцзащиты — MAX", external_id="-7001", slug="max-2"
    )
    client.force_login(django_user_model.objects.create_superuser("admin"))
    html = client.get(reverse("moderation_webhooks:add")).content.decode()
    assert f'value="{free.pk}"' in html
    for taken in (blog, vk_account, tg_account):
        assert f'value="{taken.pk}"' not in html
    assert "Только аккаунты соцсетей, которые присылают комментарии вебхуком." in html
