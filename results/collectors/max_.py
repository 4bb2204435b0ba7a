"""MAX: a channel message's views and the channel's members (results/NOTES.md §MAX).

Checked in the official schema (max-messenger/api-schema 0.0.33): ``Message.stat``
(``MessageStat {views: integer}``) is «Available only for channels in getMessages
method context», so the views are read from ``GET /messages?chat_id=&message_ids=``
(a comma-separated list), not from ``GET /messages/{mid}``; ``GET /chats/{chatId}``
returns ``Chat.participants_count`` («Number of people in chat», required). The Bot
API gives no reactions, reposts or comment counter of a message."""

from __future__ import annotations

METRICS = frozenset({"views"})
BATCH = 50  # getMessages ``count``: default 50, at most 100


def _views(message: dict) -> int | None:
    views = (message.get("stat") or {}).get("views")
    return views if isinstance(views, int) and not isinstance(views, bool) else None


def observe_posts(client, remote_ids: list[str]) -> dict[str, dict]:
    answer = client.call(
        "GET",
        "/messages",
        idempotent=True,
        params={
            "chat_id": client.chat_id,
            "message_ids": ",".join(remote_ids),
            "count": len(remote_ids),
        },
    )
    found = {}
    for message in (answer or {}).get("messages") or []:
        mid = str((message.get("body") or {}).get("mid", ""))
        if mid in remote_ids:
            found[mid] = {"views": _views(message)}
    # A message left out of the list was deleted: nothing more to observe.
    return found


def observe_audience(client) -> int | None:
    chat = client.call("GET", f"/chats/{client.chat_id}", idempotent=True) or {}
    count = chat.get("participants_count")
    return count if isinstance(count, int) and not isinstance(count, bool) else None
