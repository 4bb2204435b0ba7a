"""OK (Odnoklassniki) webhooks (docs/networks.md §2.6).

OK signs nothing, so the secret is part of the URL and compared in constant time. The
app webhook's handshake ``{"webhookType": "CONFIRMATION"}`` is answered with the
configured string. The Bot API delivers group-chat messages (``MESSAGE_CREATED``); group
post comments are not in any documented webhook and come by polling
(``discussions.getComments``, see moderation.fetch)."""

from __future__ import annotations

from django.http import HttpResponse, JsonResponse

from .. import ingest
from ..incoming import Incoming, from_timestamp
from ..models import InboxItem
from .base import WebhookRejected, WebhookView, secrets_equal
from .schemas import ok as schema


def _strip_prefix(value) -> str:
    """OK writes ids as ``user:123`` / ``mid:...``; keep the id part."""
    text = str(value or "")
    return text.split(":", 1)[1] if ":" in text else text


class OkWebhookView(WebhookView):
    network = "ok"
    route_suffix = "<str:secret>/"

    def schema_check(self, payload):
        schema.check(payload)

    @classmethod
    def route_kwargs(cls, endpoint) -> dict:
        return {"secret": endpoint.secret}

    def validate_request(self, request, secret: str = "", **kwargs):
        if not secrets_equal(secret, self.endpoint.secret):
            raise WebhookRejected("bad secret in URL")

    def early_response(self, payload):
        if payload.get("webhookType") == "CONFIRMATION":
            return HttpResponse(
                self.endpoint.confirmation_code, content_type="text/html"
            )
        return None

    # -- the events (base.py): stored in the request, processed by the batch ------
    def events(self, payload):
        if not isinstance(payload.get("message"), dict):
            return []  # other event types: not ours, acknowledged and not kept
        return super().events(payload)

    def event_key(self, payload):
        event_type = str(payload.get("webhookType") or "MESSAGE_CREATED")
        return payload["message"].get("mid"), event_type

    def check_event(self, payload):
        if not payload["message"].get("mid"):
            raise WebhookRejected("message without mid")

    def process(self, payload):
        message = payload["message"]
        sender = payload.get("sender") or {}
        author_id = _strip_prefix(sender.get("user_id"))
        timestamp = payload.get("timestamp")
        ingest.store(
            self.account,
            Incoming(
                remote_id=str(message["mid"]),
                kind=InboxItem.Kind.MESSAGE,
                author_id=author_id,
                author_name=sender.get("name") or "",
                author_url=f"https://ok.ru/profile/{author_id}" if author_id else "",
                text=message.get("text") or "",
                attachments=message.get("attachments") or [],
                created_at=from_timestamp(
                    int(timestamp) // 1000 if timestamp else None
                ),
                raw=payload,
            ),
        )

    def answer(self, payload):
        return JsonResponse({"success": True})
