"""Telegraph: a page's views (results/NOTES.md §Telegraph).

``getViews/<path>`` → ``PageViews {views: Integer}`` (te.legra.ph/api, docs/networks.md
§6.B.3; the optional year/month/day/hour narrow it to a period, not used). Telegraph
has no reactions, reposts or comments, and an account has no subscribers."""

from __future__ import annotations

from syndication.api.errors import PermanentError

METRICS = frozenset({"views"})
AUDIENCE = False
BATCH = 1


def observe_posts(client, remote_ids: list[str]) -> dict[str, dict]:
    found = {}
    for path in remote_ids:
        try:
            answer = client.call("getViews", path, idempotent=True) or {}
        except PermanentError as exc:
            if exc.code == "PAGE_NOT_FOUND":
                continue  # no such page any more
            raise
        views = answer.get("views") if isinstance(answer, dict) else None
        ok = isinstance(views, int) and not isinstance(views, bool)
        found[path] = {"views": views if ok else None}
    return found


def observe_audience(client) -> int | None:
    return None  # Telegraph accounts have no subscribers
