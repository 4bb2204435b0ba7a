"""A comment or message as a network delivered it, unpacked: what a webhook's parser
(webhooks/<network>.py) or polling (fetch.py) hands to ``ingest.store``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.utils import timezone

from .models import InboxItem


@dataclass
class Incoming:
    """One comment or message as a network delivered it, already unpacked."""

    remote_id: str
    kind: str = InboxItem.Kind.COMMENT
    post_remote_id: str = ""
    parent_remote_id: str = ""
    author_id: str = ""
    author_name: str = ""
    author_url: str = ""
    text: str = ""
    attachments: list = field(default_factory=list)
    created_at: datetime | None = None
    raw: dict = field(default_factory=dict)


def from_timestamp(value) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else value.replace(tzinfo=UTC)
    try:
        return datetime.fromtimestamp(int(value), tz=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _attr(obj, *names, default=None):
    for name in names:
        value = obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
        if value not in (None, ""):
            return value
    return default


def incoming_from_remote(comment, raw: dict | None = None) -> Incoming:
    """Unpack a ``syndication.api`` ``RemoteComment`` (or a dict of the same fields)."""
    parent = _attr(comment, "parent_id", "reply_to", "reply_to_comment", default="")
    return Incoming(
        remote_id=str(_attr(comment, "id", "comment_id", "remote_id")),
        kind=_attr(
            comment,
            "kind",
            default=InboxItem.Kind.REPLY if parent else InboxItem.Kind.COMMENT,
        ),
        post_remote_id=str(_attr(comment, "post_id", "post_remote_id", default="")),
        parent_remote_id=str(parent or ""),
        author_id=str(_attr(comment, "author_id", "from_id", default="")),
        author_name=str(_attr(comment, "author_name", default="")),
        author_url=str(_attr(comment, "author_url", default="")),
        text=str(_attr(comment, "text", default="")),
        attachments=list(_attr(comment, "attachments", default=[]) or []),
        created_at=from_timestamp(_attr(comment, "created_at", "date")),
        raw=raw if raw is not None else dict(_attr(comment, "raw", default={}) or {}),
    )
