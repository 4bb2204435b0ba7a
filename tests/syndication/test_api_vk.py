"""The VK client against the sandbox over real HTTP."""

from __future__ import annotations

import time

import pytest

from sandbox.models import SandboxBan, SandboxComment, SandboxPost
from sandbox.pages import add_comment
from syndication.api import (
    AuthError,
    OutcomeUnknown,
    RateLimited,
    RemoteRef,
    TransientError,
    get_client,
)
from syndication.networks.base import Attachment, Message, Post
from tests.sandbox import fixtures as testing

pytestmark = pytest.mark.django_db(transaction=True)
# Fixtures shared with other tests of the sandbox.
sandbox = testing.sandbox
vk_account = testing.vk_account
vk_community_account = testing.vk_community_account
PHOTO_URL = testing.PHOTO_URL


def vk_post(
    text="Новость дня. Подробнее: https://example.org/n/1", photos=1, poll=False
):
    attachments = [
        Attachment("photo", None, PHOTO_URL, {"caption": "Фото"}) for _ in range(photos)
    ]
    if poll:
        spec = {
            "question": "Как вам?",
            "add_answers": ["Да", "Нет"],
            "is_anonymous": 1,
            "is_multiple": 0,
        }
        attachments.append(Attachment("poll", None, spec=spec))
    return Post("vk", [Message("wall.post", text, attachments=tuple(attachments))])


def test_publish_edit_delete(sandbox, vk_account):
    client = get_client(vk_account)
    ref = client.publish(vk_post(photos=2, poll=True), idempotency_key="delivery-1")
    post = SandboxPost.objects.get(remote_id=int(ref.ids[0]))
    assert post.text.startswith("Новость дня")
    assert len(post.attachments["photos"]) == 2 and "poll" in post.attachments
    assert ref.url.endswith(f"/sandbox/vk/club424242/#post{ref.ids[0]}")
    assert RemoteRef.from_dict(ref.to_dict()) == ref

    client.edit(ref, vk_post(text="Исправленный текст", photos=0))
    post.refresh_from_db()
    assert post.text == "Исправленный текст" and post.attachments["photos"] == []

    client.delete(ref)
    post.refresh_from_db()
    assert post.deleted
    client.delete(ref)  # already gone: no error


def test_guid_makes_a_resend_harmless(sandbox, vk_account):
    client = get_client(vk_account)
    first = client.publish(vk_post(photos=0), idempotency_key="delivery-7")
    again = client.publish(vk_post(photos=0), idempotency_key="delivery-7")
    other = client.publish(vk_post(photos=0), idempotency_key="delivery-8")
    assert first.ids == again.ids != other.ids
    assert SandboxPost.objects.filter(deleted=False).count() == 2


def test_server_error_on_a_post_is_outcome_unknown_with_the_dedup_key(
    sandbox, vk_account
):
    """A 5xx does not prove VK did not post (issue 11.1); the guid makes a resend
    safe, so the error carries it."""
    sandbox.fault("vk", "http500", method="wall.post")
    with pytest.raises(OutcomeUnknown) as caught:
        get_client(vk_account).publish(vk_post(photos=0), idempotency_key="d-5")
    assert caught.value.dedup_key == "d-5-0"
    assert SandboxPost.objects.count() == 0


def test_server_error_on_a_read_is_transient(sandbox, vk_account):
    sandbox.fault("vk", "http500")
    with pytest.raises(TransientError) as caught:
        get_client(vk_account).check_token()
    assert not isinstance(caught.value, OutcomeUnknown)


def test_rate_limit_error_carries_retry_after(sandbox, vk_account):
    sandbox.fault("vk", "rate_limit", method="wall.post")
    with pytest.raises(RateLimited) as caught:
        get_client(vk_account).publish(vk_post(photos=0))
    assert caught.value.code == 6 and caught.value.retry_after == 1.0


def test_expired_token_is_auth_error(sandbox, vk_account):
    sandbox.fault("vk", "auth")
    with pytest.raises(AuthError) as caught:
        get_client(vk_account).publish(vk_post(photos=0))
    assert caught.value.code == 5


def test_community_token_cannot_upload_photos(sandbox, vk_community_account):
    with pytest.raises(AuthError) as caught:
        get_client(vk_community_account).publish(vk_post(photos=1))
    assert caught.value.code == 27


def test_read_timeout_is_outcome_unknown_with_the_dedup_key(
    sandbox, vk_account, settings
):
    settings.SYNDICATION_HTTP_TIMEOUT = (1.0, 0.3)
    sandbox.fault("vk", "latency", latency_ms=800, method="wall.post")
    client = get_client(vk_account)
    with pytest.raises(OutcomeUnknown) as caught:
        client.publish(vk_post(photos=0), idempotency_key="delivery-9")
    assert caught.value.dedup_key == "delivery-9-0"
    # The slow call did land; resending with the same key does not duplicate it.
    settings.SYNDICATION_HTTP_TIMEOUT = (1.0, 3.0)
    ref = client.publish(vk_post(photos=0), idempotency_key="delivery-9")
    assert SandboxPost.objects.filter(deleted=False).count() == 1
    assert SandboxPost.objects.get().remote_id == int(ref.ids[0])


def test_comments_reply_delete_ban(sandbox, vk_account):
    client = get_client(vk_account)
    ref = client.publish(vk_post(photos=0))
    post = SandboxPost.objects.get(remote_id=int(ref.ids[0]))
    first = add_comment(post, 501, "Иван Петров", "Когда ремонт?")
    add_comment(post, 502, "Мария Иванова", "Спасибо!")

    comments, cursor = client.fetch_comments(ref.ids[0])
    assert [c.text for c in comments] == ["Когда ремонт?", "Спасибо!"]
    assert comments[0].author_name == "Иван Петров" and comments[0].author_id == "501"
    assert client.fetch_comments(ref.ids[0], cursor) == ([], cursor)

    reply_id = client.reply(ref.ids[0], first.remote_id, "В мае.")
    assert (
        SandboxComment.objects.get(remote_id=int(reply_id)).reply_to == first.remote_id
    )
    client.delete_comment(ref.ids[0], first.remote_id)
    first.refresh_from_db()
    assert first.deleted

    client.ban(501, reason="спам")
    assert SandboxBan.objects.filter(user_id=501, comment="спам").exists()
    client.unban(501)
    assert not SandboxBan.objects.exists()
    assert client.check_token()["name"] == "Test VK"


def test_calls_wait_for_their_turn_instead_of_tripping_the_limit(sandbox, settings):
    """A user token (3 calls/s) with the sandbox enforcing the real limit: the
    shared limiter holds the sliding window, so none is refused."""
    from sandbox.demo import create_account

    settings.VK_RATE_USER = (3, 1.0)
    account = create_account("vk", "777", "Strict", token_type=testing.USER)
    client = get_client(account)
    started = time.monotonic()
    for _ in range(5):
        client.call("users.get", idempotent=True)
    # A sliding window of 3 per second: the 4th and 5th calls wait until the first
    # ones have left it (never all five at once, never a refusal from the sandbox).
    assert time.monotonic() - started >= 1.0
