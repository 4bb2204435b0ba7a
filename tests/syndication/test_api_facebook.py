"""The Facebook Pages client on the wire, against a fake ``requests`` session: the
Graph requests it makes, and each Graph error mapped to its exception class."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
import requests

from syndication.api import (
    AuthError,
    OutcomeUnknown,
    PermanentError,
    RateLimited,
    RemoteRef,
    TransientError,
    Unsupported,
    get_client,
)
from syndication.api.facebook import FacebookClient, parse
from syndication.networks.base import Attachment, Message, Post

# The shared rate limiter keeps its windows in the database.
pytestmark = pytest.mark.django_db

GRAPH = "https://graph.example.test/v19.0"
PAGE = "546349135390552"
TOKEN = "EAAB-page-token"


class FakeResponse:
    def __init__(self, status=200, body=None, text=None, headers=None):
        self.status_code = status
        self._body = body
        self.text = text if text is not None else json.dumps(body)
        self.headers = headers or {}

    def json(self):
        if self._body is None:
            raise ValueError("no JSON")
        return self._body


class FakeSession:
    """Answers queued responses in order and records every request."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.requests = []

    def request(self, method, url, **kwargs):
        self.requests.append((method, url, kwargs))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


@pytest.fixture(autouse=True)
def graph(settings, tmp_path):
    settings.GRAPH_API_URL = GRAPH
    settings.FACEBOOK_RATE = (1000, 1.0)
    settings.RATE_LIMIT_REDIS_URL = ""
    settings.MEDIA_ROOT = str(tmp_path)
    settings.MEDIA_URL = "/media/"
    (tmp_path / "p.jpg").write_bytes(b"\xff\xd8jpeg")
    (tmp_path / "v.mp4").write_bytes(b"mp4")


def client(*answers) -> FacebookClient:
    account = SimpleNamespace(network="facebook", external_id=PAGE)
    return FacebookClient(
        account, {"page_access_token": TOKEN}, session=FakeSession(*answers)
    )


def ok(body):
    return FakeResponse(200, body)


def error(code, subcode=None, status=400, **extra):
    body = {"message": "m", "type": "OAuthException", "code": code, "fbtrace_id": "x"}
    if subcode is not None:
        body["error_subcode"] = subcode
    body.update(extra)
    return FakeResponse(status, {"error": body})


PHOTO = "http://testserver/media/p.jpg"


def fb_post(photos=0, link="https://site.ru/n/1/", videos=0, text="Новость."):
    attachments = tuple(Attachment("photo", None, PHOTO) for _ in range(photos))
    options = {} if photos or not link else {"link": link}
    messages = [Message("feed", text, attachments=attachments, options=options)]
    for n in range(videos):
        clip = Attachment(
            "video", None, "http://testserver/media/v.mp4", {"title": "Ролик"}
        )
        messages.append(Message("videos", f"Описание {n}", attachments=(clip,)))
    return Post("facebook", messages)


def test_text_post_sends_message_and_link_with_the_page_token():
    c = client(ok({"id": f"{PAGE}_1"}))
    ref = c.publish(fb_post())
    ((method, url, kwargs),) = c.session.requests
    assert (method, url) == ("POST", f"{GRAPH}/{PAGE}/feed")
    assert kwargs["data"] == {
        "message": "Новость.",
        "link": "https://site.ru/n/1/",
        "access_token": TOKEN,
    }
    assert ref.ids == [f"{PAGE}_1"]
    assert ref.url == f"https://www.facebook.com/{PAGE}/posts/1"
    assert RemoteRef.from_dict(ref.to_dict()) == ref


def test_photos_are_uploaded_unpublished_then_attached_by_id():
    c = client(ok({"id": "901"}), ok({"id": "902"}), ok({"id": f"{PAGE}_2"}))
    ref = c.publish(fb_post(photos=2))
    upload, second, feed = c.session.requests
    assert upload[:2] == ("POST", f"{GRAPH}/{PAGE}/photos")
    assert upload[2]["data"] == {"published": "false", "access_token": TOKEN}
    assert upload[2]["files"]["source"][1] == b"\xff\xd8jpeg"
    assert feed[1] == f"{GRAPH}/{PAGE}/feed"
    assert feed[2]["data"] == {
        "message": "Новость.",
        "attached_media[0]": '{"media_fbid": "901"}',
        "attached_media[1]": '{"media_fbid": "902"}',
        "access_token": TOKEN,
    }
    assert "link" not in feed[2]["data"]
    assert ref.extra["photo_ids"] == ["901", "902"]


