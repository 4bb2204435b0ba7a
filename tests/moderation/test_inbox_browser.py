"""In a real browser: a moderator filters the inbox, deletes an obscene comment with a
keyboard shortcut, blacklists its author, and the sandbox wall no longer shows it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from moderation.defaults import ensure_moderator_group
from moderation.fetch import fetch_all
from moderation.models import Ban, FetchCursor, InboxItem, Rule
from sandbox.models import SandboxAccount, SandboxBan, SandboxPost
from sandbox.pages import add_comment
from tests.sandbox.fixtures import relaxed_account, sandbox  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
OBSCENE = "Да идите вы нах*й со своими выплатами"


@pytest.fixture
def moderator(django_user_model):
    group = ensure_moderator_group(Group, Permission, ContentType)
    user = django_user_model.objects.create_user("moder", password=PASSWORD)
    user.groups.add(group)
    return user


@pytest.fixture
def wall(sandbox):  # noqa: F811
    account = relaxed_account("vk", "424242", "Test VK", token_type="user")
    sandbox_account = SandboxAccount.objects.get(network="vk", external_id="424242")
    post = SandboxPost.objects.create(
        account=sandbox_account, remote_id=sandbox_account.next_id(), text="Новость"
    )
    FetchCursor.objects.create(account=account, post_remote_id=str(post.remote_id))
    return account, post


def test_moderator_deletes_with_a_shortcut_and_blacklists(
    page_in_browser, live_server, moderator, wall, settings
):
    settings.MODERATION_UNDO_SECONDS = 2  # the toast's window, shortened
    account, post = wall
    Rule.objects.update(enabled=False)  # the moderator, not a rule, acts here
    bad = add_comment(post, 4711, "Грубиян Петров", OBSCENE)
    add_comment(post, 4712, "Анна", "Когда начнут выплаты?")
    assert fetch_all([account]).created == 2

    page = page_in_browser
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "moder")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/moderation/")
    page.select_option("select[name=label]", "obscene")
    page.click(".mod-filters button[type=submit]")
    page.wait_for_url("**label=obscene**")
    rows = page.locator("tr.mod-row")
    assert rows.count() == 1
    assert "нах*й" in rows.first.inner_text()

    page.select_option("#mod-bulk-form select[name=reason]", "obscene")
    page.keyboard.press("j")
    page.keyboard.press("d")
    page.wait_for_selector("tr.mod-row--deleted")
    item = InboxItem.objects.get(remote_id=str(bad.remote_id))
    assert item.status == "deleted"
    bad.refresh_from_db()
    assert bad.deleted

    page.keyboard.press("k")  # back to the deleted comment (d moved to the next one)
    page.keyboard.press("b")  # its author goes to the blacklist
    page.wait_for_selector("[data-mod-toast]")
    page.wait_for_selector("[data-mod-toast]", state="detached")  # sent
    assert SandboxBan.objects.filter(
        account__external_id="424242", user_id=4711
    ).exists()
    assert Ban.objects.get(author_id="4711").active

    page.goto(f"{live_server.url}/sandbox/vk/club424242/")
    wall_text = page.content()
    assert "нах*й" not in wall_text
    assert "Когда начнут выплаты?" in wall_text

    page.goto(f"{live_server.url}/admin/moderation/blacklist/{account.pk}/")
    assert "4711" in page.content()
