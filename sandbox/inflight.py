"""Count the API requests the sandbox is still answering.

A client that gives up (a read timeout against an injected latency) leaves the server
thread working on its request. Tests wait for ``idle()`` before the database is emptied,
so such a late request never lands in the next test's data."""

import functools
import threading
import time

_count = 0
_lock = threading.Lock()


def tracked(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        global _count
        with _lock:
            _count += 1
        try:
            return view(*args, **kwargs)
        finally:
            with _lock:
                _count -= 1

    return wrapper


def in_flight() -> int:
    with _lock:
        return _count


def idle(timeout: float = 15.0) -> bool:
    """Wait until no API request is being answered; False if it took too long."""
    deadline = time.monotonic() + timeout
    while in_flight():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True