def test_videos_follow_as_page_videos_and_all_ids_are_kept():
    c = client(ok({"id": f"{PAGE}_3"}), ok({"id": "777"}))
    ref = c.publish(fb_post(videos=1))
    video = c.session.requests[1]
    assert video[:2] == ("POST", f"{GRAPH}/{PAGE}/videos")
    assert video[2]["data"] == {
        "title": "Ролик",
        "description": "Описание 0",
        "access_token": TOKEN,
    }
    assert video[2]["files"]["source"][1] == b"mp4"
    assert ref.ids == [f"{PAGE}_3", "777"]


def test_a_failed_video_keeps_the_partial_ref():
    c = client(ok({"id": f"{PAGE}_3"}), error(1, status=500))
    with pytest.raises(OutcomeUnknown) as caught:  # the video may be up (issue 11.1)
        c.publish(fb_post(videos=1))
    assert caught.value.partial_ref.ids == [f"{PAGE}_3"]


def test_edit_changes_the_text_and_refuses_a_new_photo_set():
    c = client(ok({"success": True}))
    ref = RemoteRef([f"{PAGE}_4"], extra={"photo_urls": [], "photo_ids": []})
    new = c.edit(ref, fb_post(text="Исправлено."))
    ((method, url, kwargs),) = c.session.requests
    assert (method, url) == ("POST", f"{GRAPH}/{PAGE}_4")
    assert kwargs["data"]["message"] == "Исправлено."
    assert new.ids == ref.ids
    with pytest.raises(Unsupported):
        client().edit(ref, fb_post(photos=1))


def test_delete_removes_post_and_photos_and_gone_is_done():
    c = client(ok({"success": True}), error(100, 33))
    c.delete(RemoteRef([f"{PAGE}_5"], extra={"photo_ids": ["901"]}))
    assert [(m, u) for m, u, _ in c.session.requests] == [
        ("DELETE", f"{GRAPH}/{PAGE}_5"),
        ("DELETE", f"{GRAPH}/901"),
    ]
    assert c.session.requests[0][2]["params"] == {}
    assert c.session.requests[0][2]["headers"] == {"Authorization": f"Bearer {TOKEN}"}
    with pytest.raises(PermanentError):
        client(error(200)).delete(RemoteRef([f"{PAGE}_5"]))


def test_check_token_reads_the_page_and_code_190_is_auth():
    c = client(ok({"id": PAGE, "name": "Вестник"}))
    assert c.check_token() == {"ok": True, "id": PAGE, "name": "Вестник"}
    method, url, kwargs = c.session.requests[0]
    assert (method, url) == ("GET", f"{GRAPH}/{PAGE}")
    assert kwargs["params"]["fields"] == "id,name"
    with pytest.raises(AuthError):
        client(error(190, 463, status=401)).check_token()
    with pytest.raises(PermanentError):  # a token of another page
        client(ok({"id": "1", "name": "Чужая"})).check_token()


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (error(190, status=401), AuthError),
        (error(102), AuthError),
        (error(100, 460), AuthError),
        (error(10, status=403), AuthError),
        (error(4, status=403), RateLimited),
        (error(17), RateLimited),
        (error(32), RateLimited),
        (error(613), RateLimited),
        (error(368), RateLimited),
        # Server-side errors do not prove a post was not made (issue 11.1): a
        # create gets OutcomeUnknown, an idempotent call TransientError (below).
        (error(1, status=500), OutcomeUnknown),
        (error(2, status=503), OutcomeUnknown),
        (error(100, is_transient=True), OutcomeUnknown),
        (FakeResponse(502, None, text="Bad Gateway"), OutcomeUnknown),
        (FakeResponse(429, None, text=""), RateLimited),
        (error(100), PermanentError),
        (error(200, status=403), PermanentError),
        (error(506), PermanentError),
        (error(1609005), PermanentError),
    ],
)
def test_error_mapping(answer, expected):
    with pytest.raises(expected) as caught:
        parse(answer)
    assert type(caught.value) is expected


