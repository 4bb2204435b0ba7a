"""The period view's «Модерация» and «Изменения в реестре»: the monthly report's own
figures (``report/figures.py``) put in words and a chart for the screen."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from accounts_registry.admin_accounts import account_viewset
from accounts_registry.admin_urls import account_url
from accounts_registry.networks import Network

from ..report import figures

NBSP = "\u00a0"


def duration_words(delta: timedelta | None) -> str:
    """«2 ч 15 мин», «1 день 6 ч», «40 мин»; «—» when nothing was answered."""
    if delta is None:
        return "—"
    minutes = round(delta.total_seconds() / 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = []
    if days:
        parts.append(
            ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
        )
    if hours:
        parts.append(
            ngettext("%(count)d hr", "%(count)d hrs", hours) % {"count": hours}
        )
    # Minutes under a day only: «1 день 6 ч 3 мин» is more than a reader needs.
    if (minutes and not days) or not parts:
        parts.append(
            ngettext("%(count)d min", "%(count)d mins", minutes) % {"count": minutes}
        )
    # A figure never leaves its unit at the end of a line.
    return " ".join(part.replace(" ", NBSP) for part in parts)


def can_open_register(user) -> bool:
    """Whoever the register's account page lets in (Wagtail's inspect view asks for
    any of these); «Руководство» has none of them."""
    return account_viewset.permission_policy.user_has_any_permission(
        user, ["add", "change", "delete", "view"]
    )


def network_label(code: str) -> str:
    return str(dict(Network.choices).get(code, code))


def moderation_context(start, end, now=None) -> dict:
    now = now or timezone.now()
    total = figures.moderation(start, end, now)
    networks = figures.moderation_by_network(start, end, now)
    rows = [
        {
            "name": network_label(m.network),
            "m": m,
            "median": duration_words(m.median),
            "ninetieth": duration_words(m.ninetieth),
        }
        for m in networks
    ]
    reasons = [label for _code, label, _n in total.reasons]
    by_network = []
    for m in networks:
        counts = {label: n for _code, label, n in m.reasons}
        if counts:
            by_network.append(
                {
                    "label": network_label(m.network),
                    "data": [counts.get(label, 0) for label in reasons],
                }
            )
    return {
        "total": total,
        "rows": rows,
        "median": duration_words(total.median),
        "ninetieth": duration_words(total.ninetieth),
        "chart": {"reasons": reasons, "datasets": by_network, "label": _("Removed")},
    }


def register_context(start, end, user) -> dict:
    linked = can_open_register(user)
    kinds = {
        "created": _("Added to the register"),
        "deleted": pgettext("account event", "Deleted"),
        "changed": _("Changed"),
    }
    rows = []
    for change in figures.register_changes(start, end):
        rows.append(
            {
                "change": change,
                "event": kinds[change.kind],
                "what": "" if change.kind == "created" else change.what,
                "url": account_url(change.account) if linked else "",
                "report": change.notice,
                "report_state": change.notice_state,
            }
        )
    count = {kind: sum(r["change"].kind == kind for r in rows) for kind in kinds}
    return {"rows": rows, "count": count}
