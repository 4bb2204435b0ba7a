"""Meta webhooks (Facebook Pages and Instagram): the shared security case with the
X-Hub-Signature-256 HMAC, the hub.challenge handshake and both objects' events."""

from __future__ import annotations

import json

import pytest

from moderation.models import InboxItem, WebhookEvent
from moderation.webhooks.meta import signature
from tests.moderation.conftest import IG_USER, PAGE
from tests.moderation.webhook_cases import SECRET, WebhookSecurityCase

pytestmark = pytest.mark.usefixtures("meta_enabled")


def feed_event(comment_id, text, verb="add", author="77", **extra) -> dict:
    value = {
        "item": "comment", "verb": verb, "comment_id": comment_id,
        "post_id": f"{PAGE}_10", "parent_id": f"{PAGE}_10",
        "from": {"id": author, "name": "Анна Петрова"}, "message": text,
        "created_time": 1764300000, **extra,
    }  # fmt: skip
    return {
        "object": "page",
        "entry": [{"id": PAGE, "time": 1764300001,
                   "changes": [{"field": "feed", "value": value}]}],
    }  # fmt: skip


def ig_event(comment_id, text, author="9001", inline=False, **extra) -> dict:
    value = {
        "id": comment_id, "from": {"id": author, "username": "anna_k"}, "text": text,
        "media": {"id": "18000000000000042", "media_product_type": "FEED"}, **extra,
    }  # fmt: skip
    entry = {"id": IG_USER, "time": 1764300002}
    if inline:
        entry.update(field="comments", value=value)
    else:
        entry["changes"] = [{"field": "comments", "value": value}]
    return {"object": "instagram", "entry": [entry]}


class SignedCase(WebhookSecurityCase):
    """The secret travels as an HMAC of the exact body in X-Hub-Signature-256."""

    network = ""

    def url(self, account, secret):
        return f"/hooks/{self.network}/{account.slug}/"

    def send(self, client, account, body, secret=SECRET, url=None):
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers = {}
        if secret is not None:
            headers["X-Hub-Signature-256"] = signature(secret, raw)
        return client.post(
            url or self.url(account, secret),
            data=raw,
            content_type="application/json",
            headers=headers,
        )


class TestFacebookWebhookSecurity(SignedCase):
    account_fixture = "facebook_account"
    network = "facebook"

    def event(self, account, event_id, text):
        return feed_event(f"10_{100 + event_id}", text)


class TestInstagramWebhookSecurity(SignedCase):
    account_fixture = "instagram_account"
    network = "instagram"

    def event(self, account, event_id, text):
        return ig_event(str(17900000000000000 + event_id), text)


def post(client, account, body, network="facebook"):
    case = TestFacebookWebhookSecurity if network == "facebook" else (
        TestInstagramWebhookSecurity
    )  # fmt: skip
    return case().send(client, account, body)


# -- the handshake ----------------------------------------------------------------------


@pytest.mark.parametrize("network", ["facebook", "instagram"])
def test_handshake_answers_the_challenge_when_the_verify_token_matches(
    client, facebook_account, instagram_account, network
):
    slug = {"facebook": "fb-soc", "instagram": "ig-soc"}[network]
    query = {"hub.mode": "subscribe", "hub.challenge": "1158201444"}
    good = client.get(
        f"/hooks/{network}/{slug}/", {**query, "hub.verify_token": "e7e13fe2"}
    )
    assert good.status_code == 200 and good.content == b"1158201444"
    assert good["Content-Type"].startswith("text/plain")
    bad = client.get(f"/hooks/{network}/{slug}/", {**query, "hub.verify_token": "x"})
    assert bad.status_code == 403 and b"1158201444" not in bad.content
    missing = client.get(f"/hooks/{network}/{slug}/", query)
    assert missing.status_code == 403
    other_mode = client.get(
        f"/hooks/{network}/{slug}/",
        {**query, "hub.mode": "unsubscribe", "hub.verify_token": "e7e13fe2"},
    )
    assert other_mode.status_code == 403
    unknown = client.get(
        f"/hooks/{network}/nobody/", {**query, "hub.verify_token": "e7e13fe2"}
    )
    assert unknown.status_code == 404


def test_signature_is_checked_on_the_raw_bytes(client, facebook_account):
    body = json.dumps(feed_event("10_1", "Привет")).encode()
    # Same JSON, different bytes (spacing): the signature of the other form fails.
    respaced = json.dumps(feed_event("10_1", "Привет"), indent=1).encode()
    response = client.post(
        "/hooks/facebook/fb-soc/", data=respaced, content_type="application/json",
        headers={"X-Hub-Signature-256": signature(SECRET, body)},
    )  # fmt: skip
    assert response.status_code == 400 and not InboxItem.objects.exists()
    sha1 = client.post(
        "/hooks/facebook/fb-soc/", data=body, content_type="application/json",
        headers={"X-Hub-Signature-256": "sha1=" + signature(SECRET, body)[7:]},
    )  # fmt: skip
    assert sha1.status_code == 400


