"""What can go wrong when calling a network, in the terms the delivery needs.

Each error carries ``network``, ``payload`` (what we sent, without secrets) and
``response`` (what came back), like django-anymail's ``AnymailAPIError``; ``code`` is
the network's own error code when there is one."""

from __future__ import annotations

from email.utils import parsedate_to_datetime
from time import time

from django.utils.translation import gettext_lazy as _

from syndication.exceptions import SyndicationError, Unsupported

__all__ = [
    "APIError",
    "AuthError",
    "OutcomeUnknown",
    "PermanentError",
    "RateLimited",
    "TransientError",
    "Unsupported",
]


class APIError(SyndicationError):
    def __init__(self, message="", *, code=None, **kwargs):
        super().__init__(message, **kwargs)
        self.code = code


class TransientError(APIError):
    """Safe to retry: the network did not act (a refused connection, a timeout before
    the request was sent, a rate answer: VK 6/9, Telegram 429, OK flood, HTTP 429), or
    the call is idempotent (a read, an edit, a delete, a create the network
    de-duplicates). ``retry_after`` is the wait the network asked for, in seconds,
    when it said."""

    def __init__(self, message="", *, retry_after: float | None = None, **kwargs):
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class RateLimited(TransientError):
    """Too many calls: ours (the shared limiter waited too long) or the network's."""


class AuthError(APIError):
    """The token is expired, revoked or lacks rights: a person must reconnect the
    account. Retrying will not help."""

    user_message = _("Reconnect the account: its access token no longer works.")


class PermanentError(APIError):
    """The network rejected the request (content or parameters); retrying the same
    request gives the same answer."""


class OutcomeUnknown(APIError):
    """The request may have reached the network (a 5xx, a read timeout, a connection
    dropped after sending, an unreadable answer): it may or may not have acted. Never
    blindly resend a create: a proxy's 502 often comes after the network made the post
    (issue 11: 8 copies of one piece at a 100 % fault rate)."""


def answer_of(response, limit: int = 300) -> str:
    """What came back, for the log: the status and the start of the body («HTTP 502,
    empty body»), so an error without a description is never an empty line."""
    text = " ".join((response.text or "").split())[:limit]
    status = f"HTTP {response.status_code}"
    return f"{status}: {text}" if text else f"{status}, empty body"


def server_error(message: str, *, idempotent: bool, **context) -> APIError:
    """The error of a server-side failure (5xx, an internal-error code). It does not
    prove that the network did not act: only an idempotent call may be repeated."""
    if idempotent:
        return TransientError(message, **context)
    return OutcomeUnknown(message, **context)


def retry_after_header(response, default: float) -> float:
    """The server's ``Retry-After`` in seconds (delta-seconds or an HTTP date)."""
    value = (response.headers.get("Retry-After") or "").strip()
    if not value:
        return default
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        return max(parsedate_to_datetime(value).timestamp() - time(), 0.0)
    except (TypeError, ValueError):
        return default
