"""MAX authors. An update's ``sender`` is a ``User`` (``user_id``, ``first_name``,
``last_name``, ``username``: moderation/webhooks/max.py), which carries no picture;
``ChatMember`` is a ``UserWithPhoto`` (``avatar_url``, ``full_avatar_url``), and
``GET /chats/{chatId}/members?user_ids=<ids>`` returns the members asked for
(``ChatMembersList``: ``members``), "both ``count`` and ``marker`` are ignored"
(max-messenger/api-schema schema.yaml: paths./chats/{chatId}/members, ChatMember,
UserWithPhoto; docs/networks.md §9.5).

The account's chat is the channel: a commenter who is not its member comes back
absent, and keeps the name the update gave, without a picture. The profile link
``https://max.ru/<username>`` is the webhook's (its form is UNVERIFIED)."""

from __future__ import annotations

from . import Found

IDS_PER_CALL = 100  # the members page's maximum ``count``; the ids' limit is not stated


def _name(member: dict) -> str:
    parts = (member.get("first_name"), member.get("last_name"))
    return " ".join(p for p in parts if p) or str(member.get("name") or "")


def lookup(client, author_ids: list[str]) -> list[Found]:
    people = [i for i in author_ids if i.isdigit()]
    found = {}
    for start in range(0, len(people), IDS_PER_CALL):
        batch = people[start : start + IDS_PER_CALL]
        answer = client.call(
            "GET", f"/chats/{client.chat_id}/members",
            params={"user_ids": ",".join(batch)}, idempotent=True,
        )  # fmt: skip
        for member in (answer or {}).get("members") or []:
            if not isinstance(member, dict) or member.get("user_id") is None:
                continue
            username = str(member.get("username") or "")
            found[str(member["user_id"])] = Found(
                author_id=str(member["user_id"]),
                name=_name(member),
                avatar_url=str(member.get("avatar_url") or ""),
                profile_url=f"https://max.ru/{username}" if username else "",
            )
    # Not a member (or not a person): known to have no picture, not asked again soon.
    return [found.get(i) or Found(author_id=i, name="") for i in author_ids]
