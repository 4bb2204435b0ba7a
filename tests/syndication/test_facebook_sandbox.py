"""Facebook over real HTTP against the sandbox (``live_server``): the delivery loop
once the restricted network is enabled on record, the client's photos and videos,
the registry's health check and OAuth page token, and the moderation loop (a reader's
comment -> polling or the webhook -> the inbox -> hide / reply / delete / ban)."""

from __future__ import annotations

import pytest

from accounts_registry.restricted import decide
from moderation import actions, fetch
from moderation.models import FetchCursor, InboxItem, WebhookEndpoint
from sandbox.models import SandboxAccount, SandboxBan, SandboxPost
from sandbox.networks import facebook as fb_sandbox
from syndication.api import AuthError, RateLimited, TransientError, get_client
from syndication.delivery import dispatch, scheduling
from syndication.models import Delivery, PageSyndication, RateLimitBucket
from syndication.networks.base import Attachment, Message, Post
from tests.sandbox import fixtures as testing

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db(transaction=True)
sandbox = testing.sandbox
facebook_account = testing.facebook_account
PHOTO_URL = testing.PHOTO_URL
S = Delivery.Status
A = Delivery.Action


def sandbox_side(account) -> SandboxAccount:
    return SandboxAccount.objects.get(
        network="facebook", external_id=account.external_id
    )


def live_posts(account):
    return SandboxPost.objects.filter(account=sandbox_side(account), deleted=False)


def test_delivery_publishes_edits_and_deletes_once_enabled(
    sandbox, facebook_account, piece_page
):
    choice = PageSyndication.objects.create(page=piece_page, accounts_chosen=True)
    choice.accounts.add(facebook_account)
    # Blocked by default: a chosen Facebook account gets no delivery.
    assert scheduling.chosen_accounts(piece_page) == []
    decide("facebook", True, reason="Тест: страница ведомства", actor="pytest")
    (delivery,) = scheduling.schedule_page(piece_page)
    dispatch.run_now([delivery.pk])
    delivery.refresh_from_db()
    assert delivery.status == S.SENT, delivery.last_error
    post = live_posts(facebook_account).get()
    assert "пособие выросло" in post.text
    assert (
        delivery.remote_ref["ids"][0]
        == f"{facebook_account.external_id}_{post.remote_id}"
    )
    assert delivery.remote_ref["url"].endswith(
        f"/sandbox/facebook/page/{facebook_account.external_id}/#post"
        f"{delivery.remote_ref['ids'][0]}"
    )

    piece_page.lead = "С 1 декабря пособие выросло на 8,5 %."
    revision = piece_page.save_revision()
    revision.publish()
    edits = scheduling.schedule_page(piece_page, revision)
    assert [d.action for d in edits] == [A.EDIT]
    dispatch.run_now([d.pk for d in edits])
    edits[0].refresh_from_db()
    assert edits[0].status == S.SENT, edits[0].last_error
    assert "8,5 %" in live_posts(facebook_account).get().text

    piece_page.unpublish()
    deletes = scheduling.schedule_deletes(piece_page)
    dispatch.run_now([d.pk for d in deletes])
    assert all(d.status == S.SENT for d in Delivery.objects.filter(action=A.DELETE))
    assert not live_posts(facebook_account).exists()


