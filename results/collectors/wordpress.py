"""WordPress (core REST API, wp/v2): a post's published comments
(results/NOTES.md §WordPress).

``GET /wp/v2/comments?post=<id>&per_page=1`` answers the collection with the header
``X-WP-Total``, the number of comments matching (docs/networks.md §6.A.7); without
``status`` that is the approved comments readers see. Core WordPress counts no views
(that takes a plugin such as Jetpack Stats, outside the core API), has no reactions
or reposts, and a blog has no subscriber count.

The comments collection does not tell whether the post is still on the blog: for a
post in the trash it answers its author (us) with the comments as before, and for a
post deleted for good an empty list. So each post is read first,
``GET /wp/v2/posts/<id>``: a trashed post answers with ``status: "trash"`` (our user
is its author and may read it), a deleted one ``404 rest_post_invalid_id``
(WP_REST_Posts_Controller::get_post), and ``410`` is taken as gone too (what a host
or plugin answers for removed content). Such a post is left out of the answer, so
the round stops tracking it and the screens say «deleted in the network»."""

from __future__ import annotations

from syndication.api.errors import PermanentError

METRICS = frozenset({"comments"})
AUDIENCE = False
BATCH = 1


def _gone(exc: PermanentError) -> bool:
    """404 ``rest_post_invalid_id`` (deleted for good) or any 410 (Gone). A 404
    ``rest_no_route`` is the site's REST API missing, not the post: an error."""
    if exc.code == "rest_post_invalid_id":
        return True
    body = exc.response if isinstance(exc.response, dict) else {}
    status = (body.get("data") or {}).get("status")
    return status == 410 or str(exc).startswith("HTTP 410")


def on_the_blog(client, post_id: str) -> bool:
    try:
        post = client.call(
            "GET", f"posts/{post_id}", idempotent=True,
            params={"_fields": "id,status"},
        )  # fmt: skip
    except PermanentError as exc:
        if _gone(exc):
            return False
        raise
    return (post or {}).get("status") != "trash"


def observe_posts(client, remote_ids: list[str]) -> dict[str, dict]:
    found = {}
    for post_id in remote_ids:
        if not on_the_blog(client, post_id):
            continue  # trashed or deleted: the round finishes its tracking
        client.call(
            "GET", "comments", idempotent=True,
            params={"post": post_id, "per_page": 1, "_fields": "id"},
        )  # fmt: skip
        total = (getattr(client, "last_headers", None) or {}).get("X-WP-Total", "")
        found[post_id] = {"comments": int(total) if str(total).isdigit() else None}
    return found


def observe_audience(client) -> int | None:
    return None  # a blog has no subscriber count in the core API
