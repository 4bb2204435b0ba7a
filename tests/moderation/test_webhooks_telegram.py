"""Telegram webhook: the shared security case plus discussion-group threading."""

from __future__ import annotations

from moderation.models import InboxItem
from tests.moderation.webhook_cases import SECRET, WebhookSecurityCase

GROUP = {"id": -1001234, "type": "supergroup", "title": "Обсуждение"}
CHANNEL = {"id": -1009999, "type": "channel", "title": "Минсоц", "username": "soc"}


def forward(message_id: int, post_id: int) -> dict:
    return {
        "message_id": message_id,
        "chat": GROUP,
        "date": 1,
        "is_automatic_forward": True,
        "sender_chat": CHANNEL,
        "forward_origin": {"type": "channel", "chat": CHANNEL, "message_id": post_id},
        "text": "Пост канала",
    }


def comment(message_id: int, text: str, reply_to: dict) -> dict:
    return {
        "message_id": message_id,
        "chat": GROUP,
        "date": 1764300000,
        "from": {"id": 77, "first_name": "Иван", "last_name": "П", "username": "ivp"},
        "text": text,
        "reply_to_message": reply_to,
        "message_thread_id": reply_to["message_id"],
    }


class TestTelegramWebhookSecurity(WebhookSecurityCase):
    account_fixture = "tg_account"

    def url(self, account, secret):
        return f"/hooks/telegram/{account.slug}/"

    def headers(self, secret):
        return {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}

    def event(self, account, event_id, text):
        return {
            "update_id": event_id,
            "message": comment(500 + event_id, text, forward(10, 3)),
        }


def post(client, body, secret=SECRET):
    return client.post(
        "/hooks/telegram/tg-soc/",
        data=body,
        content_type="application/json",
        headers={"X-Telegram-Bot-Api-Secret-Token": secret},
    )


def test_comment_is_tied_to_the_channel_post(client, tg_account):
    post(client, {"update_id": 1, "message": forward(10, 3)})
    assert not InboxItem.objects.exists()  # the forward is the post, not a comment
    post(client, {"update_id": 2, "message": comment(11, "Вопрос", forward(10, 3))})
    item = InboxItem.objects.get()
    assert (item.kind, item.post_remote_id, item.remote_id) == ("comment", "3", "11")
    assert item.author_name == "Иван П" and item.author_url == "https://t.me/ivp"


def test_reply_to_a_comment_inherits_the_post(client, tg_account):
    first = comment(11, "Вопрос", forward(10, 3))
    post(client, {"update_id": 1, "message": first})
    reply = comment(
        12, "Ответ", {k: v for k, v in first.items() if k != "reply_to_message"}
    )
    post(client, {"update_id": 2, "message": reply})
    item = InboxItem.objects.get(remote_id="12")
    assert (item.kind, item.parent_remote_id, item.post_remote_id) == (
        "reply",
        "11",
        "3",
    )


def test_edited_comment_is_reclassified(client, tg_account):
    post(client, {"update_id": 1, "message": comment(11, "Вопрос", forward(10, 3))})
    edited = comment(11, "Переходи по ссылке bit.ly/xyz заработок", forward(10, 3))
    post(client, {"update_id": 2, "edited_message": edited})
    item = InboxItem.objects.get()
    assert item.edited and "bit.ly" in item.text


def test_private_message_to_the_bot(client, tg_account):
    message = {
        "message_id": 5,
        "chat": {"id": 77, "type": "private"},
        "from": {"id": 77, "first_name": "Иван"},
        "date": 1,
        "text": "Здравствуйте",
    }
    post(client, {"update_id": 1, "message": message})
    item = InboxItem.objects.get()
    assert (item.kind, item.remote_id) == ("message", "pm:77:5")
