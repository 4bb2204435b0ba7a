"""Helpers shared by the tests that drive Chromium against the live server."""

from __future__ import annotations

import sys
import threading
import time


def wait_for_live_server_requests(timeout: float = 15.0) -> None:
    """Let the live server finish the requests the closed page left in flight.

    With SQLite in memory, pytest-django's live server shares the test thread's
    connection. A request still running (a poll, a fetch the test did not wait for)
    when the test's database is flushed makes the flush fail, and the next test on
    that worker then finds the previous test's pages. Each request runs in a
    thread of socketserver's ThreadingMixIn, named after process_request_thread.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        frames = sys._current_frames()
        busy = [
            thread
            for thread in threading.enumerate()
            if "process_request_thread" in thread.name
            and thread.is_alive()
            and not _waiting_for_next_request(frames.get(thread.ident))
        ]
        if not busy:
            return
        time.sleep(0.05)


def _waiting_for_next_request(frame) -> bool:
    """True for a keep-alive connection's thread that has answered and is reading the
    next request line (a client such as a requests session keeps the connection
    open): it touches no database until a request comes, so waiting for it would only
    wait for the timeout."""
    stack = []
    while frame is not None:
        stack.append(frame.f_code.co_name)
        frame = frame.f_back
    stack.reverse()  # outermost first
    if "handle_one_request" not in stack:
        return False
    after = stack[stack.index("handle_one_request") + 1 :]
    return bool(after) and after[0] in {"readline", "readinto"}
