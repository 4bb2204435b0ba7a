"""The registry of networks, by code.

Codes are a contract shared by the accounts CSV, the command line and settings.
Networks are named by dotted path (as Wagtail's frontend-cache backends are) so a
module is imported only when its network is used.
"""

from __future__ import annotations

from functools import cache

from django.utils.module_loading import import_string

from syndication.exceptions import UnknownNetwork

# Every code the product knows; only the ones in NETWORK_CLASSES can render yet.
NETWORK_CODES = (
    "vk",
    "ok",
    "telegram",
    "facebook",
    "instagram",
    "wordpress",
    "livejournal",
    "telegraph",
    "dzen",
    "max",
)

NETWORK_CLASSES = {
    "vk": "syndication.networks.vk.VKNetwork",
    "ok": "syndication.networks.ok.OKNetwork",
    "telegram": "syndication.networks.telegram.TelegramNetwork",
    "max": "syndication.networks.max.MaxNetwork",
    "telegraph": "syndication.networks.telegraph.TelegraphNetwork",
    "instagram": "syndication.networks.instagram.InstagramNetwork",
    "facebook": "syndication.networks.facebook.FacebookNetwork",
    "wordpress": "syndication.networks.wordpress.WordPressNetwork",
    "livejournal": "syndication.networks.livejournal.LiveJournalNetwork",
}


@cache
def get_network(code: str):
    """The network instance for ``code``; raises ``UnknownNetwork``."""
    try:
        path = NETWORK_CLASSES[code]
    except KeyError:
        raise UnknownNetwork(f"No network registered as {code!r}") from None
    return import_string(path)()


def available_networks() -> list:
    return [get_network(code) for code in NETWORK_CLASSES]
