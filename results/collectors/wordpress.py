"""WordPress (core REST API, wp/v2): a post's published comments
(results/NOTES.md §WordPress), a batch of up to 100 posts in (usually) two calls.

Which posts are still on the blog: ``GET /wp/v2/posts?include=<ids>&status=<every
status>&per_page=100&_fields=id,status``. The comments collection alone does not
tell: for a post in the trash it answers its author (us) with the comments as
before, for a post deleted for good an empty list. A trashed post comes back with
``status: "trash"`` (asked for by name: ``status=any`` leaves the trash out); a post
deleted for good is simply not in the answer. Either is left out of ours, so the
round stops tracking it and the screens say «deleted in the network». Any status but
the default ``publish`` needs the ``edit_posts`` capability
(WP_REST_Posts_Controller::sanitize_post_statuses), which the author of the posts
has.

Comments: ``GET /wp/v2/comments?post=<ids>&per_page=100&orderby=id&order=asc&
_fields=id,post``, counted per post; without ``status`` that is the approved comments
readers see. The pages are read oldest first, so a comment arriving meanwhile goes to
the end instead of shifting one into the next page twice. When reading every page
would cost more calls than counting each post alone (a blog with thousands of
comments), each post's count is read from the header ``X-WP-Total`` of
``?post=<id>&per_page=1`` instead (docs/networks.md §6.A.7).

Core WordPress counts no views (that takes a plugin such as Jetpack Stats, outside
the core API), has no reactions or reposts, and a blog has no subscriber count."""

from __future__ import annotations

from collections import Counter

METRICS = frozenset({"comments"})
AUDIENCE = False
BATCH = 100  # the REST API's largest per_page
# Every core status of a post an author may have, trash included by name.
STATUSES = "publish,future,draft,pending,private,trash"


def _header(client, name: str) -> int | None:
    value = str((getattr(client, "last_headers", None) or {}).get(name, ""))
    return int(value) if value.isdigit() else None


def on_the_blog(client, remote_ids: list[str]) -> list[str]:
    """The ids of ``remote_ids`` still on the blog and not in its trash."""
    posts = client.call(
        "GET", "posts", idempotent=True,
        params={"include": ",".join(remote_ids), "status": STATUSES,
                "per_page": BATCH, "_fields": "id,status"},
    )  # fmt: skip
    there = {str(p.get("id")) for p in posts or [] if p.get("status") != "trash"}
    return [post_id for post_id in remote_ids if post_id in there]


def _count_one(client, post_id: str) -> int | None:
    client.call(
        "GET", "comments", idempotent=True,
        params={"post": post_id, "per_page": 1, "_fields": "id"},
    )  # fmt: skip
    return _header(client, "X-WP-Total")


def comment_counts(client, post_ids: list[str]) -> dict[str, int | None]:
    params = {"post": ",".join(post_ids), "per_page": BATCH, "orderby": "id",
              "order": "asc", "_fields": "id,post"}  # fmt: skip
    comments = list(client.call("GET", "comments", idempotent=True, params=params))
    pages = _header(client, "X-WP-TotalPages") or 1
    if pages - 1 > len(post_ids):
        return {post_id: _count_one(client, post_id) for post_id in post_ids}
    for page in range(2, pages + 1):
        comments += client.call(
            "GET", "comments", idempotent=True, params={**params, "page": page}
        )
    counted = Counter(str(c.get("post")) for c in comments)
    return {post_id: counted[post_id] for post_id in post_ids}


def observe_posts(client, remote_ids: list[str]) -> dict[str, dict]:
    there = on_the_blog(client, remote_ids)
    if not there:
        return {}  # all trashed or deleted: the round finishes their tracking
    counts = comment_counts(client, there)
    return {post_id: {"comments": counts[post_id]} for post_id in there}


def observe_audience(client) -> int | None:
    return None  # a blog has no subscriber count in the core API
