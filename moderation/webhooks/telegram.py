"""Telegram Bot API webhook (docs/networks.md §3.5-3.6).

Comments are not channel objects: they are messages in the channel's linked discussion
group replying to the automatic forward of the channel post. A comment's post is the
forward's ``forward_origin.message_id`` (older: ``forward_from_message_id``); a reply to a
comment inherits the post of the comment it answers. Private messages to the bot are
stored as messages. The secret is ``X-Telegram-Bot-Api-Secret-Token`` (setWebhook
``secret_token``)."""

from __future__ import annotations

from django.http import JsonResponse

from .. import ingest
from ..incoming import Incoming, from_timestamp
from ..models import InboxItem
from .base import WebhookRejected, WebhookView, secrets_equal
from .schemas import telegram as schema

ATTACHMENT_KINDS = (
    "photo", "video", "animation", "document", "audio", "voice", "video_note",
    "sticker", "poll", "location", "contact",
)  # fmt: skip


def channel_post_id(message: dict) -> str:
    origin = message.get("forward_origin") or {}
    post_id = origin.get("message_id") or message.get("forward_from_message_id")
    return str(post_id or "")


def author_of(message: dict) -> tuple[str, str, str]:
    sender_chat = message.get("sender_chat")
    if sender_chat:  # somebody writing as a channel or anonymously as the group
        username = sender_chat.get("username") or ""
        return (
            str(sender_chat.get("id", "")),
            sender_chat.get("title") or username,
            f"https://t.me/{username}" if username else "",
        )
    user = message.get("from") or {}
    name = " ".join(p for p in (user.get("first_name"), user.get("last_name")) if p)
    username = user.get("username") or ""
    return (
        str(user.get("id", "")),
        name or username,
        f"https://t.me/{username}" if username else "",
    )


class TelegramWebhookView(WebhookView):
    network = "telegram"

    def schema_check(self, payload):
        schema.check(payload)

    def validate_request(self, request, **kwargs):
        given = request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        if not secrets_equal(given, self.endpoint.secret):
            raise WebhookRejected("bad secret token")

    # -- the events (base.py): stored in the request, processed by the batch ------
    def event_key(self, payload):
        return payload.get("update_id"), "update"

    def check_event(self, payload):
        for key in ("message", "edited_message"):
            message = payload.get(key)
            if isinstance(message, dict):
                if "message_id" not in message:
                    raise WebhookRejected("message without message_id")
                return

    def process(self, payload):
        if isinstance(payload.get("message"), dict):
            self.on_message(payload["message"], payload)
        elif isinstance(payload.get("edited_message"), dict):
            self.on_edited(payload["edited_message"], payload)

    def answer(self, payload):
        return JsonResponse({})

    def remote_id(self, message: dict) -> str:
        chat = message.get("chat") or {}
        if chat.get("type") == "private":
            return f"pm:{chat.get('id')}:{message['message_id']}"
        return str(message["message_id"])

    def incoming(self, message: dict, raw: dict) -> Incoming | None:
        if "message_id" not in message:
            raise WebhookRejected("message without message_id")
        if message.get("is_automatic_forward"):
            return None  # the channel post itself, copied into the group
        chat = message.get("chat") or {}
        author_id, author_name, author_url = author_of(message)
        kind = InboxItem.Kind.COMMENT
        post_id = parent_id = ""
        parent = message.get("reply_to_message") or {}
        if chat.get("type") == "private":
            kind = InboxItem.Kind.MESSAGE
        elif parent.get("is_automatic_forward"):
            post_id = channel_post_id(parent)
        elif parent:
            kind = InboxItem.Kind.REPLY
            parent_id = str(parent.get("message_id", ""))
            post_id = self.post_of(parent_id)
        return Incoming(
            remote_id=self.remote_id(message),
            kind=kind,
            post_remote_id=post_id,
            parent_remote_id=parent_id,
            author_id=author_id,
            author_name=author_name,
            author_url=author_url,
            text=message.get("text") or message.get("caption") or "",
            attachments=[{"type": k} for k in ATTACHMENT_KINDS if k in message],
            created_at=from_timestamp(message.get("date")),
            raw=raw,
        )

    def post_of(self, parent_remote_id: str) -> str:
        found = (
            InboxItem.objects.filter(
                network=self.network, account=self.account, remote_id=parent_remote_id
            )
            .values_list("post_remote_id", flat=True)
            .first()
        )
        return found or ""

    def on_message(self, message: dict, raw: dict) -> None:
        incoming = self.incoming(message, raw)
        if incoming is not None:
            ingest.store(self.account, incoming)

    def on_edited(self, message: dict, raw: dict) -> None:
        incoming = self.incoming(message, raw)
        if incoming is None:
            return
        if not ingest.update_text(self.account, incoming.remote_id, incoming.text, raw):
            ingest.store(self.account, incoming)
