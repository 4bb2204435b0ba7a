"""Carrying out what a moderator asked for, on one item or many."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .. import actions
from ..models import InboxItem, ModerationAction, Reason

ACTIONS = {
    "delete": pgettext_lazy("moderation action", "Delete"),
    "hide": _("Hide"),
    "keep": _("Keep"),
    "ban": _("Blacklist"),
    "reply": _("Reply"),
    "take": _("Take into work"),
}
BAN_PERIODS = {
    "1": _("1 day"),
    "7": _("7 days"),
    "30": _("30 days"),
    "365": _("1 year"),
    "": _("Forever"),
}


def ban_until(days: str):
    if days and days.isdigit():
        return timezone.now() + timedelta(days=int(days))
    return None


def act(item: InboxItem, action: str, user, *, reason="", text="", days=""):
    """Do ``action`` on ``item``; the list of ModerationAction rows it produced."""
    reason = reason if reason in Reason.values else Reason.OTHER
    if action == "take":
        item.assignee = user
        item.status = InboxItem.Status.IN_PROGRESS
        item.save(update_fields=["assignee", "status", "updated_at"])
        return [
            ModerationAction.objects.create(
                item=item, account_id=item.account_id, author_id=item.author_id,
                action="assign", user=user, confirmed=True,
            )
        ]  # fmt: skip
    if action == "ban":
        return actions.blacklist(item, user=user, reason=reason, until=ban_until(days))
    if action == "reply":
        if not text.strip():
            return []
        return [actions.perform("reply", account=item.account, item=item, user=user,
                                text=text.strip())]  # fmt: skip
    if action in ("delete", "hide", "keep"):
        return [actions.perform(action, account=item.account, item=item, user=user,
                                reason=reason if action != "keep" else "")]  # fmt: skip
    raise ValueError(action)
