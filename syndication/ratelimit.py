"""A rate limiter per token, shared by every worker process.

``acquire(key, rate, per_seconds)`` reserves the caller's turn and sleeps until it
comes. Turns are handed out so that no window of ``per_seconds`` (stretched by
RATE_LIMIT_SAFETY to absorb network jitter) holds more than ``rate`` calls; per-second
limits are also spaced evenly (VK counts per second, so a burst of 20 at the end of
one second and 20 at the start of the next would trip it). Reservations are first come
first served, so a backlog drains at the allowed rate without retries.

Backends: Redis (a Lua script, atomic across processes and hosts) when
RATE_LIMIT_REDIS_URL or a Redis Celery broker is configured; otherwise the database
(one row per key, updated under a row lock / SQLite's write lock), so the demo on
SQLite respects the limits too."""

from __future__ import annotations

import hashlib
import time

from django.db import transaction

from syndication import conf
from syndication.api.errors import RateLimited
from syndication.models import RateLimitBucket


def token_key(prefix: str, token: str, *parts) -> str:
    """A limiter key that does not reveal the token."""
    digest = hashlib.sha256(token.encode()).hexdigest()[:16]
    return ":".join([prefix, digest, *map(str, parts)])


def plan(
    stamps: list[float], now: float, rate: int, window: float, spacing: float
) -> float:
    """The earliest time >= now at which one more call keeps every window within the
    rate, given earlier reservations ``stamps`` (ascending)."""
    slot = now
    if stamps:
        slot = max(slot, stamps[-1] + spacing)
    if len(stamps) >= rate:
        slot = max(slot, stamps[-rate] + window)
    return slot


def _shape(rate: int, per_seconds: float) -> tuple[float, float]:
    safety = float(conf.get("RATE_LIMIT_SAFETY"))
    window = per_seconds / safety
    spacing = window / rate if per_seconds <= 1 else 0.0
    return window, spacing


class DatabaseBackend:
    def reserve(
        self, key: str, rate: int, window: float, spacing: float, max_wait: float
    ):
        with transaction.atomic():
            bucket, _ = RateLimitBucket.objects.select_for_update().get_or_create(
                key=key
            )
            now = time.time()
            stamps = [s for s in bucket.stamps if s > now - window]
            slot = plan(stamps, now, rate, window, spacing)
            if slot - now > max_wait:
                return None, slot - now
            stamps.append(slot)
            bucket.stamps = stamps
            bucket.save(update_fields=["stamps", "updated_at"])
        # Relative to the clock after the commit: the time the commit took is not
        # added to this caller's turn (that would bunch calls together).
        return slot - time.time(), 0.0


# KEYS[1] sorted set of reserved times; ARGV: rate, window, spacing, max_wait, member.
# Time comes from the Redis server so that every host agrees.
LUA = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local rate, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local spacing, max_wait = tonumber(ARGV[3]), tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local slot = now
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] then slot = math.max(slot, tonumber(last[2]) + spacing) end
if redis.call('ZCARD', KEYS[1]) >= rate then
  local nth = redis.call('ZRANGE', KEYS[1], -rate, -rate, 'WITHSCORES')
  slot = math.max(slot, tonumber(nth[2]) + window)
end
if slot - now > max_wait then return {0, tostring(slot - now)} end
redis.call('ZADD', KEYS[1], slot, ARGV[5] .. ':' .. tostring(slot))
redis.call('PEXPIRE', KEYS[1], math.ceil((slot - now + window) * 1000) + 1000)
return {1, tostring(slot - now)}
"""


class RedisBackend:
    def __init__(self, url: str):
        import redis

        self.client = redis.Redis.from_url(url)
        self.script = self.client.register_script(LUA)

    def reserve(
        self, key: str, rate: int, window: float, spacing: float, max_wait: float
    ):
        member = f"{time.time_ns()}-{id(self)}"
        ok, delay = self.script(
            keys=[f"vestnik:ratelimit:{key}"],
            args=[rate, window, spacing, max_wait, member],
        )
        delay = float(delay)
        return (delay, 0.0) if int(ok) else (None, delay)


_backends: dict[str, object] = {}


def backend():
    url = conf.rate_limit_redis_url()
    if url not in _backends:
        _backends[url] = RedisBackend(url) if url else DatabaseBackend()
    return _backends[url]


def acquire(
    key: str, rate: int, per_seconds: float, *, max_wait: float | None = None
) -> float:
    """Block until this call may go; returns the seconds waited. Raises RateLimited
    (with ``retry_after``) instead of waiting longer than ``max_wait``."""
    if max_wait is None:
        max_wait = float(conf.get("RATE_LIMIT_MAX_WAIT"))
    window, spacing = _shape(int(rate), float(per_seconds))
    delay, needed = backend().reserve(key, int(rate), window, spacing, max_wait)
    if delay is None:
        raise RateLimited(
            f"rate limit {rate}/{per_seconds}s of {key}: next turn in {needed:.1f} s",
            retry_after=needed,
        )
    if delay > 0:
        time.sleep(delay)
    return delay
