"""A rate limiter per token, shared by every worker process.

``acquire(key, rate, per_seconds)`` waits until one more call keeps every sliding
window within ``rate`` calls, and records the call at the moment it is let through.
(It used to hand out turns reserved ahead and spaced evenly: a worker that woke late
then sent its call right before the next one's, and VK saw 4 calls of a 3/s token
within 0.99 s — issue 11.4.) The window is ``per_seconds`` stretched by
RATE_LIMIT_SAFETY and RATE_LIMIT_JITTER: the time between the moment recorded here and
the call's arrival at the network varies (a commit, a connection), and the network
counts arrivals. Every call made with a token goes through here — publishing,
moderation polling and moderation actions — so they share one budget.

``pause(key, seconds)``: the network asked for a wait (Telegram ``retry_after``, VK
6/9, OK's flood codes, HTTP 429): nothing goes with that token or chat until it is
over, whichever delivery or poll asks (issue 11.2; ``api.base.Client`` calls it).

``hold(key, limit, ttl)``: at most ``limit`` calls with a token on their way at once
(RATE_LIMIT_IN_FLIGHT, one by default). A pause alone left a gap: calls other workers
had already let through went out while the rate answer was on its way back, and
arrived inside the wait (bench_faults counted 2-3 per rate answer). A client holds the
token's slot from before its turn is taken until the answer is read and any wait it
asks for is recorded, so the next call's turn sees the pause. A slot of a killed
worker frees itself after ``ttl``.

Backends: Redis (a Lua script, atomic across processes and hosts) when
RATE_LIMIT_REDIS_URL or a Redis Celery broker is configured; otherwise the database
(one row per key, updated under a row lock / SQLite's write lock), so the demo on
SQLite respects the limits too."""

from __future__ import annotations

import functools
import hashlib
import random
import time

import redis
from django.db import OperationalError, transaction

from syndication import conf
from syndication.api.errors import RateLimited
from syndication.models import RateLimitBucket

PAUSE_PREFIX = "pause:"
SLOT_PREFIX = "slot:"
# How often a call waiting for a token's slot asks again.
SLOT_POLL_SECONDS = 0.02


def token_key(prefix: str, token: str, *parts) -> str:
    """A limiter key that does not reveal the token."""
    digest = hashlib.sha256(token.encode()).hexdigest()[:16]
    return ":".join([prefix, digest, *map(str, parts)])


def window_of(per_seconds: float) -> float:
    """The sliding window enforced for a limit of ``per_seconds``: longer than the
    network's by the safety share and the jitter allowance."""
    safety = float(conf.get("RATE_LIMIT_SAFETY"))
    return per_seconds / safety + float(conf.get("RATE_LIMIT_JITTER"))


def wait_needed(stamps: list[float], now: float, rate: int, window: float) -> float:
    """Seconds until one more call keeps the window ``(now - window, now]`` within
    ``rate``, given the recorded calls ``stamps`` (ascending); 0: it may go now."""
    inside = [s for s in stamps if s > now - window]
    if len(inside) < rate:
        return 0.0
    return inside[len(inside) - rate] + window - now


def in_flight_limit() -> int:
    """Calls with one token allowed on their way at once (0: any number)."""
    return int(conf.get("RATE_LIMIT_IN_FLIGHT") or 0)


def slot_ttl() -> float:
    """Longest a slot is held: the longest wait for a turn plus the HTTP timeouts."""
    timeouts = conf.get("SYNDICATION_HTTP_TIMEOUT")
    if isinstance(timeouts, int | float):
        timeouts = (timeouts, timeouts)
    return float(conf.get("RATE_LIMIT_MAX_WAIT")) + sum(map(float, timeouts)) + 2.0


