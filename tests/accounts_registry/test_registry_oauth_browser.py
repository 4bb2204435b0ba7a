"""The technician connects a VK community through the sandbox's OAuth in a real browser:
the credential page's «Подключить через OAuth» → the sandbox's consent page (the access
asked, the community to choose) → «Разрешить» → back on the account → «Проверить сейчас»
on the dashboard says the token works (it said «revoked» before the sandbox kept its
tokens). Set VESTNIK_SCREENSHOTS=DIR to keep the screenshots."""

import pytest

from accounts_registry.models import Account
from sandbox.demo import create_account
from tests.sandbox.fixtures import sandbox  # noqa: F401

from .conftest import make_user
from .test_registry_journeys_browser import log_in, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_technician_connects_vk_through_the_sandbox(
    page_in_browser,
    sandbox,  # noqa: F811
    django_user_model,
    settings,
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.REGISTRY_OAUTH_SANDBOX_URL = sandbox.url + "/sandbox/oauth"
    create_account("vk", "650001", "Администрация Кемерова")
    account = create_account("vk", "650002", "Минсоцзащиты Кузбасса")
    Account.objects.filter(pk=account.pk).update(status="active")
    old = account.get_credential()["access_token"]
    tech = make_user(
        django_user_model, "tech", "Технический специалист", first_name="Пётр"
    )
    device = TOTPDevice.objects.create(user=tech, name="phone", confirmed=True)
    page, base = page_in_browser, sandbox.url
    log_in(page, base, tech, device)

    page.goto(f"{base}/admin/registry/account/{account.pk}/credential/")
    page.get_by_role("link", name="Подключить через OAuth").click()
    page.wait_for_url(f"{base}/sandbox/oauth/vk/authorize?**")
    text = page.inner_text("main")
    assert "Приложение «Вестник» запрашивает доступ:" in text
    assert "публиковать и удалять записи на стене сообщества" in text
    assert "Администрация Кемерова (650001)" in text
    page.get_by_label("Минсоцзащиты Кузбасса (650002)").check()
    shot(page, "oauth-1-consent")
    page.get_by_role("button", name="Разрешить").click()
    page.wait_for_url(f"{base}/admin/accounts_registry/account/inspect/{account.pk}/")
    assert "Токен проверен запросом к соцсети (ВКонтакте)" in page.inner_text("body")
    account.refresh_from_db()
    assert account.get_credential()["access_token"] not in ("", old)

    page.goto(f"{base}/admin/")
    row = page.locator(f"tr[data-account='{account.pk}']")
    with page.expect_navigation():
        row.get_by_role("button", name="Проверить сейчас").click()
    row = page.locator(f"tr[data-account='{account.pk}']")
    assert row.get_attribute("data-state") == "valid", row.inner_text()
    assert "сам" in row.inner_text()  # renews by itself: it has a refresh token
    # Nor is its one-hour life listed among the token problems.
    assert "Проблемы с токенами" not in page.inner_text("body")
    shot(page, "oauth-2-dashboard-valid")
