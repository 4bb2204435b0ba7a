"""Every network's webhook events, stored by their requests, are handled by a real
Celery worker running the beat's batch task (``moderation.tasks.
process_webhook_events``) on Redis and PostgreSQL: one inbox item per event, a
delivery sent twice is one item, the answers went out before any handling.

Skipped (by tests/integration/conftest.py) unless DATABASE_URL is PostgreSQL and
CELERY_BROKER_URL is Redis."""

from __future__ import annotations

import time

import pytest

from accounts_registry.restricted import decide
from moderation.models import InboxItem, WebhookEvent
from moderation.tasks import process_webhook_events
from tests.moderation.conftest import IG_USER, MAX_CHAT, PAGE, make_account

# Aliased so that pytest does not collect the security cases here a second time.
from tests.moderation.test_webhooks_max import TestMaxWebhookSecurity as MaxCase
from tests.moderation.test_webhooks_meta import (
    TestFacebookWebhookSecurity as FacebookCase,
)
from tests.moderation.test_webhooks_meta import (
    TestInstagramWebhookSecurity as InstagramCase,
)
from tests.moderation.test_webhooks_ok import TestOkWebhookSecurity as OkCase
from tests.moderation.test_webhooks_telegram import (
    TestTelegramWebhookSecurity as TelegramCase,
)
from tests.moderation.test_webhooks_vk import TestVkWebhookSecurity as VkCase

pytestmark = pytest.mark.integration

NETWORKS = {
    "vk": (VkCase, "-123456", "vk-soc"),
    "telegram": (TelegramCase, "@soc_kuzbass", "tg-soc"),
    "ok": (OkCase, "700000000001", "ok-soc"),
    "max": (MaxCase, str(MAX_CHAT), "max-soc"),
    "facebook": (FacebookCase, PAGE, "fb-soc"),
    "instagram": (InstagramCase, IG_USER, "ig-soc"),
}


def test_a_worker_turns_every_networks_stored_events_into_inbox_items(
    client, start_worker, settings
):
    settings.MODERATION_WEBHOOKS_DEFERRED = True
    for network in ("facebook", "instagram"):
        decide(network, True, reason="Тест вебхуков Meta", actor="pytest")
    for number, (code, (case_class, external_id, slug)) in enumerate(
        NETWORKS.items(), start=1
    ):
        case = case_class()
        account = make_account(code, external_id, slug)
        body = case.event(account, number, f"Вопрос номер {number} про пособие")
        for _ in range(2):  # the network sends the delivery twice
            assert case.send(client, account, body).status_code == 200, code
    assert WebhookEvent.objects.filter(processed_at__isnull=True).count() == 6
    assert not InboxItem.objects.exists()  # nothing handled in the requests

    worker = start_worker()
    process_webhook_events.apply_async(queue=start_worker.queue)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if not WebhookEvent.objects.filter(processed_at__isnull=True).exists():
            break
        time.sleep(0.3)
    else:
        raise AssertionError(f"the worker did not handle the events:\n{worker.log()}")
    items = InboxItem.objects.order_by("network")
    assert sorted(items.values_list("network", flat=True)) == sorted(NETWORKS)
    assert all(item.label for item in items)
    assert not WebhookEvent.objects.filter(failed=True).exists()
