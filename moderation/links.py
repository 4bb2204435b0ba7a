"""Which Vestnik delivery (and page) a network post came from, and which posts are recent.

Everything about ``syndication.models`` is read here, defensively, so a change of the
delivery model's fields breaks one function instead of the inbox."""

from __future__ import annotations

import logging
from datetime import datetime

logger = logging.getLogger(__name__)


def _delivery_model():
    try:
        from syndication.models import Delivery
    except ImportError:  # the delivery app is not there (yet)
        return None
    return Delivery


def _post_ids(remote_ref) -> list[str]:
    ids = (remote_ref or {}).get("ids") or []
    return [str(value) for value in ids]


def _same_post(candidate: str, post_remote_id: str) -> bool:
    """VK ids may be written ``-123_45`` (owner_post) or just ``45``."""
    if candidate == post_remote_id:
        return True
    return candidate.rsplit("_", 1)[-1] == post_remote_id.rsplit("_", 1)[-1]


def find_delivery(account, post_remote_id: str) -> tuple[int | None, int | None]:
    """``(delivery_id, page_id)`` of the publish delivery that created the post."""
    Delivery = _delivery_model()
    if Delivery is None or not post_remote_id:
        return None, None
    try:
        candidates = (
            Delivery.objects.filter(account=account, action="publish")
            .order_by("-pk")
            .values_list("pk", "page_id", "remote_ref")[:500]
        )
        for pk, page_id, remote_ref in candidates:
            if any(_same_post(c, post_remote_id) for c in _post_ids(remote_ref)):
                return pk, page_id
    except Exception:  # a changed schema must not stop ingest
        logger.exception("cannot look up the delivery of post %s", post_remote_id)
    return None, None


def recent_posts(account, since: datetime) -> list[tuple[str, datetime | None]]:
    """``(post_remote_id, sent_at)`` of posts Vestnik published on the account since."""
    Delivery = _delivery_model()
    if Delivery is None:
        return []
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
