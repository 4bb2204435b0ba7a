"""The one place where delivery meets the API clients of ``syndication.api``.

Contract (contracts.md): ``get_client(account)`` returns a client with ``publish(post)``,
``edit(ref, post)`` and ``delete(ref)``; ``RemoteRef`` round-trips through
``to_dict()``/``from_dict()``. Unit tests replace ``client_for``.
"""

from __future__ import annotations

import inspect

from syndication.api import RemoteRef, get_client


def client_for(account):
    return get_client(account)


def accepts_idempotency_key(method) -> bool:
    """Whether a client method takes the key that the network de-duplicates on.

    VK's ``wall.post`` has ``guid``: the same guid within an hour returns the post
    that already exists instead of a second one (docs/networks.md, wall.post)."""
    try:
        params = inspect.signature(method).parameters
    except (TypeError, ValueError):
        return False
    return "idempotency_key" in params or any(
        p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()
    )


def ref_to_dict(ref) -> dict:
    if ref is None:
        return {}
    if isinstance(ref, dict):
        return ref
    return ref.to_dict()


def ref_from_dict(client, data: dict):
    """A ``RemoteRef`` of the client's own module, rebuilt from the stored JSON."""
    return getattr(client, "ref_class", RemoteRef).from_dict(data)


def ref_url(ref) -> str:
    return getattr(ref, "url", "") or (
        ref.get("url", "") if isinstance(ref, dict) else ""
    )