def _when_unlocked(method):
    """Run a database backend step again while SQLite reports its table locked: an
    in-memory database shared between threads (the tests' live server) raises at
    once instead of waiting, as a file database with a timeout would."""

    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        for attempt in range(100):
            try:
                return method(*args, **kwargs)
            except OperationalError as exc:
                if "locked" not in str(exc) or attempt == 99:
                    raise
                time.sleep(0.02 + random.uniform(0, 0.02))
        raise AssertionError("unreachable")

    return wrapper


class DatabaseBackend:
    @_when_unlocked
    def take(self, key: str, rate: int, window: float) -> float:
        """Record a call now and return 0, or return the wait without recording."""
        with transaction.atomic():
            bucket, _ = RateLimitBucket.objects.select_for_update().get_or_create(
                key=key
            )
            now = time.time()
            paused = RateLimitBucket.objects.filter(key=PAUSE_PREFIX + key).first()
            until = max(paused.stamps or [0.0]) if paused else 0.0
            if until > now:
                return until - now
            stamps = [s for s in bucket.stamps if s > now - window]
            wait = wait_needed(stamps, now, rate, window)
            if wait > 0:
                return wait
            bucket.stamps = [*stamps, now]
            bucket.save(update_fields=["stamps", "updated_at"])
        return 0.0

    @_when_unlocked
    def pause(self, key: str, seconds: float) -> None:
        with transaction.atomic():
            row, _ = RateLimitBucket.objects.select_for_update().get_or_create(
                key=PAUSE_PREFIX + key
            )
            until = time.time() + seconds
            if until > max(row.stamps or [0.0]):
                row.stamps = [until]
                row.save(update_fields=["stamps", "updated_at"])

    @_when_unlocked
    def hold(self, key: str, limit: int, ttl: float) -> tuple[float, object]:
        """``(0, member)`` with a slot taken, or ``(seconds to wait, None)``."""
        with transaction.atomic():
            row, _ = RateLimitBucket.objects.select_for_update().get_or_create(
                key=SLOT_PREFIX + key
            )
            now = time.time()
            held = [s for s in row.stamps or [] if s > now]
            if len(held) >= limit:
                return min(held) - now, None
            member = now + ttl + random.random() / 1e6  # its expiry, told apart
            row.stamps = [*held, member]
            row.save(update_fields=["stamps", "updated_at"])
        return 0.0, member

    @_when_unlocked
    def release(self, key: str, member) -> None:
        with transaction.atomic():
            row = (
                RateLimitBucket.objects.select_for_update()
                .filter(key=SLOT_PREFIX + key)
                .first()
            )
            if row is not None and member in (row.stamps or []):
                row.stamps = [s for s in row.stamps if s != member]
                row.save(update_fields=["stamps", "updated_at"])


# KEYS[1] sorted set of recorded call times, KEYS[2] the pause's end;
# ARGV: rate, window, member. Time comes from the Redis server so every host agrees.
TAKE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local rate, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return tostring(paused - now) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count >= rate then
  local nth = redis.call('ZRANGE', KEYS[1], count - rate, count - rate, 'WITHSCORES')
  return tostring(tonumber(nth[2]) + window - now)
end
redis.call('ZADD', KEYS[1], now, ARGV[3] .. ':' .. tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(window * 1000) + 1000)
return '0'
"""

# KEYS[1] the pause's end; ARGV[1] seconds. A shorter pause never cuts a longer one.
PAUSE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local seconds = tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if now + seconds > current then
  redis.call('SET', KEYS[1], tostring(now + seconds), 'PX', math.ceil(seconds * 1000) + 1000)
end
return 1
"""


