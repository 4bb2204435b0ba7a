"""Instagram authors. The comment webhook's ``from`` is ``{id, username}`` (the
Instagram-scoped id and the handle, docs/networks.md §5.6): the item is named by the
handle, linked to ``https://www.instagram.com/<username>/``. Instagram gives another
account's name and picture only by business discovery, ``GET /<IG_USER_ID>?fields=
business_discovery.username(<username>){username,name,profile_picture_url}``, and
only for a Business or Creator account (IG User reference, «business_discovery»,
developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/
ig-user). A personal account's commenter is refused (the error's code is UNVERIFIED):
the handle stays, without a picture."""

from __future__ import annotations

from syndication.api.errors import PermanentError

from ..models import InboxItem
from . import Found

FIELDS = "username,name,profile_picture_url"
HANDLE_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._")


def profile_url(username: str) -> str:
    return f"https://www.instagram.com/{username}/" if username else ""


def _handles(author_ids: list[str]) -> dict[str, str]:
    """The handle each author wrote under (the webhook gives it, the look-up needs
    it: business discovery asks by handle, not by id)."""
    rows = InboxItem.objects.filter(network="instagram", author_id__in=author_ids)
    return dict(rows.exclude(author_name="").values_list("author_id", "author_name"))


def lookup(client, author_ids: list[str]) -> list[Found]:
    handles = _handles(author_ids)
    found = []
    for author_id in author_ids:
        username = handles.get(author_id, "").lower()
        if not username or not set(username) <= HANDLE_CHARS:
            found.append(Found(author_id=author_id, name=""))
            continue
        fields = f"business_discovery.username({username}){{{FIELDS}}}"
        try:
            answer = client.call("GET", client.ig_user_id, fields=fields,
                                 idempotent=True)  # fmt: skip
        except PermanentError:  # a personal account: no discovery
            answer = {}
        account = (answer or {}).get("business_discovery") or {}
        found.append(
            Found(
                author_id=author_id,
                name=str(account.get("name") or ""),
                avatar_url=str(account.get("profile_picture_url") or ""),
                profile_url=profile_url(username),
            )
        )
    return found
