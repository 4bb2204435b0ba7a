"""The register's lists as Wagtail ModelViewSets (issue 16.5): old wagtail-modeladmin
addresses still lead somewhere, filters and search work as the keeper used them, and the
generic screens speak the register's own Russian."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from accounts_registry.access import AccessGrant
from accounts_registry.admin_accounts import deadline
from accounts_registry.models import Account
from accounts_registry.obligations import ReportObligation, local_today

from .conftest import login

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["account", "reportobligation", "accessgrant"])
def test_the_old_create_address_leads_to_the_new_form(client, keeper, model):
    login(client, keeper)
    response = client.get(f"/admin/accounts_registry/{model}/create/?account=5")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/accounts_registry/{model}/new/?account=5"


def reported(account, **fields):
    return ReportObligation.objects.filter(account=account).update(**fields)


def test_the_reports_list_filters_overdue_open_and_sent(client, keeper, account):
    other = Account.objects.create(
        network="ok",
        name="Одноклассники министерства",
        external_id="9",
        status="active",
    )
    reported(account, due_on=local_today() - datetime.timedelta(days=2))
    reported(other, reported_on=local_today(), outgoing_number="01-15/7")
    login(client, keeper)
    url = reverse("registry_reportobligation:index")
    names = {
        state: client.get(url, {"state": state}).content.decode()
        for state in ("overdue", "open", "sent")
    }
    assert account.name in names["overdue"] and other.name not in names["overdue"]
    assert account.name in names["open"] and other.name not in names["open"]
    assert other.name in names["sent"] and account.name not in names["sent"]
    assert "01-15/7" in names["sent"]


def test_the_access_list_filters_by_network_and_searches_every_word(
    client, keeper, account
):
    ok = Account.objects.create(network="ok", name="ОК", external_id="9")
    AccessGrant.objects.create(account=account, person="Иванова Анна", role="admin")
    AccessGrant.objects.create(account=ok, person="Петров Пётр", role="editor")
    login(client, keeper)
    url = reverse("registry_accessgrant:index")
    vk_only = client.get(url, {"account__network": "vk"}).content.decode()
    assert "Иванова Анна" in vk_only and "Петров Пётр" not in vk_only
    # Two words, each found in a different field (the person, the account's name).
    both = client.get(url, {"q": "Иванова Кузбасса"}).content.decode()
    assert "Иванова Анна" in both and "Петров Пётр" not in both


def test_the_generic_screens_say_the_registers_words(
    client, keeper, account, django_user_model
):
    login(client, keeper)
    empty = client.get(reverse("registry_accessgrant:index")).content.decode()
    assert "Никто не указан." in empty
    assert "Добавить запись о доступе" in empty
    ob = account.report_obligations.get()
    edit = client.get(reverse("registry_reportobligation:edit", args=[ob.pk]))
    html = edit.content.decode()
    assert "Редактирование уведомления" in html
    assert "/copy/" not in html  # no «Копировать»: a copy would be a second report
    # Only an administrator adds a report by hand (the register opens them itself).
    assert client.get(reverse("registry_reportobligation:add")).status_code != 200
    root = django_user_model.objects.create_superuser("root", "r@x.org", "pw")
    login(client, root)
    new = client.get(reverse("registry_reportobligation:add")).content.decode()
    assert "Новое уведомление в управление СМИ" in new
    assert "Новый:" not in new


def test_removing_access_names_who_removed_it(client, keeper, account):
    grant = AccessGrant.objects.create(account=account, person="Иванова", role="admin")
    login(client, keeper)
    response = client.post(reverse("registry_accessgrant:delete", args=[grant.pk]))
    assert response.status_code == 302
    assert not AccessGrant.objects.exists()
    removal = account.changes.filter(action="access").order_by("-pk").first()
    assert removal.user == keeper
    assert "удал" in response.wsgi_request._messages._queued_messages[0].message


@pytest.mark.parametrize(
    "days, words",
    [
        (1, "остался 1 день"),
        (2, "осталось 2 дня"),
        (5, "осталось 5 дней"),
        (0, "срок сегодня"),
        (-1, "просрочено"),
    ],
)
def test_the_deadline_is_said_in_words(account, days, words):
    ob = account.report_obligations.get()
    ob.due_on = local_today() + datetime.timedelta(days=days)
    with translation.override("ru"):
        assert deadline(ob) == words
    ob.reported_on = local_today()
    assert deadline(ob) == ""


def test_the_list_counts_in_russian_and_opens_the_accounts_page(
    client, keeper, account
):
    Account.objects.create(network="ok", name="Группа", external_id="9")
    Account.objects.create(network="max", name="Канал", external_id="8")
    login(client, keeper)
    html = client.get(reverse("registry_account:index")).content.decode()
    assert "3 аккаунта" in html and "3 аккаунты" not in html
    # The name links to the account's page (reports, credential, history).
    inspect = reverse("registry_account:inspect", args=[account.pk])
    assert f'href="{inspect}"' in html
    assert reverse("registry_set_credential", args=[account.pk]) in html
    # «История» leads to the register's own history on the account's page.
    assert f'href="{inspect}#history"' in html


def test_bookmarked_filters_of_the_old_list_still_filter(client, keeper, account):
    late = Account.objects.create(
        network="ok", name="Опоздавшая группа", external_id="9", status="active"
    )
    reported(late, due_on=local_today() - datetime.timedelta(days=1))
    login(client, keeper)
    url = reverse("registry_account:index")
    html = client.get(url, {"overdue": "yes", "token": "missing"}).content.decode()
    assert late.name in html and account.name not in html
    html = client.get(url, {"network": "vk", "status": "active"}).content.decode()
    assert account.name in html and late.name not in html


def test_the_letter_from_an_accounts_page_ticks_its_events(client, keeper, account):
    other = Account.objects.create(
        network="ok", name="Другая группа", external_id="9", status="active"
    )
    login(client, keeper)
    page = client.get(reverse("registry_account:inspect", args=[account.pk]))
    letter = reverse("registry_notification_new") + f"?account={account.pk}"
    assert letter.replace("&", "&amp;") in page.content.decode()
    form = client.get(letter).context["form"]
    ticked = {ob.account for ob in form["obligations"].initial}
    assert ticked == {account}
    assert other.report_obligations.exists()
