"""Helpers shared by the tests that drive Chromium against the live server."""

from __future__ import annotations

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
        busy = [
            thread
            for thread in threading.enumerate()
            if "process_request_thread" in thread.name and thread.is_alive()
        ]
        if not busy:
            return
        time.sleep(0.05)
