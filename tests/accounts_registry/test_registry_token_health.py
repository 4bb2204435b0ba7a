"""The technician's token-health panel (issue 15): every account's credential state,
the last check, renewal, the failures of delivery and polling in 24 hours, and the
blocked networks apart."""

import datetime

import pytest
from django.utils import timezone, translation

from accounts_registry.history import acting_as
from accounts_registry.models import Account
from accounts_registry.token_health import credential_state, token_rows
from syndication.delivery.state import hold_account
from syndication.models import Delivery

from .conftest import SECRET, login

pytestmark = pytest.mark.django_db


def _account(network, name, credential=None, **fields):
    account = Account(
        network=network,
        name=name,
        external_id=f"{network}-{Account.objects.count()}",
        status="active",
        **fields,
    )
    if credential:
        account.set_credential(credential)
    account.save()
    return account


@pytest.fixture
def register():
    now = timezone.now()
    vk = {"access_token": SECRET, "token_type": "community"}
    return {
        "valid": _account("vk", "Действующий", vk, health="ok"),
        "missing": _account("vk", "Без ключа"),
        "revoked": _account("vk", "Отозванный", vk, health="revoked"),
        "failing": _account("vk", "Сбойный", vk, health="error"),
        "expired": _account(
            "vk",
            "Истёкший",
            {**vk, "expires_at": (now - datetime.timedelta(hours=2)).isoformat()},
        ),
        "expiring": _account(
            "vk",
            "Истекающий",
            {
                **vk,
                "expires_at": (now + datetime.timedelta(days=3)).isoformat(),
            },
            health="ok",
        ),
        "renewing": _account(
            "vk",
            "Обновляемый",
            {
                "access_token": SECRET,
                "token_type": "user",
                "refresh_token": "refresh-0000-1111",
                "device_id": "dev",
                "expires_at": (now + datetime.timedelta(minutes=50)).isoformat(),
            },
            health="ok",
        ),
        "none": _account("dzen", "Дзен"),
        "blocked": _account(
            "facebook", "Страница", {"page_access_token": SECRET, "page_id": "1"}
        ),
    }


def test_each_credential_state_in_words(register):
    states = {key: credential_state(account) for key, account in register.items()}
    assert states["valid"] == ("valid", "действует", "ok")
    assert states["missing"] == ("missing", "не задан", "critical")
    assert states["revoked"] == ("revoked", "отозван", "critical")
    assert states["failing"][:2] == ("failing", "проверка не проходит")
    assert states["expired"][0] == "expired" and states["expired"][1].startswith(
        "истёк "
    )
    assert states["expiring"] == ("expiring", "истекает через 3 дня", "warning")
    # A token that renews itself is not «expiring» an hour before its end.
    assert states["renewing"][0] == "valid"
    assert states["none"] == ("none", "не нужны", "ok")


def test_days_left_are_calendar_days(db):
    """Counted by the local date, not by whole 24-hour spans: at 13:00 a key that
    expires the day after tomorrow at noon has 2 days left (not 1), and at 22:00 one
    that expires tomorrow morning does not expire «today»."""
    zone = timezone.get_current_timezone()
    noon_after_tomorrow = datetime.datetime(2026, 12, 9, 12, 0, tzinfo=zone)
    account = _account(
        "vk",
        "Истекающий",
        {
            "access_token": SECRET,
            "token_type": "community",
            "expires_at": noon_after_tomorrow.isoformat(),
        },
        health="ok",
    )
    at_one = datetime.datetime(2026, 12, 7, 13, 0, tzinfo=zone)
    assert credential_state(account, at_one)[1] == "истекает через 2 дня"
    late = datetime.datetime(2026, 12, 8, 22, 0, tzinfo=zone)
    assert credential_state(account, late)[1] == "истекает через 1 день"
    same_day = datetime.datetime(2026, 12, 9, 8, 0, tzinfo=zone)
    assert credential_state(account, same_day)[1] == "истекает сегодня в 12:00"


@pytest.mark.parametrize(
    "days, words",
    [
        (1, "истекает через 1 день"),
        (3, "истекает через 3 дня"),
        (5, "истекает через 5 дней"),
        (21, "истекает через 21 день"),
        (-1, "истёк 1 день назад"),
        (-3, "истёк 3 дня назад"),
        (-11, "истёк 11 дней назад"),
        (-22, "истёк 22 дня назад"),
    ],
)
def test_expiry_in_russian_words_with_plurals(days, words):
    from accounts_registry.expiry import expiry_words

    zone = timezone.get_current_timezone()
    now = datetime.datetime(2026, 12, 7, 13, 0, tzinfo=zone)
    expires = now.replace(hour=12) + datetime.timedelta(days=days)
    with translation.override("ru"):
        assert expiry_words(expires, now) == words


