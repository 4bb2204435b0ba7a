"""Events the emulated networks push to the server configured for an account.

VK: a Callback API server (docs/networks.md §1.6) gets ``{"type", "object", "group_id",
"event_id", "v", "secret"}`` and must answer the plain string ``ok``; before the first
event the server must pass the ``confirmation`` handshake (answer the account's
confirmation code). Telegram: the ``setWebhook`` URL gets an ``Update`` with the
``X-Telegram-Bot-Api-Secret-Token`` header and must answer 2xx. OK pushes nothing here
(its comments are polled). MAX: the ``POST /subscriptions`` URL gets one ``Update``
per POST with the ``X-Max-Bot-Api-Secret`` header. Only readers' comments are pushed: the community's own
replies (wall.createComment, Telegram bot messages) are not, so they never reach the
inbox as if a reader had written them.

Delivery runs in a background thread after the commit, so a reader's request is never
held up by the receiving server; a failed delivery is retried a few times with a short
backoff, with the same ``event_id`` / ``update_id`` so the receiver can drop repeats.
The threads touch no database: everything they need is captured before they start.

This is the transport only: each network's emulator (sandbox/networks/) builds its own
events (VK's ``wall_reply_new`` object, Telegram's discussion-group message, MAX's
``comment_created``) and hands them here; nothing here imports an emulator."""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, field

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import MAX, TELEGRAM, VK

logger = logging.getLogger(__name__)

API_VERSION = "5.199"
TIMEOUT = (2.0, 5.0)  # connect, read: seconds


def attempts() -> int:
    return int(getattr(settings, "SANDBOX_CALLBACK_ATTEMPTS", 4))


def backoff() -> float:
    """Seconds before the second attempt; doubled before each further one."""
    return float(getattr(settings, "SANDBOX_CALLBACK_BACKOFF", 0.5))


@dataclass
class Job:
    network: str
    account_pk: int
    url: str
    event: str
    body: dict
    headers: dict = field(default_factory=dict)
    # VK: the confirmation handshake to pass first (group id, expected code).
    confirm: tuple[int, str] | None = None


# The last deliveries, newest first, shown on the account's callback page.
log: deque = deque(maxlen=100)
_confirmed: set[tuple[str, str]] = set()  # (url, code) that passed the handshake
# One worker thread per receiving URL delivers its events in order (so a comment's
# deletion never overtakes its creation, and one handshake is made, not several).
_queues: dict[str, deque] = {}
_workers: dict[str, threading.Thread] = {}
_lock = threading.Lock()


# -- what the networks send --------------------------------------------------------


def vk_event(account, event_type: str, obj: dict) -> None:
    """Queue a Callback API event of ``account`` (a VK SandboxAccount)."""
    if account.network != VK or not account.callback_url:
        return
    gid = int(account.external_id)
    body = {
        "type": event_type,
        "object": obj,
        "group_id": gid,
        "event_id": secrets.token_hex(20),
        "v": API_VERSION,
    }
    if account.callback_secret:  # VK sends the field only when a secret is set
        body["secret"] = account.callback_secret
    _schedule(
        Job(VK, account.pk, account.callback_url, event_type, body,
            confirm=(gid, account.callback_code))
    )  # fmt: skip


def telegram_update(account, update: dict) -> None:
    """Queue an ``Update`` for the webhook set with ``setWebhook``."""
    if account.network != TELEGRAM or not account.callback_url:
        return
    headers = {}
    if account.callback_secret:
        headers["X-Telegram-Bot-Api-Secret-Token"] = account.callback_secret
    kind = next((k for k in update if k != "update_id"), "update")
    _schedule(Job(TELEGRAM, account.pk, account.callback_url, kind, update, headers))


def max_update(account, update_type: str, fields: dict) -> None:
    """Queue a MAX ``Update`` (one per POST, unwrapped, with ``X-Max-Bot-Api-Secret``)
    for the bot's subscription, if it asked for this type (docs/networks.md §9.6)."""
    if account.network != MAX or not account.callback_url:
        return
    wanted = account.extra.get("update_types") or []
    if wanted and update_type not in wanted:
        return
    body = {"update_type": update_type, "timestamp": int(time.time() * 1000), **fields}
    body.setdefault("user_locale", "ru")
    headers = {}
    if account.callback_secret:
        headers["X-Max-Bot-Api-Secret"] = account.callback_secret
    _schedule(Job(MAX, account.pk, account.callback_url, update_type, body, headers))


