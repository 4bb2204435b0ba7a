"""Authors by name: who wrote an item, with avatar and profile link, from the network.

Some paths give only an id (VK's Callback API sends ``from_id`` and nothing else, so a
VK author read as «9107»). The network's own module here (``moderation.authors.<code>``,
a role module like the webhooks) asks its API (VK: ``users.get`` and
``groups.getById``) through the account's client, and the answer is kept in
``AuthorProfile`` for ``PROFILE_DAYS``. Items that came without a name get it written
into ``author_name``/``author_url``, so the list shows names without a join. A failed
look-up is normal: the item keeps its id and the next look-up tries again."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from functools import cache as memoize
from importlib import import_module

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from accounts_registry.models import Account

from ..actions import get_client
from ..models import AuthorProfile, InboxItem

logger = logging.getLogger(__name__)
PROFILE_DAYS = 7
RETRY_SECONDS = 300


@dataclass
class Found:
    """One author as a network module reports them."""

    author_id: str
    name: str
    avatar_url: str = ""
    profile_url: str = ""


@memoize
def _module(network: str):
    try:
        return import_module(f"{__name__}.{network}")
    except ModuleNotFoundError:
        return None


def can_look_up(network: str) -> bool:
    return _module(network) is not None


def picture_module(network: str):
    """The author module of a network whose pictures the desk serves itself (their
    links carry the account's token, as Telegram's file links do), else None."""
    module = _module(network)
    return module if hasattr(module, "download") else None


def cached(network: str, author_ids) -> dict[str, AuthorProfile]:
    # A network whose picture links expire (Facebook's) keeps them for less.
    days = getattr(_module(network), "PROFILE_DAYS", PROFILE_DAYS)
    fresh = timezone.now() - timedelta(days=days)
    return {
        p.author_id: p
        for p in AuthorProfile.objects.filter(
            network=network, author_id__in=list(author_ids), fetched_at__gte=fresh
        )
    }


def resolve(account, author_ids) -> dict[str, AuthorProfile]:
    """Profiles of ``author_ids`` of ``account``'s network: cached ones, the rest
    looked up in one call per kind. Never raises for a network failure."""
    ids = {str(a) for a in author_ids if str(a or "").strip()}
    found = cached(account.network, ids)
    module = _module(account.network)
    failed_key = f"moderation-author-failed:{account.pk}"
    recently_failed = set(cache.get(failed_key) or ())
    missing = sorted(ids - set(found) - recently_failed)
    if not missing or module is None:
        return found
    try:
        answers = module.lookup(get_client(account), missing)
    except Exception as exc:  # a network fault: names come on a later try
        logger.warning("author look-up on %s failed: %s", account.pk, exc)
        # Not again for a few minutes: an item view must not wait on a dead API.
        cache.set(failed_key, sorted(recently_failed | set(missing)), RETRY_SECONDS)
        return found
    now = timezone.now()
    for answer in answers:
        profile, _ = AuthorProfile.objects.update_or_create(
            network=account.network,
            author_id=answer.author_id,
            defaults={
                "name": answer.name[:300],
                "avatar_url": answer.avatar_url[:500],
                "profile_url": answer.profile_url[:500],
                "fetched_at": now,
            },
        )
        found[profile.author_id] = profile
        _name_items(account.network, profile)
    return found


def _name_items(network: str, profile: AuthorProfile) -> None:
    """Items that arrived with only an id get the name and the link."""
    if not profile.name:
        return
    InboxItem.objects.filter(network=network, author_id=profile.author_id).filter(
        Q(author_name="") | Q(author_name=profile.author_id)
    ).update(author_name=profile.name)
    if profile.safe_profile_url:
        InboxItem.objects.filter(
            network=network, author_id=profile.author_id, author_url=""
        ).update(author_url=profile.safe_profile_url)


def profile_for(item: InboxItem) -> AuthorProfile | None:
    """The item's author, looked up now if the cache has nothing fresh."""
    if not item.author_id:
        return None
    return resolve(item.account, [item.author_id]).get(item.author_id)


def resolve_unnamed(account_id: int, limit: int = 500) -> int:
    """Look up the authors of the account's items that have no name yet (the task
    queued by ingest); how many were found."""
    account = Account.objects.filter(pk=account_id).first()
    if account is None or not can_look_up(account.network):
        return 0
    ids = (
        InboxItem.objects.filter(account=account, author_name="")
        .exclude(author_id="")
        .values_list("author_id", flat=True)
        .distinct()[:limit]
    )
    return len(resolve(account, list(ids)))
