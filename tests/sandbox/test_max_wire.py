"""MAX wire format of the sandbox: header auth, error envelopes, uploads, messages,
comments, subscriptions and the pushed updates, and the channel page."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sandbox import callbacks
from sandbox.demo import create_account
from sandbox.models import SandboxAccount, SandboxComment
from sandbox.networks import max as max_sandbox
from sandbox.pages import add_comment
from tests.sandbox.fixtures import tiny_png

pytestmark = pytest.mark.django_db
CHAT = "-70000000000042"


@pytest.fixture
def channel(db):
    create_account("max", CHAT, "Канал", enforce_rate_limits=False)
    return SandboxAccount.objects.get(network="max")


def call(client, channel, method, path, body=None, token=None, **query):
    url = f"/sandbox/max/{path}"
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    headers = {} if token == "" else {"Authorization": token or channel.token}
    response = client.generic(
        method,
        url,
        json.dumps(body) if body is not None else "",
        content_type="application/json",
        headers=headers,
    )
    return response.status_code, response.json()


def send(client, channel, body, **query):
    return call(client, channel, "POST", "messages", body, chat_id=CHAT, **query)


def upload_image(client, channel) -> str:
    status, slot = call(client, channel, "POST", "uploads", type="image")
    assert status == 200 and slot["url"].startswith("http://testserver/sandbox/max/")
    response = client.post(
        urlparse(slot["url"]).path,
        {"data": SimpleUploadedFile("p.png", tiny_png(), "image/png")},
    )
    (photo,) = response.json()["photos"].values()
    return photo["token"]


def test_token_only_in_the_header(client, channel):
    assert call(client, channel, "GET", "me")[0] == 200
    status, body = call(
        client, channel, "GET", "me", token="", access_token=channel.token
    )
    assert (status, body["code"]) == (403, "deprecated.token")
    assert "Authorization header" in body["message"]
    status, body = call(client, channel, "GET", "me", token="")
    assert (status, body) == (
        401,
        {"code": "verify.token", "message": "Invalid access_token"},
    )
    status, _ = call(client, channel, "GET", "me", token=f"Bearer {channel.token}")
    assert status == 401  # the raw token, no Bearer prefix (the sandbox's choice)


def test_send_answer_shape(client, channel):
    status, body = send(
        client, channel, {"text": "<b>Жирно</b><p>абзац</p>", "format": "html"}
    )
    assert status == 200
    message = body["message"]
    assert message["sender"] is None  # on behalf of the channel
    assert message["recipient"] == {"chat_id": int(CHAT), "chat_type": "channel"}
    assert max_sandbox.MID.fullmatch(message["body"]["mid"])
    assert message["body"]["text"] == "Жирно\nабзац"  # the text, without markup
    assert channel.posts.get().text == "<b>Жирно</b>\nабзац"  # unknown tags stripped
    assert isinstance(message["timestamp"], int) and message["timestamp"] > 10**12
    assert message["url"].endswith(
        f"/sandbox/max/channel/{CHAT}/#{message['body']['mid']}"
    )


@pytest.mark.parametrize(
    ("body", "query", "status", "code"),
    [
        ({"text": "я" * 4001}, {}, 400, "proto.payload"),
        ({"text": "x", "format": "bbcode"}, {}, 400, "proto.payload"),
        ({"text": "x", "notify": False}, {}, 400, "proto.payload"),
        ({"text": ""}, {}, 400, "proto.payload"),
        ({"text": "x", "attachments": [{"type": "image", "payload": {"token": "no"}}]},
         {}, 400, "proto.payload"),
        ({"text": "x", "attachments": [{"type": "file", "payload": {"token": "a"}},
                                       {"type": "image", "payload": {"token": "b"}}]},
         {}, 400, "proto.payload"),
        ({"text": "x"}, {"chat_id": "-1"}, 403, "chat.denied"),
    ],
    ids=["too-long", "format", "notify", "empty", "token", "file-mixed", "chat"],
)  # fmt: skip
def test_rejections(client, channel, body, query, status, code):
    params = {"chat_id": CHAT, **query}
    answer = call(client, channel, "POST", "messages", body, **params)
    assert answer[0] == status and answer[1]["code"] == code
    assert set(answer[1]) == {"code", "message"}


def test_posting_needs_the_write_right(client, channel):
    channel.extra = {"permissions": ["read_all_messages"]}
    channel.save()
    status, body = send(client, channel, {"text": "x"})
    assert (status, body["code"]) == (403, "chat.denied")


def test_image_upload_then_attach(client, channel):
    token = upload_image(client, channel)
    status, body = send(
        client, channel,
        {"text": "С фото", "attachments": [{"type": "image", "payload": {"token": token}}]},
    )  # fmt: skip
    assert status == 200
    (attachment,) = body["message"]["body"]["attachments"]
    assert attachment["type"] == "image" and attachment["payload"]["token"] == token


def test_video_token_up_front_and_not_ready_once(client, channel):
    status, slot = call(client, channel, "POST", "uploads", type="video")
    assert status == 200 and slot["token"]
    client.post(
        urlparse(slot["url"]).path,
        {"data": SimpleUploadedFile("v.mp4", b"\x00" * 64, "video/mp4")},
    )
    video = {
        "text": "Видео",
        "attachments": [{"type": "video", "payload": {"token": slot["token"]}}],
    }
    status, body = send(client, channel, video)
    assert (status, body["code"]) == (400, "attachment.not.ready")
    assert send(client, channel, video)[0] == 200


def test_photo_type_is_no_longer_supported(client, channel):
    status, body = call(client, channel, "POST", "uploads", type="photo")
    assert (status, body["code"]) == (400, "proto.payload")


def test_edit_and_delete(client, channel):
    mid = send(client, channel, {"text": "Было", "format": "html"})[1]["message"][
        "body"
    ]["mid"]
    status, body = call(client, channel, "PUT", "messages", {"text": "Стало", "format": "html"},
                        message_id=mid)  # fmt: skip
    assert (status, body) == (200, {"success": True})
    message = call(client, channel, "GET", f"messages/{mid}")[1]
    assert message["body"]["text"] == "Стало"
    assert call(client, channel, "DELETE", "messages", message_id=mid) == (
        200,
        {"success": True},
    )
    status, body = call(client, channel, "DELETE", "messages", message_id=mid)
    assert (status, body["code"]) == (404, "not.found")


def test_edit_attachments_null_keeps_and_empty_removes(client, channel):
    token = upload_image(client, channel)
    mid = send(client, channel, {"text": "x", "attachments": [
        {"type": "image", "payload": {"token": token}}]})[1]["message"]["body"]["mid"]  # fmt: skip
    call(
        client,
        channel,
        "PUT",
        "messages",
        {"text": "y", "attachments": None},
        message_id=mid,
    )
    assert call(client, channel, "GET", f"messages/{mid}")[1]["body"]["attachments"]
    call(
        client,
        channel,
        "PUT",
        "messages",
        {"text": "y", "attachments": []},
        message_id=mid,
    )
    assert (
        "attachments" not in call(client, channel, "GET", f"messages/{mid}")[1]["body"]
    )


def test_comments_list_and_delete(client, channel):
    mid = send(client, channel, {"text": "Пост"})[1]["message"]["body"]["mid"]
    post = channel.posts.get()
    comment = add_comment(post, 501, "Иван Петров", "Вопрос")
    status, body = call(client, channel, "GET", f"messages/{mid}/comments")
    (listed,) = body["messages"]
    assert listed["recipient"]["post_id"] == mid
    assert listed["sender"]["user_id"] == 501 and listed["body"]["text"] == "Вопрос"
    cid = listed["body"]["mid"]
    assert call(
        client, channel, "DELETE", f"messages/{mid}/comments", comment_id=cid
    ) == (
        200,
        {"success": True},
    )
    comment.refresh_from_db()
    assert comment.deleted


def test_subscription_and_pushed_updates(client, channel, monkeypatch):
    pushed = []
    monkeypatch.setattr(callbacks, "_schedule", pushed.append)
    status, body = call(client, channel, "POST", "subscriptions", {"url": "x"})
    assert status == 400
    status, body = call(client, channel, "POST", "subscriptions",
                        {"url": "https://hooks.example/max", "secret": "abc",
                         "update_types": ["comment_created"]})  # fmt: skip
    assert status == 400  # a secret is 5-256 characters
    status, body = call(client, channel, "POST", "subscriptions",
                        {"url": "https://hooks.example/max", "secret": "s3cret-Key_42",
                         "update_types": ["comment_created", "message_created"]})  # fmt: skip
    assert (status, body) == (200, {"success": True})
    (subscription,) = call(client, channel, "GET", "subscriptions")[1]["subscriptions"]
    assert subscription["url"] == "https://hooks.example/max"

    send(client, channel, {"text": "Пост"})
    channel.refresh_from_db()
    add_comment(channel.posts.get(), 501, "Иван", "Вопрос")
    created, commented = pushed
    assert created.body["update_type"] == "message_created"
    assert commented.body["update_type"] == "comment_created"
    assert commented.headers == {"X-Max-Bot-Api-Secret": "s3cret-Key_42"}
    assert commented.body["message"]["body"]["text"] == "Вопрос"
    assert commented.url == "https://hooks.example/max"

    # Not subscribed to comment_removed: nothing is pushed for the deletion.
    mid = commented.body["message"]["recipient"]["post_id"]
    cid = commented.body["message"]["body"]["mid"]
    call(client, channel, "DELETE", f"messages/{mid}/comments", comment_id=cid)
    assert len(pushed) == 2

    call(client, channel, "DELETE", "subscriptions", url="https://hooks.example/max")
    assert call(client, channel, "GET", "subscriptions")[1] == {"subscriptions": []}


def test_rate_limit_per_chat(client, db):
    create_account("max", CHAT, "Канал")  # enforces the limits
    channel = SandboxAccount.objects.get(network="max")
    answers = [send(client, channel, {"text": f"{n}"}) for n in range(3)]
    assert [a[0] for a in answers] == [200, 200, 429]
    assert answers[2][1]["code"] == "too.many.requests"


def test_channel_page_shows_posts_as_readers_see_them(client, channel):
    token = upload_image(client, channel)
    send(client, channel, {"text": "<b>Важно</b> <script>x()</script>", "format": "html",
                           "attachments": [{"type": "image", "payload": {"token": token}}]})  # fmt: skip
    add_comment(channel.posts.get(), 501, "Иван", "Вопрос читателя")
    page = client.get(f"/sandbox/max/channel/{CHAT}/").content.decode()
    assert "<b>Важно</b>" in page and "<script>" not in page
    assert f"/sandbox/media/{token}/" in page
    assert "Вопрос читателя" in page


def test_reader_comment_form(client, channel):
    mid = send(client, channel, {"text": "Пост"})[1]["message"]["body"]["mid"]
    response = client.post(
        f"/sandbox/max/channel/{CHAT}/comment/{mid}/",
        {"author_name": "Анна", "author_id": "77", "text": "Спасибо"},
    )
    assert response.status_code == 302 and response["Location"].endswith(f"#{mid}")
    assert SandboxComment.objects.get().text == "Спасибо"


def test_index_links_the_channel_page_and_its_events(client, channel):
    page = client.get("/sandbox/").content.decode()
    assert f'href="/sandbox/max/channel/{CHAT}/"' in page
    channel_page = client.get(f"/sandbox/max/channel/{CHAT}/").content.decode()
    assert f'href="/sandbox/callback/{channel.pk}/"' in channel_page


@pytest.mark.parametrize("status, delivered", [(200, True), (204, False), (202, False)])
def test_an_update_counts_as_delivered_only_on_http_200(monkeypatch, status, delivered):
    """MAX wants HTTP 200 (docs/networks.md §9.6): a webhook answering 204 would be
    retried and finally unsubscribed by MAX, so the sandbox must not accept it."""
    answered = type("Answer", (), {"status_code": status, "text": ""})()
    monkeypatch.setattr(callbacks.requests, "post", lambda *a, **k: answered)
    job = callbacks.Job(
        "max", 1, "http://vestnik.test/hooks/max/x/", "comment_created", {}
    )
    assert callbacks._post(job) == (delivered, str(status))


def test_channel_page_reads_the_media_in_one_query(client, channel):
    """The media of every post come in one query, not one per post."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/sandbox/max/channel/{CHAT}/").status_code == 200
        return len(captured)

    image = {"type": "image", "payload": {"token": upload_image(client, channel)}}
    send(client, channel, {"text": "Первый", "attachments": [image]})
    one_post = queries()
    for n in range(3):
        image = {"type": "image", "payload": {"token": upload_image(client, channel)}}
        send(client, channel, {"text": f"Ещё {n}", "attachments": [image]})
    assert queries() == one_post


def test_views_only_in_the_list_context(client, channel):
    """``Message.stat``: «Available only for channels in getMessages method context»
    (api-schema 0.0.33): ``GET /messages`` carries it, ``GET /messages/{mid}`` not;
    a deleted id is left out of a ``message_ids`` list, the others still come."""
    kept = send(client, channel, {"text": "Первая"})[1]["message"]["body"]["mid"]
    gone = send(client, channel, {"text": "Вторая"})[1]["message"]["body"]["mid"]
    assert "stat" not in call(client, channel, "GET", f"messages/{kept}")[1]
    call(client, channel, "DELETE", "messages", message_id=gone)
    status, body = call(
        client, channel, "GET", "messages", chat_id=CHAT, message_ids=f"{kept},{gone}"
    )
    assert status == 200
    assert [m["body"]["mid"] for m in body["messages"]] == [kept]
    assert isinstance(body["messages"][0]["stat"]["views"], int)
