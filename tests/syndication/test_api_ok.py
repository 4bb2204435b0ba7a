"""The OK client against the sandbox over real HTTP."""

from __future__ import annotations

import json

import pytest

from sandbox.models import SandboxAccount, SandboxBan, SandboxPost
from sandbox.pages import add_comment
from syndication.api import (
    AuthError,
    OutcomeUnknown,
    RateLimited,
    TransientError,
    get_client,
)
from syndication.networks.base import Attachment, Message, Post
from tests.sandbox import fixtures as testing

pytestmark = pytest.mark.django_db(transaction=True)
# Fixtures shared with other tests of the sandbox.
sandbox = testing.sandbox
ok_account = testing.ok_account
PHOTO_URL = testing.PHOTO_URL
POLL = {
    "type": "poll",
    "question": "Где открыть каток?",
    "answers": [{"text": "В парке"}, {"text": "У школы"}],
    "options": "SingleChoice,AnonymousVoting",
}


def ok_post(text="Открыт новый сквер.", photos=2, poll=True):
    attachments = [Attachment("photo", None, PHOTO_URL) for _ in range(photos)]
    if poll:
        attachments.append(Attachment("poll", None, spec=POLL))
    return Post(
        "ok", [Message("mediatopic.post", text, attachments=tuple(attachments))]
    )


def test_publish_edit_delete(sandbox, ok_account):
    client = get_client(ok_account)
    ref = client.publish(ok_post())
    topic = SandboxPost.objects.get(remote_id=int(ref.ids[0]))
    assert topic.text == "Открыт новый сквер."
    assert len(topic.attachments["photos"]) == 2
    assert topic.attachments["poll"]["answers"] == ["В парке", "У школы"]
    assert ref.url.endswith(f"/sandbox/ok/group/555000111/#topic{ref.ids[0]}")

    client.edit(ref, ok_post(text="Сквер открыт с 9 утра.", photos=0, poll=False))
    topic.refresh_from_db()
    assert topic.text == "Сквер открыт с 9 утра." and topic.edited_at

    client.delete(ref)
    topic.refresh_from_db()
    assert topic.deleted


def test_wrong_secret_fails_the_signature(sandbox, ok_account):
    credential = ok_account.get_credential()
    credential["application_secret_key"] = "0" * 32
    client = get_client(ok_account)
    client.credential = credential
    with pytest.raises(AuthError) as caught:
        client.publish(ok_post(photos=0, poll=False))
    assert caught.value.code == 104
    assert not SandboxPost.objects.exists()


def test_session_secret_key_signs_too(sandbox, ok_account):
    SandboxAccount.objects.filter(network="ok").update(session_secret_key="s3cr3t" * 4)
    client = get_client(ok_account)
    client.credential = {**client.credential, "session_secret_key": "s3cr3t" * 4}
    assert client.check_token() == {"ok": True, "id": "555000111", "name": "Test OK"}


@pytest.mark.parametrize(
    ("kind", "error", "code"),
    [
        ("rate_limit", RateLimited, 8),
        ("auth", AuthError, 102),
    ],
)
def test_failures(sandbox, ok_account, kind, error, code):
    sandbox.fault("ok", kind, method="mediatopic.post")
    with pytest.raises(error) as caught:
        get_client(ok_account).publish(ok_post(photos=0))
    assert caught.value.code == code
    assert not isinstance(caught.value, OutcomeUnknown)
    assert not SandboxPost.objects.exists()


def test_server_error_on_a_post_is_outcome_unknown(sandbox, ok_account):
    """OK has no de-duplication key and a 5xx does not prove it did not post."""
    sandbox.fault("ok", "http500", method="mediatopic.post")
    with pytest.raises(OutcomeUnknown) as caught:
        get_client(ok_account).publish(ok_post(photos=0))
    assert "HTTP 500" in str(caught.value)


def test_server_error_on_a_read_is_transient(sandbox, ok_account):
    sandbox.fault("ok", "http500", method="group.getInfo")
    with pytest.raises(TransientError):
        get_client(ok_account).check_token()


def test_read_timeout_is_outcome_unknown(sandbox, ok_account, settings):
    settings.SYNDICATION_HTTP_TIMEOUT = (1.0, 0.3)
    sandbox.fault("ok", "latency", latency_ms=800, method="mediatopic.post")
    with pytest.raises(OutcomeUnknown):
        get_client(ok_account).publish(ok_post(photos=0, poll=False))


def test_comments_and_block_author(sandbox, ok_account):
    client = get_client(ok_account)
    ref = client.publish(ok_post(photos=0, poll=False))
    topic = SandboxPost.objects.get(remote_id=int(ref.ids[0]))
    spam = add_comment(topic, 9001, "Спам Спамов", "Купи!")
    add_comment(topic, 9002, "Анна", "Отлично")
    comments, cursor = client.fetch_comments(ref.ids[0])
    assert [c.text for c in comments] == ["Купи!", "Отлично"]
    assert client.fetch_comments(ref.ids[0], cursor)[0] == []
    client.delete_comment(ref.ids[0], spam.remote_id, block_author=True)
    spam.refresh_from_db()
    assert spam.deleted and SandboxBan.objects.filter(user_id=9001).exists()


def test_attachment_json_is_signed_as_sent(sandbox, ok_account):
    """The signature covers the raw attachment JSON (Cyrillic included)."""
    client = get_client(ok_account)
    attachment = json.dumps(
        {"media": [{"type": "text", "text": "Ёлка & «кавычки»"}]}, ensure_ascii=False
    )
    topic_id = client.call(
        "mediatopic.post", type="GROUP_THEME", gid="555000111", attachment=attachment
    )
    assert SandboxPost.objects.get(remote_id=int(topic_id)).text == "Ёлка & «кавычки»"
