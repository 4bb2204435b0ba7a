"""MAX over real HTTP: the delivery and the client against the sandbox (live_server):
publish, edit on republish, delete after unpublish; photos, faults, check_token."""

from __future__ import annotations

import io

import pytest
import requests
from django.core.management import call_command

from sandbox.models import SandboxAccount, SandboxPost
from sandbox.networks.max import mid_of
from syndication.api import AuthError, OutcomeUnknown, RateLimited, get_client
from syndication.delivery import dispatch, scheduling
from syndication.models import Delivery
from syndication.networks.base import Attachment, Message, Post
from tests.sandbox.fixtures import PHOTO_URL, max_account, sandbox  # noqa: F401

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db(transaction=True)
S = Delivery.Status
A = Delivery.Action


def live_posts(account):
    return SandboxPost.objects.filter(
        account__network="max", account__external_id=account.external_id, deleted=False
    )


def test_publish_edit_delete_through_the_delivery(sandbox, max_account, piece_page):  # noqa: F811
    out = io.StringIO()
    call_command("syndicate", str(piece_page.pk), "--wait", stdout=out)
    delivery = Delivery.objects.get(account=max_account, action=A.PUBLISH)
    assert delivery.status == S.SENT, delivery.last_error
    post = live_posts(max_account).get()
    assert mid_of(post.account, post.remote_id) == delivery.remote_ref["ids"][0]
    assert "пособие выросло" in post.text and post.parse_mode == "html"
    assert delivery.remote_ref["url"].endswith(
        f"/sandbox/max/channel/{max_account.external_id}/#{delivery.remote_ref['ids'][0]}"
    )
    # What readers see: the channel page the post URL points at.
    page = requests.get(delivery.remote_ref["url"].split("#")[0], timeout=5).text
    assert "пособие выросло" in page

    piece_page.lead = "С 1 декабря пособие выросло на 8,5 %."
    revision = piece_page.save_revision()
    revision.publish()
    edits = scheduling.schedule_page(piece_page, revision)
    assert [d.action for d in edits] == [A.EDIT]
    dispatch.run_now([d.pk for d in edits])
    edit = Delivery.objects.get(action=A.EDIT)
    assert edit.status == S.SENT, edit.last_error
    post.refresh_from_db()
    assert "8,5 %" in post.text and post.edited_at
    assert live_posts(max_account).count() == 1  # edited, not posted again

    piece_page.unpublish()
    deletes = scheduling.schedule_deletes(piece_page)
    dispatch.run_now([d.pk for d in deletes])
    assert Delivery.objects.get(action=A.DELETE).status == S.SENT
    assert not live_posts(max_account).exists()


def photo_post(text="<b>Новость</b> с фото") -> Post:
    photos = tuple(Attachment("photo", None, PHOTO_URL) for _ in range(2))
    return Post("max", [Message("send", text, "html", photos)])


def test_client_uploads_photos_edits_and_deletes(sandbox, max_account):  # noqa: F811
    client = get_client(max_account)
    ref = client.publish(photo_post())
    post = live_posts(max_account).get()
    items = post.attachments["items"]
    assert [i["type"] for i in items] == ["image", "image"]
    assert post.text == "<b>Новость</b> с фото"

    client.edit(ref, photo_post("<b>Новость</b> (уточнено)"))
    post.refresh_from_db()
    assert post.text.endswith("(уточнено)") and post.attachments["items"] == items

    client.edit(ref, Post("max", [Message("send", "Без фото", "html")]))
    post.refresh_from_db()
    assert post.attachments["items"] == []

    client.delete(ref)
    client.delete(ref)  # already gone (404): done
    assert not live_posts(max_account).exists()


def test_check_token_over_http(sandbox, max_account):  # noqa: F811
    info = get_client(max_account).check_token()
    assert info["ok"] is True and info["status"] == "admin"
    assert info["name"] == "Test MAX"
    sandbox_account = SandboxAccount.objects.get(network="max")
    sandbox_account.extra = {"permissions": ["read_all_messages"]}
    sandbox_account.save()
    assert get_client(max_account).check_token()["ok"] is False


@pytest.mark.parametrize(
    ("kind", "error", "status"),
    [
        ("rate_limit", RateLimited, 429),
        ("auth", AuthError, 401),
        # A 5xx does not prove the message was not sent (issue 11.1).
        ("http500", OutcomeUnknown, 500),
    ],
)
def test_injected_faults(sandbox, max_account, kind, error, status):  # noqa: F811
    sandbox.fault("max", kind, method="POST /messages")
    with pytest.raises(error) as caught:
        get_client(max_account).publish(Post("max", [Message("send", "x", "html")]))
    assert caught.value.status == status
    assert not live_posts(max_account).exists()


def test_revoked_token_is_an_auth_error(sandbox, max_account):  # noqa: F811
    SandboxAccount.objects.filter(network="max").update(token_revoked=True)
    with pytest.raises(AuthError) as caught:
        get_client(max_account).check_token()
    assert caught.value.code == "verify.token"


def test_registry_health_check_goes_through_check_token(sandbox, max_account):  # noqa: F811
    from accounts_registry.health import check_account

    result = check_account(max_account)
    assert result.ok, result.message
    max_account.refresh_from_db()
    assert max_account.health == max_account.Health.OK
    SandboxAccount.objects.filter(network="max").update(
        extra={"permissions": ["read_all_messages"], "subscribers": 5}
    )
    result = check_account(max_account)
    assert not result.ok and "admin without write" in result.message
    max_account.refresh_from_db()
    assert max_account.subscribers == 5
    SandboxAccount.objects.filter(network="max").update(token_revoked=True)
    result = check_account(max_account)
    assert not result.ok and "verify.token" in result.message


def test_video_not_ready_at_first_is_sent_on_a_retry(sandbox, max_account, settings):  # noqa: F811
    settings.SANDBOX_MAX_NOT_READY = 2
    video = Attachment("video", None, PHOTO_URL)
    ref = get_client(max_account).publish(
        Post("max", [Message("send", "Видео", "html", (video,))])
    )
    post = live_posts(max_account).get()
    assert mid_of(post.account, post.remote_id) == ref.ids[0]
    assert [i["type"] for i in post.attachments["items"]] == ["video"]
