"""Meta Webhooks for Facebook Pages and Instagram (networks.md §4.6, §5.6): one view,
two URLs (``facebook/<slug>/``, ``instagram/<slug>/``).

* Subscription handshake: ``GET ?hub.mode=subscribe&hub.verify_token=…&
  hub.challenge=…`` is answered with the challenge (HTTP 200, plain text) when the
  verify token matches; anything else 403.
* Events: ``POST`` JSON signed as ``X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of
  the raw body with the app secret>``, checked in constant time before the body is
  parsed. A bad or missing signature is 400 and nothing is stored.
* Where the values live: the account's ``WebhookEndpoint`` (kept apart from the API
  credential, as for VK): ``secret`` is the Meta app secret, ``confirmation_code`` the
  verify token chosen when subscribing the app.

Facebook: ``{"object": "page", "entry": [{"id": <page-id>, "time", "changes":
[{"field": "feed", "value": {"item": "comment", "verb": "add|edited|remove|hide|
unhide", "comment_id", "post_id", "parent_id", "from": {"id", "name"}, "message",
"created_time"}}]}]}``. Instagram: ``{"object": "instagram", "entry": [{"id":
<ig-user-id>, "time", "changes": [{"field": "comments", "value": {"id", "from":
{"id", "username"}, "text", "media": {"id"}, "parent_id"?}}]}]}``, or the field and
value directly in the entry (the Instagram-Login variant). ``hide|unhide`` verbs are
UNVERIFIED (§4.6). Meta sends no event id: a hash of the change stands in for it, so
a redelivered change is stored once. The account's own comments (a moderator's
replies) are not inbox items, as polling skips them too. While the network is switched
off (``accounts_registry.restricted``) events are answered 200 and dropped.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging

from django.http import HttpResponse, HttpResponseForbidden, HttpResponseNotFound

from .. import ingest
from ..models import InboxItem
from .base import WebhookRejected, WebhookView, secrets_equal

logger = logging.getLogger(__name__)
OBJECTS = {"facebook": "page", "instagram": "instagram"}
SIGNATURE_HEADER = "X-Hub-Signature-256"


def signature(app_secret: str, body: bytes) -> str:
    """``sha256=<hex>``: what Meta puts in X-Hub-Signature-256."""
    digest = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def change_id(entry_id, change: dict) -> str:
    raw = json.dumps([str(entry_id), change], sort_keys=True, ensure_ascii=False)
    return "meta:" + hashlib.sha256(raw.encode()).hexdigest()[:40]


def facebook_incoming(value: dict, raw: dict) -> ingest.Incoming:
    author = value.get("from") or {}
    post_id = str(value.get("post_id") or "")
    parent = str(value.get("parent_id") or "")
    if parent == post_id:  # a top-level comment's parent is the post itself
        parent = ""
    return ingest.Incoming(
        remote_id=str(value["comment_id"]),
        kind=InboxItem.Kind.REPLY if parent else InboxItem.Kind.COMMENT,
        post_remote_id=post_id,
        parent_remote_id=parent,
        author_id=str(author.get("id") or ""),
        author_name=str(author.get("name") or ""),
        text=str(value.get("message") or ""),
        created_at=ingest.from_timestamp(value.get("created_time")),
        raw=raw,
    )


def instagram_incoming(value: dict, raw: dict, time=None) -> ingest.Incoming:
    author = value.get("from") or {}
    username = str(author.get("username") or "")
    parent = str(value.get("parent_id") or "")
    return ingest.Incoming(
        remote_id=str(value["id"]),
        kind=InboxItem.Kind.REPLY if parent else InboxItem.Kind.COMMENT,
        post_remote_id=str((value.get("media") or {}).get("id") or ""),
        parent_remote_id=parent,
        author_id=str(author.get("id") or ""),
        author_name=username,
        author_url=f"https://www.instagram.com/{username}/" if username else "",
        text=str(value.get("text") or ""),
        created_at=ingest.from_timestamp(time),
        raw=raw,
    )


class MetaWebhookView(WebhookView):
    """``MetaWebhookView.as_view(network="facebook" | "instagram")``."""

    network = "facebook"
    http_method_names = ["get", "post"]

    # -- the subscription handshake ----------------------------------------------------
    def get(self, request, account_slug: str, **kwargs):
        try:
            self.account, self.endpoint = self.get_account(account_slug)
        except WebhookRejected:
            return HttpResponseNotFound()
        mode = request.GET.get("hub.mode")
        token = request.GET.get("hub.verify_token")
        challenge = request.GET.get("hub.challenge", "")
        if (
            mode == "subscribe"
            and challenge
            and secrets_equal(token, self.endpoint.confirmation_code)
        ):
            return HttpResponse(challenge, content_type="text/plain")
        return HttpResponseForbidden()

    # -- events ------------------------------------------------------------------------
    def read_body(self, request) -> bytes:
        self.body = super().read_body(request)
        return self.body

    def validate_request(self, request, **kwargs) -> None:
        given = request.headers.get(SIGNATURE_HEADER, "")
        expected = signature(self.endpoint.secret, self.body)
        if not secrets_equal(given, expected):
            raise WebhookRejected("bad or missing X-Hub-Signature-256")

    def validate_payload(self, payload: dict) -> None:
        if payload.get("object") != OBJECTS[self.network]:
            raise WebhookRejected("event for another object")
        if not isinstance(payload.get("entry"), list):
            raise WebhookRejected("event without entries")

    def handle(self, payload: dict) -> HttpResponse:
        from accounts_registry.restricted import is_blocked

        if is_blocked(self.network):
            # Switched off on record (accounts_registry/restricted.py): nothing from
            # the network is taken in; 200 so Meta does not pile up retries.
            logger.info("%s webhook: network blocked, event dropped", self.network)
            return HttpResponse("ok", content_type="text/plain")
        for entry in payload["entry"]:
            if not isinstance(entry, dict) or not self.is_ours(entry.get("id")):
                continue
            changes = entry.get("changes")
            if not isinstance(changes, list):  # Instagram Login: one change inline
                changes = [{"field": entry.get("field"), "value": entry.get("value")}]
            for change in changes:
                if not isinstance(change, dict) or not isinstance(
                    change.get("value"), dict
                ):
                    continue
                if not self.first_time(
                    change_id(entry.get("id"), change), str(change.get("field") or "")
                ):
                    continue
                raw = {"object": payload["object"], "entry": entry, "change": change}
                if self.network == "facebook":
                    self.on_feed_change(change, raw)
                else:
                    self.on_instagram_change(change, raw, entry.get("time"))
        return HttpResponse("ok", content_type="text/plain")

    def is_ours(self, entry_id) -> bool:
        """The entry is about this account (the Page, or the Instagram user); an app
        subscribed for several accounts sends the others' entries here too."""
        if str(entry_id) == str(self.account.external_id):
            return True
        if self.network == "instagram":
            try:
                credential = self.account.get_credential() or {}
            except Exception:  # no credential or an undecryptable one
                return False
            return str(entry_id) == str(credential.get("ig_user_id", ""))
        return False

    # -- Facebook ------------------------------------------------------------------------
    def on_feed_change(self, change: dict, raw: dict) -> None:
        value = change["value"]
        if change.get("field") != "feed" or value.get("item") != "comment":
            return
        if not value.get("comment_id"):
            raise WebhookRejected("comment event without comment_id")
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

    # -- Instagram -----------------------------------------------------------------------
    def on_instagram_change(self, change: dict, raw: dict, time) -> None:
        value = change["value"]
        if change.get("field") not in ("comments", "live_comments"):
            return
        if not value.get("id"):
            raise WebhookRejected("comment event without id")
        if self.is_ours((value.get("from") or {}).get("id")):
            return  # the account's own reply
        ingest.store(self.account, instagram_incoming(value, raw, time))
