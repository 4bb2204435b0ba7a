"""Meta Webhooks, shared by Facebook Pages and Instagram (docs/networks.md §4.6, §5.6):
the handshake, the signature and the entries; each network's role module
(``facebook.py``, ``instagram.py``) subclasses ``MetaWebhookView`` and turns its
changes into inbox items.

* Subscription handshake: ``GET ?hub.mode=subscribe&hub.verify_token=…&
  hub.challenge=…`` is answered with the challenge (HTTP 200, plain text) when the
  verify token matches; anything else 403.
* Events: ``POST`` JSON signed as ``X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of
  the raw body with the app secret>``, checked in constant time before the body is
  parsed. A bad or missing signature is 400 and nothing is stored.
* Where the values live: the account's ``WebhookEndpoint`` (kept apart from the API
  credential, as for VK): ``secret`` is the Meta app secret, ``confirmation_code`` the
  verify token chosen when subscribing the app.

Meta sends no event id and several changes in one delivery: each change of the
account's entries is stored as an event of its own (``events``), keyed by a hash of
the change, so a redelivered change is stored once, and handled by the batch like
every network's. The account's own comments (a moderator's replies) are not inbox
items, as polling skips them too. While the network is switched off
(``accounts_registry.restricted``) events are answered 200 and dropped.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging

from django.http import HttpResponse, HttpResponseForbidden, HttpResponseNotFound

from accounts_registry.restricted import is_blocked

from .base import WebhookRejected, WebhookView, secrets_equal
from .schemas import meta as schema

logger = logging.getLogger(__name__)
SIGNATURE_HEADER = "X-Hub-Signature-256"


def signature(app_secret: str, body: bytes) -> str:
    """``sha256=<hex>``: what Meta puts in X-Hub-Signature-256."""
    digest = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def change_id(entry_id, change: dict) -> str:
    raw = json.dumps([str(entry_id), change], sort_keys=True, ensure_ascii=False)
    return "meta:" + hashlib.sha256(raw.encode()).hexdigest()[:40]


class MetaWebhookView(WebhookView):
    """What Facebook and Instagram share. A subclass sets ``network`` and
    ``object_name`` (the payload's ``object``) and implements ``wanted``,
    ``check_change`` and ``on_change``."""

    object_name = ""
    http_method_names = ["get", "post"]
    # change field -> the schema of its value (schemas/meta.py), set by each network.
    value_schemas: dict = {}

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

    def schema_check(self, payload: dict) -> None:
        schema.check(payload, self.value_schemas)

    def validate_payload(self, payload: dict) -> None:
        if payload.get("object") != self.object_name:
            raise WebhookRejected("event for another object")
        if not isinstance(payload.get("entry"), list):
            raise WebhookRejected("event without entries")

    def early_response(self, payload: dict) -> HttpResponse | None:
        if is_blocked(self.network):
            # Switched off on record (accounts_registry/restricted.py): nothing from
            # the network is taken in; 200 so Meta does not pile up retries.
            logger.info("%s webhook: network blocked, event dropped", self.network)
            return self.answer(payload)
        return None

    # -- the events (base.py): stored in the request, processed by the batch --------
    def events(self, payload: dict) -> list[tuple]:
        """One event per change of this account's entries, keyed by the change's
        hash: a redelivered change is one row, whatever else came with it."""
        found = []
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
                if not self.wanted(change):
                    continue
                event = {"object": payload["object"], "entry": entry, "change": change}
                found.append(
                    (
                        change_id(entry.get("id"), change),
                        str(change.get("field") or ""),
                        event,
                    )
                )
        return found

    def check_event(self, event: dict) -> None:
        self.check_change(event["change"])

    def process(self, event: dict) -> None:
        self.on_change(event["change"], event, event["entry"].get("time"))

    def answer(self, payload: dict) -> HttpResponse:
        return HttpResponse("ok", content_type="text/plain")

    # -- what each network fills in ----------------------------------------------------
    def wanted(self, change: dict) -> bool:
        """The change may become an inbox item (a comment); others are not kept."""
        raise NotImplementedError

    def check_change(self, change: dict) -> None:
        """``WebhookRejected`` for a change ``on_change`` could not read."""

    def on_change(self, change: dict, raw: dict, time) -> None:
        """Store what ``change`` (a dict with a dict ``value``) says."""
        raise NotImplementedError

    def is_ours(self, entry_id) -> bool:
        """The entry is about this account; an app subscribed for several accounts
        sends the others' entries here too."""
        return str(entry_id) == str(self.account.external_id)
