"""Idempotent ingest, deadlines and the rules engine."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction

from moderation import actions, ingest
from moderation.deadlines import add_working_hours
from moderation.models import Ban, InboxItem, ModerationAction, Rule, WatchedAuthor
from moderation.rule_engine import apply_rules
from syndication.signals import comment_received
from tests.moderation.conftest import make_account

NOVOKUZNETSK = ZoneInfo("Asia/Novokuznetsk")


def incoming(remote_id="1", text="Спасибо", **extra):
    return ingest.Incoming(remote_id=remote_id, post_remote_id="42", author_id="555",
                           text=text, raw={"id": remote_id}, **extra)  # fmt: skip


def test_store_is_idempotent_whatever_arrives_first(vk_account):
    first, created = ingest.store(vk_account, incoming(text="первый"))
    again, created_again = ingest.store(vk_account, incoming(text="второй"))
    assert created and not created_again
    assert first.pk == again.pk and again.text == "первый"
    assert InboxItem.objects.count() == 1


def test_signal_and_webhook_paths_share_the_key(vk_account):
    comment = {"id": 1, "post_id": 42, "from_id": 555, "text": "из опроса", "date": 1}
    comment_received.send("vk", account=vk_account, comment=comment, raw=comment)
    ingest.store(vk_account, incoming(remote_id="1"))
    item = InboxItem.objects.get()
    assert item.text == "из опроса" and item.raw == comment


def test_new_item_is_classified_with_deadline(vk_account):
    item, _ = ingest.store(vk_account, incoming(text="бл*ть опять"))
    assert item.label == "obscene" and item.spans and item.explanation
    assert item.deadline > item.received_at


@pytest.mark.parametrize(
    ("start", "hours", "expected"),
    [
        (datetime(2026, 11, 27, 17, 0), 9, datetime(2026, 11, 30, 17, 0)),  # Fri -> Mon
        (datetime(2026, 11, 28, 12, 0), 9, datetime(2026, 11, 30, 18, 0)),  # Saturday
        (datetime(2026, 11, 24, 7, 30), 2, datetime(2026, 11, 24, 11, 0)),  # before 9
        (datetime(2026, 11, 24, 20, 0), 1, datetime(2026, 11, 25, 10, 0)),  # after 18
        # 4 November 2026 (Wednesday) is a public holiday: Tue 17:00 -> Thu
        (datetime(2026, 11, 3, 17, 0), 9, datetime(2026, 11, 5, 17, 0)),
        # New Year: 31 Dec 2026 is a Thursday; 1-8 January off, then the weekend
        (datetime(2026, 12, 31, 17, 0), 2, datetime(2027, 1, 11, 10, 0)),
    ],
)
def test_working_hours(start, hours, expected):
    start = start.replace(tzinfo=NOVOKUZNETSK)
    assert add_working_hours(start, hours) == expected.replace(tzinfo=NOVOKUZNETSK)


def test_working_hours_follow_the_yearly_transfers(settings):
    """The government's calendar moves days off: a transferred day off is skipped and a
    working Saturday counts."""
    settings.MODERATION_EXTRA_DAYS_OFF = ["2026-11-27"]  # Friday made a day off
    settings.MODERATION_EXTRA_WORKING_DAYS = ["2026-11-28"]  # Saturday made working
    start = datetime(2026, 11, 26, 17, 0, tzinfo=NOVOKUZNETSK)
    assert add_working_hours(start, 2) == datetime(
        2026, 11, 28, 10, 0, tzinfo=NOVOKUZNETSK
    )


def test_default_rules_exist(db):
    actions_by_label = dict(Rule.objects.values_list("label", "action"))
    assert actions_by_label == {
        "illegal": "assign",
        "obscene": "hide",
        "spam": "delete",
    }


@pytest.mark.django_db(transaction=True)
def test_confident_obscene_is_deleted_where_the_network_cannot_hide(
    vk_account, fake_client, inline_actions
):
    # VK's spec has no hiding: the rule deletes at once, never trying to hide.
    item, _ = ingest.store(vk_account, incoming(text="иди нах*й"))
    item.refresh_from_db()
    assert item.status == "deleted"
    assert [c[0] for c in fake_client.calls] == ["delete_comment"]
    done = ModerationAction.objects.get(action="delete")
    assert done.rule.label == "obscene" and done.confirmed and done.reason == "obscene"


@pytest.mark.django_db(transaction=True)
def test_confident_obscene_is_hidden_where_the_network_can(fake_client, inline_actions):
    blog = make_account("wordpress", "blog", "wp-soc")
    item, _ = ingest.store(blog, incoming(text="иди нах*й"))
    item.refresh_from_db()
    assert item.status == "hidden"
    assert [c[0] for c in fake_client.calls] == ["hide_comment"]


@pytest.mark.django_db(transaction=True)
def test_illegal_is_assigned_never_acted_on(vk_account, fake_client, inline_actions):
    Rule.objects.create(name="Всё удалять", action="delete", priority=1)
    item = InboxItem.objects.create(account=vk_account, network="vk", remote_id="9",
                                    label="illegal", labels=["illegal"], score=1.0)  # fmt: skip
    with transaction.atomic():
        rule = apply_rules(item)
    item.refresh_from_db()
    assert rule.action == "assign" and item.urgent
    assert fake_client.calls == []


def test_dry_run_counts_and_lets_the_next_rule_act(vk_account, settings):
    settings.MODERATION_AUTO_ACTIONS_ASYNC = False
    dry = Rule.objects.create(name="Проба", keyword="акция", action="delete",
                              dry_run=True, priority=1)  # fmt: skip
    mark = Rule.objects.create(name="Пометить", keyword="акция", action="mark",
                               priority=2)  # fmt: skip
    item, _ = ingest.store(vk_account, incoming(text="Акция недели"))
    dry.refresh_from_db()
    mark.refresh_from_db()
    item.refresh_from_db()
    assert (dry.dry_run_count, dry.match_count) == (1, 0)
    assert mark.match_count == 1 and item.urgent
    assert ModerationAction.objects.get().rule == mark  # audited like a person's


def test_watch_list_condition(vk_account):
    rule = Rule.objects.create(name="Наблюдение", action="mark",
                               watched_authors_only=True, priority=1)  # fmt: skip
    item, _ = ingest.store(vk_account, incoming(remote_id="1"))
    assert not item.urgent
    WatchedAuthor.objects.create(network="vk", author_id="555")
    item, _ = ingest.store(vk_account, incoming(remote_id="2"))
    item.refresh_from_db()
    assert item.urgent
    rule.refresh_from_db()
    assert rule.match_count == 1


def test_rule_conditions_network_account_score(vk_account, tg_account):
    rule = Rule(name="r", label="spam", min_score=0.9, network="vk", action="mark")
    item = InboxItem(account=vk_account, network="vk", label="spam", score=0.95)
    from moderation.rule_engine import rule_matches

    assert rule_matches(rule, item, watched=False)
    item.score = 0.5
    assert not rule_matches(rule, item, watched=False)
    item.score, item.network = 0.95, "telegram"
    assert not rule_matches(rule, item, watched=False)


def test_blacklist_deletes_and_bans_with_vk_reason(vk_account, fake_client):
    item, _ = ingest.store(vk_account, incoming(text="спам"))
    actions.blacklist(item, reason="spam")
    assert [c[0] for c in fake_client.calls] == ["delete_comment", "ban"]
    assert fake_client.calls[1][1] == ("555", 1)
    ban = Ban.objects.get()
    assert ban.active and ban.synced and ban.reason == "spam"


def _unsupported():
    from syndication.exceptions import Unsupported

    return Unsupported("hide_comment", network="vk")


def test_private_messages_are_not_deleted_through_comment_methods(
    vk_account, fake_client
):
    item, _ = ingest.store(
        vk_account,
        ingest.Incoming(remote_id="message:5", kind="message", text="Привет"),
    )
    done = actions.perform("delete", account=vk_account, item=item, reason="spam")
    assert not done.confirmed and "личное сообщение" in done.error.lower()
    assert fake_client.calls == []


def test_blacklist_sync_with_groups_get_banned(vk_account, fake_client):
    from moderation.sync import sync_bans

    assert sync_bans(vk_account) is None  # a client without get_banned
    Ban.objects.create(account=vk_account, author_id="1", active=True)  # lifted there
    fake_client.get_banned = lambda: [
        {"type": "profile", "profile": {"id": 77, "first_name": "Иван", "last_name": "П"},
         "ban_info": {"reason": 1, "end_date": 0}},
        {"type": "group", "group": {"id": 5}, "ban_info": {"reason": 0, "end_date": 1893456000}},
    ]  # fmt: skip
    assert sync_bans(vk_account) == 2
    person = Ban.objects.get(author_id="77")
    assert (
        person.author_name == "Иван П"
        and person.reason == "spam"
        and person.until is None
    )
    assert Ban.objects.get(author_id="-5").until is not None
    assert not Ban.objects.get(author_id="1").active
