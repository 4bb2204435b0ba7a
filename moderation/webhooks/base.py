"""The webhook pipeline every network shares (after django-anymail's webhooks/base.py).

Order: content type -> size limit -> account -> request validators (e.g. a secret
header) -> JSON -> payload validators (e.g. a secret field) -> the network's schema ->
the events the delivery carries, each checked -> stored. Every network's events are
stored as rows before the 200 (VK and Telegram since issue 11.8, then OK, MAX,
Facebook and Instagram) and handled by the batch in ``batch.py`` (a Celery beat tick
every second), so the answer is fast and a failure in handling loses nothing; with
MODERATION_WEBHOOKS_DEFERRED=False they are handled in the request, inside one
transaction. A body that is not JSON by its declared type answers 415; a bad secret
400 and stores nothing; an unknown account 404 without saying why; an oversize body
413; malformed JSON, JSON nested deeper than any network sends, text no
database can store (NUL, lone surrogates) or a payload that does not match the
network's schema (``schemas/``) 400 with the reason in the log (issue 12.7); any other
error 500 so the network retries, and the transaction is rolled back so nothing is
half-stored."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import time

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse, HttpResponseNotFound
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from accounts_registry.models import Account

from .. import conf
from ..models import WebhookEndpoint, WebhookEvent
from .schemas.common import ValidationError, reason

logger = logging.getLogger(__name__)

# Every network sends JSON (networks.md: VK §1.6, OK §2.6, Telegram §3.5, Meta §4.6,
# MAX §9.5); a form or text body is not an event (issue 12.8).
JSON_TYPES = ("application/json",)
# No network nests deeper than about ten levels; Python's parser gives up near a
# thousand (RecursionError), and a deep value would fail again when stored.
MAX_DEPTH = 64
# Text neither PostgreSQL (NUL) nor UTF-8 (lone surrogates from "\ud800") can store.
UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")


# (network, slug) -> (looked up at, endpoint or None). Every event needs the account's
# secret; a changed secret or a disabled endpoint applies in this process at once
# (signal below) and in other processes within ENDPOINT_CACHE_SECONDS.
ENDPOINT_CACHE_SECONDS = 10.0
_endpoints: dict[tuple[str, str], tuple[float, WebhookEndpoint | None]] = {}


@receiver([post_save, post_delete], sender=WebhookEndpoint)
@receiver([post_save, post_delete], sender=Account)
def forget_endpoints(**kwargs) -> None:
    _endpoints.clear()


class WebhookRejected(Exception):
    """Stop handling and answer ``status``; the message goes to the log only."""

    status = 400

    def __init__(self, message: str = "", status: int | None = None):
        super().__init__(message)
        if status is not None:
            self.status = status


def secrets_equal(given, expected: str) -> bool:
    """Constant-time comparison; a missing value never equals."""
    if not given or not expected or not isinstance(given, str):
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


def refuse_constant(name: str):
    """NaN and Infinity are not JSON (Python's parser takes them; PostgreSQL's jsonb
    would not store them)."""
    raise ValueError(f"{name} is not JSON")


def check_storable(payload) -> None:
    """Refuse JSON deeper than MAX_DEPTH or with text no database stores; walked
    without recursion, so no payload can exhaust the stack here."""
    stack = [(payload, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise WebhookRejected("JSON nested too deeply")
        if isinstance(value, dict):
            for key, item in value.items():
                if UNSTORABLE.search(key):
                    raise WebhookRejected("unstorable character in a key")
                stack.append((item, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, str) and UNSTORABLE.search(value):
            raise WebhookRejected("unstorable character in a text")


@method_decorator(csrf_exempt, name="dispatch")
class WebhookView(View):
    """Subclasses set ``network`` and fill in the named steps below."""

    network: str = ""
    http_method_names = ["post"]
    # What the URL holds after ``<network>/<account-slug>/`` (urls.py), e.g. OK's
    # "<str:secret>/"; passed to ``validate_request`` as keyword arguments.
    route_suffix: str = ""
    # The media types the network sends; anything else is 415.
    content_types: tuple[str, ...] = JSON_TYPES

    @classmethod
    def route_kwargs(cls, endpoint) -> dict:
        """The values of ``route_suffix`` for ``endpoint`` (to reverse the URL)."""
        return {}

    def post(self, request, account_slug: str, **kwargs):
        try:
            self.check_content_type(request)
            body = self.read_body(request)
            self.account, self.endpoint = self.get_account(account_slug)
            self.validate_request(request, **kwargs)
            payload = self.decode(body)
            self.validate_payload(payload)
            self.check_schema(payload)
        except WebhookRejected as exc:
            logger.info("%s webhook rejected (%s): %s", self.network, exc.status, exc)
            if exc.status == 404:
                return HttpResponseNotFound()
            return HttpResponse(status=exc.status)
        early = self.early_response(payload)
        if early is not None:
            return early
        try:
            events = self.events(payload)
            for _event_id, _event_type, part in events:
                self.check_event(part)
            # The answer first: once the store has begun nothing returns to the
            # network's module (tests/moderation/test_comment_path.py).
            response = self.answer(payload)
            if conf.webhooks_deferred():
                self.enqueue(events, payload, body)
            else:
                with transaction.atomic():
                    self.handle(events)
            return response
        except WebhookRejected as exc:
            logger.info("%s webhook rejected (%s): %s", self.network, exc.status, exc)
            return HttpResponse(status=exc.status)
        except Exception:
            logger.exception("%s webhook failed for %s", self.network, account_slug)
            return HttpResponse(status=500)

    # -- the steps -------------------------------------------------------------------
    def check_content_type(self, request) -> None:
        media_type = (request.content_type or "").strip().lower()
        if media_type not in self.content_types:
            raise WebhookRejected(f"content type {media_type[:60]!r} refused", 415)

    def read_body(self, request) -> bytes:
        limit = conf.webhook_max_body()
        try:
            declared = int(request.headers.get("Content-Length") or 0)
        except ValueError as exc:
            raise WebhookRejected("bad Content-Length") from exc
        if declared > limit:
            raise WebhookRejected("body too large", 413)
        body = request.read(limit + 1)
        if len(body) > limit:
            raise WebhookRejected("body too large", 413)
        return body

    def get_account(self, slug: str):
        key = (self.network, slug)
        cached = _endpoints.get(key)
        now = time.monotonic()
        if cached is not None and now - cached[0] < ENDPOINT_CACHE_SECONDS:
            endpoint = cached[1]
        else:
            endpoint = (
                WebhookEndpoint.objects.select_related("account")
                .filter(account__slug=slug, account__network=self.network, enabled=True)
                .order_by()
                .first()
            )
            _endpoints[key] = (now, endpoint)
        if endpoint is None:
            raise WebhookRejected("unknown account or no webhook settings", 404)
        return endpoint.account, endpoint

    def validate_request(self, request, **kwargs) -> None:
        """Check what the request carries outside the body (headers, URL)."""

    def decode(self, body: bytes):
        try:
            payload = json.loads(body.decode("utf-8"), parse_constant=refuse_constant)
        except (UnicodeDecodeError, ValueError) as exc:
            raise WebhookRejected("malformed JSON") from exc
        except RecursionError as exc:
            raise WebhookRejected("JSON nested too deeply") from exc
        if not isinstance(payload, dict):
            raise WebhookRejected("JSON is not an object")
        check_storable(payload)
        return payload

    def validate_payload(self, payload: dict) -> None:
        """Check what only the decoded body carries (e.g. VK's ``secret`` field)."""

    def check_schema(self, payload: dict) -> None:
        """The network's schema (``schemas/<network>.py``): what ``handle`` reads is
        there and of the right type."""
        try:
            self.schema_check(payload)
        except ValidationError as exc:
            raise WebhookRejected(
                f"payload does not match the schema: {reason(exc)}"
            ) from None

    def schema_check(self, payload: dict) -> None:
        """Raise pydantic's ValidationError when ``payload`` does not fit."""
        raise NotImplementedError

    def early_response(self, payload: dict) -> HttpResponse | None:
        """Answer a handshake before any storing (e.g. VK ``confirmation``)."""
        return None

    # -- the events ------------------------------------------------------------------
    def events(self, payload: dict) -> list[tuple]:
        """What the delivery carries, as ``(event id, event type, what process()
        reads)``: one event, the payload itself, for most networks; Meta sends several
        changes in one delivery. Empty when nothing in it is kept (answered, dropped)."""
        event_id, event_type = self.event_key(payload)
        return [(event_id, event_type, payload)]

    def event_key(self, payload: dict) -> tuple:
        """``(event id, event type)``: the network's id of the event, for replays."""
        raise NotImplementedError

    def check_event(self, event: dict) -> None:
        """What ``process`` needs beyond the schema; raise WebhookRejected, so a
        broken event is refused in its request, not found broken by the batch."""

    def process(self, event: dict) -> None:
        """Store what the event says (in the batch's transaction, or the request's).
        Must be idempotent: a retry after a failure runs it again."""
        raise NotImplementedError

    def answer(self, payload: dict) -> HttpResponse:
        """The answer the network expects for an accepted delivery."""
        raise NotImplementedError

    def handle(self, events: list[tuple]) -> None:
        """MODERATION_WEBHOOKS_DEFERRED=False: the events handled in the request, in
        its transaction; a replayed id is skipped."""
        for event_id, event_type, event in events:
            if self.first_time(event_id, event_type):
                self.process(event)

    def enqueue(self, events: list[tuple], payload: dict, body: bytes) -> int:
        """Store the events for the batch: one ``INSERT ... ON CONFLICT DO NOTHING``
        in autocommit, the only write before the 200; how many rows are new (0 for a
        replay). An event without an id is keyed by its text, so an identical resend
        is one row."""
        if not events:
            return 0
        rows = []
        for event_id, event_type, event in events:
            # The body was parsed and checked already; the payload itself is stored
            # as the network sent it, a part of it (Meta's change) as JSON again.
            text = (
                body.decode("utf-8")
                if event is payload
                else json.dumps(event, ensure_ascii=False)
            )
            if event_id in (None, ""):
                event_id = "body:" + hashlib.sha256(text.encode()).hexdigest()
            rows.append(
                (self.network, self.account.pk, str(event_id)[:200],
                 str(event_type)[:50], timezone.now(), text)
            )  # fmt: skip
        table = WebhookEvent._meta.db_table
        # PostgreSQL takes the checked JSON text as jsonb as it is.
        value = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
        values = ", ".join([f"(%s, %s, %s, %s, %s, {value})"] * len(rows))
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (network, account_id, event_id, event_type,"  # noqa: S608 - table name from the model
                f" received_at, payload) VALUES {values}"
                " ON CONFLICT (network, account_id, event_id) DO NOTHING",
                [value for row in rows for value in row],
            )  # fmt: skip
            return cursor.rowcount

    # -- helpers ---------------------------------------------------------------------
    def first_time(self, event_id, event_type: str = "") -> bool:
        """Record ``event_id``; False when it was seen before (a replay).

        One ``INSERT ... ON CONFLICT DO NOTHING`` (PostgreSQL and SQLite) instead of
        get_or_create's four round trips: this runs for every event."""
        if event_id in (None, ""):
            return True
        table = WebhookEvent._meta.db_table
        now = timezone.now()
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (network, account_id, event_id, event_type,"  # noqa: S608 - table name from the model
                " received_at, processed_at) VALUES (%s, %s, %s, %s, %s, %s)"
                " ON CONFLICT (network, account_id, event_id) DO NOTHING",
                [self.network, self.account.pk, str(event_id)[:200],
                 event_type[:50], now, now],
            )  # fmt: skip
            return cursor.rowcount == 1
