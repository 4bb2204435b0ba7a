"""Helpers shared by the tests that drive Chromium against the live server."""

from __future__ import annotations

import socket
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


def close_idle_live_server_connections(timeout: float = 5.0) -> None:
    """Close the live server's idle keep-alive connections and let their threads end.

    Called after the last test of a worker, before the session's fixtures go. A client
    that keeps its connection open (a requests session, the browser) leaves a request
    thread reading the next request line. Were it left, it would wake when the client
    goes, after the live server had stopped sharing the in-memory SQLite connection
    with its threads, and print «DatabaseWrapper objects created in a thread can only
    be used in that same thread» at the end of the SQLite pass. Shutting the socket
    from the server's side ends the thread while the connection is still shared."""
    frames = sys._current_frames()
    ending = []
    for thread in threading.enumerate():
        if "process_request_thread" not in thread.name or not thread.is_alive():
            continue
        frame = frames.get(thread.ident)
        if not _waiting_for_next_request(frame):
            continue
        request = _request_socket(frame)
        if request is None:
            continue
        try:
            request.shutdown(socket.SHUT_RDWR)
        except OSError:
            continue  # already closed by the client
        ending.append(thread)
    for thread in ending:
        thread.join(timeout)


def _request_socket(frame):
    """The client socket a request thread serves: socketserver's
    process_request_thread(request, client_address) holds it."""
    while frame is not None:
        if frame.f_code.co_name == "process_request_thread":
            request = frame.f_locals.get("request")
            if isinstance(request, socket.socket):
                return request
        frame = frame.f_back
    return None
