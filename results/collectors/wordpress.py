"""WordPress (core REST API, wp/v2): a post's published comments
(results/NOTES.md §WordPress).

``GET /wp/v2/comments?post=<id>&per_page=1`` answers the collection with the header
``X-WP-Total``, the number of comments matching (docs/networks.md §6.A.7); without
``status`` (and so without authentication) that is the approved comments readers see.
Core WordPress counts no views (that takes a plugin such as Jetpack Stats, outside
the core API), has no reactions or reposts, and a blog has no subscriber count."""

from __future__ import annotations

METRICS = frozenset({"comments"})
AUDIENCE = False
BATCH = 1


def observe_posts(client, remote_ids: list[str]) -> dict[str, dict]:
    found = {}
    for post_id in remote_ids:
        client.call(
            "GET", "comments", idempotent=True,
            params={"post": post_id, "per_page": 1, "_fields": "id"},
        )  # fmt: skip
        total = (getattr(client, "last_headers", None) or {}).get("X-WP-Total", "")
        found[post_id] = {"comments": int(total) if str(total).isdigit() else None}
    return found


def observe_audience(client) -> int | None:
    return None  # a blog has no subscriber count in the core API
