"""The Telegram client against the sandbox over real HTTP."""

from __future__ import annotations

import pytest

from sandbox.models import SandboxBan, SandboxComment, SandboxPost
from sandbox.pages import add_comment
from syndication.api import (
    AuthError,
    OutcomeUnknown,
    PermanentError,
    RateLimited,
    get_client,
)
from syndication.exceptions import Unsupported
from syndication.networks.base import Attachment, Message, Post
from tests.sandbox import fixtures as testing

pytestmark = pytest.mark.django_db(transaction=True)
# Fixtures shared with other tests of the sandbox.
sandbox = testing.sandbox
telegram_account = testing.telegram_account
PHOTO_URL = testing.PHOTO_URL
HTML = "HTML"


def tg_post(
    text='<b>Главное</b> за день: <a href="https://example.org/n/1">читать</a>',
):
    album = tuple(
        Attachment(
            "photo",
            None,
            PHOTO_URL,
            {"caption": "Фото 1", "parse_mode": HTML} if i == 0 else {},
        )
        for i in range(3)
    )
    poll = {
        "question": "Пойдёте?",
        "options": [{"text": "Да"}, {"text": "Нет"}],
        "is_anonymous": True,
    }
    return Post(
        "telegram",
        [
            Message(
                "sendMessage",
                text,
                HTML,
                options={"link_preview_options": {"is_disabled": True}},
            ),
            Message("sendMediaGroup", "Фото 1", HTML, album, is_caption=True),
            Message(
                "sendPhoto",
                "Одно <i>фото</i>",
                HTML,
                (Attachment("photo", None, PHOTO_URL),),
                True,
            ),
            Message("sendPoll", attachments=(Attachment("poll", None, spec=poll),)),
        ],
    )


def test_publish_edit_delete(sandbox, telegram_account):
    client = get_client(telegram_account)
    ref = client.publish(tg_post())
    assert len(ref.ids) == 1 + 3 + 1 + 1
    assert [m["method"] for m in ref.extra["messages"]][:2] == [
        "sendMessage",
        "sendMediaGroup",
    ]
    first = SandboxPost.objects.get(remote_id=int(ref.ids[0]))
    assert first.text.startswith("<b>Главное</b>") and first.thread_id
    album = SandboxPost.objects.filter(remote_id__in=[int(i) for i in ref.ids[1:4]])
    assert len({p.media_group_id for p in album}) == 1
    assert ref.url.endswith(f"/sandbox/telegram/@test_channel/#m{ref.ids[0]}")

    edited = tg_post(text="<b>Главное</b> за день (уточнено)")
    client.edit(ref, edited)
    client.edit(ref, edited)  # "message is not modified" is not an error
    first.refresh_from_db()
    assert first.text.endswith("(уточнено)") and first.edited_at

    with pytest.raises(Unsupported):
        client.edit(ref, Post("telegram", edited.messages[:1]))

    client.delete(ref)
    assert not SandboxPost.objects.filter(deleted=False).exists()
    client.delete(ref)  # "message to delete not found" means done


def test_bad_html_is_rejected_like_telegram(sandbox, telegram_account):
    with pytest.raises(PermanentError) as caught:
        get_client(telegram_account).publish(
            Post("telegram", [Message("sendMessage", "<p>Абзац</p>", HTML)])
        )
    assert caught.value.code == 400
    assert str(caught.value).endswith(
        'Bad Request: can\'t parse entities: Unsupported start tag "p" at byte offset 0'
    )


@pytest.mark.parametrize(
    ("kind", "error", "code"),
    [
        ("rate_limit", RateLimited, 429),
        ("auth", AuthError, 401),
        # A 5xx does not prove the message was not sent (issue 11.1).
        ("http500", OutcomeUnknown, 500),
    ],
)
def test_failures(sandbox, telegram_account, kind, error, code):
    sandbox.fault("telegram", kind, method="sendMessage")
    with pytest.raises(error) as caught:
        get_client(telegram_account).publish(tg_post())
    assert caught.value.code == code
    if kind == "rate_limit":
        assert caught.value.retry_after == 5
    assert not SandboxPost.objects.exists()


def test_partial_publish_reports_what_was_sent(sandbox, telegram_account):
    sandbox.fault("telegram", "http500", method="sendPoll")
    with pytest.raises(OutcomeUnknown) as caught:
        get_client(telegram_account).publish(tg_post())
    assert len(caught.value.partial_ref.ids) == 5


def test_read_timeout_is_outcome_unknown(sandbox, telegram_account, settings):
    settings.SYNDICATION_HTTP_TIMEOUT = (1.0, 0.3)
    sandbox.fault("telegram", "latency", latency_ms=800, method="sendMessage")
    with pytest.raises(OutcomeUnknown):
        get_client(telegram_account).publish(tg_post())


def test_comments_from_the_discussion_group(sandbox, telegram_account):
    client = get_client(telegram_account)
    ref = client.publish(Post("telegram", [Message("sendMessage", "Пост", HTML)]))
    post = SandboxPost.objects.get(remote_id=int(ref.ids[0]))
    rude = add_comment(post, 777, "Грубиян", "Плохие слова")
    add_comment(post, 778, "Ольга", "Спасибо")

    comments, cursor = client.fetch_comments(ref.ids[0])
    assert [(c.author_id, c.text, c.post_id) for c in comments] == [
        ("777", "Плохие слова", ref.ids[0]),
        ("778", "Спасибо", ref.ids[0]),
    ]
    assert client.fetch_comments(ref.ids[0], cursor)[0] == []

    answer = client.reply(ref.ids[0], rude.remote_id, "Соблюдайте правила.")
    assert SandboxComment.objects.get(remote_id=int(answer)).reply_to == rude.remote_id
    client.delete_comment(ref.ids[0], rude.remote_id)
    rude.refresh_from_db()
    assert rude.deleted
    client.ban(777)
    assert SandboxBan.objects.filter(user_id=777).exists()
    client.unban(777)
    assert not SandboxBan.objects.exists()
    info = client.check_token()
    assert info["ok"] and info["linked_chat_id"] == -1009990001
