"""Instagram comments through Meta Webhooks (docs/networks.md §5.6): ``{"object":
"instagram", "entry": [{"id": <ig-user-id>, "time", "changes": [{"field": "comments",
"value": {"id", "from": {"id", "username"}, "text", "media": {"id"},
"parent_id"?}}]}]}``, or the field and value directly in the entry (the
Instagram-Login variant). The handshake and the signature are Meta's, in
``meta.py``."""

from __future__ import annotations

from .. import ingest
from ..incoming import Incoming, from_timestamp
from ..models import InboxItem
from .base import WebhookRejected
from .meta import MetaWebhookView
from .schemas.meta import InstagramComment


def instagram_incoming(value: dict, raw: dict, time=None) -> Incoming:
    author = value.get("from") or {}
    username = str(author.get("username") or "")
    parent = str(value.get("parent_id") or "")
    return Incoming(
        remote_id=str(value["id"]),
        kind=InboxItem.Kind.REPLY if parent else InboxItem.Kind.COMMENT,
        post_remote_id=str((value.get("media") or {}).get("id") or ""),
        parent_remote_id=parent,
        author_id=str(author.get("id") or ""),
        author_name=username,
        author_url=f"https://www.instagram.com/{username}/" if username else "",
        text=str(value.get("text") or ""),
        created_at=from_timestamp(time),
        raw=raw,
    )


class InstagramWebhookView(MetaWebhookView):
    network = "instagram"
    object_name = "instagram"
    value_schemas = {"comments": InstagramComment, "live_comments": InstagramComment}

    def is_ours(self, entry_id) -> bool:
        """The account's external id, or the Instagram user id its token acts for."""
        if super().is_ours(entry_id):
            return True
        try:
            credential = self.account.get_credential() or {}
        except Exception:  # no credential or an undecryptable one
            return False
        return str(entry_id) == str(credential.get("ig_user_id", ""))

    def wanted(self, change: dict) -> bool:
        return change.get("field") in ("comments", "live_comments")

    def check_change(self, change: dict) -> None:
        if not change["value"].get("id"):
            raise WebhookRejected("comment event without id")

    def on_change(self, change: dict, raw: dict, time) -> None:
        value = change["value"]
        if self.is_ours((value.get("from") or {}).get("id")):
            return  # the account's own reply
        ingest.store(self.account, instagram_incoming(value, raw, time))