def test_photos_and_a_video_over_http(sandbox, facebook_account, tmp_path):
    (tmp_path / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    photos = tuple(
        Attachment("photo", None, PHOTO_URL, {"caption": "x"}) for _ in range(2)
    )
    clip = Attachment(
        "video", None, "http://testserver/media/clip.mp4", {"title": "Ролик"}
    )
    post = Post(
        "facebook",
        [
            Message("feed", "Фоторепортаж.", attachments=photos),
            Message("videos", "Запись эфира.", attachments=(clip,)),
        ],
    )
    client = get_client(facebook_account)
    ref = client.publish(post)
    feed, video = SandboxPost.objects.order_by("remote_id")
    assert len(feed.attachments["photos"]) == 2 and feed.attachments["link"] == ""
    assert (video.kind, video.text, video.meta["title"]) == (
        "video",
        "Запись эфира.",
        "Ролик",
    )
    assert ref.ids == [
        f"{facebook_account.external_id}_{feed.remote_id}",
        str(video.remote_id),
    ]

    edited = Post(
        "facebook", [Message("feed", "Фоторепортаж, исправлено.", attachments=photos)]
    )
    new = client.edit(ref, edited)
    feed.refresh_from_db()
    video.refresh_from_db()
    assert feed.text == "Фоторепортаж, исправлено." and video.deleted
    assert new.ids == ref.ids[:1]
    client.delete(new)
    feed.refresh_from_db()
    assert feed.deleted
    client.delete(new)  # already gone: no error


def test_sandbox_faults_map_to_the_errors(sandbox, facebook_account):
    client = get_client(facebook_account)
    sandbox.fault("facebook", "http500")
    with pytest.raises(TransientError):
        client.check_token()
    sandbox.fault("facebook", "rate_limit")
    with pytest.raises(RateLimited) as caught:
        client.check_token()
    # the token waits as Facebook asked (issue 11.2): nothing leaves until then
    with pytest.raises(RateLimited) as held:
        client.check_token()
    assert caught.value.network and not held.value.network
    RateLimitBucket.objects.filter(key__startswith="pause:").delete()  # time passes
    sandbox.fault("facebook", "auth")
    with pytest.raises(AuthError):
        client.check_token()
    assert client.check_token()["id"] == facebook_account.external_id


def test_registry_health_check_uses_check_token(sandbox, facebook_account):
    from accounts_registry.health import check_account

    decide("facebook", True, reason="Тест", actor="pytest")
    assert check_account(facebook_account).ok
    SandboxAccount.objects.filter(network="facebook").update(token_revoked=True)
    result = check_account(facebook_account)
    assert not result.ok
    facebook_account.refresh_from_db()
    assert "reconnect" in facebook_account.health_message.lower() or (
        "переподключите" in facebook_account.health_message.lower()
    )


def test_oauth_page_token_publishes_to_the_sandbox_page(
    sandbox, facebook_account, client, settings, django_user_model
):
    """Facebook Login → long-lived user token → the Page's token (the registry's
    connect flow); the stored ``page_access_token`` is what the client sends."""
    from tests.accounts_registry.conftest import KEEPER_GROUP, login, make_user
    from tests.accounts_registry.test_registry_oauth import connect

    settings.REGISTRY_OAUTH_SANDBOX_URL = sandbox.url + "/sandbox/oauth"
    keeper = make_user(django_user_model, "keeper", KEEPER_GROUP)
    login(client, keeper)
    connect(client, facebook_account)
    facebook_account.refresh_from_db()
    credential = facebook_account.get_credential()
    assert credential["page_access_token"].startswith("EAAB-page-sandbox-")
    assert credential["user_access_token"].startswith("EAAB-sandbox-")
    assert facebook_account.credential_expires_at is None
    api = get_client(facebook_account)
    assert api.token == credential["page_access_token"]
    assert api.check_token()["id"] == facebook_account.external_id
    api.publish(Post("facebook", [Message("feed", "Через OAuth.")]))
    assert live_posts(facebook_account).get().text == "Через OAuth."


def published(account, text="Новость для комментариев.") -> str:
    ref = get_client(account).publish(Post("facebook", [Message("feed", text)]))
    return ref.ids[0]


def test_moderation_loop_by_polling(sandbox, facebook_account, monkeypatch):
    monkeypatch.setattr(actions, "sleep", lambda seconds: None)
    # Polling is what the switch forbids: only an enabled network is polled.
    decide("facebook", True, reason="Тест опроса", actor="pytest")
    post_id = published(facebook_account)
    FetchCursor.objects.create(account=facebook_account, post_remote_id=post_id)
    stored = live_posts(facebook_account).get()
    first = fb_sandbox.reader_comment(stored, 77, "Анна", "Когда выплатят?")
    fb_sandbox.reader_comment(
        stored, 78, "Олег", "Ответ Анне", reply_to=first.remote_id
    )

    report = fetch.fetch_account(facebook_account)
    assert (report.created, report.errors) == (2, 0)
    item = InboxItem.objects.get(author_id="77")
    assert (item.network, item.post_remote_id, item.text) == (
        "facebook", post_id, "Когда выплатят?",
    )  # fmt: skip
    reply = InboxItem.objects.get(author_id="78")
    assert reply.parent_remote_id == item.remote_id and reply.kind == "reply"
    # The next poll starts after the cursor: nothing twice, the new one once.
    fb_sandbox.reader_comment(stored, 79, "Ира", "Третий")
    again = fetch.fetch_account(facebook_account)
    assert (again.created, InboxItem.objects.count()) == (1, 3)

    done = actions.perform("hide", account=facebook_account, item=item)
    assert done.confirmed, done.error
    first.refresh_from_db()
    assert first.hidden and not first.deleted

    answered = actions.perform(
        "reply", account=facebook_account, item=item, text="Скоро."
    )
    assert answered.confirmed, answered.error
    page_reply = stored.comments.get(text="Скоро.")
    assert page_reply.reply_to == first.remote_id
    assert page_reply.author_id == int(facebook_account.external_id)
    # The Page's own reply is not fetched back into the inbox.
    assert fetch.fetch_account(facebook_account).created == 0

    banned = actions.perform("ban", account=facebook_account, item=reply)
    assert banned.confirmed, banned.error
    assert SandboxBan.objects.filter(user_id=78).exists()
    from moderation.sync import sync_bans

    assert sync_bans(facebook_account) == 1  # the network's list, read back
    assert actions.perform("delete", account=facebook_account, item=reply).confirmed
    assert stored.comments.get(author_id=78).deleted
    assert actions.perform("unban", account=facebook_account, author_id="78").confirmed
    assert not SandboxBan.objects.exists()


def test_reader_comment_is_pushed_to_the_meta_webhook(
    sandbox, facebook_account, settings
):
    settings.SANDBOX_CALLBACK_BACKOFF = 0.01  # the refused push is retried quickly
    decide("facebook", True, reason="Тест вебхука", actor="pytest")
    side = sandbox_side(facebook_account)
    side.callback_url = f"{sandbox.url}/hooks/facebook/{facebook_account.slug}/"
    side.callback_secret = "app-secret-of-the-sandbox"
    side.callback_code = "verify-me"
    side.save()
    WebhookEndpoint.objects.create(
        account=facebook_account, secret=side.callback_secret,
        confirmation_code=side.callback_code,
    )  # fmt: skip
    assert fb_sandbox.verify_subscription(side)
    post_id = published(facebook_account)
    stored = live_posts(facebook_account).get()
    comment = fb_sandbox.reader_comment(stored, 77, "Анна", "Через вебхук")
    from sandbox import callbacks

    assert callbacks.drain(10)
    item = InboxItem.objects.get()
    assert (item.text, item.post_remote_id) == ("Через вебхук", post_id)
    assert item.remote_id == f"{stored.remote_id}_{comment.remote_id}"
    # Polling later finds the same comment under the same id: still one item.
    FetchCursor.objects.create(account=facebook_account, post_remote_id=post_id)
    assert fetch.fetch_account(facebook_account).created == 0
    # A wrong app secret on the sender's side is refused by the webhook.
    side.callback_secret = "wrong"
    side.save()
    stored = live_posts(facebook_account).get()  # the Page as it is now
    fb_sandbox.reader_comment(stored, 78, "Олег", "Подделка")
    assert callbacks.drain(10)
    assert InboxItem.objects.count() == 1
