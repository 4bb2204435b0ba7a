"""Issue 12.7: malformed input to every webhook endpoint is answered 4xx, never 5xx, and
a refused request stores nothing. Authenticated (a valid secret or signature), so every
step up to the handlers is reached.

A seeded generator mutates valid events of each event type a handler reads: a field
deleted, replaced by a value of another type (nested deeper than any network sends,
too large, with a NUL or a lone surrogate, NaN), or by random JSON; plus fixed hostile
bodies. ``VESTNIK_FUZZ_SEED`` and ``VESTNIK_FUZZ_CASES`` (per endpoint) change the
sample; a failure names the seed and the case so it can be replayed.
"""

from __future__ import annotations

import copy
import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from moderation.models import Ban, InboxItem, WebhookEvent
from moderation.webhooks.meta import signature
from tests.moderation.conftest import make_account
from tests.moderation.webhook_cases import SECRET

SEED = int(os.environ.get("VESTNIK_FUZZ_SEED", "20261207"))
CASES = int(os.environ.get("VESTNIK_FUZZ_CASES", "150"))

pytestmark = pytest.mark.django_db


# -- valid events, one per event type the handlers read ---------------------------------


def vk_events(n: int) -> list[dict]:
    def event(kind, obj):
        return {"type": kind, "object": obj, "group_id": 123456, "v": "5.199",
                "event_id": f"e{n}-{kind}", "secret": SECRET}  # fmt: skip

    comment = {
        "id": n, "from_id": 555, "date": 1764300000, "text": "Когда выплатят?",
        "post_id": 42, "owner_id": -123456, "reply_to_comment": 7,
        "attachments": [{"type": "photo", "photo": {"id": 1, "sizes": [{"w": 1}]}}],
    }  # fmt: skip
    return [
        event("wall_reply_new", comment),
        event("wall_reply_edit", {**comment, "text": "Исправил"}),
        event("wall_reply_restore", comment),
        event("wall_reply_delete", {"id": n, "owner_id": -123456, "post_id": 42}),
        event(
            "message_new",
            {
                "message": {
                    "id": n,
                    "from_id": 555,
                    "peer_id": 555,
                    "date": 1764300000,
                    "text": "Здравствуйте",
                    "attachments": [],
                },
                "client_info": {"keyboard": True},
            },
        ),  # fmt: skip
        event(
            "message_new",
            {
                "id": 0,
                "peer_id": 2000000001,
                "from_id": 5,
                "conversation_message_id": n,
                "text": "Старый формат",
            },
        ),  # fmt: skip
        event(
            "user_block",
            {
                "user_id": 555,
                "admin_id": 1,
                "reason": 1,
                "unblock_date": 1764400000,
                "comment": "спам",
            },
        ),  # fmt: skip
        event("user_unblock", {"user_id": 555, "admin_id": 1}),
        {"type": "confirmation", "group_id": 123456},
    ]


TG_GROUP = {"id": -1001234, "type": "supergroup", "title": "Обсуждение"}
TG_CHANNEL = {"id": -1009999, "type": "channel", "title": "Минсоц", "username": "soc"}


def telegram_events(n: int) -> list[dict]:
    forward = {
        "message_id": 10, "chat": TG_GROUP, "date": 1, "is_automatic_forward": True,
        "sender_chat": TG_CHANNEL, "text": "Пост",
        "forward_origin": {"type": "channel", "chat": TG_CHANNEL, "message_id": 3},
    }  # fmt: skip
    comment = {
        "message_id": n, "chat": TG_GROUP, "date": 1764300000, "text": "Вопрос",
        "from": {"id": 77, "first_name": "Иван", "last_name": "П", "username": "ivp"},
        "reply_to_message": forward, "photo": [{"file_id": "x"}],
    }  # fmt: skip
    reply = {**comment, "message_id": n + 1, "reply_to_message": comment}
    private = {"message_id": n, "date": 1764300000, "text": "Личное",
               "chat": {"id": 77, "type": "private"}, "from": {"id": 77}}  # fmt: skip
    return [
        {"update_id": n, "message": comment},
        {"update_id": n + 1, "message": reply},
        {"update_id": n + 2, "message": private},
        {"update_id": n + 3, "edited_message": {**comment, "edit_date": 1764300100}},
        {"update_id": n + 4, "message": {**comment, "sender_chat": TG_CHANNEL}},
        {"update_id": n + 5, "channel_post": {"message_id": 1, "chat": TG_CHANNEL}},
    ]


