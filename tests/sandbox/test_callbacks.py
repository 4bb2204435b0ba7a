"""The sandbox pushes what readers write: VK Callback API events (confirmation first,
retried until the server answers «ok») and Telegram webhook updates (secret header,
comments as replies to the automatic forward). A small HTTP server on 127.0.0.1
stands in for Vestnik and answers as each test scripts it."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sandbox import callbacks
from sandbox.models import SandboxAccount, SandboxComment, SandboxPost
from tests.sandbox.fixtures import relaxed_account

pytestmark = pytest.mark.django_db(transaction=True)


class Receiver:
    """Records each POST (headers, JSON) and answers from a script of
    ``(status, body)``; the last answer repeats."""

    def __init__(self):
        self.requests: list[tuple[dict, dict]] = []
        self.answers: list[tuple[int, str]] = [(200, "ok")]
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), json.loads(body)))
                answers = receiver.answers
                status, text = answers.pop(0) if len(answers) > 1 else answers[0]
                self.send_response(status)
                self.end_headers()
                self.wfile.write(text.encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def bodies(self) -> list[dict]:
        return [body for _, body in self.requests]


@pytest.fixture
def receiver(settings):
    settings.SANDBOX_CALLBACK_BACKOFF = 0.01
    callbacks._confirmed.clear()
    server = Receiver()
    yield server
    assert callbacks.drain(10)
    server.server.shutdown()


def vk_wall(receiver, code="c0de1234", secret="s3cret"):  # noqa: S107
    account = relaxed_account("vk", "424242", "Test VK", token_type="user")
    sandbox = SandboxAccount.objects.get(network="vk", external_id="424242")
    sandbox.callback_url, sandbox.callback_code = receiver.url, code
    sandbox.callback_secret = secret
    sandbox.save()
    post = SandboxPost.objects.create(account=sandbox, remote_id=sandbox.next_id())
    return account, sandbox, post


def write(client, post, text="Когда откроют мост?", author_id=1001):
    response = client.post(
        f"/sandbox/comment/{post.pk}/",
        {"author_name": "Иван Петров", "author_id": author_id, "text": text},
    )
    assert response.status_code == 302
    return SandboxComment.objects.get(post=post, text=text)


def test_vk_comment_is_pushed_after_the_confirmation(client, receiver):
    receiver.answers = [(200, "c0de1234"), (200, "ok")]
    _, sandbox, post = vk_wall(receiver)
    comment = write(client, post)
    assert callbacks.drain(5)
    confirmation, event = receiver.bodies()
    assert confirmation == {"type": "confirmation", "group_id": 424242}
    assert event["type"] == "wall_reply_new" and event["secret"] == "s3cret"
    assert event["group_id"] == 424242 and event["v"] == "5.199"
    assert len(event["event_id"]) == 40
    assert event["object"] == {
        "id": comment.remote_id, "from_id": 1001, "date": event["object"]["date"],
        "text": "Когда откроют мост?", "post_id": post.remote_id, "owner_id": -424242,
        "parents_stack": [],
    }  # fmt: skip
    write(client, post, "Второй вопрос")  # confirmed once: no second handshake
    assert callbacks.drain(5)
    assert [b["type"] for b in receiver.bodies()][2:] == ["wall_reply_new"]


def test_vk_event_is_retried_until_ok_with_the_same_event_id(client, receiver):
    receiver.answers = [(200, "c0de1234"), (500, ""), (200, "not ok"), (200, "ok")]
    _, _, post = vk_wall(receiver)
    write(client, post)
    assert callbacks.drain(5)
    events = receiver.bodies()[1:]
    assert len(events) == 3 and len({e["event_id"] for e in events}) == 1


def test_vk_gives_up_after_a_few_attempts(client, receiver, settings):
    settings.SANDBOX_CALLBACK_ATTEMPTS = 3
    receiver.answers = [(200, "c0de1234"), (500, "")]
    _, _, post = vk_wall(receiver)
    write(client, post)
    assert callbacks.drain(5)
    assert len(receiver.bodies()) == 1 + 3


def test_vk_sends_nothing_to_a_server_that_fails_the_confirmation(client, receiver):
    receiver.answers = [(200, "wrong-code")]
    _, _, post = vk_wall(receiver)
    write(client, post)
    assert callbacks.drain(5)
    assert [b["type"] for b in receiver.bodies()] == ["confirmation"]


def test_no_callback_url_no_request(client, receiver):
    _, sandbox, post = vk_wall(receiver)
    SandboxAccount.objects.filter(pk=sandbox.pk).update(callback_url="")
    write(client, post)
    assert callbacks.drain(5)
    assert receiver.requests == []


def vk_api(client, sandbox, method, **params):
    response = client.post(
        f"/sandbox/vk/method/{method}",
        {"access_token": sandbox.token, "v": "5.199", **params},
    )
    return response.json()["response"]


def test_vk_deletion_and_bans_are_pushed(client, receiver):
    receiver.answers = [(200, "c0de1234"), (200, "ok")]
    _, sandbox, post = vk_wall(receiver)
    comment = write(client, post)
    vk_api(client, sandbox, "wall.deleteComment", owner_id=-424242,
           comment_id=comment.remote_id)  # fmt: skip
    vk_api(
        client,
        sandbox,
        "wall.deleteComment",
        owner_id=-424242,
        comment_id=comment.remote_id,
    )  # already gone: no second event
    vk_api(client, sandbox, "groups.ban", group_id=424242, owner_id=1001, reason=3)
    vk_api(client, sandbox, "groups.unban", group_id=424242, owner_id=1001)
    assert callbacks.drain(5)
    events = {b["type"]: b["object"] for b in receiver.bodies()[1:]}
    assert list(events) == [
        "wall_reply_new", "wall_reply_delete", "user_block", "user_unblock"
    ]  # fmt: skip
    assert events["wall_reply_delete"] == {
        "owner_id": -424242, "id": comment.remote_id, "user_id": 1,
        "post_id": post.remote_id,
    }  # fmt: skip
    assert events["user_block"]["reason"] == 3
    assert events["user_block"]["user_id"] == 1001
    assert events["user_block"]["unblock_date"] == 0


def test_vk_get_banned_pages_and_names(client, receiver):
    _, sandbox, post = vk_wall(receiver)
    SandboxAccount.objects.filter(pk=sandbox.pk).update(callback_url="")
    write(client, post, author_id=1001)
    for user_id, reason in ((1001, 1), (1002, 2), (1003, 3)):
        vk_api(client, sandbox, "groups.ban", group_id=424242, owner_id=user_id,
               reason=reason)  # fmt: skip
    page = vk_api(client, sandbox, "groups.getBanned", group_id=424242, offset=1,
                  count=1)  # fmt: skip
    assert page["count"] == 3
    assert [(i["profile"]["id"], i["ban_info"]["reason"]) for i in page["items"]] == [
        (1002, 2)
    ]
    first = vk_api(client, sandbox, "groups.getBanned", group_id=424242)["items"][0]
    assert first["profile"]["first_name"] == "Иван"


def tg_api(client, sandbox, method, **params):
    response = client.post(
        f"/sandbox/telegram/bot{sandbox.token}/{method}",
        json.dumps(params), content_type="application/json",
    )  # fmt: skip
    return response.status_code, response.json()


def test_telegram_set_webhook_and_comment_update(client, receiver):
    relaxed_account("telegram", "@test_channel", "Test TG", linked_chat_id=-1009990001)
    sandbox = SandboxAccount.objects.get(network="telegram")
    status, _ = tg_api(client, sandbox, "setWebhook", url=receiver.url,
                       secret_token="tg_Secret-1")  # fmt: skip
    assert status == 200
    assert tg_api(client, sandbox, "getWebhookInfo")[1]["result"]["url"] == receiver.url
    status, body = tg_api(client, sandbox, "getUpdates")
    assert status == 409 and body["description"].startswith("Conflict")
    _, sent = tg_api(client, sandbox, "sendMessage", chat_id="@test_channel",
                     text="Новость")  # fmt: skip
    post = SandboxPost.objects.get(remote_id=sent["result"]["message_id"])
    comment = write(client, post)
    assert callbacks.drain(5)
    [(headers, update)] = receiver.requests
    assert headers["X-Telegram-Bot-Api-Secret-Token"] == "tg_Secret-1"
    message = update["message"]
    assert update["update_id"] == comment.pk
    assert message["message_id"] == comment.remote_id
    assert message["chat"]["id"] == -1009990001 and message["from"]["id"] == 1001
    forward = message["reply_to_message"]
    assert forward["is_automatic_forward"]
    assert forward["forward_origin"]["message_id"] == post.remote_id
    tg_api(client, sandbox, "deleteWebhook")
    assert tg_api(client, sandbox, "getUpdates")[0] == 200
    write(client, post, "После удаления вебхука")
    assert callbacks.drain(5)
    assert len(receiver.requests) == 1


def test_telegram_rejects_a_bad_secret_token(client, receiver):
    relaxed_account("telegram", "@test_channel", "Test TG", linked_chat_id=-1009990001)
    sandbox = SandboxAccount.objects.get(network="telegram")
    status, body = tg_api(client, sandbox, "setWebhook", url=receiver.url,
                          secret_token="bad token!")  # fmt: skip
    assert status == 400 and "unallowed characters" in body["description"]


def test_callback_page_saves_and_confirms(admin_client, receiver):
    client = admin_client  # the page shows the secrets: staff only (issue 12.6)
    receiver.answers = [(200, "c0de1234")]
    _, sandbox, _ = vk_wall(receiver, secret="")
    response = client.get(f"/sandbox/callback/{sandbox.pk}/")
    assert "c0de1234" in response.content.decode()
    response = client.post(
        f"/sandbox/callback/{sandbox.pk}/",
        {"callback_url": receiver.url, "callback_secret": "new-secret"},
    )
    assert response.status_code == 302
    sandbox.refresh_from_db()
    assert sandbox.callback_secret == "new-secret"
    assert receiver.bodies() == [{"type": "confirmation", "group_id": 424242}]
    page = client.get(f"/sandbox/callback/{sandbox.pk}/").content.decode()
    assert "confirmation: c0de1234" in page
