"""Issue 7's definition of done, over real HTTP: one piece, every network Vestnik
publishes to, from one publish — each post once, as the preview showed it — then an
edit on republish and the deletes on unpublish, with no duplicates anywhere."""

from __future__ import annotations

import json

import pytest

from accounts_registry.restricted import decide
from sandbox.models import SandboxPage, SandboxPost
from syndication.delivery import dispatch, scheduling
from syndication.models import Delivery, PageSyndication
from syndication.networks import get_network, rendering_codes
from syndication.render.page_reader import piece_from_page
from tests.sandbox.fixtures import (  # noqa: F401
    facebook_account,
    instagram_account,
    livejournal_account,
    max_account,
    ok_account,
    sandbox,
    telegram_account,
    telegraph_account,
    vk_account,
    wordpress_account,
)

pytest_plugins = ["tests.syndication.test_delivery_support"]
S = Delivery.Status
A = Delivery.Action


@pytest.fixture
def every_account(
    sandbox,  # noqa: F811
    vk_account,  # noqa: F811
    ok_account,  # noqa: F811
    telegram_account,  # noqa: F811
    telegraph_account,  # noqa: F811
    facebook_account,  # noqa: F811
    instagram_account,  # noqa: F811
    wordpress_account,  # noqa: F811
    livejournal_account,  # noqa: F811
    max_account,  # noqa: F811
):
    for network in ("facebook", "instagram"):
        decide(network, True, reason="Тест: сеть включена явно", actor="test")
    accounts = [
        vk_account,
        ok_account,
        telegram_account,
        telegraph_account,
        facebook_account,
        instagram_account,
        wordpress_account,
        livejournal_account,
        max_account,
    ]
    # Every network that renders has an account here (Dzen pulls a feed instead).
    assert {a.network for a in accounts} == set(rendering_codes())
    return accounts


def remote_items(account):
    """What a reader of the account sees: its live posts (or Telegraph pages)."""
    if account.network == "telegraph":
        return list(
            SandboxPage.objects.filter(account__external_id=account.external_id)
        )
    posts = SandboxPost.objects.filter(
        account__network=account.network,
        account__external_id=account.external_id,
        deleted=False,
    )
    # A WordPress delete moves the post to the trash, which readers do not see.
    return [post for post in posts if post.meta.get("status") != "trash"]


def shown_text(account) -> str:
    (item,) = remote_items(account)
    if account.network == "telegraph":
        return json.dumps(item.content, ensure_ascii=False)
    return item.text


def serve_site(page, url):
    """The piece's site answers at the live server, as Instagram fetches images and
    every post links back to the piece."""
    from urllib.parse import urlsplit

    from wagtail.models import Site

    parts = urlsplit(url)
    Site.objects.all().delete()
    Site.objects.create(
        hostname=parts.hostname,
        port=parts.port,
        root_page=page.get_parent().get_parent(),
        is_default_site=True,
    )


def choose_and_publish(page, accounts):
    """The editor ticks every account in «Соцсети» and presses «Опубликовать»."""
    choice, _ = PageSyndication.objects.get_or_create(page_id=page.pk)
    choice.accounts.set(accounts)
    PageSyndication.objects.filter(pk=choice.pk).update(accounts_chosen=True)
    page.lead = "С 1 декабря пособие выросло на 8 %: новую сумму начислят сами."
    page.save_revision().publish()


def test_one_publish_reaches_every_network_once(every_account, piece_page, sandbox):  # noqa: F811
    serve_site(piece_page, sandbox.url)
    choose_and_publish(piece_page, every_account)
    publishes = Delivery.objects.filter(action=A.PUBLISH)
    assert publishes.count() == len(every_account)  # one per account, no more
    dispatch.run_now(list(publishes.values_list("pk", flat=True)))

    piece = piece_from_page(piece_page)
    for account in every_account:
        delivery = Delivery.objects.get(account=account, action=A.PUBLISH)
        assert delivery.status == S.SENT, (account.network, delivery.last_error)
        assert len(remote_items(account)) == 1, account.network
        # The preview is the render; the network shows exactly what it showed.
        post = get_network(account.network).render(piece, account)
        expected = post.messages[0].text
        if account.network == "telegraph":
            expected = json.dumps(json.loads(expected), ensure_ascii=False)
        assert shown_text(account) == expected, account.network
        assert "пособие выросло на 8 %" in expected

    # Republish after a correction: edits where the network can, never a second post.
    piece_page.lead = "С 1 декабря пособие выросло на 8,5 %."
    revision = piece_page.save_revision()
    revision.publish()
    edits = Delivery.objects.filter(action=A.EDIT)
    assert edits.count() == len(every_account)
    dispatch.run_now(list(edits.values_list("pk", flat=True)))
    for edit in edits.select_related("account"):
        account = edit.account
        assert len(remote_items(account)) == 1, account.network
        if edit.status == S.CANCELLED:
            # OK and Instagram cannot edit a published post; the log says so.
            assert edit.attempt_log.last().outcome == "unsupported", account.network
            continue
        assert edit.status == S.SENT, (account.network, edit.last_error)
        assert "8,5 %" in shown_text(account), account.network

    # Unpublish: every network that can delete does; the others are done with a note.
    piece_page.unpublish()
    deletes = scheduling.schedule_deletes(piece_page)
    dispatch.run_now([d.pk for d in deletes])
    for delete in Delivery.objects.filter(action=A.DELETE).select_related("account"):
        account = delete.account
        assert delete.status == S.SENT, (account.network, delete.last_error)
        if account.network in ("telegraph", "instagram"):
            continue  # no delete in their APIs (the note is tested with them)
        assert len(remote_items(account)) == 0, account.network
