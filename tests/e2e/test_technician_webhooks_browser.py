"""The technician's webhooks in a real browser (journeys.md, «Денис»), on the demo's
groups, users and sandbox accounts.

Денис logs in (password and TOTP), finds on his dashboard a MAX comment the batch
could not handle, opens «Настройки → Вебхуки модерации», reads the address to give
MAX on the account's settings, replaces the secret (the old one is refused from then
on, the new one accepted), and puts the comment back in the queue with «Повторить»;
it reaches the inbox once. Every screen is in Russian. Each step writes a screenshot
to .artifacts/technician-webhooks/ (not committed) for a person to look at."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.demo.setup import DEMO_PASSWORD, ensure_groups, ensure_users
from moderation import ingest
from moderation.models import InboxItem, WebhookEndpoint, WebhookEvent
from moderation.webhooks import batch
from sandbox.demo import ensure_demo_accounts
from tests.e2e.test_technician_day import code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / ".artifacts" / "technician-webhooks"
NEW_SECRET = "max-secret-2026-12-07-rotated"
# Wagtail's or our own English that must not reach a Russian screen.
ENGLISH = re.compile(
    r"\b(?:Webhook|Secret|Enabled|Account|Save|Edit|Delete|Retry|settings|Error)\b"
)


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def russian(page) -> str:
    text = page.inner_text("main")
    assert not ENGLISH.search(text), ENGLISH.search(text)
    return text


def max_update(mid: str, text: str) -> str:
    return json.dumps(
        {
            "update_type": "comment_created",
            "timestamp": 1764300000001,
            "message": {
                "sender": {"user_id": 501, "name": "Иван П", "is_bot": False},
                "recipient": {
                    "chat_id": -70000000000001,
                    "chat_type": "channel",
                    "post_id": "mid.post1",
                },
                "timestamp": 1764300000000,
                "body": {"mid": mid, "seq": 1, "text": text},
            },
        }  # fmt: skip
    )


@pytest.fixture
def demo(site_tree, live_server, settings):
    settings.MODERATION_WEBHOOKS_DEFERRED = True
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.SYNDICATION_NOTIFY_EMAILS = []
    _, news = site_tree
    ensure_users(ensure_groups(news))  # the demo's groups and users, «tech» among them
    denis = get_user_model().objects.get(username="tech")
    device = TOTPDevice.objects.create(user=denis, name="телефон", confirmed=True)
    accounts = {account.network: account for account in ensure_demo_accounts()}
    return denis, device, accounts


def test_the_technician_looks_after_the_webhooks(
    page_in_browser, live_server, demo, monkeypatch
):
    denis, device, accounts = demo
    bot = accounts["max"]
    endpoint = WebhookEndpoint.objects.get(account=bot)
    old_secret = endpoint.secret
    hook = Client()  # MAX, from outside

    def push(mid, text, secret):
        return hook.post(
            f"/hooks/max/{bot.slug}/", data=max_update(mid, text),
            content_type="application/json",
            headers={"X-Max-Bot-Api-Secret": secret},
        )  # fmt: skip

    # A comment the batch cannot handle while the classifier is down.
    classify = ingest.classify_text
    monkeypatch.setattr(
        "moderation.ingest.classify_text",
        lambda text: (_ for _ in ()).throw(RuntimeError("classifier down")),
    )
    assert push("mid.c1", "Когда починят лифт?", old_secret).status_code == 200
    for _ in range(batch.MAX_ATTEMPTS):
        batch.process_all()
    assert WebhookEvent.objects.get().failed
    monkeypatch.setattr("moderation.ingest.classify_text", classify)

    page, base = page_in_browser, live_server.url
    page.set_viewport_size({"width": 1280, "height": 1100})
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "tech")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/registry/2fa/verify/**")
    page.fill("#id_token", code(device))
    page.press("#id_token", "Enter")
    page.wait_for_url(f"{base}/admin/")

    # 1. The dashboard: the comment set aside, where it came from and why.
    panel = page.locator("[data-moderation-set-aside]")
    panel.scroll_into_view_if_needed()
    assert "1 входящий комментарий не удалось обработать" in page.inner_text("main")
    text = panel.inner_text()
    assert f"MAX, {bot.name}" in text and "RuntimeError: classifier down" in text
    shot(page, "1-dashboard-set-aside")

    # 2. «Настройки → Вебхуки модерации»: the demo's three pushing accounts.
    page.get_by_role("button", name="Настройки").click()
    page.get_by_role("link", name="Вебхуки модерации").click()
    page.wait_for_url(f"{base}/admin/moderation_webhooks/")
    text = russian(page)
    assert "Вебхуки модерации" in text and "3 вебхука" in text
    assert "Секрет оканчивается на" in text and "вкл." in text
    for network in ("vk", "telegram", "max"):
        assert str(accounts[network]) in text
    assert old_secret not in page.content()
    shot(page, "2-webhook-list")

    # 3. MAX's settings: the address to give MAX, a new secret.
    page.get_by_role("link", name=str(bot)).click()
    page.wait_for_url(f"{base}/admin/moderation_webhooks/edit/{endpoint.pk}/")
    text = russian(page)
    assert f"Адрес для настроек соцсети: {base}/hooks/max/{bot.slug}/" in text
    assert f"Сохранён, оканчивается на «{old_secret[-4:]}»" in text
    assert "У Telegram и MAX его нет: оставьте поле пустым." in text
    shot(page, "3-max-settings")
    page.fill("#id_new_secret", NEW_SECRET)
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(f"{base}/admin/moderation_webhooks/")
    text = page.inner_text("body")
    assert f"Настройки вебхука «{bot}» сохранены." in text
    assert NEW_SECRET[-4:] in text and NEW_SECRET not in page.content()
    shot(page, "4-secret-replaced")

    # MAX now signs with the new secret; the old one is refused, nothing stored.
    assert push("mid.c2", "Спасибо!", old_secret).status_code == 400
    assert push("mid.c2", "Спасибо!", NEW_SECRET).status_code == 200
    assert WebhookEvent.objects.count() == 2

    # 4. «Повторить»: the comment goes back in the queue and reaches the inbox once.
    page.goto(f"{base}/admin/")
    page.locator("[data-moderation-set-aside]").get_by_role(
        "button", name="Повторить"
    ).click()
    page.wait_for_url(f"{base}/admin/")
    text = page.inner_text("body")
    assert f"Комментарий из аккаунта «{bot.name}» снова в очереди" in text
    assert "data-moderation-set-aside" not in page.content()
    shot(page, "5-retried")
    batch.process_all()
    assert sorted(InboxItem.objects.values_list("remote_id", flat=True)) == [
        "mid.c1",
        "mid.c2",
    ]
