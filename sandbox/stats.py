"""Counters of the emulated posts and communities that grow plausibly with time.

Nothing is stored: each figure is a function of the post's age and a seed from its
identity, so every read of the same post at the same moment agrees (wall.getById and
stats.getPostReach, a wall page and a test), the figures never go down, and a demo
shows a chart that rises within minutes. The shape: a quick first wave (subscribers
who see the post in their feed in the first minutes), a slower one over the first
day, then a thin tail of late readers. Comments are the readers' real comments."""

from __future__ import annotations

import hashlib
import math
from datetime import UTC, datetime

DEFAULT_AUDIENCE = (800, 6000)  # subscribers of a community without a figure set


def _unit(*parts) -> float:
    """A stable number in [0, 1) for the given identity."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(UTC)


def audience(account, now: datetime | None = None) -> int:
    """Subscribers: the figure set for the account (``extra["subscribers"]``) or one
    drawn from its identity, plus about one new subscriber per hour since it was
    created in the sandbox."""
    base = account.extra.get("subscribers") if account.extra else None
    if not isinstance(base, int):
        low, high = DEFAULT_AUDIENCE
        base = low + int(_unit(account.network, account.external_id) * (high - low))
    if account.created_at is None:
        return base
    hours = max(0.0, (_now(now) - account.created_at).total_seconds() / 3600)
    rate = 0.5 + _unit("growth", account.network, account.external_id)
    return base + int(hours * rate)


def post_counters(post, now: datetime | None = None) -> dict[str, int]:
    """Views, reach (unique viewers, VK ``reach_total``), reach among subscribers,
    likes, reposts and comments of ``post`` at ``now``."""
    account = post.account
    seed = (account.network, account.external_id, post.remote_id)
    appeal = 0.4 + 1.2 * _unit("appeal", *seed)  # how interesting this piece is
    subscribers = audience(account, post.created_at)
    minutes = max(0.0, (_now(now) - post.created_at).total_seconds() / 60)
    share = (
        0.12 * (1 - math.exp(-minutes / 15))  # the first wave, in minutes
        + 0.33 * (1 - math.exp(-minutes / (8 * 60)))  # the first day
        + 0.05 * math.log1p(minutes / (24 * 60))  # late readers, slower every day
    )
    views = int(subscribers * appeal * share)
    reach = int(views * 0.82)
    reach_subscribers = int(reach * (0.6 + 0.2 * _unit("subs", *seed)))
    likes = int(views * (0.02 + 0.03 * _unit("likes", *seed)))
    reposts = int(views * (0.002 + 0.006 * _unit("reposts", *seed)))
    comments = post.comments.filter(deleted=False).count() if post.pk else 0
    return {
        "views": views,
        "reach": reach,
        "reach_subscribers": reach_subscribers,
        "likes": likes,
        "reposts": reposts,
        "comments": comments,
    }


def page_views(page, until: datetime | None = None, since: datetime | None = None):
    """Views of a Telegraph page: the visits the sandbox served (``page.views``) plus
    readers coming from the post that links it, a curve like a post's with an
    audience drawn from the page's path. With ``since``, only the views after it."""

    def curve(at: datetime | None) -> int:
        if at is None:
            return 0
        seed = ("telegraph", page.path)
        readers = 300 + int(_unit("readers", *seed) * 2700)
        minutes = max(0.0, (at - page.created_at).total_seconds() / 60)
        share = (
            0.10 * (1 - math.exp(-minutes / 20))
            + 0.30 * (1 - math.exp(-minutes / (10 * 60)))
            + 0.04 * math.log1p(minutes / (24 * 60))
        )
        return int(readers * share)

    end = _now(until)
    total = curve(end) - curve(since)
    return max(0, total) + (page.views if since is None else 0)
