"""The one place HTTP happens: a configured ``requests`` session and the mapping of
transport failures to API errors."""

from __future__ import annotations

import requests
from requests.adapters import HTTPAdapter

from cms.log_filters import redact
from syndication import conf

from .errors import OutcomeUnknown, TransientError


def make_session() -> requests.Session:
    """A session with our User-Agent and connection pooling; no automatic retries —
    retrying is the delivery's decision, made with what the error says."""
    session = requests.Session()
    session.headers["User-Agent"] = conf.get("SYNDICATION_USER_AGENT")
    adapter = HTTPAdapter(pool_connections=4, pool_maxsize=16, max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def timeout() -> tuple[float, float]:
    value = conf.get("SYNDICATION_HTTP_TIMEOUT")
    if isinstance(value, int | float):
        return (float(value), float(value))
    return tuple(value)


def _sent(exc: requests.RequestException) -> bool:
    """Could the request have reached the server? Only failures to connect are
    certain not to have."""
    if isinstance(exc, requests.ConnectTimeout):
        return False
    if isinstance(exc, requests.ConnectionError):
        text = repr(exc)
        return not any(
            marker in text
            for marker in (
                "NewConnectionError",
                "Connection refused",
                "NameResolutionError",
                "Failed to resolve",
            )
        )
    return True


def send(
    session,
    method: str,
    url: str,
    *,
    network: str,
    payload=None,
    idempotent=False,
    **kwargs,
):
    """``session.request`` with our timeout; transport failures become
    ``TransientError`` (nothing was sent, or the call is idempotent) or
    ``OutcomeUnknown`` (it may have been acted on)."""
    kwargs.setdefault("timeout", timeout())
    try:
        return session.request(method, url, **kwargs)
    except requests.RequestException as exc:
        context = {"network": network, "payload": payload}
        # requests quotes the URL, and some APIs carry the token there (Telegram's
        # path, a Graph GET): the message reaches the delivery log and the inbox.
        message = redact(f"{type(exc).__name__}: {exc}")
        if idempotent or not _sent(exc):
            raise TransientError(message, **context) from exc
        raise OutcomeUnknown(message, **context) from exc
