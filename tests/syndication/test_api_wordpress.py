"""The WordPress client against a fake session: the wire requests it sends and how
every kind of answer maps to the API errors. Over real HTTP against the sandbox:
tests/sandbox/test_wordpress_wire.py."""

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
    TransientError,
    Unsupported,
    get_client,
)
from syndication.api.wordpress import WordPressClient, parse
from syndication.networks import get_network
from tests.syndication import samples

pytestmark = pytest.mark.django_db  # the rate limiter keeps its buckets in the database
SITE = "https://blog.example.ru"
API = f"{SITE}/wp-json/wp/v2"
CREDENTIAL = {
    "site_url": SITE + "/",
    "username": "vestnik",
    "application_password": "abcd EFGH 1234 ijkl MNOP 5678",
    "categories": "Новости, 7",
}


def answer(status=200, body=None, headers=None, text=None):
    response = requests.Response()
    response.status_code = status
    response._content = (
        text if text is not None else json.dumps(body, ensure_ascii=False)
    ).encode()
    response.headers.update(headers or {})
    return response


def wp_error(status, code, message="Ошибка", **data):
    return answer(
        status, {"code": code, "message": message, "data": {"status": status, **data}}
    )


class FakeSession:
    """Answers queued responses in order and records every request."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.requests = []

    def request(self, method, url, **kwargs):
        self.requests.append(SimpleNamespace(method=method, url=url, **kwargs))
        step = self.answers.pop(0)
        if isinstance(step, BaseException):
            raise step
        return step


@pytest.fixture(autouse=True)
def site(settings, tmp_path):
    settings.WORDPRESS_RATE = (1000, 1.0)
    settings.RATE_LIMIT_REDIS_URL = ""
    settings.MEDIA_ROOT = str(tmp_path)
    settings.MEDIA_URL = "/media/"
    images = tmp_path / "images"
    images.mkdir()
    for n in (1, 9):
        (images / f"photo-{n}.max-1600x1600.jpg").write_bytes(b"\xff\xd8jpeg%d" % n)


def client(*answers, credential=None) -> WordPressClient:
    account = SimpleNamespace(network="wordpress", external_id="blog")
    return WordPressClient(
        account, credential or dict(CREDENTIAL), session=FakeSession(*answers)
    )


def piece():
    return samples.base_piece(
        [samples.paragraph(1, 1), samples.photo(1)], cover=samples.photo(9)
    )


def test_publish_uploads_media_rewrites_images_finds_terms_and_creates_the_post():
    post = get_network("wordpress").render(piece())
    c = client(
        answer(201, {"id": 31, "source_url": f"{SITE}/wp-content/uploads/9.jpg"}),
        answer(201, {"id": 32, "source_url": f"{SITE}/wp-content/uploads/1.jpg"}),
        answer(200, [{"id": 5, "name": "соцзащита"}]),  # found
        answer(200, [{"id": 8, "name": "Семьи с детьми и внуками"}]),  # not exact
        answer(201, {"id": 9, "name": "семьи с детьми"}),  # so created
        answer(200, []),  # «Кузбасс» not found either...
        wp_error(400, "term_exists", "Термин существует.", term_id=12),  # a race
        answer(200, [{"id": 3, "name": "Новости"}]),  # the category by name
        answer(201, {"id": 77, "link": f"{SITE}/?p=77", "featured_media": 31}),
    )
    ref = c.publish(post, idempotency_key="k")
    calls = c.session.requests
    upload = calls[0]
    assert (upload.method, upload.url) == ("POST", f"{API}/media")
    assert upload.headers == {
        "Content-Type": "image/jpeg",
        "Content-Disposition": 'attachment; filename="photo-9.max-1600x1600.jpg"',
    }
    assert upload.data == b"\xff\xd8jpeg9"
    # HTTP Basic with the application password, its display spaces removed.
    assert upload.auth == ("vestnik", "abcdEFGH1234ijklMNOP5678")
    assert [(r.method, r.url.removeprefix(API)) for r in calls[2:8]] == [
        ("GET", "/tags"), ("GET", "/tags"), ("POST", "/tags"), ("GET", "/tags"),
        ("POST", "/tags"), ("GET", "/categories"),
    ]  # fmt: skip
    assert calls[2].params["search"] == "соцзащита"
    assert calls[4].json == {"name": "семьи с детьми"}
    create = calls[8]
    assert (create.method, create.url) == ("POST", f"{API}/posts")
    fields = create.json
    assert fields["status"] == "publish" and fields["title"] == piece().title
    assert fields["excerpt"] == piece().lead
    assert fields["featured_media"] == 31
    assert fields["tags"] == [5, 9, 12]
    assert fields["categories"] == [3, 7]  # a name looked up, an id used as is
    assert f'src="{SITE}/wp-content/uploads/1.jpg"' in fields["content"]
    assert "vestnik.example.ru/media" not in fields["content"]
    assert ref.ids == ["77"] and ref.url == f"{SITE}/?p=77"
    assert ref.extra["media"][samples.photo(1).url]["id"] == 32


def test_edit_reuses_uploaded_media_and_delete_trashes():
    post = get_network("wordpress").render(piece())
    media = {
        samples.photo(9).url: {"id": 31, "source_url": f"{SITE}/u/9.jpg"},
        samples.photo(1).url: {"id": 32, "source_url": f"{SITE}/u/1.jpg"},
    }
    ref = {"ids": ["77"], "url": "", "extra": {"post_id": 77, "media": media}}
    c = client(
        *[answer(200, [{"id": n, "name": name}]) for n, name in
          [(5, "соцзащита"), (9, "семьи с детьми"), (12, "Кузбасс"), (3, "Новости")]],
        answer(200, {"id": 77, "link": f"{SITE}/?p=77"}),
        answer(200, {"id": 77, "status": "trash"}),
        wp_error(410, "rest_already_trashed", "The post has already been deleted."),
    )  # fmt: skip
    new_ref = c.edit(ref, post)
    edit = c.session.requests[4]
    assert (edit.method, edit.url) == ("POST", f"{API}/posts/77")
    assert edit.json["featured_media"] == 31
    assert new_ref.extra["media"] == media  # nothing uploaded again
    c.delete(new_ref)
    trash = c.session.requests[5]
    assert (trash.method, trash.url) == ("DELETE", f"{API}/posts/77")
    assert "force" not in trash.url and not getattr(trash, "params", None)  # trash
    c.delete(new_ref)  # already in the trash: done, not an error


def test_check_token_reads_the_user_and_its_rights():
    me = {"id": 2, "name": "Вестник", "slug": "vestnik", "roles": ["author"]}
    ok = client(answer(200, {**me, "capabilities": {"publish_posts": True}}))
    assert ok.check_token() == {
        "ok": True, "name": "Вестник", "username": "vestnik", "roles": ["author"],
    }  # fmt: skip
    request = ok.session.requests[0]
    assert request.url == f"{API}/users/me" and request.params == {"context": "edit"}
    weak = client(answer(200, {**me, "capabilities": {"read": True}}))
    assert weak.check_token()["ok"] is False


@pytest.mark.parametrize(
    ("response", "error", "code"),
    [
        (wp_error(401, "rest_not_logged_in"), AuthError, "rest_not_logged_in"),
        (wp_error(401, "incorrect_password"), AuthError, "incorrect_password"),
        (wp_error(403, "rest_cannot_create"), AuthError, "rest_cannot_create"),
        (wp_error(403, "rest_cookie_invalid_nonce"), PermanentError, None),
        (wp_error(400, "rest_invalid_param"), PermanentError, "rest_invalid_param"),
        (wp_error(404, "rest_post_invalid_id"), PermanentError, None),
        (wp_error(500, "rest_upload_sideload_error"), TransientError, None),
        (answer(502, text="<html>Bad gateway</html>"), TransientError, None),
        (wp_error(501, "rest_trash_not_supported"), PermanentError, None),
    ],
)
def test_error_mapping(response, error, code):
    with pytest.raises(error) as raised:
        parse(response, idempotent=True)
    assert type(raised.value) is error or error is TransientError
    if code:
        assert raised.value.code == code


def test_rate_limits_and_unavailable_honour_retry_after():
    with pytest.raises(RateLimited) as limited:
        parse(answer(429, {"code": "too_many"}, {"Retry-After": "7"}))
    assert limited.value.retry_after == 7.0
    with pytest.raises(TransientError) as busy:
        parse(answer(503, text="busy", headers={"Retry-After": "12"}))
    assert busy.value.retry_after == 12.0 and not isinstance(busy.value, RateLimited)


def test_unreadable_or_lost_answer_of_a_create_is_outcome_unknown():
    post = get_network("wordpress").render(
        samples.base_piece([samples.paragraph(1, 1)])
    )
    terms = [answer(200, [{"id": n, "name": t}]) for n, t in
             [(1, "соцзащита"), (2, "семьи с детьми"), (3, "Кузбасс"), (4, "Новости")]]  # fmt: skip
    with pytest.raises(OutcomeUnknown):
        client(*terms, answer(201, text="<html>")).publish(post)
    with pytest.raises(OutcomeUnknown):
        client(*terms, requests.ReadTimeout("read timed out")).publish(post)
    # Reads are safe to repeat: the same failures are transient there.
    with pytest.raises(TransientError):
        client(requests.ReadTimeout("read timed out")).check_token()


def test_fetch_comments_reads_published_and_held_with_a_date_cursor():
    me = answer(200, {"id": 2, "name": "Вестник"})
    approved = [
        {"id": 10, "post": 77, "parent": 0, "author": 0, "author_name": "Анна",
         "date": "2026-12-01T17:00:00", "date_gmt": "2026-12-01T10:00:00", "content": {"raw": "Спасибо!"}},
        {"id": 11, "post": 77, "parent": 10, "author": 2, "author_name": "Вестник",
         "date": "2026-12-01T17:05:00", "date_gmt": "2026-12-01T10:05:00", "content": {"raw": "Пожалуйста."}},
    ]  # fmt: skip
    held = [
        {"id": 12, "post": 77, "parent": 10, "author": 5, "author_name": "Пётр",
         "date": "2026-12-01T18:00:00", "date_gmt": "2026-12-01T11:00:00",
         "content": {"rendered": "<p>Ссылка &amp; реклама</p>"}},
    ]  # fmt: skip
    c = client(me, answer(200, approved), answer(200, held))
    comments, cursor = c.fetch_comments("77")
    assert [x.id for x in comments] == ["10", "12"]  # our own reply is skipped
    anna, petr = comments
    assert (anna.author_id, anna.text, anna.reply_to) == ("guest:Анна", "Спасибо!", "")
    assert (petr.author_id, petr.text, petr.reply_to) == ("5", "Ссылка & реклама", "10")
    assert anna.date.isoformat() == "2026-12-01T10:00:00+00:00"
    # The cursor is in the site's local time, as WordPress compares ``after``.
    assert cursor == {"approve": "2026-12-01T17:05:00", "hold": "2026-12-01T18:00:00"}
    listing = c.session.requests[1]
    assert listing.params["status"] == "approve" and listing.params["post"] == "77"
    assert c.session.requests[2].params["status"] == "hold"
    assert "after" not in listing.params

    c.session.answers += [answer(200, []), answer(200, [])]
    assert c.fetch_comments("77", cursor) == ([], cursor)
    # One second before the newest seen: a comment of that same second is not lost.
    assert c.session.requests[3].params["after"] == "2026-12-01T17:04:59"
    assert c.session.requests[4].params["after"] == "2026-12-01T17:59:59"


def test_moderation_calls():
    c = client(
        answer(200, {"id": 12, "status": "hold"}),
        answer(200, {"id": 12, "status": "trash"}),
        wp_error(410, "rest_already_trashed"),
        answer(201, {"id": 40, "parent": 12}),
    )
    c.hide_comment("77", "12")
    c.delete_comment("77", "12")
    c.delete_comment("77", "12")  # twice: already in the trash, fine
    assert c.reply("77", "12", "Ответим в личных сообщениях.") == "40"
    hide, delete, _, reply = c.session.requests
    assert (hide.method, hide.url, hide.json) == (
        "POST", f"{API}/comments/12", {"status": "hold"},
    )  # fmt: skip
    assert (delete.method, delete.url) == ("DELETE", f"{API}/comments/12")
    assert reply.json == {
        "post": 77,
        "parent": 12,
        "content": "Ответим в личных сообщениях.",
    }
    with pytest.raises(Unsupported, match="no per-user comment block"):
        c.ban("5")


def test_registered():
    # The Basic header itself is checked by the sandbox (test_wordpress_wire.py).
    account = SimpleNamespace(
        network="wordpress", get_credential=lambda: dict(CREDENTIAL)
    )
    assert isinstance(get_client(account), WordPressClient)


def test_term_exists_without_an_id_searches_again():
    c = client(
        answer(200, []),  # not found (the search missed it)
        wp_error(400, "term_exists", "A term with the name provided already exists."),
        answer(200, [{"id": 44, "name": "Кузбасс"}]),  # found on the second look
    )
    assert c.term_id("tags", "Кузбасс") == 44
    c = client(answer(200, []), wp_error(400, "term_exists"), answer(200, []))
    with pytest.raises(PermanentError):
        c.term_id("tags", "Кузбасс")
    # An account's category id needs no request.
    assert client().term_id("categories", "12", digits_are_ids=True) == 12


def test_a_numeric_tag_is_a_name_not_a_term_id():
    # A page tag «2026» is a word the editor wrote: it must be found or created by
    # name, never sent as term id 2026 (another tag, or rest_invalid_param).
    c = client(answer(200, []), answer(201, {"id": 45, "name": "2026"}))
    assert c.term_ids("tags", ["2026"]) == [45]
    assert c.session.requests[0].params["search"] == "2026"
    assert c.session.requests[1].json == {"name": "2026"}


@pytest.mark.parametrize("status", [500, 502, 504])
def test_a_server_error_to_a_create_may_have_made_the_post(status):
    # WordPress may have inserted the post before a plugin's hook died (500) or a
    # proxy gave up waiting (502/504): never resent blindly.
    post = get_network("wordpress").render(
        samples.base_piece([samples.paragraph(1, 1)])
    )
    terms = [answer(200, [{"id": n, "name": t}]) for n, t in
             [(1, "соцзащита"), (2, "семьи с детьми"), (3, "Кузбасс"), (4, "Новости")]]  # fmt: skip
    with pytest.raises(OutcomeUnknown):
        client(*terms, wp_error(status, "internal_server_error")).publish(post)
    # Maintenance mode answers 503 before anything runs: safe to retry.
    with pytest.raises(TransientError) as busy:
        client(*terms, answer(503, text="Briefly unavailable")).publish(post)
    assert not isinstance(busy.value, OutcomeUnknown)


def test_creating_a_term_is_safe_to_repeat():
    # A lost answer to POST /tags: the resend finds term_exists, so it is transient.
    with pytest.raises(TransientError) as lost:
        client(answer(200, []), requests.ReadTimeout("read timed out")).term_id(
            "tags", "Кузбасс"
        )
    assert not isinstance(lost.value, OutcomeUnknown)


def test_a_non_ascii_file_name_keeps_its_extension(tmp_path):
    # WordPress decides the file type by the name's extension: «фото.jpg» must not
    # become a bare «image», which it refuses to sideload.
    (tmp_path / "images" / "фото.max-1600x1600.jpg").write_bytes(b"\xff\xd8jpeg")
    c = client(answer(201, {"id": 5, "source_url": f"{SITE}/u/image.jpg"}))
    c.upload("https://vestnik.example.ru/media/images/фото.max-1600x1600.jpg")
    disposition = c.session.requests[0].headers["Content-Disposition"]
    assert disposition == 'attachment; filename="image.jpg"'
