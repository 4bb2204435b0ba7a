"""The MAX moderation loop over real HTTP (live_server): a reader comments in the
sandbox channel, the sandbox pushes ``comment_created`` to Vestnik's webhook with the
secret header, the inbox stores it, a moderator deletes it, and it is gone in MAX."""

from __future__ import annotations

import pytest

from moderation import actions
from moderation.defaults import ensure_default_rules
from moderation.models import InboxItem, Rule, WebhookEndpoint
from sandbox import callbacks
from sandbox.demo import connect_to_vestnik
from sandbox.models import SandboxAccount, SandboxComment, SandboxPost
from sandbox.pages import add_comment
from syndication.api import get_client
from syndication.networks.base import Message, Post
from tests.sandbox.fixtures import max_account, sandbox  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def channel(sandbox, max_account, live_server, settings, monkeypatch):  # noqa: F811
    settings.SANDBOX_CALLBACK_INLINE = True
    settings.SANDBOX_CALLBACK_BACKOFF = 0.05
    settings.MODERATION_AUTO_ACTIONS_ASYNC = False
    monkeypatch.setattr("moderation.actions.sleep", lambda seconds: None)
    Rule.objects.all().delete()
    ensure_default_rules(Rule)
    connect_to_vestnik(max_account, base_url=live_server.url)
    yield max_account
    assert callbacks.drain(5)


def test_comment_pushed_to_the_inbox_then_deleted_in_max(channel):
    endpoint = WebhookEndpoint.objects.get(account=channel)
    sandbox_account = SandboxAccount.objects.get(network="max")
    assert sandbox_account.callback_secret == endpoint.secret
    assert sandbox_account.callback_url.endswith(f"/hooks/max/{channel.slug}/")

    ref = get_client(channel).publish(
        Post("max", [Message("send", "Новость о мосте", "html")])
    )
    assert not InboxItem.objects.exists()  # the channel's own post is not an item

    post = SandboxPost.objects.get(account=sandbox_account)
    comment = add_comment(post, 7001, "Анна Иванова", "Когда откроют мост?")
    item = InboxItem.objects.get()
    assert item.raw["update_type"] == "comment_created"
    assert (item.post_remote_id, item.author_id) == (ref.ids[0], "7001")
    assert item.text == "Когда откроют мост?" and item.author_name == "Анна Иванова"

    done = actions.perform("delete", account=channel, item=item, reason="other")
    assert done.confirmed, done.error
    comment.refresh_from_db()
    assert comment.deleted
    item.refresh_from_db()
    assert item.status == "deleted"


def test_spam_is_removed_by_the_default_rule(channel):
    ref = get_client(channel).publish(Post("max", [Message("send", "Новость", "html")]))
    post = SandboxPost.objects.get(account__network="max")
    add_comment(post, 901, "Пётр Спамов",
                "Заработок от 100000 в день! Пиши в вотсап +79991234567 bit.ly/xx")  # fmt: skip
    item = InboxItem.objects.get()
    assert item.label == "spam" and item.post_remote_id == ref.ids[0]
    assert item.status == "deleted"
    assert SandboxComment.objects.get().deleted


def test_a_wrong_secret_is_refused_and_nothing_stored(channel):
    sandbox_account = SandboxAccount.objects.get(network="max")
    sandbox_account.callback_secret = "wrong-secret"
    sandbox_account.save()
    post = SandboxPost.objects.create(
        account=sandbox_account, remote_id=sandbox_account.next_id(), text="Новость"
    )
    add_comment(post, 7001, "Анна", "Вопрос")
    assert not InboxItem.objects.exists()
    assert any(entry["result"] == "400" for entry in callbacks.log)


def test_polling_catches_what_the_webhook_missed(channel):
    from moderation.fetch import fetch_all
    from moderation.models import FetchCursor

    ref = get_client(channel).publish(Post("max", [Message("send", "Новость", "html")]))
    sandbox_account = SandboxAccount.objects.get(network="max")
    sandbox_account.callback_url = ""  # the webhook is down
    sandbox_account.save()
    post = SandboxPost.objects.get(account=sandbox_account)
    add_comment(post, 7001, "Анна", "Первый вопрос")
    add_comment(post, 7002, "Олег", "Второй вопрос")
    FetchCursor.objects.create(account=channel, post_remote_id=ref.ids[0])
    report = fetch_all([channel])
    assert (report.created, report.errors) == (2, 0)
    assert set(InboxItem.objects.values_list("text", flat=True)) == {
        "Первый вопрос",
        "Второй вопрос",
    }
    assert fetch_all([channel]).created == 0  # the cursor moved on