def max_events(n: int) -> list[dict]:
    message = {
        "sender": {"user_id": 501, "first_name": "Иван", "last_name": "П",
                   "name": "Иван П", "username": "ivan_p", "is_bot": False},
        "recipient": {"chat_id": -70000000000042, "chat_type": "channel",
                      "post_id": "mid.post"},
        "timestamp": 1764300000000,
        "body": {"mid": f"mid.c{n}", "seq": 1, "text": "Комментарий",
                 "attachments": [{"type": "image", "payload": {"url": "x"}}]},
        "link": {"type": "reply", "mid": "mid.parent"},
    }  # fmt: skip
    dialog = {**message, "recipient": {"chat_id": 5, "chat_type": "dialog"}}
    return [
        {"update_type": "comment_created", "timestamp": 1764300000001,
         "message": message},
        {"update_type": "comment_edited", "timestamp": 1764300000002,
         "message": message},
        {"update_type": "comment_removed", "timestamp": 1764300000003,
         "message_id": f"mid.c{n}"},
        {"update_type": "message_created", "timestamp": 1764300000004,
         "message": dialog},
        {"update_type": "message_created", "timestamp": 1764300000005},
    ]  # fmt: skip


def ok_events(n: int) -> list[dict]:
    return [
        {
            "webhookType": "MESSAGE_CREATED",
            "sender": {"user_id": "user:123456789012", "name": "Мария"},
            "recipient": {"chat_id": "chat:C3ecb9d02a600"},
            "message": {
                "text": "Вопрос",
                "seq": 98211023614189660,
                "mid": f"mid:C3e.{n}",
                "attachments": [{"type": "IMAGE"}],
            },
            "timestamp": 1498581292941,
        },  # fmt: skip
        {"webhookType": "CONFIRMATION"},
    ]


PAGE = "546349135390552"
IG_USER = "17841400000000001"


def facebook_events(n: int) -> list[dict]:
    def event(verb):
        value = {
            "item": "comment", "verb": verb, "comment_id": f"10_{n}",
            "post_id": f"{PAGE}_10", "parent_id": f"{PAGE}_10",
            "from": {"id": "77", "name": "Анна"}, "message": "Текст",
            "created_time": 1764300000,
        }  # fmt: skip
        return {"object": "page", "entry": [{"id": PAGE, "time": 1764300001,
                "changes": [{"field": "feed", "value": value}]}]}  # fmt: skip

    return [event(verb) for verb in ("add", "edited", "remove", "hide")]


def instagram_events(n: int) -> list[dict]:
    value = {"id": str(17900000000000000 + n), "text": "Текст",
             "from": {"id": "9001", "username": "anna_k"},
             "media": {"id": "18000000000000042"}, "parent_id": "1790"}  # fmt: skip
    return [
        {"object": "instagram", "entry": [{"id": IG_USER, "time": 1764300002,
         "changes": [{"field": "comments", "value": value}]}]},
        {"object": "instagram", "entry": [{"id": IG_USER, "time": 1764300002,
         "field": "live_comments", "value": value}]},
    ]  # fmt: skip


# -- the endpoints ---------------------------------------------------------------------


