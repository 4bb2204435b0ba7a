"""VK wire format of the sandbox, through Django's test client."""

from __future__ import annotations

import pytest

from sandbox.demo import create_account
from sandbox.models import SandboxAccount, SandboxPost

pytestmark = pytest.mark.django_db
URL = "/sandbox/vk/method/"


@pytest.fixture
def token():
    # The limit has its own test; the others send faster than 3 calls a second.
    create_account("vk", "4242", "Group", token_type="user", enforce_rate_limits=False)
    return SandboxAccount.objects.get(network="vk").token


def call(client, method, **params):
    return client.post(URL + method, params).json()


def test_envelope_and_guid(client, token):
    params = {"access_token": token, "v": "5.199", "owner_id": -4242, "from_group": 1}
    first = call(client, "wall.post", message="Текст", guid="g1", **params)
    again = call(client, "wall.post", message="Другой", guid="g1", **params)
    assert first == again == {"response": {"post_id": first["response"]["post_id"]}}
    assert SandboxPost.objects.count() == 1


def test_get_works_like_post_and_bearer_header(client, token):
    answer = client.get(
        URL + "users.get", {"v": "5.199"}, HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert answer.json()["response"][0]["id"] == 1


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"access_token": "nope", "v": "5.199"}, 5),
        ({"v": ""}, 8),
        ({"v": "5.199", "message": ""}, 100),
        ({"v": "5.199", "message": "x" * 16385}, 100),
        ({"v": "5.199", "message": "x", "owner_id": -1}, 15),
        ({"v": "5.199", "message": "x", "attachments": "photo-4242_999"}, 100),
        (
            {"v": "5.199", "message": "x", "attachments": "https://a.ru,https://b.ru"},
            100,
        ),
    ],
)
def test_rejections(client, token, params, code):
    params = {"access_token": token, "owner_id": -4242, **params}
    error = call(client, "wall.post", **params)["error"]
    assert error["error_code"] == code
    assert {"key": "v", "value": params["v"]} in error["request_params"] or code == 5
    assert all(p["key"] != "access_token" for p in error["request_params"])


def test_unknown_method(client, token):
    assert (
        call(client, "wall.nope", access_token=token, v="5.199")["error"]["error_code"]
        == 3
    )


def test_user_token_limit_is_three_per_second(client, token):
    SandboxAccount.objects.update(enforce_rate_limits=True)
    codes = [
        "error" in call(client, "users.get", access_token=token, v="5.199")
        for _ in range(4)
    ]
    assert codes == [False, False, False, True]


def test_photo_upload_flow_and_hash_check(client, token):
    server = call(
        client,
        "photos.getWallUploadServer",
        access_token=token,
        v="5.199",
        group_id=4242,
    )
    upload_url = server["response"]["upload_url"]
    from django.core.files.uploadedfile import SimpleUploadedFile

    uploaded = client.post(
        upload_url, {"photo": SimpleUploadedFile("a.png", b"PNG", "image/png")}
    ).json()
    assert set(uploaded) == {"server", "photo", "hash"}
    bad = call(client, "photos.saveWallPhoto", access_token=token, v="5.199", group_id=4242,
               photo=uploaded["photo"], server=uploaded["server"], hash="0")  # fmt: skip
    assert bad["error"]["error_code"] == 121
    saved = call(client, "photos.saveWallPhoto", access_token=token, v="5.199", group_id=4242,
                 photo=uploaded["photo"], server=uploaded["server"], hash=uploaded["hash"])  # fmt: skip
    photo = saved["response"][0]
    assert photo["owner_id"] == -4242
    posted = call(client, "wall.post", access_token=token, v="5.199", owner_id=-4242,
                  attachments=f"photo-4242_{photo['id']}")  # fmt: skip
    assert "response" in posted


def test_poll_cannot_be_alone_and_has_answer_limits(client, token):
    base = {"access_token": token, "v": "5.199", "owner_id": -4242, "question": "Q?"}
    too_many = call(
        client,
        "polls.create",
        add_answers=str([f"a{i}" for i in range(11)]).replace("'", '"'),
        **base,
    )
    assert too_many["error"]["error_code"] == 100
    poll = call(client, "polls.create", add_answers='["да","нет"]', **base)["response"]
    alone = call(client, "wall.post", access_token=token, v="5.199", owner_id=-4242,
                 attachments=f"poll-4242_{poll['id']}")  # fmt: skip
    assert alone["error"]["error_code"] == 100


def test_community_token_is_refused_user_only_methods(client):
    create_account("vk", "77", "Community", token_type="community")
    token = SandboxAccount.objects.get(external_id="77").token
    error = call(client, "polls.create", access_token=token, v="5.199", owner_id=-77)[
        "error"
    ]
    assert error["error_code"] == 27
