"""Bringing our blacklist in line with the network's (VK ``groups.getBanned``)."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from . import actions
from .incoming import from_timestamp
from .models import Ban, Reason

logger = logging.getLogger(__name__)
NETWORK_REASONS = {1: Reason.SPAM, 2: Reason.INSULT, 3: Reason.OBSCENE}


def _field(entry, *path):
    for name in path:
        entry = (
            entry.get(name) if isinstance(entry, dict) else getattr(entry, name, None)
        )
        if entry is None:
            return None
    return entry


def sync_bans(account) -> int | None:
    """Number of bans the network listed, or None when the client cannot list them.

    The client's ``get_banned()`` returns the network's entries (VK: ``{type, profile,
    ban_info}``); bans missing from the network are marked lifted."""
    try:
        client = actions.get_client(account)
    except actions.NetworkBlocked:
        return None
    if not hasattr(client, "get_banned"):
        return None
    entries = client.get_banned()
    seen = set()
    with transaction.atomic():
        for entry in entries:
            author_id = _field(entry, "profile", "id") or _field(entry, "group", "id")
            if author_id is None:
                author_id = _field(entry, "user_id") or _field(entry, "id")
            if author_id is None:
                continue
            if _field(entry, "type") == "group":
                author_id = -abs(int(author_id))
            author_id = str(author_id)
            seen.add(author_id)
            profile = _field(entry, "profile") or {}
            name = " ".join(
                p for p in (profile.get("first_name"), profile.get("last_name")) if p
            )
            end = _field(entry, "ban_info", "end_date")
            reason = NETWORK_REASONS.get(_field(entry, "ban_info", "reason"))
            if reason is None:
                # The network only knows «other» (VK's 0): keep the reason our
                # moderator chose («Нарушение закона» stays so).
                known = Ban.objects.filter(account=account, author_id=author_id)
                reason = known.values_list("reason", flat=True).first() or Reason.OTHER
            Ban.objects.update_or_create(
                account=account,
                author_id=author_id,
                defaults={
                    **({"author_name": name} if name else {}),
                    "until": from_timestamp(end) if end else None,
                    "reason": reason,
                    "active": True,
                    "synced": True,
                    "lifted_at": None,
                },
            )
        Ban.objects.filter(account=account, active=True).exclude(
            author_id__in=seen
        ).update(active=False, lifted_at=timezone.now(), synced=True)
    return len(seen)
