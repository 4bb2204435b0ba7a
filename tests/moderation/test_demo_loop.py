"""The demo loop over real HTTP (live_server), with the accounts ``load_demo`` makes:
a reader writes on the sandbox wall through its form, the sandbox pushes the comment
to the moderation webhook (no polling), the inbox classifies it, a moderator deletes
it and bans its author, and the sandbox shows both."""

from __future__ import annotations

import re
import time

import pytest
import requests

from moderation import actions
from moderation.defaults import ensure_default_rules
from moderation.models import Ban, FetchCursor, InboxItem, Rule, WebhookEndpoint
from moderation.sync import sync_bans
from sandbox import callbacks
from sandbox.demo import ensure_demo_accounts
from sandbox.models import SandboxAccount, SandboxComment, SandboxPost
from syndication.api import get_client
from tests.sandbox.fixtures import sandbox  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)

OBSCENE = "Да пошли вы на хуй со своим мостом"
SPAM = "Заработок от 100000 в день! Пиши в вотсап +79991234567 bit.ly/xx"


@pytest.fixture
def demo(sandbox, live_server, settings):  # noqa: F811
    # On in-memory SQLite the live server's threads share the test's connection:
    # nothing may run beside a request. The sandbox delivers in the request's thread
    # here; the first test turns the background delivery back on where it is safe.
    settings.SANDBOX_CALLBACK_INLINE = True
    settings.VESTNIK_SITE_URL = live_server.url
    # The demo VK account's sandbox side enforces the real user-token limit.
    settings.VK_RATE_USER = (3, 1.0)
    settings.SANDBOX_CALLBACK_BACKOFF = 0.05
    callbacks._confirmed.clear()
    Rule.objects.all().delete()  # moderator's decisions only, unless a test adds rules
    accounts = {account.network: account for account in ensure_demo_accounts()}
    yield accounts
    assert callbacks.drain(10)


def wait_for(check, timeout=5.0):
    deadline = time.monotonic() + timeout
    while not (result := check()):
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)
    return result


def sandbox_post(network: str, text="Новость о мосте") -> SandboxPost:
    account = SandboxAccount.objects.get(network=network)
    post = SandboxPost.objects.create(
        account=account, remote_id=account.next_id(), text=text
    )
    if network == "telegram":  # the automatic forward into the discussion group
        post.thread_id = account.next_id()
        post.save(update_fields=["thread_id"])
    return post


def write_on_wall(base: str, wall: str, post, text: str, author_id=7001) -> str:
    """A reader fills in «написать комментарий» on the wall page, like a browser."""
    session = requests.Session()
    page = session.get(f"{base}{wall}", timeout=5)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    response = session.post(
        f"{base}/sandbox/comment/{post.pk}/", timeout=5, allow_redirects=False,
        data={"csrfmiddlewaretoken": token, "author_name": "Пётр Грубов",
              "author_id": author_id, "text": text},
    )  # fmt: skip
    assert response.status_code == 302 and response.headers["Location"].endswith(wall)
    assert callbacks.drain(5)  # the push is under way; nothing may overlap it
    return response.headers["Location"]


def inbox_item(account, **filters):
    return InboxItem.objects.filter(account=account, **filters).first()


def test_vk_comment_reaches_the_inbox_and_the_moderator_acts(
    demo, live_server, settings
):
    account = demo["vk"]
    post = sandbox_post("vk")
    settings.SANDBOX_CALLBACK_INLINE = False  # as in ``make run``: a worker thread
    started = time.monotonic()
    wall = write_on_wall(live_server.url, "/sandbox/vk/club100001/", post, OBSCENE)
    item = wait_for(lambda: inbox_item(account))
    assert time.monotonic() - started < 3
    settings.SANDBOX_CALLBACK_INLINE = True
    assert item.raw["type"] == "wall_reply_new"  # pushed by the Callback API
    assert not FetchCursor.objects.exists()  # nothing was polled
    assert (item.text, item.label, item.author_id) == (OBSCENE, "obscene", "7001")
    assert item.post_remote_id == str(post.remote_id)

    done = actions.perform("delete", account=account, item=item, reason="obscene")
    assert done.confirmed
    assert SandboxComment.objects.get(text=OBSCENE).deleted
    assert OBSCENE not in requests.get(wall, timeout=5).text
    # The sandbox tells Vestnik about the deletion too (wall_reply_delete).
    wait_for(lambda: inbox_item(account, removed_in_network=True))

    item.refresh_from_db()
    [ban] = actions.blacklist(item, reason="obscene")
    assert ban.confirmed
    [entry] = get_client(account).get_banned()
    assert entry["profile"]["id"] == 7001 and entry["ban_info"]["reason"] == 3
    assert sync_bans(account) == 1
    assert Ban.objects.get(account=account, author_id="7001").reason == "obscene"


