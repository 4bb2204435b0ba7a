"""MAX: a channel message's views and the channel's members (results/NOTES.md §MAX).

``GET /messages/{mid}`` returns the message with ``stat.views`` (present for channel
messages only); ``GET /chats/{chat_id}`` returns ``participants_count``. The Bot API
gives no reactions or reposts of a message."""

from __future__ import annotations

from syndication.api.errors import PermanentError

METRICS = frozenset({"views"})
BATCH = 1


def observe_posts(client, remote_ids: list[str]) -> dict[str, dict]:
    found = {}
    for mid in remote_ids:
        try:
            message = client.call("GET", f"/messages/{mid}", idempotent=True) or {}
        except PermanentError as exc:
            if getattr(exc, "status", None) != 404:
                raise
            continue  # deleted on the network: nothing more to observe
        views = (message.get("stat") or {}).get("views")
        found[mid] = {"views": views if isinstance(views, int) else None}
    return found


def observe_audience(client) -> int | None:
    chat = client.call("GET", f"/chats/{client.chat_id}", idempotent=True) or {}
    count = chat.get("participants_count")
    return count if isinstance(count, int) else None
