"""Facebook Graph wire format of the sandbox, through Django's test client."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sandbox.demo import create_account
from sandbox.models import (
    SandboxAccount,
    SandboxBan,
    SandboxComment,
    SandboxPost,
)
from sandbox.networks import facebook

pytestmark = pytest.mark.django_db
PAGE = "546349135390552"
URL = "/sandbox/facebook/graph/v19.0/"


@pytest.fixture
def token():
    create_account("facebook", PAGE, "Страница", enforce_rate_limits=False)
    return SandboxAccount.objects.get(network="facebook").token


def post(client, path, token, **params):
    return client.post(URL + path, {"access_token": token, **params})


def delete(client, path, token, query=""):
    return client.delete(f"{URL}{path}?access_token={token}{query}")


def photo(client, token, published="false"):
    upload = SimpleUploadedFile("p.png", b"\x89PNG", content_type="image/png")
    answer = client.post(
        URL + f"{PAGE}/photos",
        {"access_token": token, "published": published, "source": upload},
    )
    return answer.json()


def test_text_post_with_link_and_the_bare_object_answer(client, token):
    answer = post(client, f"{PAGE}/feed", token, message="Текст", link="https://a.ru/")
    assert answer.status_code == 200
    post_id = answer.json()["id"]
    assert answer.json() == {"id": post_id} and post_id.startswith(f"{PAGE}_")
    stored = SandboxPost.objects.get()
    assert stored.text == "Текст" and stored.attachments["link"] == "https://a.ru/"
    got = client.get(URL + post_id, {"access_token": token}).json()
    assert got["message"] == "Текст" and got["id"] == post_id


def test_unversioned_path_and_bearer_header(client, token):
    answer = client.get(
        f"/sandbox/facebook/graph/{PAGE}",
        {"fields": "id,name"},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert answer.json() == {"id": PAGE, "name": "Страница"}
    me = client.get("/sandbox/facebook/graph/me", {"access_token": token}).json()
    assert me["id"] == PAGE


def test_multi_photo_post_of_unpublished_photos(client, token):
    first, second = photo(client, token), photo(client, token)
    assert set(first) == {"id"}  # unpublished: no post_id
    answer = post(
        client, f"{PAGE}/feed", token, message="Альбом",
        **{"attached_media[0]": json.dumps({"media_fbid": first["id"]}),
           "attached_media[1]": json.dumps({"media_fbid": second["id"]})},
    )  # fmt: skip
    assert answer.status_code == 200
    assert len(SandboxPost.objects.get().attachments["photos"]) == 2
    # A photo rides in one post only.
    again = post(
        client, f"{PAGE}/feed", token, message="Ещё раз",
        **{"attached_media[0]": json.dumps({"media_fbid": first["id"]})},
    )  # fmt: skip
    assert again.status_code == 400 and again.json()["error"]["code"] == 100


def test_published_photo_makes_its_own_post(client, token):
    answer = photo(client, token, published="true")
    assert answer["post_id"].startswith(f"{PAGE}_")


def test_edit_and_delete_a_post(client, token):
    post_id = post(client, f"{PAGE}/feed", token, message="Было").json()["id"]
    assert post(client, post_id, token, message="Стало").json() == {"success": True}
    assert SandboxPost.objects.get().text == "Стало"
    assert delete(client, post_id, token).json() == {"success": True}
    gone = delete(client, post_id, token)
    assert gone.status_code == 400
    error = gone.json()["error"]
    assert (error["code"], error["error_subcode"]) == (100, 33)
    assert set(error) >= {"message", "type", "code", "fbtrace_id"}


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"message": ""}, 100),
        ({"message": "x" * 63207}, 100),
        ({"message": "x", "link": "ftp://a"}, 1609005),
        ({"message": "x", "attached_media[0]": '{"media_fbid": "999"}'}, 100),
        ({"message": "x", "attached_media[0]": "not json"}, 100),
    ],
)
def test_feed_errors(client, token, params, code):
    answer = post(client, f"{PAGE}/feed", token, **params)
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == code


def test_duplicate_post_is_506(client, token):
    post(client, f"{PAGE}/feed", token, message="Одно и то же")
    answer = post(client, f"{PAGE}/feed", token, message="Одно и то же")
    assert answer.json()["error"]["code"] == 506


def test_bad_and_revoked_tokens_are_190(client, token):
    answer = client.get(URL + PAGE, {"access_token": "nope"})
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == 190
    SandboxAccount.objects.update(token_revoked=True)
    error = client.get(URL + PAGE, {"access_token": token}).json()["error"]
    assert (error["code"], error["error_subcode"]) == (190, 463)


def test_injected_faults(client, token):
    for kind in ("http500", "rate_limit", "auth"):
        client.post(
            "/sandbox/faults/api/",
            json.dumps({"network": "facebook", "kind": kind, "remaining": 1}),
            content_type="application/json",
        )
    answers = [client.get(URL + PAGE, {"access_token": token}) for _ in range(4)]
    assert [a.status_code for a in answers] == [500, 400, 400, 200]
    assert [a.json().get("error", {}).get("code") for a in answers[:3]] == [2, 32, 190]


def test_rate_limit_is_code_32(client, token, monkeypatch):
    SandboxAccount.objects.update(enforce_rate_limits=True)
    monkeypatch.setattr(facebook, "RATE", (2, 60.0))
    codes = [
        client.get(URL + PAGE, {"access_token": token})
        .json()
        .get("error", {})
        .get("code")
        for _ in range(3)
    ]
    assert codes == [None, None, 32]


def test_comments_paging_hide_reply_delete(client, token):
    post_id = post(client, f"{PAGE}/feed", token, message="Пост").json()["id"]
    stored = SandboxPost.objects.get()
    first = facebook.reader_comment(stored, 77, "Анна", "Первый")
    facebook.reader_comment(stored, 78, "Олег", "Второй")
    facebook.reader_comment(stored, 79, "Ира", "Ответ", reply_to=first.remote_id)
    top = client.get(URL + f"{post_id}/comments", {"access_token": token}).json()
    assert [c["message"] for c in top["data"]] == ["Первый", "Второй"]
    params = {"access_token": token, "filter": "stream", "limit": 2}
    page1 = client.get(URL + f"{post_id}/comments", params).json()
    assert [c["message"] for c in page1["data"]] == ["Первый", "Второй"]
    assert page1["data"][0]["from"] == {"id": "77", "name": "Анна"}
    assert "next" in page1["paging"]
    after = page1["paging"]["cursors"]["after"]
    page2 = client.get(URL + f"{post_id}/comments", {**params, "after": after}).json()
    assert [c["message"] for c in page2["data"]] == ["Ответ"]
    assert page2["data"][0]["parent"] == {"id": first_id(first)}
    assert "next" not in page2["paging"]
    after = page2["paging"]["cursors"]["after"]
    empty = client.get(URL + f"{post_id}/comments", {**params, "after": after}).json()
    assert empty == {"data": [], "paging": {}}

    assert post(client, first_id(first), token, is_hidden="true").json() == {
        "success": True
    }
    first.refresh_from_db()
    assert first.hidden
    reply = post(client, f"{first_id(first)}/comments", token, message="Спасибо")
    reply_comment = SandboxComment.objects.get(text="Спасибо")
    assert reply.json() == {"id": first_id(reply_comment)}
    assert reply_comment.reply_to == first.remote_id
    assert reply_comment.author_id == int(PAGE)
    assert delete(client, first_id(first), token).json() == {"success": True}
    first.refresh_from_db()
    assert first.deleted


def first_id(comment) -> str:
    return f"{comment.post.remote_id}_{comment.remote_id}"


def test_blocked_edge(client, token):
    post(client, f"{PAGE}/feed", token, message="Пост")
    facebook.reader_comment(SandboxPost.objects.get(), 77, "Анна", "Спам")
    assert post(client, f"{PAGE}/blocked", token, user="77").json() == {"77": True}
    listed = client.get(URL + f"{PAGE}/blocked", {"access_token": token}).json()
    assert listed == {"data": [{"id": "77", "name": "Анна"}], "paging": {}}
    assert delete(client, f"{PAGE}/blocked", token, "&user=77").json() == {
        "success": True
    }
    assert not SandboxBan.objects.exists()
    bad = post(client, f"{PAGE}/blocked", token, user="x")
    assert bad.json()["error"]["code"] == 100


def test_another_pages_post_is_not_found(client, token):
    create_account("facebook", "999", "Другая", enforce_rate_limits=False)
    other = SandboxAccount.objects.get(external_id="999")
    other_post = post(client, "999/feed", other.token, message="Чужой").json()["id"]
    answer = post(client, other_post, token, message="Взлом")
    assert answer.json()["error"]["code"] in (100, 190)
    assert SandboxPost.objects.get(account=other).text == "Чужой"


def test_video_upload_and_description_edit(client, token):
    upload = SimpleUploadedFile("v.mp4", b"mp4", content_type="video/mp4")
    answer = client.post(
        URL + f"{PAGE}/videos",
        {"access_token": token, "source": upload, "title": "Ролик", "description": "О"},
    ).json()
    video_id = answer["id"]
    assert video_id.isdigit()
    assert post(client, video_id, token, description="Новое").json() == {
        "success": True
    }
    video = SandboxPost.objects.get(kind="video")
    assert (video.text, video.meta["title"]) == ("Новое", "Ролик")


def test_page_shows_posts_hidden_comments_and_takes_reader_comments(client, token):
    post(client, f"{PAGE}/feed", token, message="<b>Пост</b>", link="https://a.ru/")
    stored = SandboxPost.objects.get()
    hidden = facebook.reader_comment(stored, 77, "Анна", "Скрытый")
    hidden.hidden = True
    hidden.save()
    page = client.get(f"/sandbox/facebook/page/{PAGE}/").content.decode()
    assert "&lt;b&gt;Пост&lt;/b&gt;" in page and "https://a.ru/" in page
    assert "is-hidden" in page and "скрыт страницей" in page
    answer = client.post(
        f"/sandbox/facebook/page/{PAGE}/comment/{stored.pk}/",
        {"author_name": "Ира", "author_id": 42, "text": "Вопрос"},
    )
    assert answer.status_code == 302
    assert answer["Location"].endswith(
        f"/sandbox/facebook/page/{PAGE}/#post{stored.remote_id}"
    )
    assert stored.comments.filter(text="Вопрос", author_id=42).exists()
    assert f"/sandbox/facebook/page/{PAGE}/" in client.get("/sandbox/").content.decode()


def test_events_page_saves_the_subscription_and_runs_the_handshake(
    admin_client, token, monkeypatch
):
    client = admin_client  # the page shows the app secret: staff only (issue 12.6)
    calls = []

    def handshake(account):
        calls.append(
            (account.callback_url, account.callback_secret, account.callback_code)
        )
        return True

    monkeypatch.setattr(facebook, "verify_subscription", handshake)
    url = f"/sandbox/facebook/page/{PAGE}/events/"
    assert "X-Hub-Signature-256" in client.get(url).content.decode()
    page = client.post(
        url,
        {"callback_url": "http://hooks.test/facebook/x/", "callback_secret": "s",
         "callback_code": "v"},
    ).content.decode()  # fmt: skip
    assert calls == [("http://hooks.test/facebook/x/", "s", "v")]
    assert "Сервер ответил на проверочный запрос" in page
    assert SandboxAccount.objects.get(network="facebook").callback_code == "v"


def test_page_reads_its_media_in_a_fixed_number_of_queries(client, token):
    """No query per post: the page of a long-lived sandbox Page stays quick."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def page_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/sandbox/facebook/page/{PAGE}/").status_code == 200
        return len(queries)

    def photo_post(text):
        attached = json.dumps({"media_fbid": photo(client, token)["id"]})
        post(
            client,
            f"{PAGE}/feed",
            token,
            message=text,
            **{"attached_media[0]": attached},
        )

    photo_post("Первый")
    one = page_queries()
    for n in range(4):
        photo_post(f"Ещё {n}")
    assert page_queries() == one
    assert client.get(f"/sandbox/facebook/page/{PAGE}/").content.count(b"<img") == 5
