"""Telegram wire format of the sandbox: envelopes, limits and the HTML parser."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.demo.media import draw_animation
from sandbox import telegram_html as tg_html
from sandbox.demo import create_account
from sandbox.models import SandboxAccount

pytestmark = pytest.mark.django_db


@pytest.fixture
def bot(db):
    create_account("telegram", "@chan", "Channel", linked_chat_id=-100555)
    return (
        f"/sandbox/telegram/bot{SandboxAccount.objects.get(network='telegram').token}/"
    )


def send(client, bot, method, **params):
    response = client.post(
        bot + method, json.dumps(params), content_type="application/json"
    )
    return response.status_code, response.json()


def test_send_message_envelope(client, bot):
    status, body = send(
        client,
        bot,
        "sendMessage",
        chat_id="@chan",
        text="<b>Жирный</b> &amp; текст",
        parse_mode="HTML",
    )
    assert status == 200 and body["ok"] is True
    assert body["result"]["text"] == "Жирный & текст"
    assert body["result"]["chat"]["username"] == "chan"


def test_method_names_are_case_insensitive_and_form_encoded(client, bot):
    response = client.post(bot + "SENDMESSAGE", {"chat_id": "@chan", "text": "hi"})
    assert response.json()["ok"]


@pytest.mark.parametrize(
    ("method", "params", "status", "description"),
    [
        ("sendMessage", {"text": "<p>x</p>", "parse_mode": "HTML"},
         400, 'Bad Request: can\'t parse entities: Unsupported start tag "p" at byte offset 0'),
        ("sendMessage", {"text": "<b>x", "parse_mode": "HTML"},
         400, 'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"'),
        ("sendMessage", {"text": "<b>x</i>", "parse_mode": "HTML"},
         400, 'Bad Request: can\'t parse entities: Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("sendMessage", {"text": "я" * 4097}, 400, "Bad Request: message is too long"),
        ("sendMessage", {"text": " "}, 400, "Bad Request: message text is empty"),
        ("sendMessage", {"text": "x", "chat_id": "@other"}, 400, "Bad Request: chat not found"),
        ("sendPhoto", {"photo": "https://e.org/a.jpg", "caption": "я" * 1025},
         400, "Bad Request: message caption is too long"),
        ("sendMediaGroup", {"media": [{"type": "photo", "media": "https://e.org/a.jpg"}] * 11},
         400, "Bad Request: too many messages to send as an album"),
        ("sendMediaGroup", {"media": []}, 400, "Bad Request: there are no messages to send"),
        ("sendPoll", {"question": "Q", "options": [str(i) for i in range(13)]},
         400, "Bad Request: poll can't have more than 12 options"),
        ("sendPoll", {"question": "Q", "options": ["a", "b"], "is_anonymous": False},
         400, "Bad Request: non-anonymous polls can't be sent to channel chats"),
        ("editMessageText", {"message_id": 999, "text": "x"}, 400, "Bad Request: message to edit not found"),
        ("deleteMessage", {"message_id": 999}, 400, "Bad Request: message to delete not found"),
        ("noSuchMethod", {}, 404, "Not Found"),
    ],
)  # fmt: skip
def test_rejections(client, bot, method, params, status, description):
    got_status, body = send(client, bot, method, **{"chat_id": "@chan", **params})
    assert (got_status, body) == (
        status,
        {"ok": False, "error_code": status, "description": description},
    )


def test_bad_token(client, bot):
    status, body = send(client, "/sandbox/telegram/bot123:nope/", "getMe")
    assert (status, body["description"]) == (401, "Unauthorized")


def test_album_of_uploads_and_emoji_length(client, bot):
    media = [
        {
            "type": "photo",
            "media": f"attach://f{i}",
            "caption": "😀" * 512 if i == 0 else "",
        }
        for i in range(2)
    ]
    files = {
        f"f{i}": SimpleUploadedFile(f"{i}.png", b"PNG", "image/png") for i in range(2)
    }
    response = client.post(
        bot + "sendMediaGroup",
        {"chat_id": "@chan", "media": json.dumps(media), **files},
    )
    result = response.json()["result"]
    assert (
        len(result) == 2 and result[0]["media_group_id"] == result[1]["media_group_id"]
    )
    media[0]["caption"] = "😀" * 513  # 1026 UTF-16 units
    files = {
        f"f{i}": SimpleUploadedFile(f"{i}.png", b"PNG", "image/png") for i in range(2)
    }
    response = client.post(
        bot + "sendMediaGroup",
        {"chat_id": "@chan", "media": json.dumps(media), **files},
    )
    assert response.json()["description"] == "Bad Request: message caption is too long"


def test_per_chat_limit_is_twenty_a_minute(client, bot):
    statuses = [
        send(client, bot, "sendMessage", chat_id="@chan", text=str(i))[0]
        for i in range(21)
    ]
    assert statuses == [200] * 20 + [429]
    _, body = send(client, bot, "sendMessage", chat_id="@chan", text="again")
    assert body["parameters"]["retry_after"] >= 1
    assert body["description"].startswith("Too Many Requests: retry after ")


def test_html_parser_accepts_telegram_markup():
    text = ('<b>b</b><strong>s</strong><i>i</i><u>u</u><s>s</s><span class="tg-spoiler">x</span>'
            '<tg-spoiler>y</tg-spoiler><a href="https://e.org/?a=1&amp;b=2">l</a><code>c</code>'
            '<pre><code class="language-py">p</code></pre><blockquote expandable>q</blockquote>'
            "&lt;&gt;&quot;&#169;&copy;")  # fmt: skip
    assert tg_html.parse(text) == 'bsiusxylcpq<>"©&copy;'
    with pytest.raises(tg_html.HtmlParseError, match="must have class"):
        tg_html.parse("<span>x</span>")
    with pytest.raises(tg_html.HtmlParseError, match="byte offset 2"):
        tg_html.parse("я<br>")


def test_send_animation_upload_url_and_caption_edit(client, bot):
    """sendAnimation (the demo's GIF block) is a Bot API method: a multipart upload or a
    URL, a caption of up to 1024, a Message with ``animation`` and ``document``."""
    gif = draw_animation(frames=4)
    response = client.post(
        bot + "sendAnimation",
        {
            "chat_id": "@chan",
            "caption": "<b>Как подать</b> заявление",
            "parse_mode": "HTML",
            "animation": SimpleUploadedFile("a.gif", gif, "image/gif"),
        },
    )
    assert response.status_code == 200, response.content
    message = response.json()["result"]
    assert message["caption"] == "Как подать заявление"
    assert message["animation"]["mime_type"] == "image/gif"
    assert (message["animation"]["width"], message["animation"]["height"]) == (480, 160)
    assert message["animation"]["file_size"] == len(gif)
    assert message["document"]["file_id"] == message["animation"]["file_id"]
    assert "photo" not in message

    # the caption of an animation is edited like a photo's
    status, body = send(
        client, bot, "editMessageCaption", chat_id="@chan",
        message_id=message["message_id"], caption="Новая подпись",
    )  # fmt: skip
    assert (status, body["result"]["caption"]) == (200, "Новая подпись")

    status, body = send(
        client, bot, "sendAnimation", chat_id="@chan",
        animation="https://e.org/a.gif", caption="я" * 1025,
    )  # fmt: skip
    assert (status, body["description"]) == (
        400,
        "Bad Request: message caption is too long",
    )
    status, body = send(client, bot, "sendAnimation", chat_id="@chan")
    assert (status, body["description"]) == (
        400,
        "Bad Request: there is no animation in the request",
    )