# -- delivery ------------------------------------------------------------------------


def _schedule(job: Job) -> None:
    transaction.on_commit(lambda: _start(job))


def inline() -> bool:
    """Deliver in the committing thread instead (tests on in-memory SQLite, where
    the live server's threads share one connection and must not overlap)."""
    return bool(getattr(settings, "SANDBOX_CALLBACK_INLINE", False))


def _start(job: Job) -> None:
    if inline():
        _deliver(job)
        return
    with _lock:
        _queues.setdefault(job.url, deque()).append(job)
        if job.url in _workers:
            return
        worker = threading.Thread(target=_work, args=(job.url,), daemon=True)
        _workers[job.url] = worker
    worker.start()


def _work(url: str) -> None:
    while True:
        with _lock:
            queue = _queues.get(url)
            if not queue:
                _queues.pop(url, None)
                _workers.pop(url, None)
                return
            job = queue.popleft()
        try:
            _deliver(job)
        except Exception:  # a broken job must not stop the URL's queue
            logger.exception("sandbox callback to %s failed", url)


def drain(timeout: float = 10.0) -> bool:
    """Wait until every queued delivery has finished (tests, management commands);
    False if some are still running after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        with _lock:
            running = list(_workers.values())
        if not running:
            return True
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        running[0].join(left)


def _record(job: Job, attempt: int, result: str, ok: bool) -> None:
    log.appendleft({
        "at": timezone.now(), "account": job.account_pk, "network": job.network,
        "event": job.event, "url": job.url, "attempt": attempt, "result": result,
        "ok": ok,
    })  # fmt: skip


def _deliver(job: Job) -> None:
    if job.confirm is not None and not _confirm(job):
        return  # VK sends nothing to a server that failed the handshake
    for attempt in range(1, attempts() + 1):
        ok, result = _post(job)
        _record(job, attempt, result, ok)
        if ok:
            return
        if attempt < attempts():
            time.sleep(backoff() * 2 ** (attempt - 1))
    logger.warning("sandbox %s %s to %s: gave up", job.network, job.event, job.url)


def _post(job: Job, body: dict | None = None) -> tuple[bool, str]:
    try:
        response = requests.post(
            job.url, json=job.body if body is None else body, headers=job.headers,
            timeout=TIMEOUT,
        )  # fmt: skip
    except requests.RequestException as exc:
        return False, type(exc).__name__
    text = response.text.strip()[:200]
    if job.network == VK:
        return (
            response.status_code == 200 and text == "ok",
            f"{response.status_code} {text}",
        )
    if job.network == MAX:  # "must answer HTTP 200"; anything else failed (§9.6)
        return response.status_code == 200, str(response.status_code)
    return 200 <= response.status_code < 300, str(response.status_code)


def _confirm(job: Job) -> bool:
    """VK's ``confirmation`` request; remembered per (url, code) once passed."""
    group_id, code = job.confirm
    key = (job.url, code)
    if key in _confirmed:
        return True
    try:
        response = requests.post(
            job.url, json={"type": "confirmation", "group_id": group_id},
            timeout=TIMEOUT,
        )  # fmt: skip
        answer = response.text.strip()
    except requests.RequestException as exc:
        answer = type(exc).__name__
    passed = bool(code) and answer == code
    _record(job, 0, f"confirmation: {answer[:60]}", passed)
    if passed:
        _confirmed.add(key)
    return passed


def confirm_now(account) -> bool:
    """Run the handshake for ``account`` at once (the settings page's check)."""
    job = Job(VK, account.pk, account.callback_url, "confirmation", {},
              confirm=(int(account.external_id), account.callback_code))  # fmt: skip
    _confirmed.discard((job.url, account.callback_code))
    return _confirm(job)
