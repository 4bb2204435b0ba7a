"""Which Vestnik delivery (and page) a network post came from, and which posts are recent.

Everything about ``syndication.models`` is read here, defensively, so a change of the
delivery model's fields breaks one function instead of the inbox."""

from __future__ import annotations

import logging
import time
from datetime import datetime

from django.db import connection

from syndication.models import Delivery

logger = logging.getLogger(__name__)


def _post_ids(remote_ref) -> list[str]:
    ids = (remote_ref or {}).get("ids") or []
    return [str(value) for value in ids]


def _same_post(candidate: str, post_remote_id: str) -> bool:
    """VK ids may be written ``-123_45`` (owner_post) or just ``45``."""
    if candidate == post_remote_id:
        return True
    return candidate.rsplit("_", 1)[-1] == post_remote_id.rsplit("_", 1)[-1]


# (account id, post id) -> (delivery id, page id, looked up at): comments come in bursts
# under the same post, and a webhook must not scan deliveries for each one.
_cache: dict[tuple[int, str], tuple[int | None, int | None, float]] = {}
CACHE_SECONDS = 60.0
CACHE_SIZE = 5000


def find_delivery(account, post_remote_id: str) -> tuple[int | None, int | None]:
    """``(delivery_id, page_id)`` of the publish delivery that created the post."""
    if not post_remote_id:
        return None, None
    key = (account.pk, str(post_remote_id))
    hit = _cache.get(key)
    now = time.monotonic()
    if hit is not None and now - hit[2] < CACHE_SECONDS:
        return hit[0], hit[1]
    found = _lookup(account, str(post_remote_id))
    if len(_cache) >= CACHE_SIZE:
        _cache.clear()
    _cache[key] = (*found, now)
    return found


def _lookup(account, post_remote_id: str) -> tuple[int | None, int | None]:
    try:
        qs = Delivery.objects.filter(account=account, action="publish")
        if connection.vendor == "postgresql":  # jsonb @> uses no Python loop
            exact = qs.filter(remote_ref__contains={"ids": [post_remote_id]})
            row = exact.order_by("-pk").values_list("pk", "page_id").first()
            if row is not None:
                return row
        candidates = qs.order_by("-pk").values_list("pk", "page_id", "remote_ref")[:200]
        for pk, page_id, remote_ref in candidates:
            if any(_same_post(c, post_remote_id) for c in _post_ids(remote_ref)):
                return pk, page_id
    except Exception:  # a changed schema must not stop ingest
        logger.exception("cannot look up the delivery of post %s", post_remote_id)
    return None, None


def recent_posts(account, since: datetime) -> list[tuple[str, datetime | None]]:
    """``(post_remote_id, sent_at)`` of posts Vestnik published on the account since."""
    try:
        rows = Delivery.objects.filter(
            account=account, action="publish", status="sent", sent_at__gte=since
        ).values_list("remote_ref", "sent_at")
        posts = []
        for remote_ref, sent_at in rows:
            ids = _post_ids(remote_ref)
            if ids:
                posts.append((ids[0], sent_at))
        return posts
    except Exception:
        logger.exception("cannot list recent posts of account %s", account.pk)
        return []
