"""The sandbox's human side: walls, the index, comments and the fault panel."""

from __future__ import annotations

import json

import pytest

from accounts_registry.models import Account
from sandbox.demo import ensure_demo_accounts
from sandbox.models import SandboxAccount, SandboxFault, SandboxPost

pytestmark = pytest.mark.django_db


def test_demo_accounts_are_idempotent_and_usable():
    first = ensure_demo_accounts()
    again = ensure_demo_accounts()
    assert [a.pk for a in first] == [a.pk for a in again]
    assert {"vk", "ok", "telegram"} <= {a.network for a in first}
    assert SandboxAccount.objects.count() == len(first)
    vk = Account.objects.get(network="vk")
    assert (
        vk.get_credential()["access_token"]
        == SandboxAccount.objects.get(network="vk").token
    )
    ok = Account.objects.get(network="ok").get_credential()
    assert set(ok) == {"application_key", "application_secret_key", "access_token"}


def test_walls_show_posts_escaped_and_telegram_html_safely(client):
    ensure_demo_accounts()
    vk, _ok, tg = (
        SandboxAccount.objects.order_by("network")[2],
        None,
        SandboxAccount.objects.get(network="telegram"),
    )
    vk = SandboxAccount.objects.get(network="vk")
    SandboxPost.objects.create(
        account=vk, remote_id=1, text="<script>alert(1)</script> Новость"
    )
    SandboxPost.objects.create(
        account=tg, remote_id=2, parse_mode="HTML",
        text='<b>Жирно</b> <a href="javascript:alert(1)">x</a> <img src=x onerror=alert(1)>',
    )  # fmt: skip
    page = client.get("/sandbox/vk/club100001/").content.decode()
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; Новость" in page
        and "<script>alert" not in page
    )
    page = client.get("/sandbox/telegram/@vestnik_sandbox/").content.decode()
    assert "<b>Жирно</b>" in page
    assert "javascript:" not in page and "onerror" not in page
    assert client.get("/sandbox/ok/group/700000000001/").status_code == 200
    index = client.get("/sandbox/").content.decode()
    assert "/sandbox/vk/club100001/" in index


def test_reader_comment_form(client):
    ensure_demo_accounts()
    post = SandboxPost.objects.create(
        account=SandboxAccount.objects.get(network="vk"), remote_id=5, text="x"
    )
    response = client.post(
        f"/sandbox/comment/{post.pk}/",
        {"author_name": "Ира", "author_id": 42, "text": "Вопрос"},
    )
    assert response.status_code == 302
    assert post.comments.get().text == "Вопрос"
    assert "Вопрос" in client.get("/sandbox/vk/club100001/").content.decode()


def test_fault_api_counts_down(client):
    ensure_demo_accounts()
    token = SandboxAccount.objects.get(network="vk").token
    client.post("/sandbox/faults/api/", json.dumps({"network": "vk", "kind": "http500", "remaining": 2}),
                content_type="application/json")  # fmt: skip
    statuses = [
        client.post(
            "/sandbox/vk/method/users.get", {"access_token": token, "v": "5.199"}
        ).status_code
        for _ in range(3)
    ]
    assert statuses == [500, 500, 200]
    assert not SandboxFault.objects.exists()
    assert client.get("/sandbox/faults/").status_code == 200
