"""The whole loop over real HTTP: deliveries -> the real API clients -> the sandbox
(served by ``live_server``): publish, edit on republish, delete after unpublish."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from sandbox.models import SandboxPost
from syndication.delivery import dispatch, scheduling
from syndication.models import Delivery
from tests.sandbox.fixtures import relaxed_account, sandbox  # noqa: F401

pytest_plugins = ["tests.syndication.test_delivery_support"]
S = Delivery.Status
A = Delivery.Action


@pytest.fixture
def sandbox_accounts(sandbox, transactional_db):  # noqa: F811
    return [
        relaxed_account("vk", "610001", "VK sandbox", token_type="user"),
        relaxed_account("ok", "610002", "OK sandbox"),
        relaxed_account("telegram", "@delivery_sandbox", "TG sandbox"),
    ]


def live_posts(account):
    return SandboxPost.objects.filter(
        account__network=account.network,
        account__external_id=account.external_id,
        deleted=False,
    )


def test_publish_edit_delete_over_http(sandbox_accounts, piece_page):
    out = io.StringIO()
    call_command("syndicate", str(piece_page.pk), "--wait", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert len(lines) == 3
    for account in sandbox_accounts:
        delivery = Delivery.objects.get(account=account, action=A.PUBLISH)
        assert delivery.status == S.SENT, delivery.last_error
        post = live_posts(account).first()
        assert post is not None
        assert str(post.remote_id) in delivery.remote_ref["ids"]
        assert "пособие выросло" in post.text

    # the editor corrects the lead and publishes again: the posts are edited
    piece_page.lead = "С 1 декабря пособие выросло на 8,5 %."
    revision = piece_page.save_revision()
    revision.publish()
    edits = scheduling.schedule_page(piece_page, revision)
    assert {d.action for d in edits} == {A.EDIT}
    dispatch.run_now([d.pk for d in edits])
    for edit in Delivery.objects.filter(action=A.EDIT).select_related("account"):
        if edit.account.network == "ok" and edit.status == S.CANCELLED:
            assert edit.attempt_log.get().outcome == "unsupported"
            continue
        assert edit.status == S.SENT, (edit.account.network, edit.last_error)
        assert "8,5 %" in live_posts(edit.account).get().text
    assert sum(live_posts(a).count() for a in sandbox_accounts) == 3  # no new posts

    # unpublished: the editor asks to delete the posts from the networks
    piece_page.unpublish()
    deletes = scheduling.schedule_deletes(piece_page)
    dispatch.run_now([d.pk for d in deletes])
    assert all(d.status == S.SENT for d in Delivery.objects.filter(action=A.DELETE))
    assert sum(live_posts(a).count() for a in sandbox_accounts) == 0
