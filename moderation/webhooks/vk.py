"""VK Callback API (docs/networks.md §1.6): confirmation handshake, ``secret``, ``event_id``.

Every event except ``confirmation`` is answered with the plain string ``ok``; VK stops
sending after several errors in a row, so events we do not use are still ``ok``."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone

from .. import ingest
from ..incoming import Incoming, from_timestamp
from ..models import Ban, InboxItem, Reason
from .base import WebhookRejected, WebhookView, secrets_equal
from .schemas import vk as schema

# user_block ``reason`` (same codes as groups.ban) -> the order's categories.
VK_BAN_REASONS = {1: Reason.SPAM, 2: Reason.INSULT, 3: Reason.OBSCENE}


def profile_url(from_id) -> str:
    try:
        number = int(from_id)
    except (TypeError, ValueError):
        return ""
    if number < 0:
        return f"https://vk.com/club{-number}"
    return f"https://vk.com/id{number}" if number else ""


def comment_incoming(obj: dict, raw: dict) -> Incoming:
    parent = obj.get("reply_to_comment")
    return Incoming(
        remote_id=str(obj["id"]),
        kind=InboxItem.Kind.REPLY if parent else InboxItem.Kind.COMMENT,
        post_remote_id=str(obj.get("post_id") or ""),
        parent_remote_id=str(parent or ""),
        author_id=str(obj.get("from_id") or ""),
        author_url=profile_url(obj.get("from_id")),
        text=obj.get("text") or "",
        attachments=obj.get("attachments") or [],
        created_at=from_timestamp(obj.get("date")),
        raw=raw,
    )


def message_incoming(obj: dict, raw: dict) -> Incoming:
    # Callback API >= 5.103 wraps the message: {"message": {...}, "client_info": ...}
    message = obj.get("message") if isinstance(obj.get("message"), dict) else obj
    if message.get("id"):
        remote_id = f"message:{message['id']}"
    else:  # messages in chats have id 0 and a per-conversation number
        remote_id = (
            f"message:{message.get('peer_id')}:{message.get('conversation_message_id')}"
        )
    return Incoming(
        remote_id=remote_id,
        kind=InboxItem.Kind.MESSAGE,
        author_id=str(message.get("from_id") or ""),
        author_url=profile_url(message.get("from_id")),
        text=message.get("text") or "",
        attachments=message.get("attachments") or [],
        created_at=from_timestamp(message.get("date")),
        raw=raw,
    )


class VkWebhookView(WebhookView):
    network = "vk"

    def schema_check(self, payload):
        schema.check(payload)

    def validate_payload(self, payload):
        group_id = payload.get("group_id")
        expected = str(self.account.external_id).lstrip("-")
        if group_id is not None and str(group_id).lstrip("-") != expected:
            raise WebhookRejected("event for another community")
        if payload.get("type") == "confirmation":
            return  # VK asks for the code before the secret is in use
        if not secrets_equal(payload.get("secret"), self.endpoint.secret):
            raise WebhookRejected("bad secret")

    def early_response(self, payload):
        if payload.get("type") == "confirmation":
            return HttpResponse(
                self.endpoint.confirmation_code, content_type="text/plain"
            )
        return None

    # -- the events (base.py): stored in the request, processed by the batch ------
    def event_key(self, payload):
        return payload.get("event_id"), str(payload.get("type") or "")

    def check_event(self, payload):
        event_type = str(payload.get("type") or "")
        if hasattr(self, f"on_{event_type}") and not isinstance(
            payload.get("object"), dict
        ):
            raise WebhookRejected("event without object")

    def process(self, payload):
        handler = getattr(self, f"on_{payload.get('type') or ''}", None)
        if handler is not None:
            handler(payload["object"], payload)

    def answer(self, payload):
        return self.ok()

    @staticmethod
    def ok():
        return HttpResponse("ok", content_type="text/plain")

    # -- events ----------------------------------------------------------------------
    def is_own(self, obj) -> bool:
        """The community's own comment (a moderator's reply): VK pushes it like any
        other, with ``from_id`` = -group id. It is not for the inbox; polling skips it
        the same way (``VKClient.fetch_comments``)."""
        community = str(self.account.external_id).lstrip("-")
        return str(obj.get("from_id", "")) == f"-{community}"

    def on_wall_reply_new(self, obj, payload):
        if self.is_own(obj):
            return
        ingest.store(self.account, comment_incoming(obj, payload))

    def on_wall_reply_edit(self, obj, payload):
        if self.is_own(obj):
            return
        if not ingest.update_text(self.account, obj["id"], obj.get("text"), payload):
            item, _ = ingest.store(self.account, comment_incoming(obj, payload))
            InboxItem.objects.filter(pk=item.pk).update(edited=True)

    def on_wall_reply_restore(self, obj, payload):
        self.on_wall_reply_new(obj, payload)
        InboxItem.objects.filter(
            network=self.network, account=self.account, remote_id=str(obj["id"])
        ).update(removed_in_network=False)

    def on_wall_reply_delete(self, obj, payload):
        ingest.mark_removed(self.account, obj["id"])

    def on_message_new(self, obj, payload):
        ingest.store(self.account, message_incoming(obj, payload))

    def on_user_block(self, obj, payload):
        until = from_timestamp(obj.get("unblock_date") or None)
        Ban.objects.update_or_create(
            account=self.account,
            author_id=str(obj["user_id"]),
            defaults={
                "until": until,
                "reason": VK_BAN_REASONS.get(obj.get("reason"), Reason.OTHER),
                "comment": obj.get("comment") or "",
                "active": True,
                "synced": True,
                "lifted_at": None,
            },
        )

    def on_user_unblock(self, obj, payload):
        Ban.objects.filter(account=self.account, author_id=str(obj["user_id"])).update(
            active=False, synced=True, lifted_at=timezone.now()
        )
