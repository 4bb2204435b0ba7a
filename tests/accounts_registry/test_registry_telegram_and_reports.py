import pytest
from django.urls import reverse

from accounts_registry import health
from accounts_registry.models import Account

from .conftest import login

pytestmark = pytest.mark.django_db


class BotClient:
    def __init__(self, status):
        self.status = status

    def check_token(self):
        admin = self.status == "administrator"
        return {"ok": admin, "status": self.status, "bot": "minsoc_bot"}


@pytest.mark.parametrize(
    ("status", "warned"), [("member", True), ("administrator", False)]
)
def test_pasted_bot_token_is_checked_for_channel_admin(
    client, keeper, monkeypatch, status, warned
):
    channel = Account.objects.create(
        network="telegram", name="Канал", external_id="@minsoc", status="active"
    )
    monkeypatch.setattr(health, "_get_client", lambda account: BotClient(status))
    login(client, keeper)
    response = client.post(
        reverse("registry_set_credential", args=[channel.pk]),
        {"bot_token": "123456:ABC-DEF1234ghIkl"},
        follow=True,
    )
    body = response.content.decode()
    assert ("не является администратором" in body) == warned
    channel.refresh_from_db()
    assert channel.health == ("error" if warned else "ok")
    assert "ABC-DEF1234ghIkl" not in body


def test_marking_a_report_in_the_admin_is_recorded(client, keeper, account):
    login(client, keeper)
    ob = account.report_obligations.get()
    url = reverse("registry_reportobligation:edit", args=[ob.pk])
    response = client.post(url, {"reported_on": "2026-03-05", "outgoing_number": "12"})
    assert response.status_code == 302
    line = account.changes.get(action="reported")
    assert line.user == keeper and "№ 12" in line.changes["report"][1]


def test_account_page_offers_two_factor_setup(client, django_user_model):
    from .conftest import make_user

    editor = make_user(django_user_model, "ed", "Editors")
    login(client, editor)  # a verified session with a device: no offer
    assert "Двухфакторная" not in client.get("/admin/account/").content.decode()
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=editor).delete()
    client.force_login(editor)
    assert "Двухфакторная" in client.get("/admin/account/").content.decode()
