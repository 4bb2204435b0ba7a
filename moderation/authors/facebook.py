"""Facebook authors. The webhook's and the comments edge's ``from`` is ``{id, name}``
(docs/networks.md §4.5-4.6): the name comes with the item. The picture is the User
Picture edge, ``GET /{user-id}/picture?redirect=false`` → ``{"data": {"url",
"is_silhouette", "width", "height"}}``, which "supports App-Scoped User IDs (ASID),
User IDs (UID), and Page-Scoped User IDs (PSID)" with the Page's token, and whose
"profile picture URLs ... will expire" (developers.facebook.com/docs/graph-api/
reference/user/picture). That a commenter's ``from.id`` is such an id the Page may
ask about is UNVERIFIED: an id Facebook refuses keeps the name without a picture.

No profile link: Facebook documents none for a Page-scoped person."""

from __future__ import annotations

from syndication.api.errors import PermanentError

from . import Found

# The picture's URL expires: looked up again after a day, not the usual week.
PROFILE_DAYS = 1


def lookup(client, author_ids: list[str]) -> list[Found]:
    found = []
    for author_id in author_ids:
        avatar = ""
        if author_id.isdigit():
            try:
                answer = client.call("GET", f"{author_id}/picture", redirect="false",
                                     type="normal", idempotent=True)  # fmt: skip
            except PermanentError:  # not an id this Page may ask about
                answer = {}
            picture = (answer or {}).get("data") or {}
            if isinstance(picture, dict) and not picture.get("is_silhouette"):
                avatar = str(picture.get("url") or "")
        found.append(Found(author_id=author_id, name="", avatar_url=avatar))
    return found
