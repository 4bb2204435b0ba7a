"""Moderation against the sandbox over real HTTP (live_server): polling, rule and
moderator actions, network failures with a retry, the blacklist."""

from __future__ import annotations

import pytest

from moderation import actions
from moderation.defaults import ensure_default_rules
from moderation.fetch import fetch_all
from moderation.models import Ban, FetchCursor, InboxItem, Rule
from sandbox.models import SandboxAccount, SandboxBan, SandboxPost
from sandbox.pages import add_comment
from tests.sandbox.fixtures import relaxed_account, sandbox  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def community(sandbox, settings, monkeypatch):  # noqa: F811
    settings.MODERATION_AUTO_ACTIONS_ASYNC = False
    monkeypatch.setattr("moderation.actions.sleep", lambda seconds: None)
    ensure_default_rules(Rule)
    # Deleting comments and banning need a user (admin) token in VK.
    return relaxed_account("vk", "424242", "Test VK", token_type="user")


@pytest.fixture
def wall_post(community):
    sandbox_account = SandboxAccount.objects.get(network="vk", external_id="424242")
    post = SandboxPost.objects.create(
        account=sandbox_account, remote_id=sandbox_account.next_id(), text="Новость"
    )
    FetchCursor.objects.create(account=community, post_remote_id=str(post.remote_id))
    return post


def test_polled_spam_is_deleted_by_the_default_rule(community, wall_post):
    spam = add_comment(wall_post, 901, "Пётр Спамов",
                       "Заработок от 100000 в день! Пиши в вотсап +79991234567 bit.ly/xx")  # fmt: skip
    add_comment(wall_post, 902, "Анна Иванова", "Когда начнут выплаты?")
    report = fetch_all([community])
    assert (report.created, report.errors) == (2, 0)
    item = InboxItem.objects.get(remote_id=str(spam.remote_id))
    assert item.label == "spam" and item.author_name == "Пётр Спамов"
    assert item.status == "deleted"
    spam.refresh_from_db()
    assert spam.deleted  # gone from the sandbox wall
    action = item.actions.get()
    assert action.rule.label == "spam" and action.confirmed


def test_second_poll_fetches_nothing_again(community, wall_post):
    add_comment(wall_post, 902, "Анна Иванова", "Когда начнут выплаты?")
    assert fetch_all([community]).created == 1
    assert fetch_all([community]).created == 0
    add_comment(wall_post, 903, "Олег", "Спасибо за ответ")
    assert fetch_all([community]).created == 1


def test_delete_retries_after_a_server_error(community, wall_post, sandbox):  # noqa: F811
    comment = add_comment(wall_post, 902, "Анна", "Когда начнут выплаты?")
    fetch_all([community])
    item = InboxItem.objects.get()
    sandbox.fault("vk", "http500", remaining=1, method="wall.deleteComment")
    done = actions.perform("delete", account=community, item=item, reason="other")
    assert done.confirmed and done.attempts == 2
    comment.refresh_from_db()
    assert comment.deleted


def test_auth_failure_is_recorded_not_confirmed(community, wall_post, sandbox):  # noqa: F811
    add_comment(wall_post, 902, "Анна", "Когда начнут выплаты?")
    fetch_all([community])
    item = InboxItem.objects.get()
    sandbox.fault("vk", "auth", remaining=1)
    done = actions.perform("delete", account=community, item=item, reason="other")
    item.refresh_from_db()
    assert not done.confirmed and "AuthError" in done.error and item.status == "new"


def test_blacklist_and_lift_in_the_sandbox(community, wall_post):
    comment = add_comment(wall_post, 904, "Грубиян", "Ты дебил")
    fetch_all([community])
    item = InboxItem.objects.get()
    actions.blacklist(item, reason="insult")
    comment.refresh_from_db()
    assert comment.deleted
    assert SandboxBan.objects.filter(user_id=904).exists()
    assert Ban.objects.get(author_id="904").active
    actions.perform("unban", account=community, author_id="904")
    assert not SandboxBan.objects.filter(user_id=904).exists()
    assert not Ban.objects.get(author_id="904").active
