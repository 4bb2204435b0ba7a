"""Telegram: the channel's subscribers, and the comments of a post as Vestnik counted
them (results/NOTES.md §Telegram).

The Bot API has no method that returns a channel post's views, reactions or comment
count (they are in the MTProto API, which a bot token cannot use);
``getChatMemberCount`` returns the channel's member count as an Integer. Comments
are messages in the linked discussion group that answer the post's automatic
forward; the moderation inbox receives each of them (``moderation/webhooks/
telegram.py``), so a post's comments are the inbox items written under it —
counted by Vestnik, not reported by Telegram, and labelled so on the screens. A
comment the bot never received (before it joined the group, or with no discussion
group at all) is not counted."""

from __future__ import annotations

from collections import Counter

from django.db.models import Q

from moderation.models import InboxItem
from syndication.models import Delivery

METRICS = frozenset()
COUNTED = frozenset({"comments"})
BATCH = 500  # no network call: one read of the inbox per batch
READER_KINDS = (InboxItem.Kind.COMMENT, InboxItem.Kind.REPLY)


def observe_posts(client, remote_ids: list[str]) -> dict[str, dict]:
    account = client.account
    wanted = set(remote_ids)
    # A post of several messages (an album, a long text) is one delivery: a comment
    # under any of its messages is linked to the delivery (moderation/links.py).
    delivery_of = {}
    for pk, ref in Delivery.objects.filter(
        account=account,
        action=Delivery.Action.PUBLISH,
        results_tracking__finished=False,
    ).values_list("pk", "remote_ref"):
        ids = [str(i) for i in (ref or {}).get("ids") or []]
        if ids and ids[0] in wanted:
            delivery_of[pk] = ids[0]
    comments = Counter()
    for post_id, delivery_id in (
        InboxItem.objects.filter(account=account, kind__in=READER_KINDS)
        .filter(Q(post_remote_id__in=wanted) | Q(delivery_id__in=delivery_of))
        .values_list("post_remote_id", "delivery_id")
    ):
        key = delivery_of.get(delivery_id) or (post_id if post_id in wanted else None)
        if key:
            comments[key] += 1
    return {pid: {"comments": comments[pid]} for pid in remote_ids}


def observe_audience(client) -> int | None:
    count = client.call("getChatMemberCount", idempotent=True, chat_id=client.chat_id)
    return count if isinstance(count, int) else None
