"""MAX webhook: the shared security case plus the mapping of updates to the inbox."""

from __future__ import annotations

from moderation.models import InboxItem, WebhookEvent
from tests.moderation.conftest import MAX_CHAT as CHAT
from tests.moderation.webhook_cases import SECRET, WebhookSecurityCase

POST_MID = "mid.0000000100000000000000000000000a"


def comment(mid: str, text: str, *, user_id=501, reply_to="", kind="comment") -> dict:
    message = {
        "sender": {"user_id": user_id, "first_name": "Иван", "last_name": "П",
                   "name": "Иван П", "username": "ivan_p", "is_bot": False},
        "recipient": {"chat_id": CHAT, "chat_type": "channel", "post_id": POST_MID},
        "timestamp": 1764300000000,
        "body": {"mid": mid, "seq": 1, "text": text},
    }  # fmt: skip
    if reply_to:
        message["link"] = {"type": "reply", "mid": reply_to}
    return {"update_type": f"{kind}_created", "timestamp": 1764300000001,
            "message": message}  # fmt: skip


class TestMaxWebhookSecurity(WebhookSecurityCase):
    account_fixture = "max_account"

    def url(self, account, secret):
        return f"/hooks/max/{account.slug}/"

    def headers(self, secret):
        return {"X-Max-Bot-Api-Secret": secret} if secret else {}

    def event(self, account, event_id, text):
        return comment(f"mid.c{event_id:031x}", text)


def push(client, body, secret=SECRET):
    return client.post(
        "/hooks/max/max-soc/",
        data=body,
        content_type="application/json",
        headers={"X-Max-Bot-Api-Secret": secret},
    )


def test_comment_is_tied_to_its_post(client, max_account):
    assert push(client, comment("mid.c1", "Когда выплаты?")).status_code == 200
    item = InboxItem.objects.get()
    assert (item.kind, item.remote_id, item.post_remote_id) == (
        "comment",
        "mid.c1",
        POST_MID,
    )
    assert (item.author_id, item.author_name) == ("501", "Иван П")
    assert item.author_url == "https://max.ru/ivan_p"
    assert item.created_at.year == 2025


def test_reply_names_its_parent(client, max_account):
    push(client, comment("mid.c1", "Вопрос"))
    push(client, comment("mid.c2", "Ответ", reply_to="mid.c1"))
    item = InboxItem.objects.get(remote_id="mid.c2")
    assert (item.kind, item.parent_remote_id, item.post_remote_id) == (
        "reply",
        "mid.c1",
        POST_MID,
    )


def test_edit_updates_the_text_and_a_second_edit_is_not_a_replay(client, max_account):
    push(client, comment("mid.c1", "Было"))
    for n, text in enumerate(["Стало", "Стало ещё"]):
        edited = comment("mid.c1", text)
        edited.update(update_type="comment_edited", timestamp=1764300009000 + n)
        assert push(client, edited).status_code == 200
    item = InboxItem.objects.get()
    assert item.text == "Стало ещё" and item.edited


def test_removed_comment_is_marked(client, max_account):
    push(client, comment("mid.c1", "Вопрос"))
    removed = {"update_type": "comment_removed", "timestamp": 1, "message_id": "mid.c1",
               "chat_id": CHAT, "user_id": 501, "post_id": POST_MID}  # fmt: skip
    assert push(client, removed).status_code == 200
    assert InboxItem.objects.get().removed_in_network


def test_channel_posts_and_bot_messages_are_not_inbox_items(client, max_account):
    post = comment("mid.p1", "Пост канала", kind="message")
    post["message"]["sender"] = None
    post["message"]["recipient"] = {"chat_id": CHAT, "chat_type": "channel"}
    bot = comment("mid.c9", "Ответ бота")
    bot["message"]["sender"]["is_bot"] = True
    assert push(client, post).status_code == 200
    assert push(client, bot).status_code == 200
    assert not InboxItem.objects.exists()


def test_dialog_message_is_a_message(client, max_account):
    update = comment("mid.d1", "Здравствуйте, вопрос", kind="message")
    update["message"]["recipient"] = {"chat_id": 123, "chat_type": "dialog",
                                      "user_id": 900}  # fmt: skip
    push(client, update)
    item = InboxItem.objects.get()
    assert (item.kind, item.post_remote_id) == ("message", "")


def test_message_created_without_message_is_acknowledged(client, max_account):
    # Users' voice messages arrive with no ``message`` field (docs/networks.md §9.6).
    body = {"update_type": "message_created", "timestamp": 1, "user_locale": "ru"}
    assert push(client, body).status_code == 200
    assert not InboxItem.objects.exists() and not WebhookEvent.objects.exists()


def test_unknown_update_types_are_acknowledged(client, max_account):
    body = {"update_type": "bot_added", "timestamp": 1, "chat_id": CHAT}
    assert push(client, body).status_code == 200
    assert not InboxItem.objects.exists()
