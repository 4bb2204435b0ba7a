"""pytest fixtures for code that talks to the sandbox over real HTTP.

Import them into a test module (``from tests.sandbox.fixtures import sandbox,
vk_account``) or a conftest. ``sandbox`` serves the sandbox with pytest-django's
``live_server`` and points VK_API_URL, OK_API_URL and TELEGRAM_API_URL at it."""

from __future__ import annotations

import json
import struct
import zlib

import pytest
import requests

from sandbox import inflight
from sandbox.common import windows
from sandbox.demo import create_account
from sandbox.faults import blocks


def tiny_png() -> bytes:
    """A valid 1x1 PNG, so uploads carry a real image."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


class Sandbox:
    def __init__(self, url: str):
        self.url = url

    def fault(
        self, network, kind, *, remaining=1, latency_ms=0, method="", account="",
        percent=None, retry_after=None,
    ):  # fmt: skip
        response = requests.post(
            f"{self.url}/sandbox/faults/api/",
            data=json.dumps(
                {
                    "network": network,
                    "kind": kind,
                    "remaining": remaining,
                    "latency_ms": latency_ms,
                    "method": method,
                    "account": account,
                    "percent": percent,
                    "retry_after": retry_after,
                }  # fmt: skip
            ),
            timeout=5,
        )
        response.raise_for_status()

    def report(self) -> dict:
        """The faults left, the networks' rate answers given and the breaches (calls
        that came inside a wait a rate answer asked for)."""
        response = requests.get(f"{self.url}/sandbox/faults/api/", timeout=5)
        response.raise_for_status()
        return response.json()


@pytest.fixture
def sandbox(live_server, settings, tmp_path):
    settings.VK_API_URL = f"{live_server.url}/sandbox/vk/method/"
    settings.OK_API_URL = f"{live_server.url}/sandbox/ok/fb.do"
    settings.TELEGRAM_API_URL = f"{live_server.url}/sandbox/telegram"
    settings.TELEGRAPH_API_URL = f"{live_server.url}/sandbox/telegraph"
    settings.MAX_API_URL = f"{live_server.url}/sandbox/max/"
    settings.GRAPH_API_URL = f"{live_server.url}/sandbox/facebook/graph/v19.0"
    settings.SYNDICATION_HTTP_TIMEOUT = (2.0, 2.0)
    settings.RATE_LIMIT_REDIS_URL = ""
    settings.CELERY_BROKER_URL = "memory://"
    settings.MEDIA_ROOT = str(tmp_path)
    # Functional tests run at full speed; the limits have tests of their own
    # (accounts made with ``strict_account``).
    for name in ("VK_RATE_USER", "VK_RATE_COMMUNITY", "TELEGRAM_RATE_BOT", "OK_RATE"):
        setattr(settings, name, (1000, 1.0))
    settings.TELEGRAM_RATE_CHAT = (1000, 60.0)
    settings.TELEGRAPH_RATE = (1000, 1.0)
    settings.WORDPRESS_RATE = (1000, 1.0)  # per site and user; see WordPressClient
    settings.MAX_RATE = settings.MAX_RATE_CHAT = (1000, 1.0)
    settings.MAX_ATTACHMENT_RETRY_DELAYS = (0.05, 0.1, 0.2)
    settings.FACEBOOK_RATE = (1000, 1.0)
    settings.INSTAGRAM_API_URL = f"{live_server.url}/sandbox/instagram/graph/v19.0"
    settings.INSTAGRAM_RATE = (1000, 1.0)
    settings.INSTAGRAM_STATUS_POLL = (0.02, 0.1, 5.0)
    settings.LIVEJOURNAL_API_URL = (
        f"{live_server.url}/sandbox/livejournal/interface/xmlrpc"
    )
    settings.LIVEJOURNAL_RATE = (1000, 1.0)
    (tmp_path / "photo.png").write_bytes(tiny_png())
    # The first request of a server process loads the URLconf; make it now so that
    # its delay does not blur the rate windows of the test's own calls.
    requests.get(f"{live_server.url}/sandbox/vk/method/users.get", timeout=30)
    windows.reset()
    # No wait an earlier test's rate answer started (on an account whose id a rolled
    # back test reuses) may count this test's calls as breaches.
    blocks.reset()
    yield Sandbox(live_server.url)
    # A request a client gave up on (read timeout) may still be running on the server:
    # let it finish before the test's data is flushed.
    inflight.idle()
    windows.reset()


PHOTO_URL = "http://testserver/media/photo.png"


USER, COMMUNITY = "user", "community"


def relaxed_account(network, external_id, name, **extra):
    """An account in service (so publishing sends to it by default) whose sandbox
    side does not enforce the networks' rate limits."""
    account = create_account(
        network, external_id, name, enforce_rate_limits=False, **extra
    )
    if account.status == account.Status.PLANNED:
        account.status = account.Status.ACTIVE
        account.save()
    return account


@pytest.fixture
def vk_account(transactional_db):
    return relaxed_account("vk", "424242", "Test VK", token_type=USER)


@pytest.fixture
def vk_community_account(transactional_db):
    return relaxed_account("vk", "434343", "Test VK community", token_type=COMMUNITY)


@pytest.fixture
def ok_account(transactional_db):
    return relaxed_account("ok", "555000111", "Test OK")


@pytest.fixture
def telegram_account(transactional_db):
    return relaxed_account(
        "telegram", "@test_channel", "Test TG", linked_chat_id=-1009990001
    )


@pytest.fixture
def instagram_account(transactional_db):
    # An IG professional account id; the credential carries it as ig_user_id.
    return relaxed_account("instagram", "17841400000000077", "Test Instagram")


@pytest.fixture
def facebook_account(transactional_db):
    return relaxed_account("facebook", "546349135390552", "Test Facebook Page")


@pytest.fixture
def telegraph_account(transactional_db):
    return relaxed_account("telegraph", "vestnik_test", "Test Telegraph")


@pytest.fixture
def livejournal_account(transactional_db):
    # The journal is the user's own; the password lives in the sandbox's ``extra``.
    return relaxed_account("livejournal", "vestnik_test", "Test LiveJournal")


@pytest.fixture
def max_account(transactional_db):
    # A channel's chat id is a negative int64 (docs/networks.md §9.1).
    return relaxed_account("max", "-70000000000042", "Test MAX")


@pytest.fixture
def wordpress_account(transactional_db, live_server):
    # The blog's address is per account (the credential's site_url), so it points at
    # this test's live server; its posts go into the category «Новости».
    blog = "vestnik-test"
    return relaxed_account(
        "wordpress", blog, "Test WordPress",
        extra={"site_url": f"{live_server.url}/sandbox/wordpress/{blog}",
               "categories": "Новости"},
    )  # fmt: skip
