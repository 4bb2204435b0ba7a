"""The technician's day in a real browser (docs journeys «Денис»).

Денис opens his dashboard: every account's key (a bot token the network refused, a key
that expires in two days, an account without a key), the failed sending of the last 24
hours and the blocked networks apart. He enters a MAX bot token through the named form
with a wrong date and a date already past, connects a VK community through the sandbox's
OAuth, then follows a post held for the refused Telegram token from its delivery page
(«Заменить ключ»), types the new token, and the held post goes out on the scheduler's
next pass. Each step writes a screenshot to .artifacts/technician-day/ (not committed)
for a person to look at."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts_registry.models import Account
from cms import roles
from cms.demo.setup import ensure_groups
from cms.models import NewsPage
from sandbox.models import SandboxAccount
from syndication.delivery import dispatch, scheduling
from syndication.models import Delivery
from syndication.tasks import send_delivery
from tests.sandbox.fixtures import relaxed_account, sandbox  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
TITLE = "Единое пособие для семей Кузбасса выросло с 1 декабря на 8 %"
SHOTS = Path(__file__).resolve().parents[2] / ".artifacts" / "technician-day"


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def code(device) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def piece(site_tree):
    _, news = site_tree
    page = news.add_child(
        instance=NewsPage(
            title=TITLE,
            slug="posobie",
            lead="Пересчёт сделаем сами, заявление писать не нужно.",
            body=[("text", "<p>Новую сумму начислят с декабря.</p>")],
        )
    )
    page.save_revision().publish()  # no account yet: nothing is scheduled
    return page


@pytest.fixture
def denis(site_tree, django_user_model):
    _, news = site_tree
    groups = ensure_groups(news)  # the demo's groups, as the admin has them
    user = django_user_model.objects.create_user(
        "denis", password=PASSWORD, first_name="Денис", last_name="Техников"
    )
    user.groups.add(groups[roles.TECHNICAL_OFFICER])
    device = TOTPDevice.objects.create(user=user, name="телефон", confirmed=True)
    return user, device


def test_technicians_day(page_in_browser, sandbox, settings, piece, denis):  # noqa: F811
    settings.REGISTRY_OAUTH_SANDBOX_URL = sandbox.url + "/sandbox/oauth"
    telegram = relaxed_account("telegram", "@vestnik_tech", "Вестник ТГ")
    vk = relaxed_account("vk", "650002", "Минсоцзащиты Кузбасса", token_type="user")
    soon = relaxed_account("ok", "620102", "Вестник ОК")
    soon.set_credential(
        soon.get_credential(), expires_at=timezone.now() + datetime.timedelta(days=2)
    )
    soon.save()
    bot = Account.objects.create(
        network="max", name="Минсоцзащиты — MAX", external_id="minsoc42"
    )
    blocked = Account.objects.create(
        network="facebook", name="Минсоцзащиты — Facebook", external_id="1001"
    )
    # BotFather issued a new token: the one Vestnik keeps is refused from now on.
    new_token = "7000001:NEW-TOKEN-FROM-BOTFATHER-0042"
    SandboxAccount.objects.filter(network="telegram").update(token=new_token)
    held = scheduling.schedule_page(piece, accounts=[telegram])[0]
    send_delivery(held.pk)
    held.refresh_from_db()
    assert held.status == Delivery.Status.SCHEDULED  # held, not lost

    user, device = denis
    page, base = page_in_browser, sandbox.url
    # Wagtail scrolls inside its own frame: a tall window keeps whole screens in a shot.
    page.set_viewport_size({"width": 1280, "height": 1400})
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/registry/2fa/verify/**")
    page.fill("#id_token", code(device))
    page.press("#id_token", "Enter")
    page.wait_for_url(f"{base}/admin/")

    # 1. The dashboard: every key, what expires soon, failures, blocked networks.
    panel = page.locator("#registry-tokens-heading").locator("..")

    def row(account):
        return panel.locator(f"tr[data-account='{account.pk}']")

    assert row(bot).get_attribute("data-state") == "missing"
    assert "не задан" in row(bot).inner_text()
    assert row(soon).get_attribute("data-state") == "expiring"
    assert "истекает через 2 дня" in row(soon).inner_text()
    assert "1 неудачная попытка отправки" in row(telegram).inner_text()
    assert "отправка приостановлена с" in row(telegram).inner_text()
    assert "1 публикация ждёт нового ключа" in row(telegram).inner_text()
    assert row(blocked).count() == 0  # listed apart while its network is blocked
    assert blocked.name in panel.inner_text()
    assert "Заблокированные сети" in panel.inner_text()
    shot(page, "1-dashboard")

    # 2. A credential through the named form, with wrong input first.
    row(bot).get_by_role("link", name="Задать учётные данные").click()
    page.wait_for_url(f"{base}/admin/registry/account/{bot.pk}/credential/")
    assert page.get_by_label("Токен бота").count() == 1
    page.fill("#id_bot_token", "max-bot-token-0001")
    page.fill("#id_expires_at", "31.02.2026 25:00")
    page.get_by_role("button", name="Сохранить учётные данные").click()
    page.wait_for_selector(".error-message")
    text = page.inner_text("main")
    assert "Введите правильную дату и время." in text
    assert "Не сохранено: введите ещё раз" in text  # the token came back empty
    assert "max-bot-token-0001" not in page.content()
    shot(page, "2-credential-wrong-date")
    past = timezone.localtime() - datetime.timedelta(days=6)
    page.fill("#id_bot_token", "max-bot-token-0001")
    page.fill("#id_expires_at", past.strftime("%d.%m.%Y %H:%M"))
    page.get_by_role("button", name="Сохранить учётные данные").click()
    page.wait_for_selector(".error-message")
    assert "Это время уже прошло" in page.inner_text("main")
    shot(page, "3-credential-past-date")
    bot.refresh_from_db()
    assert not bot.has_credential

    # OAuth: the network's own consent page, then back on the account.
    page.goto(f"{base}/admin/registry/account/{vk.pk}/credential/")
    page.get_by_role("link", name="Подключить через OAuth").click()
    page.wait_for_url(f"{base}/sandbox/oauth/vk/authorize?**")
    page.get_by_label("Минсоцзащиты Кузбасса (650002)").check()
    shot(page, "4-oauth-consent")
    page.get_by_role("button", name="Разрешить").click()
    page.wait_for_url(f"{base}/admin/accounts_registry/account/inspect/{vk.pk}/")
    assert "Токен проверен запросом к соцсети (ВКонтакте)" in page.inner_text("body")
    assert ": В порядке: В порядке" not in page.inner_text("body")
    shot(page, "5-oauth-connected")

    # 3. The held post: its page says why and leads to the key.
    page.goto(f"{base}/admin/syndication/log/{held.pk}/")
    text = page.inner_text("main")
    # the heading keeps «8 %» on one line with a no-break space
    assert f"«{TITLE}»".replace(" %", "\u00a0%") in text
    assert "Отправка в этот аккаунт приостановлена с" in text
    assert "Следующая попытка" not in text  # it waits for a key, not a time
    shot(page, "6-held-post")
    page.get_by_role("link", name="Заменить ключ").click()
    page.wait_for_url(f"{base}/admin/registry/account/{telegram.pk}/credential/")
    page.fill("#id_bot_token", new_token)
    page.get_by_role("button", name="Сохранить учётные данные").click()
    page.wait_for_url(f"{base}/admin/accounts_registry/account/inspect/{telegram.pk}/")
    assert "Учётные данные сохранены и зашифрованы." in page.inner_text("body")
    shot(page, "7-token-replaced")

    # The scheduler's next pass releases the account; the held post goes out.
    dispatch.tick(lambda pk: send_delivery(pk))
    held.refresh_from_db()
    assert held.status == Delivery.Status.SENT, held.last_error
    page.goto(f"{base}/admin/syndication/log/{held.pk}/")
    text = page.inner_text("main")
    assert "Отправлено" in text and "приостановлена" not in text
    assert page.get_by_role("button", name="Повторить").count() == 0
    shot(page, "8-held-post-sent")
