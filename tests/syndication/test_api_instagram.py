"""The Instagram client on the wire, against a fake ``requests`` session: the
container → status → media_publish flow, public JPEG URLs for every image (the
generated card included), comments, and each Graph error mapped to its class."""

from __future__ import annotations

import io
import json
import uuid
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlparse

import pytest
import requests
from PIL import Image

from syndication.api import (
    AuthError,
    OutcomeUnknown,
    PermanentError,
    RateLimited,
    TransientError,
    Unsupported,
    get_client,
)
from syndication.api.instagram import InstagramClient, parse
from syndication.networks import get_network
from syndication.networks.base import Attachment, Message, Post
from syndication.render import cover_card
from tests.syndication import samples

pytestmark = pytest.mark.django_db  # the rate limiter keeps its windows there

GRAPH = "https://graph.example.test/v19.0"
IG = "17841400000000001"
TOKEN = "IGQ-test-token"
SITE = "https://vestnik.example.ru"


class FakeResponse:
    def __init__(self, status=200, body=None, text=None):
        self.status_code = status
        self._body = body
        self.text = text if text is not None else json.dumps(body)
        self.headers = {}

    def json(self):
        if self._body is None:
            raise ValueError("no JSON")
        return self._body


def ok(body) -> FakeResponse:
    return FakeResponse(200, body)


def graph_error(code, subcode=None, status=400, message="Error", **extra):
    error = {"message": message, "type": "OAuthException", "code": code, **extra}
    if subcode is not None:
        error["error_subcode"] = subcode
    return FakeResponse(status, {"error": error})


