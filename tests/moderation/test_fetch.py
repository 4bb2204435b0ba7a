"""Polling: a cursor per post, nothing twice, nothing missed after downtime."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from moderation.fetch import fetch_all
from moderation.models import FetchCursor, InboxItem
from syndication.api.base import RemoteComment


def remote(number: int, text: str = "Комментарий", post="42") -> RemoteComment:
    return RemoteComment(id=str(number), post_id=post, author_id="555",
                         author_name="Иван", text=f"{text} {number}", raw={"id": number})  # fmt: skip


@pytest.fixture
def cursor(vk_account):
    return FetchCursor.objects.create(account=vk_account, post_remote_id="42")


def test_fetch_pages_and_resumes_after_downtime(vk_account, cursor, fake_client):
    fake_client.comments["42"] = [remote(1), remote(2), remote(3)]
    report = fetch_all()
    assert (report.fetched, report.created) == (3, 3)
    cursor.refresh_from_db()
    assert cursor.cursor == 3

    # Downtime: two more comments arrive; the next run starts after the cursor.
    fake_client.comments["42"] += [remote(4), remote(5)]
    fake_client.calls.clear()
    report = fetch_all()
    assert (report.fetched, report.created) == (2, 2)
    assert fake_client.calls[0] == ("fetch_comments", ("42", 3), {})
    assert InboxItem.objects.count() == 5
    item = InboxItem.objects.get(remote_id="4")
    assert item.author_name == "Иван" and item.post_remote_id == "42"


def test_comment_seen_by_webhook_is_not_stored_again(vk_account, cursor, fake_client):
    from moderation import ingest

    ingest.store(vk_account, ingest.Incoming(remote_id="1", text="по вебхуку"))
    fake_client.comments["42"] = [remote(1), remote(2)]
    report = fetch_all()
    assert (report.fetched, report.created) == (2, 1)
    assert InboxItem.objects.get(remote_id="1").text == "по вебхуку"


def test_a_failing_post_keeps_its_cursor_and_is_reported(
    vk_account, cursor, fake_client
):
    from syndication.api.errors import TransientError

    fake_client.fail("fetch_comments", TransientError("503", network="vk"))
    report = fetch_all()
    cursor.refresh_from_db()
    assert report.errors == 1 and cursor.cursor is None and "503" in cursor.last_error


def test_command_with_account(vk_account, cursor, fake_client):
    fake_client.comments["42"] = [remote(1)]
    out = StringIO()
    call_command("moderation", "fetch", "--account", vk_account.slug, stdout=out)
    assert InboxItem.objects.count() == 1
    assert "1" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("moderation", "fetch", "--account", "nobody", stdout=out)


def test_recent_deliveries_become_cursors(vk_account, fake_client, news_page):
    from django.utils import timezone

    from syndication.models import Delivery

    Delivery.objects.create(page=news_page, account=vk_account, status="sent",
                            sent_at=timezone.now(), remote_ref={"ids": ["77"]})  # fmt: skip
    fake_client.comments["77"] = [remote(9, post="77")]
    fetch_all()
    item = InboxItem.objects.get()
    assert item.page_id == news_page.pk and item.delivery_id is not None


def test_telegram_is_polled_once_per_account_without_a_webhook(tg_account, fake_client):
    from moderation.models import WebhookEndpoint

    fake_client.comments[None] = [
        RemoteComment(
            id="11",
            post_id="3",
            author_id="77",
            author_name="Иван",
            text="Вопрос",
            raw={},
        ),  # fmt: skip
    ]
    fetch_all()
    assert fake_client.calls == []  # the webhook is set: Telegram refuses getUpdates
    WebhookEndpoint.objects.filter(account=tg_account).update(enabled=False)
    fetch_all()
    assert fake_client.calls[0] == ("fetch_comments", (None, None), {})
    item = InboxItem.objects.get()
    assert (item.remote_id, item.post_remote_id) == ("11", "3")
    assert FetchCursor.objects.get(account=tg_account).post_remote_id == "*"
