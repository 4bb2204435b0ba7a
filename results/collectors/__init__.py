"""One module per network that gives statistics, with the same names in each:

``METRICS``       the counters its API gives for a post (a subset of models.METRICS);
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


def post_networks() -> list[str]:
    """Networks whose API gives counters of a post (Telegram's gives none)."""
    return [code for code in MODULES if collector(code).METRICS]
