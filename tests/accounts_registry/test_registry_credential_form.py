"""The technician's credential form with wrong and half-filled input (journey «Денис»,
step 2): a past expiry is refused, a typed secret that comes back empty after an error
says so, and the account's page states the last check once."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts_registry.models import Account

from .conftest import SECRET, login

pytestmark = pytest.mark.django_db


@pytest.fixture
def bot_account(db):
    return Account.objects.create(
        network="max", name="Минсоцзащиты — MAX", external_id="minsoc42"
    )


def post(client, account, data):
    url = reverse("registry_set_credential", args=[account.pk])
    return client.post(url, data)


def test_an_expiry_in_the_past_is_refused(client, tech, bot_account):
    login(client, tech)
    past = timezone.localtime() - datetime.timedelta(days=6)
    response = post(
        client,
        bot_account,
        {"bot_token": SECRET, "expires_at": past.strftime("%d.%m.%Y %H:%M")},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Это время уже прошло: истёкший ключ не работает." in html
    bot_account.refresh_from_db()
    assert not bot_account.has_credential
    future = timezone.localtime() + datetime.timedelta(days=30)
    response = post(
        client,
        bot_account,
        {"bot_token": SECRET, "expires_at": future.strftime("%d.%m.%Y %H:%M")},
    )
    assert response.status_code == 302
    bot_account.refresh_from_db()
    assert bot_account.get_credential()["bot_token"] == SECRET


def test_a_typed_secret_lost_to_another_fields_error_asks_to_be_typed_again(
    client, tech, bot_account
):
    login(client, tech)
    html = post(
        client, bot_account, {"bot_token": SECRET, "expires_at": "31.02.2026 25:00"}
    ).content.decode()
    assert SECRET not in html
    assert "Введите правильную дату и время." in html
    assert "Не сохранено: введите ещё раз" in html
    # An empty secret gets the ordinary «required», not «enter it again».
    html = post(client, bot_account, {"bot_token": ""}).content.decode()
    assert "Не сохранено" not in html


def test_the_last_check_is_said_once(client, tech, account):
    account.health = "ok"
    account.health_message = "В порядке"
    account.health_checked_at = timezone.now()
    account.save()
    login(client, tech)
    html = client.get(reverse("registry_account:inspect", args=[account.pk]))
    html = html.content.decode()
    assert "В порядке: В порядке" not in html
    assert "— В порядке</dd>" in html
