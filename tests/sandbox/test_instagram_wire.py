"""Instagram wire format of the sandbox over real HTTP (the sandbox fetches the media
URLs from the live server, as Instagram cURLs them)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import requests
from django.conf import settings
from PIL import Image

from sandbox.models import (
    SandboxAccount,
    SandboxComment,
    SandboxMedia,
    SandboxPost,
)
from sandbox.pages import add_comment
from tests.sandbox import fixtures as testing

pytestmark = pytest.mark.django_db(transaction=True)
sandbox = testing.sandbox
instagram_account = testing.instagram_account
IG = "17841400000000077"


def jpeg(size=(400, 400)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def ig(sandbox, instagram_account):
    account = SandboxAccount.objects.get(network="instagram", external_id=IG)
    Path(settings.MEDIA_ROOT, "p.jpg").write_bytes(jpeg())
    return Graph(sandbox.url, account)


class Graph:
    def __init__(self, base, account):
        self.base, self.account = base, account
        self.api = f"{base}/sandbox/instagram/graph/v19.0"
        self.photo = f"{base}/media/p.jpg"

    def __call__(self, method, path, token=None, **params):
        params["access_token"] = self.account.token if token is None else token
        where = "data" if method == "POST" else "params"
        response = requests.request(
            method, f"{self.api}/{path}", timeout=10, **{where: params}
        )
        return response.status_code, response.json()

    def container(self, **params):
        status, body = self("POST", f"{IG}/media", **params)
        assert status == 200, body
        return body["id"]

    def ready(self, container_id):
        for _ in range(3):
            _, body = self("GET", container_id, fields="status_code,status")
            if body["status_code"] != "IN_PROGRESS":
                return body
        raise AssertionError("still in progress")

    def published(self, **params):
        container = self.container(**params)
        self.ready(container)
        status, body = self("POST", f"{IG}/media_publish", creation_id=container)
        assert status == 200, body
        return body["id"]


def test_container_lifecycle_and_publish(ig):
    container = ig.container(
        image_url=ig.photo, caption="Подпись #Кузбасс", alt_text="Зал"
    )
    # Publishing before anyone waited for the container: "media not ready".
    status, body = ig("POST", f"{IG}/media_publish", creation_id=container)
    assert status == 400
    assert (body["error"]["code"], body["error"]["error_subcode"]) == (9007, 2207027)
    status, body = ig("GET", container, fields="status_code,status")
    assert body == {
        "id": container,
        "status_code": "IN_PROGRESS",
        "status": "IN_PROGRESS",
    }
    assert ig.ready(container)["status_code"] == "FINISHED"
    status, body = ig("POST", f"{IG}/media_publish", creation_id=container)
    assert status == 200 and body["id"].isdigit()
    post = SandboxPost.objects.get(remote_id=int(body["id"]))
    assert post.text == "Подпись #Кузбасс" and post.meta["media_type"] == "IMAGE"
    (photo,) = SandboxMedia.objects.filter(key__in=post.attachments["photos"])
    assert bytes(photo.data) == jpeg()  # fetched from the site over HTTP
    assert ig("GET", container, fields="status_code")[1]["status_code"] == "PUBLISHED"
    status, body = ig("POST", f"{IG}/media_publish", creation_id=container)
    assert status == 400 and body["error"]["code"] == 100
    _, media = ig(
        "GET", body_id := str(post.remote_id), fields="id,caption,media_type,permalink"
    )
    assert media["id"] == body_id and media["caption"] == "Подпись #Кузбасс"
    assert media["permalink"].endswith(
        f"/sandbox/instagram/profile/{IG}/#media{body_id}"
    )


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://127.0.0.1:9/p.jpg", "Could not fetch"),
        ("{base}/media/missing.jpg", "HTTP 404"),
        ("{base}/media/photo.png", "Only JPEG"),
        ("ftp://example.org/p.jpg", "public http"),
    ],
)
def test_media_that_instagram_cannot_fetch_ends_in_error(ig, url, reason):
    container = ig.container(image_url=url.format(base=ig.base))
    body = ig.ready(container)
    assert body["status_code"] == "ERROR" and reason in body["status"]
    status, answer = ig("POST", f"{IG}/media_publish", creation_id=container)
    assert status == 400 and answer["error"]["code"] == 100


def test_carousel_rules(ig):
    status, body = ig("POST", f"{IG}/media", media_type="CAROUSEL", children="1")
    assert status == 400 and "2-10" in body["error"]["message"]
    single = ig.container(image_url=ig.photo)
    child = ig.container(image_url=ig.photo, is_carousel_item="true")
    status, body = ig("POST", f"{IG}/media", media_type="CAROUSEL", children=f"{single},{child}")  # fmt: skip
    assert status == 400 and "not a carousel item" in body["error"]["message"]
    other = ig.container(image_url=ig.photo, is_carousel_item="true")
    status, body = ig("POST", f"{IG}/media", media_type="CAROUSEL", children=f"{child},{other}")  # fmt: skip
    assert status == 400 and body["error"]["code"] == 9007  # children not ready yet
    ig.ready(child), ig.ready(other)
    media_id = ig.published(
        media_type="CAROUSEL", children=f"{child},{other}", caption="Альбом"
    )
    post = SandboxPost.objects.get(remote_id=int(media_id))
    assert (
        post.meta["media_type"] == "CAROUSEL" and len(post.attachments["photos"]) == 2
    )
    # A carousel item is never published alone.
    status, body = ig("POST", f"{IG}/media_publish", creation_id=child)
    assert status == 400


def test_video_types(ig):
    status, body = ig("POST", f"{IG}/media", media_type="VIDEO", video_url=ig.photo)
    assert status == 400 and "REELS" in body["error"]["message"]
    media_id = ig.published(
        media_type="REELS", video_url=ig.photo, share_to_feed="true"
    )
    post = SandboxPost.objects.get(remote_id=int(media_id))
    assert post.meta["media_type"] == "REELS" and post.attachments["videos"] == [
        ig.photo
    ]


@pytest.mark.parametrize(
    "caption",
    [
        "я" * 2201,
        " ".join(f"#t{n}" for n in range(31)),
        " ".join(f"@u{n}" for n in range(21)),
    ],
)
def test_caption_limits(ig, caption):
    status, body = ig("POST", f"{IG}/media", image_url=ig.photo, caption=caption)
    assert status == 400 and body["error"]["code"] == 100


def test_publishing_quota(ig):
    ig.account.extra = {"publish_limit": 1}
    ig.account.save()
    ig.published(image_url=ig.photo)
    container = ig.container(image_url=ig.photo)
    ig.ready(container)
    status, body = ig("POST", f"{IG}/media_publish", creation_id=container)
    assert (body["error"]["code"], body["error"]["error_subcode"]) == (9, 2207042)
    _, limit = ig("GET", f"{IG}/content_publishing_limit")
    assert limit["data"][0]["quota_usage"] == 1


def test_tokens_and_faults(ig, sandbox):
    status, body = ig("GET", IG, token="nope")
    assert status == 400 and body["error"]["code"] == 190
    _, me = ig("GET", IG, fields="id,username,name")
    assert me["id"] == IG and me["name"] == "Test Instagram"
    sandbox.fault("instagram", "http500")
    status, body = ig("GET", IG)
    assert status == 500 and body["error"]["is_transient"] is True
    sandbox.fault("instagram", "rate_limit")
    assert ig("GET", IG)[1]["error"]["code"] == 4
    sandbox.fault("instagram", "auth")
    assert ig("GET", IG)[1]["error"]["error_subcode"] == 463
    ig.account.token_revoked = True
    ig.account.save()
    assert ig("GET", IG)[1]["error"]["code"] == 190


def test_comments_hide_reply_delete(ig):
    media_id = ig.published(image_url=ig.photo, caption="Новость")
    post = SandboxPost.objects.get(remote_id=int(media_id))
    first = add_comment(post, 9001, "reader1", "Спасибо!")
    second = add_comment(post, 9002, "reader2", "Когда?")
    status, body = ig("POST", f"{first.remote_id}/replies", message="Пожалуйста")
    reply_id = body["id"]
    fields = "id,text,timestamp,username,from,hidden,replies{id,text,from,parent_id}"
    _, page = ig("GET", f"{media_id}/comments", fields=fields, limit=1)
    (item,) = page["data"]
    assert item["text"] == "Спасибо!" and item["from"] == {
        "id": "9001",
        "username": "reader1",
    }
    assert item["replies"]["data"][0]["id"] == reply_id
    assert item["replies"]["data"][0]["parent_id"] == str(first.remote_id)
    assert item["replies"]["data"][0]["from"]["id"] == IG
    assert "next" in page["paging"]
    _, rest = ig("GET", f"{media_id}/comments", fields=fields, after=page["paging"]["cursors"]["after"])  # fmt: skip
    assert [c["text"] for c in rest["data"]] == ["Когда?"] and "next" not in rest[
        "paging"
    ]

    assert ig("POST", str(second.remote_id), hide="true")[1] == {"success": True}
    second.refresh_from_db()
    assert second.hidden
    _, listed = ig("GET", f"{media_id}/comments", fields="id,hidden")
    assert [c["hidden"] for c in listed["data"]] == [False, True]
    ig("POST", str(second.remote_id), hide="false")
    second.refresh_from_db()
    assert not second.hidden

    assert ig("DELETE", str(first.remote_id))[1] == {"success": True}
    assert SandboxComment.objects.get(pk=first.pk).deleted
    status, body = ig("DELETE", str(first.remote_id))
    assert status == 400 and body["error"]["error_subcode"] == 33

    assert ig("DELETE", media_id)[1] == {"success": True}
    assert SandboxPost.objects.get(pk=post.pk).deleted


def test_profile_page_shows_media_captions_and_hidden_comments(ig, client):
    media_id = ig.published(image_url=ig.photo, caption="Подпись к посту")
    post = SandboxPost.objects.get(remote_id=int(media_id))
    hidden = add_comment(post, 9001, "reader1", "Скрытый комментарий")
    hidden.hidden = True
    hidden.save()
    page = requests.get(f"{ig.base}/sandbox/instagram/profile/{IG}/", timeout=10).text
    assert "Подпись к посту" in page and f'id="media{media_id}"' in page
    assert "/sandbox/media/" in page and "is-hidden" in page
    form = f"/sandbox/instagram/profile/{IG}/comment/{media_id}/"
    assert form in page
    answer = client.post(form, {"author_name": "Аня", "text": "Ура"})
    assert answer.status_code == 302
    assert post.comments.filter(text="Ура", author_name="Аня").exists()


def test_profile_page_reads_the_media_in_one_query(client):
    """The photos of every post come in one query, not one per post."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sandbox.demo import create_account

    create_account("instagram", IG, "Профиль")
    account = SandboxAccount.objects.get(network="instagram", external_id=IG)

    def add_post(n: int) -> None:
        key = f"photo-key-{n}"
        SandboxMedia.objects.create(account=account, key=key, data=jpeg())
        SandboxPost.objects.create(
            account=account, remote_id=account.next_id(), text=f"Пост {n}",
            attachments={"photos": [key]},
        )  # fmt: skip

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            page = client.get(f"/sandbox/instagram/profile/{IG}/")
            assert page.status_code == 200
        return len(captured)

    add_post(0)
    one_post = queries()
    for n in range(1, 4):
        add_post(n)
    assert queries() == one_post
    assert (
        client.get(f"/sandbox/instagram/profile/{IG}/")
        .content.decode()
        .count("/sandbox/media/photo-key-")
        == 4
    )
