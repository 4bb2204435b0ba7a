"""MAX Bot API webhook (docs/networks.md §9.5-9.6; sources in syndication/api/NOTES.md).

MAX POSTs one ``Update`` per request, unwrapped: ``{"update_type", "timestamp",
"message" | "message_id", …}``, with the subscription's secret in the
``X-Max-Bot-Api-Secret`` header (``POST /subscriptions`` ``secret``; checked in
constant time before the body is parsed). It wants HTTP 200 within 30 s.

Mapped to the inbox:

* ``comment_created`` / ``comment_edited``: a reader's comment under a channel post;
  the post is ``message.recipient.post_id``, a reply names its parent in
  ``message.link`` (``type: "reply"``). ``comment_removed`` marks it removed.
* ``message_created`` / ``message_edited`` in a dialog or group chat: a message to the
  bot or in a community chat. A channel's own posts (``chat_type: "channel"``) are not
  inbox items; neither is anything a bot sent (our own replies).
* A ``message_created`` may come **without** ``message`` (users' voice messages,
  2026 quirk, §9.6): acknowledged and skipped.

Updates carry no id of their own: a replay is recognised by the update type, the
message id and, for edits, the timestamp (a second edit is news, a resend is not).
"""

from __future__ import annotations

from django.http import JsonResponse

from .. import ingest
from ..incoming import Incoming, from_timestamp
from ..models import InboxItem
from .base import WebhookRejected, WebhookView, secrets_equal
from .schemas import max as schema

SECRET_HEADER = "X-Max-Bot-Api-Secret"  # noqa: S105 - a header name, not a secret
CREATED = {"comment_created", "message_created"}
EDITED = {"comment_edited", "message_edited"}
REMOVED = {"comment_removed", "message_removed"}


def author_of(message: dict) -> tuple[str, str, str]:
    sender = message.get("sender") or {}
    name = sender.get("name") or " ".join(
        p for p in (sender.get("first_name"), sender.get("last_name")) if p
    )
    username = sender.get("username") or ""
    return (
        str(sender.get("user_id", "")),
        name or username,
        f"https://max.ru/{username}" if username else "",
    )


def created_at(message: dict):
    stamp = message.get("timestamp")
    return from_timestamp(int(stamp) // 1000) if stamp else None


class MaxWebhookView(WebhookView):
    network = "max"

    def schema_check(self, payload):
        schema.check(payload)

    def validate_request(self, request, **kwargs):
        if not secrets_equal(request.headers.get(SECRET_HEADER), self.endpoint.secret):
            raise WebhookRejected("bad secret header")

    # -- the events (base.py): stored in the request, processed by the batch ------
    def events(self, payload):
        kind = str(payload.get("update_type") or "")
        if kind in CREATED | EDITED and isinstance(payload.get("message"), dict):
            return super().events(payload)
        if kind in REMOVED and payload.get("message_id"):
            return super().events(payload)
        # A voice message without ``message`` (§9.6), a bot added, a dialog muted …:
        # nothing for the inbox, acknowledged and not kept.
        return []

    def event_key(self, payload):
        kind = str(payload.get("update_type") or "")
        if kind in REMOVED:
            return f"{kind}:{payload['message_id']}", kind
        event_id = f"{kind}:{(payload['message'].get('body') or {}).get('mid') or ''}"
        if kind in EDITED:  # a second edit is news, a resend of one is not
            event_id += f":{payload.get('timestamp', '')}"
        return event_id, kind

    def check_event(self, payload):
        if isinstance(payload.get("message"), dict) and not (
            (payload["message"].get("body") or {}).get("mid")
        ):
            raise WebhookRejected("message without body.mid")

    def process(self, payload):
        kind = str(payload.get("update_type") or "")
        if kind in REMOVED:
            ingest.mark_removed(self.account, str(payload["message_id"]))
            return
        incoming = self.incoming(payload["message"], kind, payload)
        if incoming is None:
            return
        if kind in EDITED and ingest.update_text(
            self.account, incoming.remote_id, incoming.text, payload
        ):
            return
        ingest.store(self.account, incoming)

    def answer(self, payload):
        return JsonResponse({})

    def incoming(self, message: dict, kind: str, raw: dict) -> Incoming | None:
        recipient = message.get("recipient") or {}
        sender = message.get("sender") or {}
        if not sender or sender.get("is_bot"):
            return None  # the channel's own post, or a bot (our replies)
        body = message.get("body") or {}
        link = message.get("link") or {}
        parent_id = str(link.get("mid") or "") if link.get("type") == "reply" else ""
        if kind.startswith("comment_"):
            item_kind = InboxItem.Kind.REPLY if parent_id else InboxItem.Kind.COMMENT
            post_id = str(recipient.get("post_id") or "")
        elif recipient.get("chat_type") == "channel":
            return None
        else:  # a dialog with the bot or a group chat
            item_kind, post_id = InboxItem.Kind.MESSAGE, ""
        author_id, author_name, author_url = author_of(message)
        return Incoming(
            remote_id=str(body["mid"]),
            kind=item_kind,
            post_remote_id=post_id,
            parent_remote_id=parent_id,
            author_id=author_id,
            author_name=author_name,
            author_url=author_url,
            text=body.get("text") or "",
            attachments=[
                {"type": a.get("type", "")}
                for a in body.get("attachments") or []
                if isinstance(a, dict)
            ],
            created_at=created_at(message),
            raw=raw,
        )