@pytest.mark.parametrize(
    "answer",
    [
        error(1, status=500),
        error(2, status=503),
        FakeResponse(502, None, text="Bad Gateway"),
    ],
)
def test_server_errors_of_an_idempotent_call_are_transient(answer):
    with pytest.raises(TransientError) as caught:
        parse(answer, idempotent=True)
    assert type(caught.value) is TransientError


def test_rate_limit_waits_what_the_usage_header_says():
    usage = {PAGE: [{"type": "pages", "estimated_time_to_regain_access": 7}]}
    answer = error(32)
    answer.headers = {"X-Business-Use-Case-Usage": json.dumps(usage)}
    with pytest.raises(RateLimited) as caught:
        parse(answer)
    assert caught.value.retry_after == 420
    with pytest.raises(RateLimited) as caught:
        parse(error(17))
    assert caught.value.retry_after == 60


def test_unreadable_answer_of_a_post_is_outcome_unknown():
    c = client(FakeResponse(200, None, text="<html>"))
    with pytest.raises(OutcomeUnknown) as caught:
        c.publish(fb_post())
    assert not getattr(caught.value, "dedup_key", "")  # no idempotency key on Graph


def test_read_timeout_of_the_feed_post_is_outcome_unknown():
    c = client(requests.ReadTimeout("slow"))
    with pytest.raises(OutcomeUnknown):
        c.publish(fb_post())


def test_fetch_comments_pages_with_the_after_cursor_and_skips_the_page():
    page = {
        "data": [
            {"id": "4_10", "message": "Когда?", "from": {"id": "77", "name": "Анна"},
             "created_time": "2026-12-01T11:00:00+0000"},
            {"id": "4_11", "message": "Ответ страницы", "from": {"id": PAGE, "name": "В"},
             "created_time": "2026-12-01T11:05:00+0000", "parent": {"id": "4_10"}},
            {"id": "4_12", "message": "Спасибо", "from": {"id": "78", "name": "Олег"},
             "created_time": "2026-12-01T11:06:00+0000", "parent": {"id": "4_10"}},
        ],
        "paging": {"cursors": {"before": "b1", "after": "a1"}},
    }  # fmt: skip
    c = client(ok(page), ok({"data": [], "paging": {}}))
    comments, cursor = c.fetch_comments(f"{PAGE}_4")
    assert [x.id for x in comments] == ["4_10", "4_12"]
    assert comments[1].reply_to == "4_10" and comments[1].author_name == "Олег"
    assert comments[0].date.isoformat() == "2026-12-01T11:00:00+00:00"
    assert cursor == "a1"
    params = c.session.requests[0][2]["params"]
    assert params["filter"] == "stream" and params["order"] == "chronological"
    assert "after" not in params
    assert c.fetch_comments(f"{PAGE}_4", "a1") == ([], None)
    assert c.session.requests[1][2]["params"]["after"] == "a1"


def test_moderation_calls():
    c = client(
        ok({"success": True}),
        ok({"success": True}),
        ok({"id": "4_20"}),
        ok({"77": True}),
        ok({"success": True}),
    )
    c.hide_comment(f"{PAGE}_4", "4_10")
    c.delete_comment(f"{PAGE}_4", "4_10")
    assert c.reply(f"{PAGE}_4", "4_12", "Спасибо за вопрос") == "4_20"
    assert c.ban("77", 1, until="tomorrow") == {"77": True, "until_ignored": True}
    c.unban("77")
    sent = [(m, u, k.get("data", k.get("params"))) for m, u, k in c.session.requests]
    assert sent == [
        ("POST", f"{GRAPH}/4_10", {"is_hidden": "true", "access_token": TOKEN}),
        ("DELETE", f"{GRAPH}/4_10", {}),
        ("POST", f"{GRAPH}/4_12/comments",
         {"message": "Спасибо за вопрос", "access_token": TOKEN}),
        ("POST", f"{GRAPH}/{PAGE}/blocked", {"user": "77", "access_token": TOKEN}),
        ("DELETE", f"{GRAPH}/{PAGE}/blocked", {"user": "77"}),
    ]  # fmt: skip
    with pytest.raises(PermanentError):
        client(ok({"77": False})).ban("77")


