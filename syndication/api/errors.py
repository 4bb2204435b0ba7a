"""What can go wrong when calling a network, in the terms the delivery needs.

Each error carries ``network``, ``payload`` (what we sent, without secrets) and
``response`` (what came back), like django-anymail's ``AnymailAPIError``; ``code`` is
the network's own error code when there is one."""

from __future__ import annotations

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
    """Safe to retry: the network did not act (5xx, refused connection, timeout before
    the request was sent, VK 6/9/10, Telegram 429, OK flood). ``retry_after`` is the
    wait the network asked for, in seconds, when it said."""

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
    """The request may have reached the network (read timeout, connection dropped after
    sending, unreadable answer): it may or may not have acted. Never blindly resend."""
