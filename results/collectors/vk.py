"""VK: counters of a wall post and the community's members (results/NOTES.md §VK).

``wall.getById`` (up to 100 posts a call) gives ``views``, ``likes``, ``reposts`` and
``comments`` counters with any token; ``stats.getPostReach`` (up to 30 posts, user
token only, the 300 newest posts of a wall) gives ``reach_total``. The community's
members come from ``groups.getById`` with ``fields=members_count``."""

from __future__ import annotations

from syndication.api.errors import PermanentError

METRICS = frozenset({"views", "reach", "likes", "reposts", "comments"})
BATCH = 30  # stats.getPostReach post_ids maxItems (vk-api-schema stats/methods.json)


def _count(post: dict, name: str) -> int | None:
    value = post.get(name)
    if isinstance(value, dict) and isinstance(value.get("count"), int):
        return value["count"]
    return None


def observe_posts(client, remote_ids: list[str]) -> dict[str, dict]:
    refs = ",".join(f"{client.owner_id}_{pid}" for pid in remote_ids)
    answer = client.call("wall.getById", idempotent=True, posts=refs) or {}
    # 5.199 wraps the list in {"items": [...]}; older versions answered a bare list.
    items = answer.get("items", []) if isinstance(answer, dict) else answer
    found = {
        str(post.get("id")): {
            "views": _count(post, "views"),
            "likes": _count(post, "likes"),
            "reposts": _count(post, "reposts"),
            "comments": _count(post, "comments"),
            "reach": None,
        }
        for post in items
    }
    if found and client.token_type == "user":  # noqa: S105 - stats.* refuse a community token
        try:
            reach = client.call(
                "stats.getPostReach",
                idempotent=True,
                owner_id=client.owner_id,
                post_ids=",".join(found),
            )
        except PermanentError:
            reach = []  # 210 (no access to the post's stats): counters stay
        for row in reach or []:
            pid = str(row.get("post_id"))
            if pid in found and isinstance(row.get("reach_total"), int):
                found[pid]["reach"] = row["reach_total"]
    return found


def observe_audience(client) -> int | None:
    answer = client.call(
        "groups.getById",
        idempotent=True,
        group_id=client.group_id,
        fields="members_count",
    )
    groups = answer.get("groups", []) if isinstance(answer, dict) else answer or []
    for group in groups:
        if str(group.get("id")) == str(client.group_id):
            count = group.get("members_count")
            return count if isinstance(count, int) else None
    return None
