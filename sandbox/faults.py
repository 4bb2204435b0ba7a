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
"""

from __future__ import annotations

import functools
import socket
import threading
import time

from django.http import HttpResponse, StreamingHttpResponse

from .models import SandboxFault

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
        self._until: dict[tuple, tuple[float, str, int]] = {}
        self._lock = threading.Lock()
        self.breaches = 0
        self.breached: dict[str, int] = {}
        self.breach_after_ms: list[int] = []

    def start(self, key: tuple, seconds: int, kind: str) -> None:
        with self._lock:
            self._until[key] = (time.monotonic() + seconds, kind, seconds)

    def refusal(self, key: tuple):
        """``(kind, seconds left)`` when ``key`` is inside a wait (a breach, counted),
        else ``None``."""
        with self._lock:
            until, kind, seconds = self._until.get(key, (0.0, "", 0))
            left = until - time.monotonic()
            if left <= 0:
                self._until.pop(key, None)
                return None
            self.breaches += 1
            name = f"{key[0]}:{key[1]}"
            self.breached[name] = self.breached.get(name, 0) + 1
            # How long after the rate answer the call arrived: a few ms means it was
            # already on its way when the answer went out (another worker's call).
            self.breach_after_ms.append(round((seconds - left) * 1000))
            return kind, left

    def reset(self) -> None:
        with self._lock:
            self._until.clear()
            self.breaches = 0
            self.breached = {}
            self.breach_after_ms = []


blocks = Blocks()


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
            broken = StreamingHttpResponse(
                _Truncated(), content_type="application/json"
            )
            broken["Content-Length"] = "4096"
            return broken
        return response

    return wrapper
