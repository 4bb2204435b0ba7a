"""Telegram: the channel's subscribers only (results/NOTES.md §Telegram).

The Bot API has no method that returns a channel post's views or reactions (they are
in the MTProto API, which a bot token cannot use); ``getChatMemberCount`` returns the
channel's member count as an Integer."""

from __future__ import annotations

METRICS = frozenset()
BATCH = 1


def observe_posts(client, remote_ids: list[str]) -> dict[str, dict]:
    return {}


def observe_audience(client) -> int | None:
    count = client.call("getChatMemberCount", idempotent=True, chat_id=client.chat_id)
    return count if isinstance(count, int) else None