def test_expired_earlier_today_says_when():
    from accounts_registry.expiry import expiry_words

    zone = timezone.get_current_timezone()
    now = datetime.datetime(2026, 12, 7, 13, 0, tzinfo=zone)
    with translation.override("ru"):
        assert expiry_words(now.replace(hour=9, minute=5), now) == (
            "истёк сегодня в 09:05"
        )


def test_rows_put_blocked_networks_apart_and_problems_first(register):
    with acting_as("token refresh"):
        renewing = register["renewing"]
        renewing.set_credential({**renewing.get_credential(), "access_token": "x" * 12})
        renewing.save()
    rows, blocked = token_rows()
    assert [row.account for row in blocked] == [register["blocked"]]
    assert blocked[0].label == "сеть заблокирована: не проверяется"
    assert register["blocked"] not in [row.account for row in rows]
    levels = [row.level for row in rows]
    assert levels == sorted(levels, key=["critical", "warning", "ok"].index)
    by_account = {row.account: row for row in rows}
    renewed = by_account[register["renewing"]]
    assert renewed.renews and renewed.renewal == "обновляется сам"
    assert renewed.last_renewed_at is not None
    assert by_account[register["valid"]].renewal == "бессрочно"
    assert by_account[register["expired"]].renewal == (
        "не обновляется сам: замените ключ или подключите заново"
    )
    assert by_account[register["expiring"]].renewal == (
        "не обновляется сам: подключите заново до истечения"
    )


def test_failures_of_delivery_and_polling(register, news_page):
    from moderation.models import FetchCursor
    from syndication.models import Delivery, DeliveryAttempt

    account = register["valid"]
    delivery = Delivery.objects.create(page=news_page, account=account)
    now = timezone.now()
    for number, (hours_ago, outcome) in enumerate(
        [(30, "permanent"), (5, "ok"), (3, "transient"), (1, "auth")], start=1
    ):
        DeliveryAttempt.objects.create(
            delivery=delivery,
            number=number,
            action="publish",
            started_at=now - datetime.timedelta(hours=hours_ago),
            outcome=outcome,
            error=f"ошибка {number}",
        )
    FetchCursor.objects.create(
        account=account, post_remote_id="1", last_error="HTTP 500"
    )
    FetchCursor.objects.create(account=account, post_remote_id="2")
    row = next(r for r in token_rows()[0] if r.account == account)
    assert (row.delivery_failures, row.delivery_error) == (2, "ошибка 4")
    assert (row.polling_failures, row.polling_error) == (1, "HTTP 500")
    assert row.needs_attention


def test_an_account_held_for_a_refused_key_shows_the_posts_it_holds(
    client, register, news_page, tech
):
    """The network refused the key and sending stopped: the technician's row says so
    and how many posts his new key will release, above the rest."""
    account = register["valid"]
    # Publishing the page already scheduled one post to every account in service.
    Delivery.objects.filter(page=news_page).delete()
    for _ in range(2):
        Delivery.objects.create(page=news_page, account=account)
    Delivery.objects.create(page=news_page, account=register["failing"])
    hold_account(account, "[vk] 5 User authorization failed")
    rows = token_rows()[0]
    assert rows[0].account == account
    assert rows[0].held_posts == 2 and rows[0].needs_attention
    assert next(r for r in rows if r.account == register["failing"]).held_since is None
    login(client, tech)
    page = client.get("/admin/").content.decode()
    assert "отправка приостановлена с" in page
    assert "2 публикации ждут нового ключа" in page


def test_panel_on_the_technicians_dashboard_only(client, register, tech, keeper):
    login(client, tech)
    page = client.get("/admin/").content.decode()
    assert "Ключи доступа аккаунтов" in page
    assert "требуют внимания" in page
    for word in ("отозван", "не задан", "истекает через 3 дня", "обновляется сам"):
        assert word in page, word
    assert "Заблокированные сети" in page and "сеть заблокирована" in page
    login(client, keeper)
    assert "Ключи доступа аккаунтов" not in client.get("/admin/").content.decode()


def test_check_now_from_the_dashboard_comes_back_to_it(client, register, tech):
    login(client, tech)
    response = client.post(
        f"/admin/registry/account/{register['missing'].pk}/check/",
        {"next": "dashboard"},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_account_page_says_how_long_ago_the_key_expired(client, keeper, account):
    from django.urls import reverse

    account.credential_expires_at = timezone.now() - datetime.timedelta(days=3)
    account.save()
    login(client, keeper)
    html = client.get(reverse("registry_account:inspect", args=[account.pk]))
    text = html.content.decode()
    assert "Действует до" in text and "(истёк 3 дня назад)" in text
