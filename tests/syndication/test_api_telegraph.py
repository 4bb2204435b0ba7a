"""The Telegraph client against the sandbox over real HTTP: publish, edit, errors."""

from __future__ import annotations

import json

import pytest
import requests

from sandbox.models import SandboxPage
from syndication.api import (
    AuthError,
    PermanentError,
    RateLimited,
    TransientError,
    Unsupported,
    get_client,
)
from syndication.networks import get_network
from syndication.networks.base import Message, Post
from tests.sandbox import fixtures as testing
from tests.syndication import samples

pytestmark = pytest.mark.django_db(transaction=True)
sandbox = testing.sandbox
telegraph_account = testing.telegraph_account


def raw_post(content, title="Заголовок") -> Post:
    message = Message(
        "createPage",
        text=json.dumps(content, ensure_ascii=False),
        parse_mode="telegraph_nodes",
        options={"title": title, "author_name": "Вестник", "author_url": ""},
    )
    return Post("telegraph", [message])


def test_publish_edit_keeps_path_and_page_shows_it(sandbox, telegraph_account):
    client = get_client(telegraph_account)
    post = get_network("telegraph").render(
        samples.every_block_piece(), telegraph_account
    )
    ref = client.publish(post)
    page = SandboxPage.objects.get()
    assert ref.ids == [page.path] and ref.extra == {"path": page.path}
    assert page.path.startswith("Vyplaty-semyam-s-detmi-prodleny-")
    assert page.title == samples.every_block_piece().title
    assert page.author_name == telegraph_account.name
    assert page.content == json.loads(post.messages[0].text)
    assert ref.url.endswith(f"/sandbox/telegraph/p/{page.path}/")

    html = requests.get(ref.url, timeout=5).text
    assert "<figcaption>Подпись к снимку 1. Фото: Пресс-служба</figcaption>" in html
    assert "<h3>Кто может подать</h3>" in html

    edited = get_network("telegraph").render(
        samples.base_piece([samples.paragraph(1, 1)], title="Новый заголовок"),
        telegraph_account,
    )
    new_ref = client.edit(ref.to_dict(), edited)
    assert new_ref.ids == ref.ids and new_ref.url == ref.url
    page.refresh_from_db()
    assert page.title == "Новый заголовок" and page.edited_at is not None
    assert "Сообщение 1:" in json.dumps(page.content, ensure_ascii=False)
    assert client.get_page(page.path)["content"] == page.content

    # Same title again: a new path with a counter, as Telegraph numbers them.
    second = client.publish(post)
    assert second.ids == [f"{page.path}-2"]


def test_delete_is_unsupported(sandbox, telegraph_account):
    with pytest.raises(Unsupported, match="no delete"):
        get_client(telegraph_account).delete({"ids": ["X-11-29"]})


def test_check_token(sandbox, telegraph_account):
    info = get_client(telegraph_account).check_token()
    assert info == {
        "ok": True,
        "name": "vestnik_test",
        "author_name": "Test Telegraph",
        "page_count": 0,
    }


def test_bad_token_is_auth_error(sandbox, telegraph_account):
    client = get_client(telegraph_account)
    client.token = "not-a-token"
    with pytest.raises(AuthError) as error:
        client.publish(raw_post(["текст"]))
    assert error.value.code == "ACCESS_TOKEN_INVALID"
    assert not SandboxPage.objects.exists()


def test_flood_wait_is_rate_limited(sandbox, telegraph_account):
    sandbox.fault("telegraph", "rate_limit", method="createPage")
    with pytest.raises(RateLimited) as error:
        get_client(telegraph_account).publish(raw_post(["текст"]))
    assert error.value.retry_after == 5.0
    assert error.value.code == "FLOOD_WAIT_5"


def test_server_error_is_transient(sandbox, telegraph_account):
    sandbox.fault("telegraph", "http500")
    with pytest.raises(TransientError) as error:
        get_client(telegraph_account).check_token()
    assert not isinstance(error.value, RateLimited)


@pytest.mark.parametrize(
    ("content", "title", "code"),
    [
        ([{"tag": "script", "children": ["x"]}], "T", "CONTENT_FORMAT_INVALID"),
        ([{"tag": "a", "attrs": {"onclick": "x"}}], "T", "CONTENT_FORMAT_INVALID"),
        (["x" * (64 * 1024)], "T", "CONTENT_TOO_BIG"),
        (["текст"], "", "TITLE_REQUIRED"),
        (["текст"], "T" * 257, "TITLE_TOO_LONG"),
    ],
)
def test_rejected_content_is_permanent(
    sandbox, telegraph_account, content, title, code
):
    with pytest.raises(PermanentError) as error:
        get_client(telegraph_account).publish(raw_post(content, title))
    assert error.value.code == code


def test_edit_unknown_page(sandbox, telegraph_account):
    with pytest.raises(PermanentError) as error:
        get_client(telegraph_account).edit({"ids": ["Nope-01-01"]}, raw_post(["x"]))
    assert error.value.code == "PAGE_NOT_FOUND"


def test_over_limit_piece_is_accepted_after_the_render_cut(sandbox, telegraph_account):
    post = get_network("telegraph").render(
        samples.long_text_piece(120_000), telegraph_account
    )
    ref = get_client(telegraph_account).publish(post)
    assert SandboxPage.objects.get(path=ref.ids[0]).content[-1]["tag"] == "p"