# KEYS[1] sorted set of slot holders scored by expiry; ARGV: limit, ttl, member.
HOLD = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local limit, ttl = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local count = redis.call('ZCARD', KEYS[1])
if count >= limit then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return tostring(tonumber(first[2]) - now)
end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[3])
redis.call('PEXPIRE', KEYS[1], math.ceil(ttl * 1000) + 1000)
return '0'
"""


class RedisBackend:
    def __init__(self, url: str, namespace: str = "vestnik"):
        self.namespace = namespace
        self.client = redis.Redis.from_url(url)
        self.take_script = self.client.register_script(TAKE)
        self.pause_script = self.client.register_script(PAUSE)
        self.hold_script = self.client.register_script(HOLD)

    def take(self, key: str, rate: int, window: float) -> float:
        member = f"{time.time_ns()}-{id(self)}-{random.random()}"
        return float(
            self.take_script(
                keys=[
                    f"{self.namespace}:ratelimit:{key}",
                    f"{self.namespace}:ratepause:{key}",
                ],
                args=[rate, window, member],
            )
        )

    def pause(self, key: str, seconds: float) -> None:
        self.pause_script(keys=[f"{self.namespace}:ratepause:{key}"], args=[seconds])

    def hold(self, key: str, limit: int, ttl: float) -> tuple[float, object]:
        member = f"{time.time_ns()}-{id(self)}-{random.random()}"
        wait = float(
            self.hold_script(
                keys=[f"{self.namespace}:rateslot:{key}"], args=[limit, ttl, member]
            )
        )
        return (wait, None) if wait > 0 else (0.0, member)

    def release(self, key: str, member) -> None:
        self.client.zrem(f"{self.namespace}:rateslot:{key}", member)

    def forget(self) -> None:
        """Drop every window and pause of this namespace (tests start from none)."""
        for name in self.client.scan_iter(f"{self.namespace}:rate*"):
            self.client.delete(name)


_backends: dict[tuple[str, str], object] = {}


def backend():
    url = conf.rate_limit_redis_url()
    namespace = str(conf.get("RATE_LIMIT_NAMESPACE"))
    if (url, namespace) not in _backends:
        _backends[url, namespace] = (
            RedisBackend(url, namespace) if url else DatabaseBackend()
        )
    return _backends[url, namespace]


def acquire(
    key: str, rate: int, per_seconds: float, *, max_wait: float | None = None
) -> float:
    """Block until this call may go; returns the seconds waited. Raises RateLimited
    (with ``retry_after``) instead of waiting longer than ``max_wait`` in all."""
    if max_wait is None:
        max_wait = float(conf.get("RATE_LIMIT_MAX_WAIT"))
    window = window_of(float(per_seconds))
    waited = 0.0
    while True:
        wait = backend().take(key, int(rate), window)
        if wait <= 0:
            return waited
        if waited + wait > max_wait:
            raise RateLimited(
                f"rate limit {rate}/{per_seconds}s of {key}: next turn in {wait:.1f} s",
                retry_after=wait,
            )
        # Waiters woken together would all ask at once: a few ms apart instead.
        nap = wait + random.uniform(0, 0.01)
        time.sleep(nap)
        waited += nap


def pause(key: str, seconds: float) -> None:
    """Hold every call with ``key`` for ``seconds`` (the network asked for it)."""
    if seconds and seconds > 0:
        backend().pause(key, float(seconds))


def hold(
    key: str, limit: int, *, ttl: float | None = None, max_wait: float | None = None
):
    """Wait for one of ``limit`` slots of ``key`` and take it; returns what
    ``release`` needs. Raises RateLimited instead of waiting longer than
    ``max_wait``."""
    if max_wait is None:
        max_wait = float(conf.get("RATE_LIMIT_MAX_WAIT"))
    if ttl is None:
        ttl = slot_ttl()
    started = time.monotonic()
    while True:
        wait, member = backend().hold(key, int(limit), float(ttl))
        if member is not None:
            return member
        waited = time.monotonic() - started
        if waited + SLOT_POLL_SECONDS > max_wait:
            raise RateLimited(
                f"{limit} call(s) of {key} on their way for {waited:.1f} s",
                retry_after=max(wait, 1.0),
            )
        # The holder frees it when its answer is read: ask again soon, a little apart.
        time.sleep(SLOT_POLL_SECONDS + random.uniform(0, 0.01))


def release(key: str, member) -> None:
    backend().release(key, member)
