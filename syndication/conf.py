"""Settings of the syndication API layer, read in one place.

Each value: ``settings.NAME`` if set, else the environment variable ``NAME``, else
the default. Read lazily (functions), so ``override_settings`` in tests works."""

from __future__ import annotations

from django.conf import settings

from cms.env import setting
from syndication.networks.registry import get_spec

DEFAULTS = {
    "VK_API_URL": "https://api.vk.ru/method/",
    "VK_API_VERSION": "5.199",
    "OK_API_URL": "https://api.ok.ru/fb.do",
    "TELEGRAM_API_URL": "https://api.telegram.org",
    "TELEGRAPH_API_URL": "https://api.telegra.ph",
    # LiveJournal XML-RPC (docs/networks.md §6.C.1); an account's credential site_url wins.
    "LIVEJOURNAL_API_URL": "https://www.livejournal.com/interface/xmlrpc",
    # Instagram only: "" uses GRAPH_API_URL (Facebook Login tokens); set it to
    # https://graph.instagram.com/v19.0 for Instagram Login tokens (§5.1), or to the
    # sandbox. See syndication/api/NOTES.md "Instagram".
    "INSTAGRAM_API_URL": "",
    # MAX Bot API, the current host (docs/networks.md §9.1); its certificate chains to
    # the Минцифры root: MAX_CA_BUNDLE is a PEM bundle path ("" = requests default).
    "MAX_API_URL": "https://platform-api2.max.ru",
    "MAX_CA_BUNDLE": "",
    # Meta Graph API with its version (docs/networks.md §4.1; the OAuth connect uses v19.0).
    "GRAPH_API_URL": "https://graph.facebook.com/v19.0",
    # (connect, read) seconds for every API call.
    "SYNDICATION_HTTP_TIMEOUT": (5.0, 30.0),
    "SYNDICATION_USER_AGENT": "Vestnik/0.1 (+syndication)",
    # Share of a published rate limit the clients actually use, and seconds added to
    # every window: margins for the jitter between the moment the limiter lets a call
    # through and its arrival at the network (syndication/ratelimit.py).
    "RATE_LIMIT_SAFETY": 0.93,
    "RATE_LIMIT_JITTER": 0.1,
    # Longest a call waits for its turn before giving up (RateLimited is raised).
    "RATE_LIMIT_MAX_WAIT": 30.0,
    "RATE_LIMIT_REDIS_URL": "",
    # Calls with one token on their way at once (0: no limit). One: when a network
    # answers with a wait, no other call with the token has left already, and the
    # next one sees the pause before it goes (syndication/ratelimit.py, issue 11).
    "RATE_LIMIT_IN_FLIGHT": 1,
    # Prefix of the limiter's Redis keys: installations (or parallel test workers)
    # sharing one Redis keep their limits and pauses apart.
    "RATE_LIMIT_NAMESPACE": "vestnik",
    # Per-token limits: (calls, seconds). docs/networks.md §1.7, §3.7; OK publishes none.
    "VK_RATE_USER": (3, 1.0),
    "VK_RATE_COMMUNITY": (20, 1.0),
    "TELEGRAM_RATE_BOT": (30, 1.0),
    "TELEGRAM_RATE_CHAT": (20, 60.0),
    "OK_RATE": (10, 1.0),
    # Telegraph publishes no limit (it answers FLOOD_WAIT_n): a modest UNVERIFIED pace.
    "TELEGRAPH_RATE": (5, 1.0),
    # WordPress core has no rate limit (the host's WAF may, §6.A.7): a modest pace
    # per site and user, our choice, to spare small blog hosts.
    "WORDPRESS_RATE": (5, 1.0),
    # LiveJournal publishes no API limit (it answers 405/406 faults): UNVERIFIED pace;
    # each authenticated operation is two calls (getchallenge + the call).
    "LIVEJOURNAL_RATE": (4, 1.0),
    # Instagram: BUC limits scale with impressions (§5.7); "200 calls/hour per user"
    # is third-party and UNVERIFIED - used as a safe pace.
    "INSTAGRAM_RATE": (200, 3600.0),
    # Waiting for a media container (§5.3): first wait, longest wait, total (seconds).
    "INSTAGRAM_STATUS_POLL": (2.0, 30.0, 300.0),
    # DELETE /{ig-media-id} is UNVERIFIED (§5.3): off until confirmed on Meta's docs.
    "INSTAGRAM_MEDIA_DELETE": "",
    # MAX: 30 rps per bot; 2 sends/edits/deletes per second per chat (§9.7).
    "MAX_RATE": (30, 1.0),
    "MAX_RATE_CHAT": (2, 1.0),
    # Pauses before resending a message whose upload is not processed yet (§9.3).
    "MAX_ATTACHMENT_RETRY_DELAYS": (1.0, 2.0, 4.0),
    # Facebook Pages use Business Use Case limits with no fixed figure (§4.7): UNVERIFIED pace.
    "FACEBOOK_RATE": (5, 1.0),
}


def get(name: str):
    return setting(name, DEFAULTS[name])


def api_url(network: str) -> str:
    """The API base URL of ``network``: the first non-empty of its spec's settings."""
    for name in get_spec(network).api_url_settings:
        value = get(name)
        if value:
            return value
    return ""


def rate_limit_redis_url() -> str:
    """RATE_LIMIT_REDIS_URL, else the Celery broker when it is Redis, else ""."""
    url = get("RATE_LIMIT_REDIS_URL")
    if url:
        return url
    broker = getattr(settings, "CELERY_BROKER_URL", "") or ""
    return broker if broker.startswith(("redis://", "rediss://")) else ""


def sandbox_web_url(network: str) -> str:
    """Where readers see posts when the API URL points at the sandbox, else ""."""
    base = api_url(network)
    marker = f"/sandbox/{network}/"
    if marker in base:
        return base.split(marker, 1)[0] + marker
    if base.rstrip("/").endswith(marker.rstrip("/")):  # a bot API's base has no path
        return base.rstrip("/") + "/"
    return ""
