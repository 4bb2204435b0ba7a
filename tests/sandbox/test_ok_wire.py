"""OK wire format of the sandbox: the signature is checked exactly as OK computes it."""

from __future__ import annotations

import json

import pytest

from sandbox.demo import create_account
from sandbox.models import SandboxAccount, SandboxPost
from syndication.api.ok import sign

pytestmark = pytest.mark.django_db


def test_signature_matches_the_documented_example():
    # aiookru docs / docs/networks.md §2.2 worked example.
    params = {
        "application_key": "ABCDEFGHIGKLMNOPK",
        "format": "json",
        "method": "events.get",
    }
    token = "-s-84W-s3egarWUsbkq-IWTucuedzTKT8VUXIA.s4Xx8IW7"
    assert (
        sign(params, token, "ABC123DEF456GHI789JKL123")
        == "232c8eb921951c4dba9b72606f9ddb4c"
    )


@pytest.fixture
def ok(db):
    create_account("ok", "9100", "Group")
    return SandboxAccount.objects.get(network="ok")


def signed(account, method, **params):
    data = {
        "application_key": account.application_key,
        "method": method,
        "format": "json",
        **params,
    }
    data["sig"] = sign(data, account.token, account.application_secret_key)
    data["access_token"] = account.token
    return data


def attachment(*media):
    return json.dumps({"media": list(media)}, ensure_ascii=False)


def test_post_returns_a_quoted_id(client, ok):
    data = signed(ok, "mediatopic.post", type="GROUP_THEME", gid="9100",
                  attachment=attachment({"type": "text", "text": "Привет"}))  # fmt: skip
    answer = client.post("/sandbox/ok/fb.do", data)
    assert isinstance(answer.json(), str) and answer.json().isdigit()
    assert SandboxPost.objects.get().text == "Привет"


def test_path_form_of_the_url(client, ok):
    data = signed(ok, "group.getInfo", uids="9100")
    assert (
        client.post("/sandbox/ok/api/group/getInfo", data).json()[0]["name"] == "Group"
    )


@pytest.mark.parametrize(
    ("tamper", "code"),
    [
        (lambda d: d.update(sig="0" * 32), 104),
        (lambda d: d.update(gid="9101"), 104),  # changed after signing
        (lambda d: d.update(application_key="WRONG"), 101),
        (lambda d: d.update(access_token="WRONG"), 103),
    ],
)
def test_rejections(client, ok, tamper, code):
    data = signed(ok, "mediatopic.post", type="GROUP_THEME", gid="9100",
                  attachment=attachment({"type": "text", "text": "x"}))  # fmt: skip
    tamper(data)
    answer = client.post("/sandbox/ok/fb.do", data)
    assert answer.json()["error_code"] == code
    assert answer["invocation-error"] == str(code)
    assert set(answer.json()) == {"error_code", "error_msg", "error_data"}


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"type": "USER"}, 100),  # gid needs GROUP_THEME
        ({"attachment": "{not json"}, 100),
        ({"attachment": attachment({"type": "photo", "list": [{"id": "bogus"}]})}, 121),
        ({"gid": "1"}, 50),
    ],
)
def test_topic_validation(client, ok, params, code):
    base = {
        "type": "GROUP_THEME",
        "gid": "9100",
        "attachment": attachment({"type": "text", "text": "x"}),
    }
    answer = client.post(
        "/sandbox/ok/fb.do", signed(ok, "mediatopic.post", **{**base, **params})
    )
    assert answer.json()["error_code"] == code


def test_photo_flow(client, ok):
    from django.core.files.uploadedfile import SimpleUploadedFile

    grant = client.post(
        "/sandbox/ok/fb.do", signed(ok, "photosV2.getUploadUrl", gid="9100", count=1)
    ).json()
    files = {"pic1": SimpleUploadedFile("a.png", b"PNG", "image/png")}
    photos = client.post(grant["upload_url"], files).json()["photos"]
    token = photos[grant["photo_ids"][0]]["token"]
    media = attachment({"type": "photo", "list": [{"id": token}]})
    topic = client.post(
        "/sandbox/ok/fb.do",
        signed(ok, "mediatopic.post", type="GROUP_THEME", gid="9100", attachment=media),
    )
    assert topic.json().isdigit()
    committed = client.post(
        "/sandbox/ok/fb.do",
        signed(ok, "photosV2.commit", photo_id=grant["photo_ids"][0], token=token),
    )
    assert committed.json()["photos"][0]["status"] == "SUCCESS"