@dataclass
class Endpoint:
    network: str
    external_id: str
    events: Callable[[int], list[dict]]

    @property
    def slug(self) -> str:
        return f"{self.network}-fuzz"

    def url(self) -> str:
        suffix = f"{SECRET}/" if self.network == "ok" else ""
        return f"/hooks/{self.network}/{self.slug}/{suffix}"

    def headers(self, body: bytes) -> dict:
        if self.network == "telegram":
            return {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        if self.network == "max":
            return {"X-Max-Bot-Api-Secret": SECRET}
        if self.network in ("facebook", "instagram"):
            return {"X-Hub-Signature-256": signature(SECRET, body)}
        return {}


ENDPOINTS = {
    e.network: e
    for e in (
        Endpoint("vk", "-123456", vk_events),
        Endpoint("telegram", "@soc_kuzbass", telegram_events),
        Endpoint("max", "-70000000000042", max_events),
        Endpoint("ok", "700000000001", ok_events),
        Endpoint("facebook", PAGE, facebook_events),
        Endpoint("instagram", IG_USER, instagram_events),
    )
}


def test_every_webhook_endpoint_is_fuzzed():
    from moderation.webhooks.urls import urlpatterns

    assert {p.name for p in urlpatterns} == set(ENDPOINTS)


# -- the generator ---------------------------------------------------------------------


def nested(depth: int, leaf=1, kind=list):
    value = leaf
    for _ in range(depth):
        value = [value] if kind is list else {"a": value}
    return value


HOSTILE: list[Callable[[], object]] = [
    lambda: None, lambda: True, lambda: False, lambda: 0, lambda: -1, lambda: 1.5,
    lambda: 2**64, lambda: -(2**70), lambda: 10**40, lambda: "", lambda: "строка",
    lambda: "9" * 200, lambda: "x" * 5000, lambda: "a\x00b", lambda: "\ud800",
    lambda: [], lambda: {}, lambda: [{}], lambda: {"id": {}}, lambda: [None, 1, "x"],
    lambda: nested(20), lambda: nested(90, kind=dict), lambda: nested(400),
    lambda: {"type": "reply", "mid": []}, lambda: float("nan"),
    lambda: float("inf"), lambda: -5e300,
]  # fmt: skip


def random_json(rng: random.Random, depth: int = 3):
    roll = rng.random()
    if depth <= 0 or roll < 0.5:
        return rng.choice(HOSTILE)()
    if roll < 0.75:
        return [random_json(rng, depth - 1) for _ in range(rng.randint(0, 3))]
    return {
        rng.choice(["id", "text", "from", "message", "type", "x", "\x00", ""]):
        random_json(rng, depth - 1)
        for _ in range(rng.randint(0, 3))
    }  # fmt: skip


def places(value, found=None):
    """Every (container, key) in ``value``, nested ones included."""
    found = [] if found is None else found
    if isinstance(value, dict):
        for key in list(value):
            found.append((value, key))
            places(value[key], found)
    elif isinstance(value, list):
        for index in range(len(value)):
            found.append((value, index))
            places(value[index], found)
    return found


def mutate(rng: random.Random, event: dict) -> dict:
    event = copy.deepcopy(event)
    for _ in range(rng.randint(1, 3)):
        spots = places(event)
        if not spots:
            break
        container, key = rng.choice(spots)
        roll = rng.random()
        if roll < 0.2 and isinstance(container, dict):
            del container[key]
        elif roll < 0.35:
            container[key] = random_json(rng)
        else:
            container[key] = rng.choice(HOSTILE)()
    return event


def encode(value) -> bytes:
    # NaN and Infinity as Python writes them: not JSON, but what an attacker can send.
    return json.dumps(value, ensure_ascii=True).encode()


FIXED_BODIES = [
    b"", b"null", b"[]", b"[{}]", b'"x"', b"1", b"{", b'{"type": ', b"\xff\xfe{}",
    b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    b'{"type": NaN}', b'{"update_id": Infinity}', b'{"x": 1' + b"0" * 5000 + b"}",
    b'{"x": "\\u0000"}', b'{"x": "\\udc00"}', b'{"\\u0000": 1}',
]  # fmt: skip


def counts() -> tuple[int, int, int]:
    return InboxItem.objects.count(), WebhookEvent.objects.count(), Ban.objects.count()


@pytest.fixture(autouse=True)
def fresh_caches():
    """Accounts of one test are looked up afresh, not from a previous test's cache."""
    from django.core.cache import cache

    from moderation import links, rule_engine
    from moderation.webhooks import base

    caches = (links._cache, rule_engine._rules_cache, base._endpoints, cache)
    for each in caches:
        each.clear()
    yield
    for each in caches:
        each.clear()


@pytest.fixture
def meta_switched_on(db):
    from accounts_registry.restricted import decide

    for network in ("facebook", "instagram"):
        decide(network, True, reason="Проверка вебхуков", actor="pytest")


def send(client, endpoint: Endpoint, body: bytes, content_type="application/json"):
    return client.post(
        endpoint.url(),
        data=body,
        content_type=content_type,
        headers=endpoint.headers(body),
    )


@pytest.mark.parametrize("network", sorted(ENDPOINTS))
def test_malformed_webhooks_get_4xx_and_store_nothing(
    client, network, meta_switched_on
):
    endpoint = ENDPOINTS[network]
    make_account(network, endpoint.external_id, endpoint.slug)
    rng = random.Random(f"{network}:{SEED}")
    # The valid events themselves are accepted (so the mutations start from real ones).
    for event in endpoint.events(1):
        response = send(client, endpoint, encode(event))
        assert response.status_code == 200, (network, event, response.status_code)
    cases = [(f"fixed body {i}", body) for i, body in enumerate(FIXED_BODIES)]
    for number in range(CASES):
        seeds = endpoint.events(1000 + number)
        cases.append((f"case {number}", encode(mutate(rng, rng.choice(seeds)))))
    refused = 0
    for name, body in cases:
        before = counts()
        response = send(client, endpoint, body)
        where = f"{network} seed={SEED} {name}: {body[:300]!r}"
        assert response.status_code < 500, where
        if response.status_code >= 400:
            refused += 1
            assert counts() == before, f"stored on {response.status_code}: {where}"
    # The generator does produce malformed input (not only events that still pass).
    assert refused >= len(cases) // 3, (network, refused, len(cases))