class FakeSession:
    """Answers queued responses in order and records every request."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.requests = []

    def request(self, method, url, **kwargs):
        self.requests.append(SimpleNamespace(method=method, url=url, **kwargs))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    def sent(self, index):
        """(method, path after the version, parameters) of request ``index``."""
        r = self.requests[index]
        params = getattr(r, "data", None) or getattr(r, "params", None) or {}
        return r.method, r.url[len(GRAPH) + 1 :], dict(params)


@pytest.fixture(autouse=True)
def graph(settings, tmp_path):
    settings.GRAPH_API_URL = GRAPH
    settings.INSTAGRAM_API_URL = ""
    settings.INSTAGRAM_RATE = (1000, 1.0)
    settings.INSTAGRAM_STATUS_POLL = (1.0, 4.0, 11.0)
    settings.RATE_LIMIT_REDIS_URL = ""
    settings.MEDIA_ROOT = str(tmp_path)
    settings.MEDIA_URL = "/media/"
    jpeg = io.BytesIO()
    Image.new("RGB", (1080, 1080), (10, 120, 10)).save(jpeg, "JPEG")
    (tmp_path / "ready.jpg").write_bytes(jpeg.getvalue())
    png = io.BytesIO()
    Image.new("RGB", (50, 400), (200, 10, 10)).save(png, "PNG")
    (tmp_path / "tall.png").write_bytes(png.getvalue())
    return tmp_path


def client(*answers) -> InstagramClient:
    account = SimpleNamespace(network="instagram", external_id="ignored")
    instance = InstagramClient(
        account,
        {"access_token": TOKEN, "ig_user_id": IG},
        session=FakeSession(*answers),
    )
    instance.waits = []
    instance.sleep = instance.waits.append
    return instance


def photo(name="ready.jpg", alt="Зал центра") -> Attachment:
    return Attachment("photo", None, f"{SITE}/media/{name}", {"alt": alt})


def ig_post(*attachments, media_type="IMAGE", text="Подпись #соцзащита") -> Post:
    return Post(
        "instagram",
        [
            Message(
                "media",
                text,
                attachments=attachments,
                options={"media_type": media_type},
            )
        ],
    )


def status(code) -> FakeResponse:
    return ok({"status_code": code, "id": "c"})


def test_single_image_two_steps_with_status_polling():
    c = client(
        ok({"id": "C1"}), status("IN_PROGRESS"), status("FINISHED"),
        ok({"id": "M1"}), ok({"permalink": "https://www.instagram.com/p/abc/", "id": "M1"}),
    )  # fmt: skip
    ref = c.publish(ig_post(photo()))
    assert ref.ids == ["M1"] and ref.url == "https://www.instagram.com/p/abc/"
    assert ref.extra == {"ig_user_id": IG, "media_type": "IMAGE", "container_id": "C1"}
    method, path, params = c.session.sent(0)
    assert (method, path) == ("POST", f"{IG}/media")
    assert params == {
        "image_url": f"{SITE}/media/ready.jpg",  # a ready JPEG goes as it is
        "caption": "Подпись #соцзащита",
        "alt_text": "Зал центра",
        "access_token": TOKEN,
    }
    assert c.session.sent(1)[:2] == ("GET", "C1")
    assert c.session.sent(1)[2]["fields"] == "status_code,status"
    assert c.session.sent(3) == (
        "POST", f"{IG}/media_publish", {"creation_id": "C1", "access_token": TOKEN},
    )  # fmt: skip
    assert c.waits == [1.0]  # one IN_PROGRESS answer, one wait


def test_a_png_is_re_encoded_and_served_from_the_site(graph):
    c = client(ok({"id": "C1"}), status("FINISHED"), ok({"id": "M1"}), ok({}))
    c.publish(ig_post(photo("tall.png")))
    url = c.session.sent(0)[2]["image_url"]
    assert url.startswith(f"{SITE}/media/syndication/instagram/") and url.endswith(
        ".jpg"
    )
    stored = Path(graph) / urlparse(url).path.removeprefix("/media/")
    assert cover_card.instagram_ready(stored.read_bytes())


def test_the_generated_card_is_drawn_stored_and_passed_by_url(graph):
    piece = samples.base_piece(
        [samples.paragraph(1, 1)],
        url=f"{SITE}/news/1/",
        cover=samples.photo(1).__class__(f"{SITE}/media/ready.jpg"),
    )
    post = get_network("instagram").render(piece)
    c = client(ok({"id": "C1"}), status("FINISHED"), ok({"id": "M1"}), ok({}))
    c.publish(post)
    url = c.session.sent(0)[2]["image_url"]
    assert url.startswith(f"{SITE}/media/syndication/cards/") and url.endswith(".jpg")
    data = (Path(graph) / urlparse(url).path.removeprefix("/media/")).read_bytes()
    card = Image.open(io.BytesIO(data))
    assert card.format == "JPEG" and card.size == (1080, 1080)
    # Drawn over the green cover: darkened green, not the plain blue.
    r, g, b = card.convert("RGB").getpixel((3, 3))
    assert g > b and g > r
    # The same card again is the same file, stored once.
    c2 = client(ok({"id": "C2"}), status("FINISHED"), ok({"id": "M2"}), ok({}))
    c2.publish(post)
    assert c2.session.sent(0)[2]["image_url"] == url
    assert len(list((Path(graph) / "syndication/cards").iterdir())) == 1


def test_carousel_children_then_parent_then_publish():
    video = Attachment("video", None, f"{SITE}/documents/8/m.mp4", {})
    c = client(
        ok({"id": "K1"}), ok({"id": "K2"}), status("FINISHED"), status("FINISHED"),
        ok({"id": "P"}), status("FINISHED"), ok({"id": "M9"}), ok({}),
    )  # fmt: skip
    ref = c.publish(ig_post(photo(), video, media_type="CAROUSEL"))
    first, second = c.session.sent(0)[2], c.session.sent(1)[2]
    assert first["is_carousel_item"] == "true" and "caption" not in first
    assert second["video_url"] == f"{SITE}/documents/8/m.mp4"
    assert second["media_type"] == "VIDEO" and second["is_carousel_item"] == "true"
    parent = c.session.sent(4)[2]
    assert parent["media_type"] == "CAROUSEL" and parent["children"] == "K1,K2"
    assert parent["caption"] == "Подпись #соцзащита"
    assert c.session.sent(6)[2]["creation_id"] == "P"
    assert ref.ids == ["M9"]


def test_reel():
    video = Attachment("video", None, f"{SITE}/documents/8/m.mp4", {})
    c = client(ok({"id": "R"}), status("FINISHED"), ok({"id": "M"}), ok({}))
    c.publish(ig_post(video, media_type="REELS"))
    params = c.session.sent(0)[2]
    assert params["media_type"] == "REELS" and params["video_url"].endswith("m.mp4")
    assert params["share_to_feed"] == "true" and "is_carousel_item" not in params


@pytest.mark.parametrize("final", ["ERROR", "EXPIRED"])
def test_a_failed_container_is_permanent_with_a_clear_message(final):
    answer = ok({"status_code": final, "status": "Error: unsupported format"})
    c = client(ok({"id": "C1"}), status("IN_PROGRESS"), answer)
    with pytest.raises(PermanentError) as caught:
        c.publish(ig_post(photo()))
    assert final in str(caught.value) and "C1" in str(caught.value)
    assert caught.value.partial_ref.extra["container_id"] == "C1"
    assert not any(r.url.endswith("media_publish") for r in c.session.requests)


def test_waiting_is_bounded_with_growing_pauses():
    c = client(ok({"id": "C1"}), *[status("IN_PROGRESS") for _ in range(6)])
    with pytest.raises(TransientError) as caught:
        c.publish(ig_post(photo()))
    assert c.waits == [1.0, 2.0, 4.0, 4.0]  # doubling up to 4 s, 11 s in all
    assert "still IN_PROGRESS" in str(caught.value)


def test_media_not_ready_at_publish_waits_and_publishes_again():
    c = client(
        ok({"id": "C1"}), status("FINISHED"),
        graph_error(9007, 2207027, message="Media ID is not available"),
        status("IN_PROGRESS"), status("FINISHED"), ok({"id": "M1"}), ok({}),
    )  # fmt: skip
    assert c.publish(ig_post(photo())).ids == ["M1"]


def test_unknown_publish_outcome_is_resent_only_if_the_container_is_unpublished():
    timeout = requests.ReadTimeout("read timed out")
    c = client(
        ok({"id": "C1"}), status("FINISHED"), timeout, status("FINISHED"),
        ok({"id": "M1"}), ok({}),
    )  # fmt: skip
    assert c.publish(ig_post(photo())).ids == ["M1"]
    c = client(ok({"id": "C1"}), status("FINISHED"), timeout, status("PUBLISHED"))
    with pytest.raises(OutcomeUnknown):
        c.publish(ig_post(photo()))


@pytest.mark.parametrize(
    "answer, error_class, retry_after",
    [
        (graph_error(190, 463, message="Session has expired"), AuthError, None),
        (graph_error(10, message="Permission denied"), AuthError, None),
        (
            graph_error(4, message="Application request limit reached"),
            RateLimited,
            60.0,
        ),
        (graph_error(17, message="User request limit reached"), RateLimited, 300.0),
        (graph_error(9, 2207042, message="limit"), RateLimited, 3600.0),
        (graph_error(4, 2207051, message="spam"), PermanentError, None),
        (graph_error(-2, 2207003, message="timeout"), TransientError, 30.0),
        (graph_error(-1, 2207001, message="server"), TransientError, 10.0),
        (graph_error(9007, 2207027, message="not ready"), TransientError, 30.0),
        (
            graph_error(2, message="Service temporarily unavailable"),
            TransientError,
            5.0,
        ),
        (graph_error(36000, 2207004, message="too large"), PermanentError, None),
        (graph_error(100, message="Invalid parameter"), PermanentError, None),
        (FakeResponse(500, None, text="<html>"), TransientError, None),
        (FakeResponse(429, None, text=""), RateLimited, 60.0),
    ],
)
def test_graph_errors_map_to_classes(answer, error_class, retry_after):
    with pytest.raises(error_class) as caught:
        parse(answer)
    assert type(caught.value) is error_class
    if retry_after is not None:
        assert caught.value.retry_after == retry_after


def test_error_user_message_is_kept():
    answer = graph_error(36000, 2207004, error_user_msg="It should be less than 8 MiB.")
    with pytest.raises(PermanentError, match="less than 8 MiB"):
        parse(answer)


def test_unreadable_answer():
    bad = FakeResponse(200, None, text="<html>")
    with pytest.raises(OutcomeUnknown):
        parse(bad)
    with pytest.raises(TransientError):
        parse(bad, idempotent=True)


def test_edit_is_unsupported_and_delete_only_when_enabled(settings):
    c = client(ok({"success": True}))
    with pytest.raises(Unsupported):
        c.edit({"ids": ["M1"]}, ig_post(photo()))
    with pytest.raises(Unsupported):
        c.delete({"ids": ["M1"]})
    settings.INSTAGRAM_MEDIA_DELETE = "1"
    c.delete({"ids": ["M1"]})
    assert c.session.sent(0) == ("DELETE", "M1", {"access_token": TOKEN})


def test_check_token():
    me = {"id": IG, "username": "vestnik", "name": "Вестник", "followers_count": 1200}
    c = client(ok(me))
    assert c.check_token() == {
        "ok": True,
        "id": IG,
        "name": "Вестник",
        "username": "vestnik",
        "subscribers": 1200,
    }
    method, path, params = c.session.sent(0)
    assert (method, path) == ("GET", IG)
    assert params["fields"] == "id,username,name,followers_count"
    with pytest.raises(AuthError):
        client(graph_error(190, message="Invalid OAuth access token")).check_token()


def test_fetch_comments_with_replies_paging_and_cursor():
    first = ok({
        "data": [
            {"id": "101", "text": "Спасибо!", "timestamp": "2026-12-01T10:00:00+0000",
             "username": "reader1", "from": {"id": "9001", "username": "reader1"},
             "replies": {"data": [
                 {"id": "102", "text": "Ответ", "timestamp": "2026-12-01T10:05:00+0000",
                  "from": {"id": IG, "username": "vestnik"}},
                 {"id": "103", "text": "И я", "timestamp": "2026-12-01T10:06:00+0000",
                  "from": {"id": "9002", "username": "reader2"}},
             ]}},
        ],
        "paging": {"cursors": {"after": "A1"}, "next": f"{GRAPH}/M1/comments?after=A1"},
    })  # fmt: skip
    second = ok({
        "data": [{"id": "104", "text": "Когда?", "timestamp": "2026-12-01T11:00:00+0000",
                  "from": {"id": "9003", "username": "reader3"}}],
        "paging": {"cursors": {"after": "A2"}},
    })  # fmt: skip
    c = client(first, second)
    comments, cursor = c.fetch_comments("M1")
    assert [x.id for x in comments] == ["101", "103", "104"]  # our own reply skipped
    assert comments[1].reply_to == "101" and comments[1].author_name == "reader2"
    assert comments[0].author_id == "9001" and comments[0].date.year == 2026
    assert cursor == "2026-12-01T11:00:00+0000"
    assert c.session.sent(0)[:2] == ("GET", "M1/comments")
    assert "replies{" in c.session.sent(0)[2]["fields"]
    assert c.session.sent(1)[2]["after"] == "A1"
    # Next time, only what is not older than the cursor comes back.
    again, _ = client(first, second).fetch_comments("M1", cursor)
    assert [x.id for x in again] == ["104"]


def test_hide_delete_reply():
    c = client(ok({"success": True}), ok({"success": True}), ok({"id": "555"}))
    c.hide_comment("M1", "101")
    c.delete_comment("M1", "101")
    assert c.reply("M1", "101", "Спасибо за вопрос") == "555"
    assert c.session.sent(0) == ("POST", "101", {"hide": "true", "access_token": TOKEN})
    assert c.session.sent(1) == ("DELETE", "101", {"access_token": TOKEN})
    assert c.session.sent(2) == (
        "POST", "101/replies", {"message": "Спасибо за вопрос", "access_token": TOKEN},
    )  # fmt: skip
    gone = client(graph_error(100, 33, message="Object does not exist"))
    gone.delete_comment("M1", "101")  # already gone: no error


def test_instagram_api_url_overrides_the_shared_graph_url(settings):
    settings.INSTAGRAM_API_URL = "https://graph.instagram.test/v19.0"
    c = client(ok({"id": IG}))
    c.check_token()
    assert c.session.requests[0].url == f"https://graph.instagram.test/v19.0/{IG}"


def test_every_call_goes_through_the_rate_limiter(settings):
    settings.INSTAGRAM_RATE = (1, 60.0)
    settings.RATE_LIMIT_MAX_WAIT = 0.05
    c = client(ok({"id": IG}), ok({"id": IG}))
    # A token of its own: with Redis the limiter's windows outlive a test, and the
    # other tests' calls with TOKEN must not count against this one.
    c.token = f"IGQ-limiter-{uuid.uuid4().hex}"
    c.check_token()
    with pytest.raises(RateLimited):
        c.check_token()
    assert len(c.session.requests) == 1


def test_registered_client():
    account = SimpleNamespace(
        network="instagram", external_id=IG,
        get_credential=lambda: {"access_token": TOKEN, "ig_user_id": IG},
    )  # fmt: skip
    assert isinstance(get_client(account), InstagramClient)


def test_a_transport_error_never_shows_the_token():
    """requests names the URL in a connection error, and a GET carries the token in
    its query: the message reaches the delivery log and must not hold it."""
    refused = requests.ConnectionError(
        f"Max retries exceeded with url: /v19.0/C1?fields=status_code"
        f"&access_token={TOKEN} (Caused by NewConnectionError('Connection refused'))"
    )
    c = client(refused)
    with pytest.raises(TransientError) as caught:
        c.container_status("C1")
    assert TOKEN not in str(caught.value)
    assert "access_token=***" in str(caught.value)
    assert caught.value.__cause__ is None


def test_a_server_error_at_publish_is_retried_only_if_nothing_went_out():
    """A 5xx on media_publish may follow a publish: the delivery's retry (a new
    container) is only safe while the container is still unpublished."""
    c = client(
        ok({"id": "C1"}), status("FINISHED"),
        FakeResponse(500, None, text="<html>"), status("PUBLISHED"),
    )  # fmt: skip
    with pytest.raises(OutcomeUnknown, match="C1 is PUBLISHED"):
        c.publish(ig_post(photo()))
    c = client(
        ok({"id": "C1"}), status("FINISHED"),
        graph_error(-1, 2207001, message="server"), status("FINISHED"),
    )  # fmt: skip
    with pytest.raises(TransientError) as caught:
        c.publish(ig_post(photo()))
    assert type(caught.value) is TransientError and caught.value.retry_after == 10.0
    c = client(
        ok({"id": "C1"}), status("FINISHED"),
        graph_error(17, message="User request limit reached"),
    )  # fmt: skip
    with pytest.raises(RateLimited):  # refused: no status check needed
        c.publish(ig_post(photo()))
    assert len(c.session.requests) == 3


def test_a_gateway_timeout_on_a_reply_is_outcome_unknown():
    """504: the proxy stopped waiting, as our own read timeout would; the reply may be
    out. A read (idempotent) is simply retried."""
    gateway = FakeResponse(504, None, text="<html>Gateway Time-out</html>")
    with pytest.raises(OutcomeUnknown):
        client(gateway).reply("M1", "C1", "Спасибо за вопрос")
    with pytest.raises(TransientError) as caught:
        client(gateway).container_status("C1")
    assert type(caught.value) is TransientError
