"""OK webhook: the shared security case (secret in the URL) and the handshake."""

from __future__ import annotations

from moderation.models import InboxItem
from tests.moderation.webhook_cases import SECRET, WebhookSecurityCase


def message_event(event_id: int, text: str) -> dict:
    return {
        "webhookType": "MESSAGE_CREATED",
        "sender": {"user_id": "user:123456789012", "name": "Мария"},
        "recipient": {"chat_id": "chat:C3ecb9d02a600"},
        "message": {
            "text": text,
            "seq": 98211023614189660,
            "mid": f"mid:C3e.{event_id}",
        },
        "timestamp": 1498581292941,
    }


class TestOkWebhookSecurity(WebhookSecurityCase):
    account_fixture = "ok_account"
    missing_secret_status = 404  # the secret is part of the URL

    def url(self, account, secret):
        return f"/hooks/ok/{account.slug}/{secret or ''}/"

    def event(self, account, event_id, text):
        return message_event(event_id, text)


def test_confirmation_handshake(client, ok_account):
    response = client.post(
        f"/hooks/ok/ok-soc/{SECRET}/",
        data={"webhookType": "CONFIRMATION"},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.content == b"e7e13fe2"


def test_message_is_stored_with_author(client, ok_account):
    client.post(
        f"/hooks/ok/ok-soc/{SECRET}/",
        data=message_event(1, "Добрый день"),
        content_type="application/json",
    )
    item = InboxItem.objects.get()
    assert item.author_id == "123456789012" and item.kind == "message"
    assert item.author_url == "https://ok.ru/profile/123456789012"
