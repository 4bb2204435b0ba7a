"""The WordPress emulator's wire format and the client against it over real HTTP
(live_server): auth, posts with trash semantics, media upload headers, terms,
comments and their statuses, WP's error objects, the blog page."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
import requests
from django.conf import settings

from sandbox.models import (
    SandboxAccount,
    SandboxComment,
    SandboxMedia,
    SandboxPost,
)
from sandbox.networks.wordpress import add_reader_comment
from syndication import content as c
from syndication.api import (
    AuthError,
    RateLimited,
    TransientError,
    Unsupported,
    get_client,
)
from syndication.networks import get_network
from tests.sandbox import fixtures as testing
from tests.syndication import samples

pytestmark = pytest.mark.django_db(transaction=True)
sandbox = testing.sandbox
wordpress_account = testing.wordpress_account
BLOG = "vestnik-test"


def photo(name: str, caption="") -> c.Photo:
    """A rendition under our MEDIA_ROOT, as the page reader makes them."""
    Path(settings.MEDIA_ROOT, name).write_bytes(testing.tiny_png())
    return c.Photo(f"http://testserver/media/{name}", alt=name, caption=caption)


def piece(**kwargs):
    blocks = [samples.paragraph(1, 1), photo("body.png", "Подпись к снимку.")]
    return samples.base_piece(blocks, cover=photo("cover.png"), **kwargs)


def api(sandbox, route=""):
    return f"{sandbox.url}/sandbox/wordpress/{BLOG}/wp-json/wp/v2/{route}"


def auth(account) -> tuple[str, str]:
    credential = account.get_credential()
    return credential["username"], credential["application_password"]


def test_index_lists_application_passwords_and_basic_auth_is_checked(
    sandbox, wordpress_account
):
    index = requests.get(f"{sandbox.url}/sandbox/wordpress/{BLOG}/wp-json/", timeout=5)
    endpoints = index.json()["authentication"]["application-passwords"]["endpoints"]
    assert endpoints["authorization"].endswith("/wp-admin/authorize-application.php")
    assert "wp/v2" in index.json()["namespaces"]

    anonymous = requests.get(api(sandbox, "users/me"), timeout=5)
    assert anonymous.status_code == 401
    assert anonymous.json() == {
        "code": "rest_not_logged_in",
        "message": "You are not currently logged in.",
        "data": {"status": 401},
    }
    user, password = auth(wordpress_account)
    assert " " in password  # shown in groups of four; the spaces are optional
    wrong = requests.get(api(sandbox, "users/me"), auth=(user, "x" * 24), timeout=5)
    assert (wrong.status_code, wrong.json()["code"]) == (401, "incorrect_password")
    stranger = requests.get(api(sandbox, "users/me"), auth=("eve", password), timeout=5)
    assert stranger.json()["code"] == "invalid_username"
    me = requests.get(
        api(sandbox, "users/me"), auth=(user, password.replace(" ", "")), timeout=5
    )
    assert me.status_code == 200 and me.json()["capabilities"]["publish_posts"]
    # Header built by hand: plain Basic of user:password.
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    by_hand = requests.get(
        api(sandbox, "users/me"), headers={"Authorization": f"Basic {token}"}, timeout=5
    )
    assert by_hand.status_code == 200
    anonymous_post = requests.post(
        api(sandbox, "posts"), json={"title": "x"}, timeout=5
    )
    assert (anonymous_post.status_code, anonymous_post.json()["code"]) == (
        401,
        "rest_cannot_create",
    )


def test_publish_edit_delete_through_the_client(sandbox, wordpress_account):
    client = get_client(wordpress_account)
    assert client.check_token()["ok"] is True
    post = get_network("wordpress").render(piece(), wordpress_account)
    ref = client.publish(post)
    stored = SandboxPost.objects.get(remote_id=int(ref.ids[0]))
    meta = stored.meta
    assert meta["title"] == "Выплаты семьям с детьми продлены"
    assert meta["status"] == "publish" and meta["excerpt"] == piece().lead
    sandbox_account = SandboxAccount.objects.get(network="wordpress")
    terms = sandbox_account.extra["terms"]
    assert [t["name"] for t in terms["tags"]] == [
        "соцзащита",
        "семьи с детьми",
        "Кузбасс",
    ]
    assert meta["tags"] == [t["id"] for t in terms["tags"]]
    (category,) = [t for t in terms["categories"] if t["id"] in meta["categories"]]
    assert category["name"] == "Новости"  # the account's setting, created on first use
    # Both images uploaded; the body points at the blog's copies, not at our site.
    media = SandboxMedia.objects.filter(account=sandbox_account)
    assert media.count() == 2 and meta["featured_media"] in {m.remote_id for m in media}
    assert "http://testserver/media/" not in stored.text
    assert f"/sandbox/wordpress/{BLOG}/wp-content/uploads/" in stored.text
    upload = requests.get(ref.extra["media"]["http://testserver/media/body.png"]["source_url"], timeout=5)  # fmt: skip
    assert upload.content == testing.tiny_png()
    assert upload.headers["Content-Type"] == "image/png"
    assert ref.url == f"{sandbox.url}/sandbox/wordpress/{BLOG}/?p={stored.remote_id}"

    page = requests.get(ref.url, timeout=5).text
    assert "Выплаты семьям с детьми продлены" in page
    assert (
        'class="wp-featured"' in page
        and "<figcaption>Подпись к снимку.</figcaption>" in page
    )
    assert "Новости" in page and "#соцзащита" in page

    edited = get_network("wordpress").render(
        piece(title="Новый заголовок"), wordpress_account
    )
    new_ref = client.edit(ref.to_dict(), edited)
    stored.refresh_from_db()
    assert new_ref.ids == ref.ids and stored.meta["title"] == "Новый заголовок"
    assert stored.edited_at is not None
    assert media.count() == 2  # the same images were not uploaded again
    assert (
        len(SandboxAccount.objects.get(pk=sandbox_account.pk).extra["terms"]["tags"])
        == 3
    )

    client.delete(new_ref)
    stored.refresh_from_db()
    assert stored.meta["status"] == "trash" and not stored.deleted  # restorable
    assert "Новый заголовок" not in requests.get(f"{sandbox.url}/sandbox/wordpress/{BLOG}/", timeout=5).text  # fmt: skip
    client.delete(new_ref)  # already trashed: 410 is taken as done


def test_post_errors_and_force_delete(sandbox, wordpress_account):
    credentials = auth(wordpress_account)
    exists = requests.post(api(sandbox, "posts"), json={"id": 5, "title": "x"}, auth=credentials, timeout=5)  # fmt: skip
    assert (exists.status_code, exists.json()["code"]) == (400, "rest_post_exists")
    bad = requests.post(api(sandbox, "posts"), json={"title": "x", "status": "live"}, auth=credentials, timeout=5)  # fmt: skip
    assert bad.json()["code"] == "rest_invalid_param" and "status" in bad.json()["data"]["params"]  # fmt: skip
    missing = requests.get(api(sandbox, "posts/999"), auth=credentials, timeout=5)
    assert (missing.status_code, missing.json()["code"]) == (
        404,
        "rest_post_invalid_id",
    )
    created = requests.post(
        api(sandbox, "posts"),
        json={"title": "Заметка", "content": "<p>Текст</p><script>x()</script>", "status": "publish"},
        auth=credentials, timeout=5,
    )  # fmt: skip
    assert created.status_code == 201 and created.headers["Location"].endswith(f"/posts/{created.json()['id']}")  # fmt: skip
    body = created.json()
    assert body["content"]["raw"] == "<p>Текст</p>x()"  # KSES removed the script tag
    assert body["categories"] == [1]  # the default category
    post_id = body["id"]
    trashed = requests.delete(
        api(sandbox, f"posts/{post_id}"), auth=credentials, timeout=5
    )
    assert trashed.json()["status"] == "trash"
    again = requests.delete(
        api(sandbox, f"posts/{post_id}"), auth=credentials, timeout=5
    )
    assert (again.status_code, again.json()["code"]) == (410, "rest_already_trashed")
    forced = requests.delete(api(sandbox, f"posts/{post_id}?force=true"), auth=credentials, timeout=5)  # fmt: skip
    assert (
        forced.json()["deleted"] is True and forced.json()["previous"]["id"] == post_id
    )
    gone = requests.get(api(sandbox, f"posts/{post_id}"), auth=credentials, timeout=5)
    assert gone.status_code == 404


def test_media_upload_checks_its_headers(sandbox, wordpress_account):
    credentials = auth(wordpress_account)
    url = api(sandbox, "media")
    no_data = requests.post(url, data=b"", auth=credentials, headers={"Content-Type": "image/png"}, timeout=5)  # fmt: skip
    assert no_data.json()["code"] == "rest_upload_no_data"
    no_disposition = requests.post(url, data=b"png", auth=credentials, headers={"Content-Type": "image/png"}, timeout=5)  # fmt: skip
    assert no_disposition.json()["code"] == "rest_upload_no_content_disposition"
    invalid = requests.post(url, data=b"png", auth=credentials, headers={"Content-Type": "image/png", "Content-Disposition": "attachment"}, timeout=5)  # fmt: skip
    assert invalid.json()["code"] == "rest_upload_invalid_disposition"
    multipart = requests.post(url, files={"file": ("a.png", testing.tiny_png(), "image/png")}, auth=credentials, timeout=5)  # fmt: skip
    assert multipart.status_code == 201 and multipart.json()["mime_type"] == "image/png"
    assert multipart.json()["source_url"].endswith("/a.png")


def test_terms_search_create_and_term_exists(sandbox, wordpress_account):
    credentials = auth(wordpress_account)
    first = requests.post(api(sandbox, "tags"), json={"name": "Кузбасс"}, auth=credentials, timeout=5)  # fmt: skip
    assert first.status_code == 201
    again = requests.post(api(sandbox, "tags"), json={"name": "кузбасс"}, auth=credentials, timeout=5)  # fmt: skip
    assert again.status_code == 400
    assert again.json()["code"] == "term_exists"
    assert again.json()["data"]["term_id"] == first.json()["id"]
    found = requests.get(
        api(sandbox, "tags"), params={"search": "кузб"}, timeout=5
    ).json()
    assert [t["name"] for t in found] == ["Кузбасс"]
    # Term ids are shared across taxonomies.
    category = requests.post(api(sandbox, "categories"), json={"name": "Новости"}, auth=credentials, timeout=5)  # fmt: skip
    assert category.json()["id"] != first.json()["id"]


def test_comments_statuses_and_moderation_through_the_client(
    sandbox, wordpress_account
):
    client = get_client(wordpress_account)
    ref = client.publish(get_network("wordpress").render(piece(), wordpress_account))
    post = SandboxPost.objects.get(remote_id=int(ref.ids[0]))
    anna = add_reader_comment(post, "Анна", "Когда начнут выплаты?")
    held = add_reader_comment(post, "Пётр", "Заработок тут http://spam.example")
    assert (anna.status, held.status) == ("approved", "hold")

    anonymous = requests.get(api(sandbox, "comments"), params={"post": post.remote_id, "status": "hold"}, timeout=5)  # fmt: skip
    assert (anonymous.status_code, anonymous.json()["code"]) == (
        401,
        "rest_forbidden_param",
    )
    public = requests.get(api(sandbox, "comments"), params={"post": post.remote_id}, timeout=5)  # fmt: skip
    assert [x["id"] for x in public.json()] == [
        anna.remote_id
    ]  # the held one is hidden
    assert public.headers["X-WP-Total"] == "1"

    comments, cursor = client.fetch_comments(ref.ids[0])
    assert [x.text for x in comments] == ["Когда начнут выплаты?", "Заработок тут http://spam.example"]  # fmt: skip
    assert comments[0].author_id == "guest:Анна" and set(cursor) == {"approve", "hold"}
    assert client.fetch_comments(ref.ids[0], cursor)[1] == cursor  # nothing new

    client.hide_comment(ref.ids[0], str(anna.remote_id))
    anna.refresh_from_db()
    assert anna.status == "hold" and anna.hidden
    reply_id = client.reply(
        ref.ids[0], str(anna.remote_id), "Выплаты начнутся в январе."
    )
    reply = SandboxComment.objects.get(remote_id=int(reply_id))
    assert reply.reply_to == anna.remote_id and reply.status == "approved"
    # Our own reply is not read back as a reader's comment.
    assert reply_id not in [x.id for x in client.fetch_comments(ref.ids[0])[0]]
    client.delete_comment(ref.ids[0], str(held.remote_id))
    held.refresh_from_db()
    assert held.status == "trash" and not held.deleted
    client.delete_comment(ref.ids[0], str(held.remote_id))  # 410: already trashed
    with pytest.raises(Unsupported):
        client.ban("0")
    page = requests.get(f"{ref.url}", timeout=5).text
    assert "Выплаты начнутся в январе." in page and "Когда начнут выплаты?" not in page


def test_faults_map_to_the_api_errors(sandbox, wordpress_account):
    client = get_client(wordpress_account)
    sandbox.fault("wordpress", "auth", remaining=1)
    with pytest.raises(AuthError) as auth_error:
        client.check_token()
    assert auth_error.value.code == "incorrect_password"
    sandbox.fault("wordpress", "rate_limit", remaining=1)
    with pytest.raises(RateLimited) as limited:
        get_client(wordpress_account).check_token()
    assert limited.value.retry_after == 5.0
    sandbox.fault("wordpress", "http500", remaining=1)
    with pytest.raises(TransientError):
        get_client(wordpress_account).check_token()
    assert get_client(wordpress_account).check_token()["ok"]


def test_blog_page_escapes_what_readers_write(sandbox, wordpress_account):
    client = get_client(wordpress_account)
    ref = client.publish(get_network("wordpress").render(piece(), wordpress_account))
    post = SandboxPost.objects.get(remote_id=int(ref.ids[0]))
    add_reader_comment(
        post, "<b>Ева</b>", "<script>alert(1)</script>", status="approved"
    )
    page = requests.get(ref.url, timeout=5).text
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    index = requests.get(f"{sandbox.url}/sandbox/", timeout=5).text
    assert f"/sandbox/wordpress/{BLOG}/" in index
    # No webhooks in core: the events page says the blog is polled, with no form.
    blog = SandboxAccount.objects.get(network="wordpress")
    events = requests.get(f"{sandbox.url}/sandbox/callback/{blog.pk}/", timeout=5).text
    assert "<form" not in events and "опрос" in events.lower()


def test_registry_health_check_uses_check_token(sandbox, wordpress_account):
    from accounts_registry.health import check_account

    assert check_account(wordpress_account).ok
    sandbox.fault("wordpress", "auth", remaining=1)
    failed = check_account(wordpress_account)
    assert not failed.ok and "incorrect_password" in failed.message
    password = wordpress_account.get_credential()["application_password"]
    assert password not in failed.message


def test_comments_after_is_the_sites_local_time(sandbox, wordpress_account):
    # WordPress compares ``after`` with comment_date (the site's time, here UTC+7),
    # and the client's cursor is that ``date``: a comment of the cursor's second is
    # read again, a later one is not lost.
    client = get_client(wordpress_account)
    ref = client.publish(get_network("wordpress").render(piece(), wordpress_account))
    post = SandboxPost.objects.get(remote_id=int(ref.ids[0]))
    add_reader_comment(post, "Анна", "Когда начнут выплаты?")
    comments, cursor = client.fetch_comments(ref.ids[0])
    assert [x.author_name for x in comments] == ["Анна"]
    assert client.fetch_comments(ref.ids[0], cursor)[0][0].author_name == "Анна"
    local = requests.get(
        api(sandbox, "comments"),
        params={"post": post.remote_id, "after": cursor["approve"]},
        timeout=5,
    )
    assert local.json() == []  # strictly after: nothing newer than the cursor


def test_posts_collection_by_ids_and_status(sandbox, wordpress_account):
    """``GET posts?include=…&status=…`` as WP_REST_Posts_Controller answers it (the
    results collector's batch): the default status is ``publish`` for anyone, other
    statuses only for a user who may edit posts, ``any`` leaves the trash out, a post
    deleted for good is simply absent, ``_fields`` trims each post; comments take a
    list of posts the same way."""
    credentials = auth(wordpress_account)
    ids = []
    for status in ("publish", "draft", "publish", "publish"):
        created = requests.post(api(sandbox, "posts"), json={"title": "x", "content": "y", "status": status}, auth=credentials, timeout=5)  # fmt: skip
        ids.append(created.json()["id"])
    requests.delete(api(sandbox, f"posts/{ids[2]}"), auth=credentials, timeout=5)
    requests.delete(api(sandbox, f"posts/{ids[3]}?force=true"), auth=credentials, timeout=5)  # fmt: skip
    include = ",".join(map(str, ids))

    public = requests.get(api(sandbox, "posts"), params={"include": include}, timeout=5)  # fmt: skip
    assert [p["id"] for p in public.json()] == [ids[0]]
    assert public.headers["X-WP-Total"] == "1"
    forbidden = requests.get(api(sandbox, "posts"), params={"include": include, "status": "trash"}, timeout=5)  # fmt: skip
    assert (forbidden.status_code, forbidden.json()["code"]) == (401, "rest_forbidden_status")  # fmt: skip
    unknown = requests.get(api(sandbox, "posts"), params={"status": "gone"}, auth=credentials, timeout=5)  # fmt: skip
    assert (unknown.status_code, unknown.json()["code"]) == (400, "rest_invalid_param")

    every = requests.get(
        api(sandbox, "posts"), auth=credentials, timeout=5,
        params={"include": include, "per_page": 100, "_fields": "id,status",
                "status": "publish,future,draft,pending,private,trash"},
    )  # fmt: skip
    assert sorted(every.json(), key=lambda p: p["id"]) == [
        {"id": ids[0], "status": "publish"},
        {"id": ids[1], "status": "draft"},
        {"id": ids[2], "status": "trash"},
    ]
    any_status = requests.get(api(sandbox, "posts"), params={"include": include, "status": "any"}, auth=credentials, timeout=5)  # fmt: skip
    assert sorted(p["id"] for p in any_status.json()) == ids[:2]
    too_many = requests.get(api(sandbox, "posts"), params={"per_page": 101}, timeout=5)
    assert too_many.json()["code"] == "rest_invalid_param"

    post = SandboxPost.objects.get(remote_id=ids[0])
    anna = add_reader_comment(post, "Анна", "Когда начнут выплаты?")
    both = requests.get(api(sandbox, "comments"), params={"post[]": [ids[0], ids[1]], "_fields": "id,post"}, auth=credentials, timeout=5)  # fmt: skip
    assert both.json() == [{"id": anna.remote_id, "post": ids[0]}]
