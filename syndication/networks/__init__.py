"""The networks' renders, by code (the codes and what each network can do are in
``registry.py``, the one place they are written down).

A render class is named by dotted path in its spec and imported only when its
network is used, as Wagtail's frontend-cache backends are.
"""

from __future__ import annotations

from functools import cache

from syndication.exceptions import UnknownNetwork

from .registry import all_specs, get_spec


@cache
def get_network(code: str):
    """The render instance for ``code``; raises ``UnknownNetwork`` when the code is
    unknown or the network makes no posts (Dzen reads a feed)."""
    try:
        return get_spec(code).load("render")()
    except LookupError:
        raise UnknownNetwork(f"No network registered as {code!r}") from None


def rendering_codes() -> tuple[str, ...]:
    """The codes of the networks that make posts from pieces, in registry order."""
    return tuple(spec.code for spec in all_specs() if spec.renders)


def available_networks() -> list:
    return [get_network(code) for code in rendering_codes()]