def test_spam_is_deleted_by_the_default_rule_within_seconds(
    demo, live_server, settings
):
    settings.MODERATION_AUTO_ACTIONS_ASYNC = False
    ensure_default_rules(Rule)
    post = sandbox_post("vk")
    write_on_wall(live_server.url, "/sandbox/vk/club100001/", post, SPAM)
    spam = SandboxComment.objects.get(text=SPAM)
    wait_for(lambda: SandboxComment.objects.get(pk=spam.pk).deleted)
    item = InboxItem.objects.get(account=demo["vk"])
    assert (item.label, item.status) == ("spam", "deleted")


def test_telegram_comment_reaches_the_inbox_through_the_webhook(demo, live_server):
    account = demo["telegram"]
    post = sandbox_post("telegram")
    write_on_wall(live_server.url, "/sandbox/telegram/@vestnik_sandbox/", post, OBSCENE)

    item = wait_for(lambda: inbox_item(account))
    assert "update_id" in item.raw and item.label == "obscene"
    assert item.post_remote_id == str(post.remote_id)
    assert item.author_name == "Пётр Грубов"
    done = actions.perform("delete", account=account, item=item, reason="obscene")
    assert done.confirmed and SandboxComment.objects.get(text=OBSCENE).deleted


def test_demo_set_up_is_idempotent(demo, live_server):
    before = list(SandboxAccount.objects.values_list("callback_url", "callback_secret"))
    ensure_demo_accounts()
    after = list(SandboxAccount.objects.values_list("callback_url", "callback_secret"))
    assert before == after
    vk = SandboxAccount.objects.get(network="vk")
    assert vk.callback_url == f"{live_server.url}/hooks/vk/{demo['vk'].slug}/"
    endpoint = WebhookEndpoint.objects.get(account=demo["vk"])
    assert (endpoint.secret, endpoint.confirmation_code) == (
        vk.callback_secret,
        vk.callback_code,
    )
    assert WebhookEndpoint.objects.count() == 3  # VK, Telegram, MAX; OK is polled
    assert not SandboxAccount.objects.get(network="ok").callback_url


def test_ban_reasons_reach_vk_as_codes(demo):
    account = demo["vk"]
    reasons = {"spam": 1, "insult": 2, "obscene": 3, "law": 0, "other": 0}
    for user_id, reason in enumerate(reasons, start=8001):
        done = actions.perform(
            "ban", account=account, author_id=str(user_id), reason=reason
        )
        assert done.confirmed
    banned = get_client(account).get_banned()
    codes = {e["profile"]["id"]: e["ban_info"]["reason"] for e in banned}
    assert codes == dict(zip(range(8001, 8006), reasons.values(), strict=True))
    assert all(not e["ban_info"]["comment"] for e in banned)  # no code as text


def test_demo_readers_fill_the_inbox_once_each(demo, live_server):
    from moderation.models import InboxItem
    from sandbox import readers

    assert readers.write_next() is None  # nothing published yet: nothing to answer
    for network in ("vk", "ok", "telegram", "max"):
        sandbox_post(network)
    entries = readers.demo_comments()
    written = [readers.write_next() for _ in entries]
    assert all(written) and readers.write_next() is None  # each once, then quiet
    assert len({(c.post.account.network, c.text) for c in written}) == len(entries)
    assert callbacks.drain(10)
    # pushed ones arrive at once (OK's are polled later), each sorted by the classifier
    pushed = [e for e in entries if e["network"] != "ok"]
    items = InboxItem.objects.filter(author_id__startswith="91")
    assert items.count() == len(pushed)
    labels = dict(items.values_list("text", "label"))
    assert labels["Да пошли вы на х*й со своими справками"] == "obscene"
    assert labels["Министр ваш — клоун, ни одному слову не верю."] == "insult"
    assert "clean" in labels.values() and "spam" in labels.values()
    assert readers.write_next() is None  # a restarted beat does not repeat them
