"""One module per network that gives statistics, with the same names in each:

``METRICS``       the counters its API gives for a post (a subset of models.METRICS);
``COUNTED``       (optional) counters the network does not give that Vestnik counts
                  itself (Telegram's comments, from the moderation inbox); the
                  screens label them so;
``AUDIENCE``      (optional, default True) whether ``observe_audience`` gives the
                  account's subscribers (a blog's API may have none);
``BATCH``         how many posts one call may ask about;
``observe_posts(client, remote_ids) -> {remote_id: {metric: int}}``
                  a post the network no longer has is left out of the answer;
``observe_audience(client) -> int | None``
                  the account's subscribers.

Calls go through the client's own ``call`` (and so through the shared rate limiter);
``results.collect`` makes those calls polite. What each network cannot give, and the
documentation each method was checked against, is in ``results/NOTES.md``. A network
without a module here gives no statistics through its API."""

from __future__ import annotations

from importlib import import_module
from pkgutil import iter_modules
from types import ModuleType

# Network code -> module, found on disk: a module is named by the registry's code
# (syndication.networks.registry), with a trailing "_" where the code is a builtin's
# name (max_.py), so adding a network's statistics is adding its module.
MODULES = {
    info.name.rstrip("_"): info.name
    for info in iter_modules(__path__)
    if not info.name.startswith("_")
}


def collector(network: str) -> ModuleType | None:
    name = MODULES.get(network)
    return import_module(f"{__name__}.{name}") if name else None


def networks() -> list[str]:
    return list(MODULES)


def given(network: str) -> frozenset[str]:
    """The counters of a post the network's API gives."""
    module = collector(network)
    return frozenset(module.METRICS) if module else frozenset()


def counted(network: str) -> frozenset[str]:
    """The counters of a post Vestnik counts itself for the network."""
    module = collector(network)
    return frozenset(getattr(module, "COUNTED", ())) if module else frozenset()


def post_networks() -> list[str]:
    """Networks whose posts have a counter: given by the API or counted by us."""
    return [code for code in MODULES if given(code) or counted(code)]


def audience_networks() -> list[str]:
    """Networks whose API gives an account's subscribers."""
    return [code for code in MODULES if getattr(collector(code), "AUDIENCE", True)]
