"""Facebook Page comments through Meta Webhooks (docs/networks.md §4.6): ``{"object":
"page", "entry": [{"id": <page-id>, "time", "changes": [{"field": "feed", "value":
{"item": "comment", "verb": "add|edited|remove|hide|unhide", "comment_id", "post_id",
"parent_id", "from": {"id", "name"}, "message", "created_time"}}]}]}``. The
``hide|unhide`` verbs are UNVERIFIED (§4.6). The handshake and the signature are
Meta's, in ``meta.py``."""

from __future__ import annotations

from .. import ingest
from ..incoming import Incoming, from_timestamp
from ..models import InboxItem
from .base import WebhookRejected
from .meta import MetaWebhookView
from .schemas.meta import FeedComment


def facebook_incoming(value: dict, raw: dict) -> Incoming:
    author = value.get("from") or {}
    post_id = str(value.get("post_id") or "")
    parent = str(value.get("parent_id") or "")
    if parent == post_id:  # a top-level comment's parent is the post itself
        parent = ""
    return Incoming(
        remote_id=str(value["comment_id"]),
        kind=InboxItem.Kind.REPLY if parent else InboxItem.Kind.COMMENT,
        post_remote_id=post_id,
        parent_remote_id=parent,
        author_id=str(author.get("id") or ""),
        author_name=str(author.get("name") or ""),
        text=str(value.get("message") or ""),
        created_at=from_timestamp(value.get("created_time")),
        raw=raw,
    )


class FacebookWebhookView(MetaWebhookView):
    network = "facebook"
    object_name = "page"
    value_schemas = {"feed": FeedComment}

    def wanted(self, change: dict) -> bool:
        return (
            change.get("field") == "feed" and change["value"].get("item") == "comment"
        )

    def check_change(self, change: dict) -> None:
        if not change["value"].get("comment_id"):
            raise WebhookRejected("comment event without comment_id")

    def on_change(self, change: dict, raw: dict, time) -> None:
        value = change["value"]
        own = str((value.get("from") or {}).get("id", "")) == str(
            self.account.external_id
        )
        verb = value.get("verb")
        if verb == "add" and not own:
            ingest.store(self.account, facebook_incoming(value, raw))
        elif verb == "edited" and not own:
            updated = ingest.update_text(
                self.account, value["comment_id"], value.get("message"), raw
            )
            if updated is None:
                item, _ = ingest.store(self.account, facebook_incoming(value, raw))
                InboxItem.objects.filter(pk=item.pk).update(edited=True)
        elif verb == "remove":
            ingest.mark_removed(self.account, value["comment_id"])
        elif verb == "hide":
            # Hidden on Facebook itself (by a Page admin there): no longer waiting.
            InboxItem.objects.filter(
                network=self.network,
                account=self.account,
                remote_id=str(value["comment_id"]),
                status__in=InboxItem.OPEN_STATUSES,
            ).update(status=InboxItem.Status.HIDDEN)