def test_calls_pass_the_shared_rate_limiter(monkeypatch):
    keys = []
    monkeypatch.setattr(
        "syndication.ratelimit.acquire", lambda key, rate, per: keys.append((rate, per))
    )
    client(ok({"id": PAGE, "name": "x"})).check_token()
    assert keys == [(1000, 1.0)]


def test_registered_client_reads_the_page_token():
    account = SimpleNamespace(
        network="facebook",
        external_id=PAGE,
        get_credential=lambda: {"page_access_token": TOKEN, "user_access_token": "u"},
    )
    c = get_client(account)
    assert isinstance(c, FacebookClient) and c.token == TOKEN


def test_get_banned_pages_through_the_blocked_edge():
    first = {
        "data": [{"id": "77", "name": "Анна"}],
        "paging": {"cursors": {"after": "c1"}, "next": "https://graph/next"},
    }
    c = client(ok(first), ok({"data": [{"id": "78", "name": "Олег"}], "paging": {}}))
    assert c.get_banned() == [
        {"id": "77", "profile": {"id": "77", "first_name": "Анна"}},
        {"id": "78", "profile": {"id": "78", "first_name": "Олег"}},
    ]
    assert c.session.requests[1][2]["params"]["after"] == "c1"


def test_a_failed_get_or_delete_never_shows_the_token(settings):
    """A refused connection's message quotes the URL (urllib3 "Max retries exceeded
    with url: ..."); that message lands in the delivery's ``last_error`` and the log,
    so the Page token must not ride in the query string of a GET or DELETE."""
    import socket

    with socket.socket() as probe:  # a local port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.GRAPH_API_URL = f"http://127.0.0.1:{port}/v19.0"
    account = SimpleNamespace(network="facebook", external_id=PAGE)
    api = FacebookClient(account, {"page_access_token": TOKEN})
    for action in (
        lambda: api.delete(RemoteRef([f"{PAGE}_5"])),
        api.check_token,
        lambda: api.fetch_comments(f"{PAGE}_5"),
    ):
        with pytest.raises(TransientError) as caught:
            action()
        assert "127.0.0.1" in str(caught.value)  # the message does quote the URL
        assert TOKEN not in str(caught.value)


def test_an_edit_that_may_have_uploaded_a_video_is_not_repeated_blindly():
    """The delivery repeats a failed edit blindly (edits are idempotent), but an edit
    that adds a Page video is not: once a new video may exist, the error carries the
    partial ref, so a person checks instead of a second upload."""
    from syndication.delivery.outcome import sent_in_part

    ref = RemoteRef([f"{PAGE}_4"], extra={"photo_urls": [], "photo_ids": []})
    timed_out = client(ok({"success": True}), requests.ReadTimeout("slow"))
    with pytest.raises(OutcomeUnknown) as caught:
        timed_out.edit(ref, fb_post(videos=1))
    assert sent_in_part(caught.value)
    assert caught.value.partial_ref.ids == [f"{PAGE}_4"]

    refused = requests.ConnectionError("Connection refused")
    second_fails = client(ok({"success": True}), ok({"id": "778"}), refused)
    with pytest.raises(TransientError) as caught:
        second_fails.edit(ref, fb_post(videos=2))
    assert caught.value.partial_ref.ids == [f"{PAGE}_4", "778"]

    # Nothing new uploaded yet: repeating the whole edit is safe, no partial ref.
    nothing_new = client(ok({"success": True}), refused)
    with pytest.raises(TransientError) as caught:
        nothing_new.edit(ref, fb_post(videos=1))
    assert not sent_in_part(caught.value)
