"""HTTP clients of the networks' APIs: ``get_client(account).publish(post)`` etc.

See /tmp/contracts.md "API clients"; errors in ``errors.py``; every call goes through
the shared per-token rate limiter (``syndication.ratelimit``)."""

from __future__ import annotations

from syndication.exceptions import Unsupported

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
    from .facebook import FacebookClient
    from .instagram import InstagramClient
    from .livejournal import LiveJournalClient
    from .max import MaxClient
    from .ok import OKClient
    from .telegram import TelegramClient
    from .telegraph import TelegraphClient
    from .vk import VKClient
    from .wordpress import WordPressClient

    classes = {
        "vk": VKClient,
        "ok": OKClient,
        "telegram": TelegramClient,
        "telegraph": TelegraphClient,
        "wordpress": WordPressClient,
        "max": MaxClient,
        "facebook": FacebookClient,
        "instagram": InstagramClient,
        "livejournal": LiveJournalClient,
    }
    if network not in classes:
        raise Unsupported(f"no API client for {network!r}", network=network)
    return classes[network]


def get_client(account, *, session=None) -> Client:
    return client_class(account.network)(account, session=session)