def test_an_instagram_event_at_the_facebook_url_is_refused(client, facebook_account):
    response = post(client, facebook_account, ig_event("1", "x"))
    assert response.status_code == 400
    assert not InboxItem.objects.exists() and not WebhookEvent.objects.exists()


# -- Facebook events ------------------------------------------------------------------------


def test_facebook_comment_reply_edit_hide_remove(client, facebook_account):
    post(client, facebook_account, feed_event("10_5", "Когда выплаты?"))
    post(
        client, facebook_account, feed_event("10_6", "Ответ читателя", parent_id="10_5")
    )
    top, reply = InboxItem.objects.order_by("remote_id")
    assert (top.kind, top.post_remote_id, top.parent_remote_id) == (
        "comment", f"{PAGE}_10", "",
    )  # fmt: skip
    assert (top.author_id, top.author_name) == ("77", "Анна Петрова")
    assert top.created_at.timestamp() == 1764300000
    assert (reply.kind, reply.parent_remote_id) == ("reply", "10_5")
    assert top.raw["change"]["value"]["message"] == "Когда выплаты?"

    post(
        client,
        facebook_account,
        feed_event("10_5", "Когда выплаты? Уже декабрь", "edited"),
    )
    top.refresh_from_db()
    assert top.text == "Когда выплаты? Уже декабрь" and top.edited

    post(client, facebook_account, feed_event("10_6", "", "hide"))
    reply.refresh_from_db()
    assert reply.status == InboxItem.Status.HIDDEN

    post(client, facebook_account, feed_event("10_5", "", "remove"))
    top.refresh_from_db()
    assert top.removed_in_network


def test_facebook_edit_of_an_unknown_comment_stores_it_as_edited(
    client, facebook_account
):
    post(client, facebook_account, feed_event("10_8", "Исправленный", "edited"))
    item = InboxItem.objects.get()
    assert item.text == "Исправленный" and item.edited


def test_the_pages_own_comments_and_other_items_are_not_inbox_items(
    client, facebook_account
):
    own = feed_event("10_9", "Ответ пресс-службы", author=PAGE)
    assert post(client, facebook_account, own).status_code == 200
    status_post = feed_event("10_11", "x")
    status_post["entry"][0]["changes"][0]["value"]["item"] = "status"
    post(client, facebook_account, status_post)
    other_page = feed_event("10_12", "Чужая страница")
    other_page["entry"][0]["id"] = "999"
    post(client, facebook_account, other_page)
    reaction = feed_event("10_13", "x")
    reaction["entry"][0]["changes"][0]["field"] = "mention"
    post(client, facebook_account, reaction)
    assert not InboxItem.objects.exists()


def test_several_changes_in_one_delivery(client, facebook_account):
    body = feed_event("10_20", "Первый")
    body["entry"][0]["changes"] += feed_event("10_21", "Второй")["entry"][0]["changes"]
    assert post(client, facebook_account, body).status_code == 200
    assert sorted(InboxItem.objects.values_list("text", flat=True)) == [
        "Второй",
        "Первый",
    ]


# -- Instagram events -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "inline", [False, True], ids=["facebook-login", "instagram-login"]
)
def test_instagram_comment_and_reply(client, instagram_account, inline):
    post(
        client,
        instagram_account,
        ig_event("1791", "Красиво!", inline=inline),
        "instagram",
    )
    post(
        client, instagram_account,
        ig_event("1792", "Согласна", inline=inline, parent_id="1791"), "instagram",
    )  # fmt: skip
    top, reply = InboxItem.objects.order_by("remote_id")
    assert (top.kind, top.post_remote_id, top.author_name) == (
        "comment", "18000000000000042", "anna_k",
    )  # fmt: skip
    assert top.author_url == "https://www.instagram.com/anna_k/"
    assert top.created_at.timestamp() == 1764300002
    assert (reply.kind, reply.parent_remote_id, reply.text) == (
        "reply",
        "1791",
        "Согласна",
    )


def test_instagram_own_replies_are_skipped(client, instagram_account):
    post(
        client,
        instagram_account,
        ig_event("1793", "Спасибо!", author=IG_USER),
        "instagram",
    )
    assert not InboxItem.objects.exists()


def test_events_of_a_switched_off_network_are_dropped(client, facebook_account):
    from accounts_registry.restricted import decide

    decide("facebook", False, reason="Сеть снова выключена", actor="pytest")
    response = post(client, facebook_account, feed_event("10_30", "Не примется"))
    assert response.status_code == 200
    assert not InboxItem.objects.exists() and not WebhookEvent.objects.exists()
