"""VK Callback API webhook: the shared security case plus VK's own events."""

from __future__ import annotations

from moderation.models import Ban, InboxItem
from tests.moderation.webhook_cases import SECRET, WebhookSecurityCase


def vk_event(event_type: str, obj: dict, event_id: int, group_id: int = 123456):
    return {
        "type": event_type,
        "object": obj,
        "group_id": group_id,
        "event_id": f"evt{event_id}",
        "v": "5.199",
    }


def comment(comment_id: int, text: str, **extra) -> dict:
    return {
        "id": comment_id,
        "from_id": 555,
        "date": 1764300000,
        "text": text,
        "post_id": 42,
        "owner_id": -123456,
        **extra,
    }


class TestVkWebhookSecurity(WebhookSecurityCase):
    account_fixture = "vk_account"

    def url(self, account, secret):
        return f"/hooks/vk/{account.slug}/"

    def event(self, account, event_id, text):
        return vk_event("wall_reply_new", comment(100 + event_id, text), event_id)

    def with_secret(self, body, secret):
        return {**body, "secret": secret} if secret is not None else body


def post(client, body, secret=SECRET, slug="vk-soc"):
    if secret is not None:
        body = {**body, "secret": secret}
    return client.post(f"/hooks/vk/{slug}/", data=body, content_type="application/json")


def test_confirmation_returns_the_accounts_code(client, vk_account):
    response = post(client, {"type": "confirmation", "group_id": 123456}, secret=None)
    assert response.status_code == 200
    assert response.content == b"e7e13fe2"


def test_confirmation_for_another_group_is_refused(client, vk_account):
    response = post(client, {"type": "confirmation", "group_id": 999}, secret=None)
    assert response.status_code == 400


def test_unknown_event_is_answered_ok(client, vk_account):
    response = post(client, vk_event("group_join", {"user_id": 1}, 1))
    assert response.content == b"ok"
    assert not InboxItem.objects.exists()


def test_new_reply_edit_and_delete(client, vk_account):
    post(
        client, vk_event("wall_reply_new", comment(7, "Первый", reply_to_comment=5), 1)
    )
    item = InboxItem.objects.get()
    assert (item.kind, item.post_remote_id, item.parent_remote_id) == (
        "reply",
        "42",
        "5",
    )
    assert item.author_url == "https://vk.com/id555"
    assert item.raw["object"]["text"] == "Первый"

    post(client, vk_event("wall_reply_edit", comment(7, "Исправленный"), 2))
    item.refresh_from_db()
    assert item.text == "Исправленный" and item.edited

    obj = {"owner_id": -123456, "id": 7, "user_id": 555, "post_id": 42}
    post(client, vk_event("wall_reply_delete", obj, 3))
    item.refresh_from_db()
    assert item.removed_in_network


def test_edit_arriving_first_is_stored(client, vk_account):
    post(client, vk_event("wall_reply_edit", comment(9, "Только правка"), 1))
    item = InboxItem.objects.get()
    assert item.text == "Только правка" and item.edited


def test_private_message(client, vk_account):
    message = {"id": 31, "from_id": 555, "peer_id": 555, "date": 1, "text": "Привет"}
    post(client, vk_event("message_new", {"message": message, "client_info": {}}, 1))
    item = InboxItem.objects.get()
    assert (item.kind, item.remote_id) == ("message", "message:31")


def test_user_block_and_unblock_sync_the_blacklist(client, vk_account):
    block = {"admin_id": 1, "user_id": 555, "unblock_date": 0, "reason": 1}
    post(client, vk_event("user_block", block, 1))
    ban = Ban.objects.get()
    assert ban.active and ban.synced and ban.until is None and ban.reason == "spam"
    post(client, vk_event("user_unblock", {"admin_id": 1, "user_id": 555}, 2))
    ban.refresh_from_db()
    assert not ban.active and ban.lifted_at


def test_event_for_another_group_is_refused(client, vk_account):
    body = vk_event("wall_reply_new", comment(1, "x"), 1, group_id=1)
    assert post(client, body).status_code == 400
    assert not InboxItem.objects.exists()


def test_the_communitys_own_replies_are_not_inbox_items(client, vk_account):
    """A moderator's reply as the community comes back as wall_reply_new with
    from_id = -group id; it is answered ok and not stored, as polling does."""
    own = comment(11, "Спасибо, передали в управление", from_id=-123456)
    assert post(client, vk_event("wall_reply_new", own, 1)).content == b"ok"
    assert post(client, vk_event("wall_reply_edit", own, 2)).content == b"ok"
    assert not InboxItem.objects.exists()
    post(client, vk_event("wall_reply_new", comment(12, "А когда починят?"), 3))
    assert list(InboxItem.objects.values_list("remote_id", flat=True)) == ["12"]


def test_a_replayed_edit_does_not_bring_back_the_older_text(client, vk_account):
    """VK retries an event with the same event_id (docs/networks.md §1.6): a late
    replay of the first edit must not undo the second."""
    post(client, vk_event("wall_reply_new", comment(7, "Первый"), 1))
    first_edit = vk_event("wall_reply_edit", comment(7, "Второй"), 2)
    post(client, first_edit)
    post(client, vk_event("wall_reply_edit", comment(7, "Третий"), 3))
    assert post(client, first_edit).content == b"ok"
    assert InboxItem.objects.get().text == "Третий"


def test_a_replayed_block_does_not_ban_again_after_the_unblock(client, vk_account):
    block = vk_event("user_block", {"admin_id": 1, "user_id": 555, "reason": 1}, 1)
    post(client, block)
    post(client, vk_event("user_unblock", {"admin_id": 1, "user_id": 555}, 2))
    assert post(client, block).content == b"ok"
    assert not Ban.objects.get(author_id="555").active
