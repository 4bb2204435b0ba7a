"""The keeper's day on the register's ModelViewSet screens (issue 16.5), in a real
browser: the list narrowed with its filters, an account opened from it with the 10-day
deadline in words, the letter generated from the account's page with its events ticked,
and the edit form sent half-filled answering in Russian. Set VESTNIK_SCREENSHOTS=DIR to
keep the screenshots."""

import datetime

import pytest

from accounts_registry.models import Account
from accounts_registry.obligations import local_today

from .conftest import make_user
from .test_registry_journeys_browser import log_in, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def account(network, name, external_id, days_ago, **extra):
    return Account.objects.create(
        network=network,
        name=name,
        external_id=external_id,
        url=f"https://example.org/{external_id}",
        status="active",
        created_on=local_today() - datetime.timedelta(days=days_ago),
        responsible="Иванова А. П.",
        **extra,
    )


def test_keepers_day_on_the_new_screens(
    page_in_browser, live_server, django_user_model
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    fresh = account("vk", "Минсоцзащиты Кузбасса ВКонтакте", "219876", days_ago=8)
    late = account("telegram", "Канал министерства", "@minsoc42", days_ago=12)
    Account.objects.create(network="ok", name="Будущая группа", external_id="5")
    keeper = make_user(
        django_user_model, "keeper", "Хранитель реестра", first_name="Игорь"
    )
    device = TOTPDevice.objects.create(user=keeper, name="phone", confirmed=True)
    page, base = page_in_browser, live_server.url
    log_in(page, base, keeper, device)

    # The menu leads to the list.
    page.get_by_role("button", name="Реестр аккаунтов").click()
    page.get_by_role("link", name="Аккаунты").click()
    page.wait_for_url(f"{base}/admin/accounts_registry/account/")
    listing = page.locator("main table.listing")
    for name in (fresh.name, late.name, "Будущая группа"):
        assert name in listing.inner_text()
    assert "3 аккаунта" in page.inner_text(".pagination")
    # The register's list style (admin.css): wide lists scroll, words never break.
    style = (
        "s => [getComputedStyle(s).overflowX, getComputedStyle(s.querySelector('td'))"
    )
    style += ".wordBreak]"
    assert page.eval_on_selector("#listing-results", style) == ["auto", "normal"]
    shot(page, "keeper-views-1-list")

    # Filters: VK only, then what is overdue.
    page.get_by_role("button", name="Показать фильтры").click()
    page.get_by_role("button", name="Соцсеть").click()
    page.get_by_role("radio", name="ВКонтакте").check()
    page.wait_for_function(
        "() => !document.querySelector('main table.listing').innerText"
        ".includes('Канал министерства')"
    )
    assert fresh.name in listing.inner_text()
    assert "1 аккаунт" in page.inner_text(".pagination")
    shot(page, "keeper-views-2-filtered-vk")
    page.goto(f"{base}/admin/accounts_registry/account/?overdue=yes")
    assert late.name in listing.inner_text()
    assert fresh.name not in listing.inner_text()
    assert "просрочено" in listing.inner_text()

    # Each row's menu: the account's form, its page, its credential, its history.
    page.goto(f"{base}/admin/accounts_registry/account/")
    page.get_by_role("button", name=f"Дополнительные опции для '{fresh}'").click()
    menu = page.locator("[data-w-dropdown-target='content']:visible")
    assert menu.inner_text().split() == [
        "Правка",
        "Просмотр",
        "Учётные",
        "данные",
        "История",
    ], menu.inner_text()
    shot(page, "keeper-views-2b-row-menu")
    page.keyboard.press("Escape")

    # The account opens from its name: its page says how much of the 10 days is left.
    page.get_by_role("link", name=fresh.name).click()
    page.wait_for_url(f"{base}/admin/accounts_registry/account/inspect/{fresh.pk}/")
    deadline = page.locator(".registry-deadline").inner_text()
    due = fresh.report_obligations.get().due_on
    assert due.strftime("%d.%m.%Y") in deadline
    assert "осталось 2 дня" in deadline
    shot(page, "keeper-views-3-account")
    page.locator(".registry-reports").scroll_into_view_if_needed()
    shot(page, "keeper-views-3b-account-reports")

    # The letter from the account's page: its event is ticked, nothing else.
    page.get_by_role("button", name="Действия").click()
    shot(page, "keeper-views-3c-account-actions")
    page.get_by_role("link", name="Сформировать уведомление").click()
    page.wait_for_url(f"{base}/admin/registry/notifications/new/?account={fresh.pk}")
    assert page.get_by_label(fresh.name, exact=False).is_checked()
    assert not page.get_by_label(late.name, exact=False).is_checked()
    shot(page, "keeper-views-4-letter-choice")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"{base}/admin/registry/notifications/*/")
    sheet = page.locator(".registry-sheet").inner_text()
    assert "219876" in page.content() and late.name not in sheet
    shot(page, "keeper-views-5-letter")

    # The reports list: both events, counted in Russian, the sent one with its number.
    page.get_by_role("button", name="Реестр аккаунтов").click()
    page.get_by_role("link", name="Уведомления (10 дней)").click()
    page.wait_for_url(f"{base}/admin/accounts_registry/reportobligation/")
    assert "2 уведомления" in page.inner_text(".pagination")
    shot(page, "keeper-views-5b-reports-list")
    # «История» in the row's menu: the register's own history on the account's page.
    page.goto(f"{base}/admin/accounts_registry/account/")
    page.get_by_role("button", name=f"Дополнительные опции для '{fresh}'").click()
    page.get_by_role("link", name="История").click()
    page.wait_for_url(f"**/account/inspect/{fresh.pk}/#history")
    assert (
        "Минсоцзащиты Кузбасса ВКонтакте"
        in page.locator("#history ~ table").inner_text()
    )
    # Known gap: the admin does not scroll to the #history anchor on its own yet.
    page.locator("#history").scroll_into_view_if_needed()
    shot(page, "keeper-views-5c-history")

    # Half-filled: the name wiped, an address typed with a space. Russian errors, the
    # rest kept.
    page.goto(f"{base}/admin/accounts_registry/account/edit/{fresh.pk}/")
    page.fill("#id_name", "")
    page.fill("#id_url", "https://vk.com/ minsoc")
    page.fill("#id_responsible", "Петров П. П.")
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_selector(".error-message")
    errors = page.locator(".error-message").all_inner_texts()
    assert sorted(errors) == [
        "Введите правильный URL.",
        "Требуется заполнить это поле.",
    ]
    assert "Аккаунт не сохранён: исправьте ошибки." in page.inner_text(".messages")
    assert page.input_value("#id_responsible") == "Петров П. П."
    shot(page, "keeper-views-6-half-filled-edit")
    fresh.refresh_from_db()
    assert fresh.responsible == "Иванова А. П."
