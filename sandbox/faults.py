"""Faults that real networks produce after they acted, and the waits they impose.

``take_fault`` (common.py) decides which fault a call gets. Most are answered by the
network's own view before it does anything; this module adds what a view cannot do
alone, applied by ``answering`` around every API view:

* the «after» faults: the call is carried out, then its answer is lost — a proxy's
  502 with an empty body, the connection dropped without an answer, an answer later
  than the client's read timeout. The client cannot know whether the network acted.
* HTTP 429 with ``Retry-After``, answered instead of the call.
* blocks: after a rate answer that asked for a wait (a fault with ``retry_after``),
  the account's token is refused for that long, and every call that arrives inside
  the wait is counted as a breach — what a real network punishes by longer bans.
  Counted honestly: a call that arrived before the rate answer went out was already
  on its way (the client could not have known) and is counted apart, as
  ``overlapping``, refused all the same; a breach arrived after the answer left.
"""

from __future__ import annotations

import functools
import socket
import threading
import time

from django.http import HttpResponse, StreamingHttpResponse

from .models import SandboxFault
from .serve import arrival

_local = threading.local()


class Injected(Exception):
    """An answer the sandbox gives instead of carrying the call out."""

    def __init__(self, response):
        super().__init__("injected answer")
        self.response = response


def too_many_requests(seconds: int) -> HttpResponse:
    response = HttpResponse(
        "Too Many Requests", status=429, content_type="text/plain; charset=utf-8"
    )
    response["Retry-After"] = str(int(seconds))
    return response


class Blocks:
    """Accounts refused until a time, and the calls that came in anyway."""

    def __init__(self):
        # key -> (wait ends, kind, the moment the rate answer went out or None)
        self._until: dict[tuple, tuple[float, str, float | None]] = {}
        self._lock = threading.Lock()
        self.breaches = 0
        self.breached: dict[str, int] = {}
        self.breach_after_ms: list[int] = []
        self.overlapping = 0

    def start(self, key: tuple, seconds: int, kind: str) -> None:
        with self._lock:
            self._until[key] = (time.monotonic() + seconds, kind, None)

    def answered(self, key: tuple) -> None:
        """The rate answer that started ``key``'s wait is leaving now."""
        with self._lock:
            if key in self._until and self._until[key][2] is None:
                until, kind, _ = self._until[key]
                self._until[key] = (until, kind, time.monotonic())

    def refusal(self, key: tuple, arrived: float | None = None):
        """``(kind, seconds left)`` when ``key`` is inside a wait, else ``None``. A
        call that ``arrived`` (``time.monotonic()``) after the rate answer went out
        is a breach, counted; one that was on its way before is ``overlapping``."""
        with self._lock:
            until, kind, answered_at = self._until.get(key, (0.0, "", None))
            now = time.monotonic()
            left = until - now
            if left <= 0:
                self._until.pop(key, None)
                return None
            arrived = now if arrived is None else arrived
            if answered_at is None or arrived < answered_at:
                self.overlapping += 1
                return kind, left
            self.breaches += 1
            name = f"{key[0]}:{key[1]}"
            self.breached[name] = self.breached.get(name, 0) + 1
            # How long after the rate answer went out the call arrived.
            self.breach_after_ms.append(round((arrived - answered_at) * 1000))
            return kind, left

    def reset(self) -> None:
        with self._lock:
            self._until.clear()
            self.breaches = 0
            self.breached = {}
            self.breach_after_ms = []
            self.overlapping = 0


blocks = Blocks()


def arrived() -> float | None:
    """When the call being served arrived (set by ``answering``)."""
    return getattr(_local, "arrived", None)


def started_wait(key: tuple) -> None:
    """This call's answer starts ``key``'s wait: ``answering`` notes when it leaves."""
    _local.started = key


def arm_after(kind: str, latency_ms: int) -> None:
    """Lose the answer of the call being served (read by ``answering``)."""
    _local.after = (kind, latency_ms)


def announce_wait(seconds: int | None) -> None:
    _local.wait = seconds


def announced_wait(default: int) -> int:
    """The wait a network's own rate answer states: the fault's, else its usual."""
    return getattr(_local, "wait", None) or default


def _drop_connection(request) -> bool:
    """Close the client's connection without an answer (the development server and
    the test live server: the socket behind ``wsgi.input``)."""
    stream = request.environ.get("wsgi.input")
    reader = getattr(getattr(stream, "_read", None), "__self__", None)
    sock = getattr(getattr(reader, "raw", None), "_sock", None)
    if not isinstance(sock, socket.socket):
        return False
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        return False
    return True


class _Truncated:
    """A body shorter than its Content-Length: the connection breaks mid-answer
    (where the socket cannot be reached)."""

    def __iter__(self):
        yield b"{"
        raise ConnectionAbortedError("sandbox: connection dropped after the call")


def answering(view):
    """Apply the faults ``take_fault`` armed for this call around an API view."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        _local.after = None
        _local.wait = None
        _local.started = None
        _local.arrived = arrival(request)
        try:
            response = _answer(view, request, *args, **kwargs)
        finally:
            if _local.started is not None:  # a rate answer: it leaves now
                blocks.answered(_local.started)
                _local.started = None
        return response

    return wrapper


def _answer(view, request, *args, **kwargs):
    """The view's answer with the armed «after» fault applied."""
    try:
        response = view(request, *args, **kwargs)
    except Injected as injected:
        return injected.response
    after = getattr(_local, "after", None)
    _local.after = None
    if after is None:
        return response
    kind, latency_ms = after
    if kind == SandboxFault.HTTP_502_AFTER:
        return HttpResponse(b"", status=502)
    if kind == SandboxFault.LATE_AFTER:
        time.sleep(latency_ms / 1000)
        return response
    if not _drop_connection(request):  # RESET_AFTER
        broken = StreamingHttpResponse(_Truncated(), content_type="application/json")
        broken["Content-Length"] = "4096"
        return broken
    return response
