"""A rule tried on the inbox of the last N days, before it is switched on."""

from __future__ import annotations

from datetime import timedelta

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import InboxItem, Rule, WatchedAuthor
from ..permissions import can_edit_rules, moderator_required
from ..rule_engine import rule_matches

DEFAULT_DAYS, MAX_DAYS = 7, 90
MAX_ITEMS = 5000  # items checked, newest first
SHOWN = 200


def _days(value) -> int:
    try:
        return max(1, min(int(value), MAX_DAYS))
    except (TypeError, ValueError):
        return DEFAULT_DAYS


@moderator_required
def dry_run(request, pk: int):
    """Which items of the last ``days`` the rule would have matched, and which of
    them an earlier rule would have taken first (the first match wins)."""
    rule = get_object_or_404(Rule, pk=pk)
    days = _days(request.GET.get("days"))
    since = timezone.now() - timedelta(days=days)
    items = list(
        InboxItem.objects.filter(received_at__gte=since)
        .select_related("account")
        .order_by("-received_at", "-id")[:MAX_ITEMS]
    )
    watched = set(WatchedAuthor.objects.values_list("network", "author_id"))
    earlier = [
        r
        for r in Rule.objects.filter(enabled=True, dry_run=False).exclude(pk=rule.pk)
        if (r.priority, r.pk) < (rule.priority, rule.pk)
    ]
    matches = []
    for item in items:
        is_watched = (item.network, item.author_id) in watched
        if not rule_matches(rule, item, is_watched):
            continue
        first = next((r for r in earlier if rule_matches(r, item, is_watched)), None)
        matches.append((item, first))
    context = {
        "rule": rule,
        "days": days,
        "checked": len(items),
        "capped": len(items) == MAX_ITEMS,
        "matches": matches[:SHOWN],
        "matched": len(matches),
        "taken_first": sum(1 for _item, first in matches if first is not None),
        "can_edit": can_edit_rules(request.user),
        "acts_in_network": rule.action in Rule.NETWORK_ACTIONS,
        "page_title": _("Dry run of a rule"),
    }
    return render(request, "moderation/rule_dry_run.html", context)
