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

    def handle(self, payload):
        message = payload.get("message")
        if not isinstance(message, dict):
            return JsonResponse({"success": True})  # other event types: not ours
        mid = message.get("mid")
        if not mid:
            raise WebhookRejected("message without mid")
        if self.first_time(mid, str(payload.get("webhookType") or "MESSAGE_CREATED")):
            sender = (payload.get("sender") or {}).get("user_id")
            author_id = _strip_prefix(sender)
            timestamp = payload.get("timestamp")
            ingest.store(
                self.account,
                Incoming(
                    remote_id=str(mid),
                    kind=InboxItem.Kind.MESSAGE,
                    author_id=author_id,
                    author_name=(payload.get("sender") or {}).get("name") or "",
                    author_url=f"https://ok.ru/profile/{author_id}"
                    if author_id
                    else "",
                    text=message.get("text") or "",
                    attachments=message.get("attachments") or [],
                    created_at=from_timestamp(
                        int(timestamp) // 1000 if timestamp else None
                    ),
                    raw=payload,
                ),
            )
        return JsonResponse({"success": True})
