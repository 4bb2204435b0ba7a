"""HTTP clients of the networks' APIs: ``get_client(account).publish(post)`` etc.

See /tmp/contracts.md "API clients"; errors in ``errors.py``; every call goes through
the shared per-token rate limiter (``syndication.ratelimit``)."""

from __future__ import annotations

from syndication.exceptions import Unsupported

# The registry of networks is the bottom layer (it imports nothing of the project);
# the renders in syndication.networks are never imported here.
from syndication.networks.registry import get_spec

from .base import Client, RemoteComment, RemoteRef
from .errors import (
    AuthError,
    OutcomeUnknown,
    PermanentError,
    RateLimited,
    TransientError,
)

__all__ = [
    "AuthError",
    "Client",
    "OutcomeUnknown",
    "PermanentError",
    "RateLimited",
    "RemoteComment",
    "RemoteRef",
    "TransientError",
    "Unsupported",
    "get_client",
]


def client_class(network: str) -> type[Client]:
    """The client class of ``network``'s spec; ``Unsupported`` when it has no API
    (Dzen reads a feed) or the code is unknown."""
    try:
        return get_spec(network).load("client")
    except LookupError:
        raise Unsupported(f"no API client for {network!r}", network=network) from None


def get_client(account, *, session=None) -> Client:
    return client_class(account.network)(account, session=session)
